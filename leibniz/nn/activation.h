// Activation layers: an element-wise function as a Module, chosen by name.
#pragma once

#include <string_view>

#include "leibniz/nn/module.h"

namespace leibniz::nn {

enum class ActivationKind { Relu, Tanh, Sigmoid, Gelu, Softplus };

/// "relu", "tanh", "sigmoid", "gelu", "softplus"; throws Error{Request} naming the choices
/// otherwise.
ActivationKind parse_activation(std::string_view name);
std::string_view activation_name(ActivationKind kind);
/// The function itself on a tensor.
Tensor activate(ActivationKind kind, const Tensor& x);

class Activation : public Module {
 public:
  explicit Activation(ActivationKind kind) : kind_(kind) {}
  Tensor forward(const Tensor& x) override { return activate(kind_, x); }
  std::string describe() const override;
  ActivationKind kind() const { return kind_; }

 private:
  ActivationKind kind_;
};

}  // namespace leibniz::nn
