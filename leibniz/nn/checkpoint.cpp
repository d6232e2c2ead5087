#include "leibniz/nn/checkpoint.h"

#include <fmt/format.h>

#include "leibniz/core/error.h"
#include "leibniz/tensor/ops_view.h"

namespace leibniz::nn {
namespace {

const std::string kOptimizerPrefix = "optimizer.";
const std::string kMean = "standardize.mean";
const std::string kScale = "standardize.scale";

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.rfind(prefix, 0) == 0;
}

}  // namespace

Checkpoint make_checkpoint(const Module& model, const ModelSpec& spec,
                           const nn::Standardizer& standardizer, const optim::Optimizer* optimizer,
                           std::int64_t epoch, const std::map<std::string, std::string>& extra) {
  Checkpoint c;
  c.spec = spec;
  c.parameters = model.named_parameters();
  if (optimizer != nullptr) c.optimizer_state = optimizer->state();
  c.standardizer = standardizer;
  c.epoch = epoch;
  c.metadata = spec.to_metadata();
  c.metadata["format"] = "leibniz-model-1";
  c.metadata["epoch"] = std::to_string(epoch);
  for (auto& [k, v] : extra) c.metadata[k] = v;
  return c;
}

void save_checkpoint(const std::string& path, const Checkpoint& c) {
  nn::NamedTensors tensors = c.parameters;
  auto n = static_cast<std::int64_t>(c.standardizer.mean.size());
  tensors.emplace_back(kMean, tensor::from_vector(c.standardizer.mean, {n}, tensor::DType::F64));
  tensors.emplace_back(kScale, tensor::from_vector(c.standardizer.scale, {n}, tensor::DType::F64));
  for (auto& [name, t] : c.optimizer_state) tensors.emplace_back(kOptimizerPrefix + name, t);
  nn::save_safetensors(path, tensors, c.metadata);
}

void save_checkpoint(const std::string& path, const Module& model, const ModelSpec& spec,
                     const nn::Standardizer& standardizer, const optim::Optimizer* optimizer,
                     std::int64_t epoch, const std::map<std::string, std::string>& extra) {
  save_checkpoint(path, make_checkpoint(model, spec, standardizer, optimizer, epoch, extra));
}

Checkpoint load_checkpoint(const std::string& path) {
  nn::Safetensors file = nn::load_safetensors(path);
  Checkpoint c;
  c.spec = ModelSpec::from_metadata(file.metadata, path);
  c.metadata = file.metadata;
  auto it = file.metadata.find("epoch");
  if (it != file.metadata.end()) {
    try {
      c.epoch = std::stoll(it->second);
    } catch (const std::exception&) {
      throw Error(ErrorKind::Request,
                  fmt::format("{}: metadata 'epoch' is not a count: '{}'", path, it->second));
    }
  }
  for (auto& [name, t] : file.tensors) {
    if (name == kMean) {
      c.standardizer.mean = t.to_vector();
    } else if (name == kScale) {
      c.standardizer.scale = t.to_vector();
    } else if (starts_with(name, kOptimizerPrefix)) {
      c.optimizer_state.emplace_back(name.substr(kOptimizerPrefix.size()), t);
    } else {
      c.parameters.emplace_back(name, t);
    }
  }
  return c;
}

void load_parameters(const Module& model, const nn::NamedTensors& saved,
                     const std::string& source) {
  for (auto& [name, p] : model.named_parameters()) {
    const tensor::Tensor* found = nullptr;
    for (auto& [other, t] : saved)
      if (other == name) found = &t;
    if (found == nullptr)
      throw Error(ErrorKind::Request, fmt::format("{}: no parameter '{}'", source, name));
    if (found->shape() != p.shape()) {
      throw Error(ErrorKind::Request,
                  fmt::format("{}: parameter '{}' has shape {}, the model needs {}", source, name,
                              found->shape().str(), p.shape().str()));
    }
    tensor::copy_into(p, found->to(p.dtype()));
  }
}

}  // namespace leibniz::nn
