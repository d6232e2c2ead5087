// Losses, each one fused operation whose gradient is computed with its value. Targets
// are constants (no gradient flows into them). All are stable for large inputs.
#pragma once

#include <cstdint>
#include <vector>

#include "leibniz/tensor/tensor.h"

namespace leibniz::nn {

using tensor::Tensor;

/// mean((pred - target)^2) over all elements.
Tensor mse_loss(const Tensor& pred, const Tensor& target);
/// The notes' C = 1/2 ||f(x) - y||^2, averaged over the batch (dimension 0):
/// sum((pred - target)^2) / (2 B).
Tensor half_squared_error(const Tensor& pred, const Tensor& target);
/// Binary cross-entropy on logits z with labels y in [0, 1], averaged:
/// max(z, 0) - z y + ln(1 + e^-|z|)  (never exponentiates a large positive number).
Tensor bce_with_logits(const Tensor& logits, const Tensor& target);
/// Softmax cross-entropy of logits (B, C) against class indices, averaged over B:
/// logsumexp(z_b) - z_b[y_b]. Throws Error{Domain} for a label outside 0..C-1.
Tensor cross_entropy(const Tensor& logits, const std::vector<std::int64_t>& labels);

/// Share of rows whose largest logit is at the label.
double accuracy(const Tensor& logits, const std::vector<std::int64_t>& labels);

}  // namespace leibniz::nn
