// Shape operations: views that share storage (reshape, transpose, slice, select) and
// copies (concat, index_select, broadcast_to), each with its backward beside it.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <vector>

#include "leibniz/tensor/tensor.h"

namespace leibniz::tensor {

/// Same elements, new shape; one dimension may be -1 (inferred). A view when contiguous.
Tensor reshape(const Tensor& t, std::initializer_list<std::int64_t> dims);
Tensor reshape(const Tensor& t, const Shape& shape);
/// Swaps two dimensions (a view).
Tensor transpose(const Tensor& t, std::int64_t d0 = 0, std::int64_t d1 = 1);
/// Elements start..end-1 along `dim` (a view).
Tensor slice(const Tensor& t, std::int64_t dim, std::int64_t start, std::int64_t end);
/// Index `index` along `dim`, which is removed (a view).
Tensor select(const Tensor& t, std::int64_t dim, std::int64_t index);
/// Inserts a dimension of size 1 at `dim`.
Tensor unsqueeze(const Tensor& t, std::int64_t dim);
/// Joins tensors along `dim`; all other dimensions must agree.
Tensor concat(const std::vector<Tensor>& ts, std::int64_t dim = 0);
/// Rows `indices` of t along dimension 0 (batch indexing): (N, ...) -> (len(indices), ...).
Tensor index_select(const Tensor& t, const std::vector<std::int64_t>& indices);
/// A dense copy of t broadcast to `shape`.
Tensor broadcast_to(const Tensor& t, const Shape& shape);

/// Copies src (broadcast to dst's shape, same dtype) into dst's elements; not recorded.
void copy_into(const Tensor& dst, const Tensor& src);
/// A dense row-major copy; not recorded.
Tensor contiguous_copy(const Tensor& t);

}  // namespace leibniz::tensor
