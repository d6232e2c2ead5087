// Shape: the sizes (or strides) of a tensor's dimensions, kept inline (no allocation),
// and the broadcasting rule of NumPy/PyTorch.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>

namespace leibniz::tensor {

inline constexpr std::size_t kMaxDims = 6;

class Shape {
 public:
  Shape() = default;
  Shape(std::initializer_list<std::int64_t> dims);
  explicit Shape(std::span<const std::int64_t> dims);

  std::size_t size() const { return rank_; }
  bool empty() const { return rank_ == 0; }
  std::int64_t operator[](std::size_t i) const { return dims_[i]; }
  std::int64_t& operator[](std::size_t i) { return dims_[i]; }
  const std::int64_t* begin() const { return dims_.data(); }
  const std::int64_t* end() const { return dims_.data() + rank_; }
  std::int64_t back() const { return dims_[rank_ - 1]; }
  void push_back(std::int64_t d);

  /// Product of the sizes (1 for a scalar's empty shape).
  std::int64_t numel() const;
  bool operator==(const Shape& other) const;
  /// "(2, 3)"
  std::string str() const;

 private:
  std::array<std::int64_t, kMaxDims> dims_{};
  std::size_t rank_ = 0;
};

/// Row-major strides of a contiguous tensor of this shape, in elements.
Shape contiguous_strides(const Shape& shape);

/// The broadcast of two shapes; throws Error{Domain} naming both when they do not fit.
Shape broadcast_shapes(const Shape& a, const Shape& b);

/// A dimension index that may be negative (-1 is the last) as 0..rank-1; throws when out of range.
std::size_t normalize_dim(std::int64_t dim, std::size_t rank);

}  // namespace leibniz::tensor
