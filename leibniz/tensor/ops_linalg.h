// Matrix products through OpenBLAS: matmul and the fused affine map of a Linear layer.
#pragma once

#include "leibniz/tensor/tensor.h"

namespace leibniz::tensor {

/// (M, K) x (K, N) -> (M, N). Transposed views are passed to BLAS as such, uncopied.
Tensor matmul(const Tensor& a, const Tensor& b);
/// x w^T + b: x is (B, in), w is (out, in) (PyTorch's layout), b is (out) or undefined.
Tensor linear(const Tensor& x, const Tensor& w, const Tensor& b);

}  // namespace leibniz::tensor
