// A trained model on disk (safetensors): the parameters by name, the architecture and
// training state in the metadata, the standardisation and optimiser buffers as tensors,
// so that training can resume where it stopped.
#pragma once

#include <map>
#include <string>

#include "leibniz/nn/dataset.h"
#include "leibniz/nn/model_spec.h"
#include "leibniz/nn/safetensors.h"
#include "leibniz/optim/optimizer.h"

namespace leibniz::nn {

struct Checkpoint {
  ModelSpec spec;
  std::map<std::string, std::string> metadata;  ///< everything, the spec's keys included
  nn::NamedTensors parameters;                  ///< by the model's parameter names
  nn::NamedTensors optimizer_state;
  nn::Standardizer standardizer;
  std::int64_t epoch = 0;  ///< epochs trained so far
};

/// The checkpoint of a model in memory (its parameters shared, not copied). `extra` adds
/// metadata (task, loss, optimiser name, ...).
Checkpoint make_checkpoint(const Module& model, const ModelSpec& spec,
                           const nn::Standardizer& standardizer, const optim::Optimizer* optimizer,
                           std::int64_t epoch, const std::map<std::string, std::string>& extra);
/// Saves atomically.
void save_checkpoint(const std::string& path, const Checkpoint& checkpoint);
void save_checkpoint(const std::string& path, const Module& model, const ModelSpec& spec,
                     const nn::Standardizer& standardizer, const optim::Optimizer* optimizer,
                     std::int64_t epoch, const std::map<std::string, std::string>& extra);
Checkpoint load_checkpoint(const std::string& path);

/// Copies saved parameters into `model`; Error{Request} naming `source` on a missing name or wrong
/// shape.
void load_parameters(const Module& model, const nn::NamedTensors& saved, const std::string& source);

}  // namespace leibniz::nn
