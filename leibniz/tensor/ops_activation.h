// Element-wise functions: the activations of the notes and more. Each forward is one
// row of the table in ops_activation.cpp together with its derivative.
#pragma once

#include "leibniz/tensor/tensor.h"

namespace leibniz::tensor {

Tensor exp(const Tensor& t);
/// Natural logarithm.
Tensor log(const Tensor& t);
Tensor sqrt(const Tensor& t);
/// t^p for a constant exponent p.
Tensor pow(const Tensor& t, double p);
Tensor square(const Tensor& t);
Tensor abs(const Tensor& t);
/// 1 / (1 + e^-t), computed without overflow.
Tensor sigmoid(const Tensor& t);
Tensor tanh(const Tensor& t);
/// max(t, 0); its derivative at 0 is taken as 0.
Tensor relu(const Tensor& t);
/// ln(1 + e^t), computed without overflow.
Tensor softplus(const Tensor& t);
/// t * Phi(t) with Phi the standard normal CDF (the exact, erf form).
Tensor gelu(const Tensor& t);

}  // namespace leibniz::tensor
