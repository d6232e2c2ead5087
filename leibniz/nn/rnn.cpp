#include "leibniz/nn/rnn.h"

#include <cmath>

#include "leibniz/core/error.h"
#include "leibniz/tensor/ops_activation.h"
#include "leibniz/tensor/ops_elementwise.h"
#include "leibniz/tensor/ops_linalg.h"
#include "leibniz/tensor/ops_rnn.h"
#include "leibniz/tensor/ops_view.h"

namespace leibniz::nn {
namespace {

// PyTorch's recurrent initialisation: every weight and bias U(-1/sqrt(H), 1/sqrt(H)).
Tensor uniform_param(const tensor::Shape& shape, std::int64_t hidden, tensor::Generator& gen,
                     tensor::DType dtype) {
  double a = 1.0 / std::sqrt(static_cast<double>(hidden));
  Tensor t = tensor::rand_uniform(shape, -a, a, gen, dtype);
  t.set_requires_grad(true);
  return t;
}

void check_sequence(const Tensor& x, std::int64_t input, const char* layer) {
  if (x.dim() != 3 || x.shape()[2] != input) {
    throw Error(ErrorKind::Domain, std::string(layer) + " expects input (T, B, " +
                                       std::to_string(input) + "); got " + x.shape().str());
  }
}

}  // namespace

Rnn::Rnn(std::int64_t input, std::int64_t hidden, tensor::Generator& gen, tensor::DType dtype)
    : w_ih(uniform_param({hidden, input}, hidden, gen, dtype)),
      w_hh(uniform_param({hidden, hidden}, hidden, gen, dtype)),
      bias(uniform_param({hidden}, hidden, gen, dtype)) {}

Tensor Rnn::forward(const Tensor& x) {
  check_sequence(x, w_ih.shape()[1], "Rnn");
  return tensor::rnn_tanh(x, Tensor(), w_ih, w_hh, bias);
}

std::vector<std::pair<std::string, Tensor>> Rnn::named_parameters() const {
  return {{"w_ih", w_ih}, {"w_hh", w_hh}, {"bias", bias}};
}

std::string Rnn::describe() const {
  return "Rnn(" + std::to_string(w_ih.shape()[1]) + ", " + std::to_string(w_ih.shape()[0]) + ")";
}

Lstm::Lstm(std::int64_t input, std::int64_t hidden, tensor::Generator& gen, tensor::DType dtype)
    : w_ih(uniform_param({4 * hidden, input}, hidden, gen, dtype)),
      w_hh(uniform_param({4 * hidden, hidden}, hidden, gen, dtype)),
      bias(uniform_param({4 * hidden}, hidden, gen, dtype)) {}

Tensor Lstm::forward(const Tensor& x) {
  using namespace tensor;
  check_sequence(x, w_ih.shape()[1], "Lstm");
  std::int64_t steps = x.shape()[0], batch = x.shape()[1], hidden = w_hh.shape()[1];
  Tensor h = zeros({batch, hidden}, x.dtype());  // (B, H)
  Tensor c = zeros({batch, hidden}, x.dtype());  // (B, H)
  Tensor w_hh_t = transpose(w_hh);               // (H, 4H)
  std::vector<Tensor> hs;
  for (std::int64_t t = 0; t < steps; ++t) {
    Tensor gates = linear(select(x, 0, t), w_ih, bias) + matmul(h, w_hh_t);  // (B, 4H)
    Tensor i = sigmoid(slice(gates, 1, 0, hidden));
    Tensor f = sigmoid(slice(gates, 1, hidden, 2 * hidden));
    Tensor g = tanh(slice(gates, 1, 2 * hidden, 3 * hidden));
    Tensor o = sigmoid(slice(gates, 1, 3 * hidden, 4 * hidden));
    c = f * c + i * g;
    h = o * tanh(c);
    hs.push_back(unsqueeze(h, 0));
  }
  return concat(hs, 0);
}

std::vector<std::pair<std::string, Tensor>> Lstm::named_parameters() const {
  return {{"w_ih", w_ih}, {"w_hh", w_hh}, {"bias", bias}};
}

std::string Lstm::describe() const {
  return "Lstm(" + std::to_string(w_ih.shape()[1]) + ", " + std::to_string(w_hh.shape()[1]) + ")";
}

SequenceLast::SequenceLast(std::unique_ptr<Module> recurrent, std::int64_t input)
    : recurrent_(std::move(recurrent)), input_(input) {}

Tensor SequenceLast::forward(const Tensor& x) {
  if (x.dim() != 2 || x.shape()[1] % input_ != 0) {
    throw Error(ErrorKind::Domain, "a sequence batch must be (B, T*" + std::to_string(input_) +
                                       "); got " + x.shape().str());
  }
  std::int64_t batch = x.shape()[0], steps = x.shape()[1] / input_;
  // (B, T*I) -> (B, T, I) -> (T, B, I)
  Tensor seq = tensor::transpose(tensor::reshape(x, {batch, steps, input_}), 0, 1).contiguous();
  Tensor hs = recurrent_->forward(seq);
  return tensor::select(hs, 0, steps - 1);
}

std::vector<std::pair<std::string, Tensor>> SequenceLast::named_parameters() const {
  return recurrent_->named_parameters();
}

std::string SequenceLast::describe() const { return recurrent_->describe(); }

}  // namespace leibniz::nn
