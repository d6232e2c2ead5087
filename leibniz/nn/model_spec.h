// ModelSpec: the architecture of a network trained by `leibniz train`, built into a
// Sequential and written to / read from a saved model's metadata.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "leibniz/nn/activation.h"
#include "leibniz/nn/sequential.h"

namespace leibniz::nn {

enum class ModelKind { Mlp, Rnn, Lstm };

struct ModelSpec {
  ModelKind kind = ModelKind::Mlp;
  std::int64_t inputs = 1;           ///< features per row
  std::vector<std::int64_t> hidden;  ///< MLP: widths of hidden layers; RNN/LSTM: {H}
  std::int64_t outputs = 1;
  ActivationKind activation = ActivationKind::Relu;
  std::int64_t step_inputs = 1;  ///< RNN/LSTM: features per time step (inputs = T * step_inputs)
  tensor::DType dtype = tensor::DType::F32;

  /// MLP: Linear, activation, ..., Linear. RNN/LSTM: SequenceLast(recurrent), Linear.
  std::unique_ptr<Sequential> build(tensor::Generator& gen) const;
  std::map<std::string, std::string> to_metadata() const;
  /// Throws Error{Request} naming `source` when the metadata does not describe a model.
  static ModelSpec from_metadata(const std::map<std::string, std::string>& metadata,
                                 const std::string& source);
};

/// "mlp", "rnn", "lstm"; Error{Request} otherwise.
ModelKind parse_model_kind(const std::string& name);
std::string model_kind_name(ModelKind kind);

}  // namespace leibniz::nn
