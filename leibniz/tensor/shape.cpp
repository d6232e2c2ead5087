#include "leibniz/tensor/shape.h"

#include <algorithm>
#include <cstdint>

#include "leibniz/core/error.h"

namespace leibniz::tensor {

Shape::Shape(std::initializer_list<std::int64_t> dims)
    : Shape(std::span(dims.begin(), dims.size())) {}

Shape::Shape(std::span<const std::int64_t> dims) {
  if (dims.size() > kMaxDims) {
    throw Error(ErrorKind::Limit,
                "tensors have at most " + std::to_string(kMaxDims) + " dimensions");
  }
  for (std::int64_t d : dims) push_back(d);
}

void Shape::push_back(std::int64_t d) {
  if (rank_ == kMaxDims) {
    throw Error(ErrorKind::Limit,
                "tensors have at most " + std::to_string(kMaxDims) + " dimensions");
  }
  if (d < 0) throw Error(ErrorKind::Domain, "negative dimension " + std::to_string(d));
  dims_[rank_++] = d;
}

std::int64_t Shape::numel() const {
  std::int64_t n = 1;
  for (std::int64_t d : *this) {
    if (__builtin_mul_overflow(n, d, &n)) {
      throw Error(ErrorKind::Limit, "a tensor of shape " + str() + " has more than " +
                                        std::to_string(INT64_MAX) + " elements");
    }
  }
  return n;
}

bool Shape::operator==(const Shape& other) const {
  return rank_ == other.rank_ && std::equal(begin(), end(), other.begin());
}

std::string Shape::str() const {
  std::string s = "(";
  for (std::size_t i = 0; i < rank_; ++i) {
    if (i > 0) s += ", ";
    s += std::to_string(dims_[i]);
  }
  if (rank_ == 1) s += ",";
  return s + ")";
}

Shape contiguous_strides(const Shape& shape) {
  Shape strides = shape;
  std::int64_t step = 1;
  for (std::size_t i = shape.size(); i-- > 0;) {
    strides[i] = step;
    step *= std::max<std::int64_t>(shape[i], 1);
  }
  return strides;
}

Shape broadcast_shapes(const Shape& a, const Shape& b) {
  if (a == b) return a;
  std::size_t rank = std::max(a.size(), b.size());
  Shape out;
  for (std::size_t i = 0; i < rank; ++i) {
    // Align from the right: dimension i of the result is a[i - (rank - a.size())].
    std::int64_t da = i + a.size() >= rank ? a[i + a.size() - rank] : 1;
    std::int64_t db = i + b.size() >= rank ? b[i + b.size() - rank] : 1;
    if (da != db && da != 1 && db != 1) {
      throw Error(ErrorKind::Domain, "shapes " + a.str() + " and " + b.str() + " do not broadcast");
    }
    out.push_back(da == 1 ? db : da);
  }
  return out;
}

std::size_t normalize_dim(std::int64_t dim, std::size_t rank) {
  std::int64_t r = static_cast<std::int64_t>(rank);
  if (dim < -r || dim >= r) {
    throw Error(ErrorKind::Domain, "dimension " + std::to_string(dim) +
                                       " is out of range for a tensor with " +
                                       std::to_string(rank) + " dimensions");
  }
  return static_cast<std::size_t>(dim < 0 ? dim + r : dim);
}

}  // namespace leibniz::tensor
