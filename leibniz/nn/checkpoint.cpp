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

void save_checkpoint(const std::string& path, const Module& model, const ModelSpec& spec,
                     const nn::Standardizer& standardizer, const optim::Optimizer* optimizer,
                     std::int64_t epoch, const std::map<std::string, std::string>& extra) {
  nn::NamedTensors tensors = model.named_parameters();
  auto n = static_cast<std::int64_t>(standardizer.mean.size());
  tensors.emplace_back(kMean, tensor::from_vector(standardizer.mean, {n}, tensor::DType::F64));
  tensors.emplace_back(kScale, tensor::from_vector(standardizer.scale, {n}, tensor::DType::F64));
  if (optimizer != nullptr) {
    for (auto& [name, t] : optimizer->state()) tensors.emplace_back(kOptimizerPrefix + name, t);
  }
  std::map<std::string, std::string> metadata = spec.to_metadata();
  metadata["format"] = "leibniz-model-1";
  metadata["epoch"] = std::to_string(epoch);
  for (auto& [k, v] : extra) metadata[k] = v;
  nn::save_safetensors(path, tensors, metadata);
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
