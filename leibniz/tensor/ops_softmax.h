// Softmax and log-softmax along a dimension, computed stably (the row maximum is
// subtracted before exponentiating, so large logits never overflow).
#pragma once

#include <cstdint>

#include "leibniz/tensor/tensor.h"

namespace leibniz::tensor {

Tensor softmax(const Tensor& t, std::int64_t dim = -1);
Tensor log_softmax(const Tensor& t, std::int64_t dim = -1);

}  // namespace leibniz::tensor
