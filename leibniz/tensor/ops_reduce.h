// Reductions: sum, mean and max, over all elements or along one dimension.
#pragma once

#include <cstdint>

#include "leibniz/tensor/tensor.h"

namespace leibniz::tensor {

/// Sum of all elements (a scalar).
Tensor sum(const Tensor& t);
/// Sum along `dim`, which is kept with size 1 when keepdim.
Tensor sum(const Tensor& t, std::int64_t dim, bool keepdim = false);
Tensor mean(const Tensor& t);
Tensor mean(const Tensor& t, std::int64_t dim, bool keepdim = false);
/// Largest element (a scalar); the gradient goes to the first largest.
Tensor max(const Tensor& t);
/// Largest element along `dim`; the gradient goes to the first largest of each slice.
Tensor max(const Tensor& t, std::int64_t dim, bool keepdim = false);
/// Index of the largest element along the last dimension of a 2-d tensor, per row.
std::vector<std::int64_t> argmax_rows(const Tensor& t);

/// Sums g over the dimensions that broadcasting added or stretched, giving `shape`
/// (the backward of broadcasting).
Tensor sum_to(const Tensor& g, const Shape& shape);

}  // namespace leibniz::tensor
