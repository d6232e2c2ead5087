// Recurrent layers unrolled over time, trained by backpropagation through time:
// the Elman RNN (one fused tensor op) and the LSTM (built from tensor ops).
// Legend: T time steps, B batch, I input features, H hidden units.
#pragma once

#include "leibniz/nn/module.h"

namespace leibniz::nn {

/// h_t = tanh(W_ih x_t + W_hh h_{t-1} + b), h_0 = 0.
class Rnn : public Module {
 public:
  Rnn(std::int64_t input, std::int64_t hidden, tensor::Generator& gen,
      tensor::DType dtype = tensor::DType::F32);
  /// x (T, B, I) -> every hidden state (T, B, H).
  Tensor forward(const Tensor& x) override;
  std::vector<std::pair<std::string, Tensor>> named_parameters() const override;
  std::string describe() const override;

  Tensor w_ih;  // (H, I)
  Tensor w_hh;  // (H, H)
  Tensor bias;  // (H)
};

/// The LSTM of Hochreiter and Schmidhuber with a forget gate; gates in PyTorch's order
/// (input, forget, cell, output):
///   i,f,o = sigmoid(.), g = tanh(.), c_t = f c_{t-1} + i g, h_t = o tanh(c_t).
class Lstm : public Module {
 public:
  Lstm(std::int64_t input, std::int64_t hidden, tensor::Generator& gen,
       tensor::DType dtype = tensor::DType::F32);
  /// x (T, B, I) -> every hidden state (T, B, H).
  Tensor forward(const Tensor& x) override;
  std::vector<std::pair<std::string, Tensor>> named_parameters() const override;
  std::string describe() const override;

  Tensor w_ih;  // (4H, I)
  Tensor w_hh;  // (4H, H)
  Tensor bias;  // (4H)
};

/// Reads each row of a (B, T*I) batch as a sequence of T inputs of I features, runs a
/// recurrent layer over it and returns the last hidden state (B, H).
class SequenceLast : public Module {
 public:
  SequenceLast(std::unique_ptr<Module> recurrent, std::int64_t input);
  Tensor forward(const Tensor& x) override;
  std::vector<std::pair<std::string, Tensor>> named_parameters() const override;
  std::string describe() const override;

 private:
  std::unique_ptr<Module> recurrent_;
  std::int64_t input_;
};

}  // namespace leibniz::nn
