#include "leibniz/nn/activation.h"

#include <string>

#include "leibniz/core/error.h"
#include "leibniz/tensor/ops_activation.h"

namespace leibniz::nn {

ActivationKind parse_activation(std::string_view name) {
  if (name == "relu") return ActivationKind::Relu;
  if (name == "tanh") return ActivationKind::Tanh;
  if (name == "sigmoid") return ActivationKind::Sigmoid;
  if (name == "gelu") return ActivationKind::Gelu;
  if (name == "softplus") return ActivationKind::Softplus;
  throw Error(ErrorKind::Request, "unknown activation '" + std::string(name) +
                                      "' (expected relu, tanh, sigmoid, gelu or softplus)");
}

std::string_view activation_name(ActivationKind kind) {
  switch (kind) {
    case ActivationKind::Relu: return "relu";
    case ActivationKind::Tanh: return "tanh";
    case ActivationKind::Sigmoid: return "sigmoid";
    case ActivationKind::Gelu: return "gelu";
    case ActivationKind::Softplus: return "softplus";
  }
  return "relu";
}

Tensor activate(ActivationKind kind, const Tensor& x) {
  switch (kind) {
    case ActivationKind::Relu: return tensor::relu(x);
    case ActivationKind::Tanh: return tensor::tanh(x);
    case ActivationKind::Sigmoid: return tensor::sigmoid(x);
    case ActivationKind::Gelu: return tensor::gelu(x);
    case ActivationKind::Softplus: return tensor::softplus(x);
  }
  return x;
}

std::string Activation::describe() const { return std::string(activation_name(kind_)); }

}  // namespace leibniz::nn
