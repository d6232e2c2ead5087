// Internal: loops over strided tensors one innermost row at a time, so kernels keep a
// plain inner loop the compiler can vectorise. Used by ops_*.cpp only.
#pragma once

#include <array>
#include <cstdint>

#include "leibniz/tensor/shape.h"
#include "leibniz/tensor/tensor.h"

namespace leibniz::tensor::detail {

/// `t`'s strides seen as a tensor of shape `out` (0 along broadcast dimensions).
inline Shape broadcast_strides(const Tensor& t, const Shape& out) {
  Shape s;
  std::size_t lead = out.size() - t.dim();
  for (std::size_t i = 0; i < out.size(); ++i) {
    s.push_back(i < lead || t.shape()[i - lead] == 1 ? 0 : t.strides()[i - lead]);
  }
  return s;
}

/// For each innermost row of `shape`, calls f(offsets, n, inner_strides) where offsets[k]
/// is operand k's element offset of the row start under strides[k].
template <std::size_t K, typename F>
void for_each_row(const Shape& shape, const std::array<Shape, K>& strides, F&& f) {
  std::array<std::int64_t, K> off{};
  std::array<std::int64_t, K> inner{};
  std::size_t rank = shape.size();
  if (rank == 0) {
    f(off, std::int64_t{1}, inner);
    return;
  }
  std::int64_t n = shape[rank - 1];
  if (shape.numel() == 0) return;
  for (std::size_t k = 0; k < K; ++k) inner[k] = strides[k][rank - 1];
  std::int64_t rows = shape.numel() / n;
  std::array<std::int64_t, kMaxDims> idx{};
  for (std::int64_t r = 0; r < rows; ++r) {
    f(off, n, inner);
    for (std::size_t d = rank - 1; d-- > 0;) {
      ++idx[d];
      for (std::size_t k = 0; k < K; ++k) off[k] += strides[k][d];
      if (idx[d] < shape[d]) break;
      for (std::size_t k = 0; k < K; ++k) off[k] -= strides[k][d] * shape[d];
      idx[d] = 0;
    }
  }
}

}  // namespace leibniz::tensor::detail
