// Element types of tensors (float32, float64) and the one place that turns a runtime
// dtype into a compile-time element type.
#pragma once

#include <cstddef>
#include <string_view>

namespace leibniz::tensor {

enum class DType { F32, F64 };

inline std::size_t dtype_size(DType dtype) { return dtype == DType::F32 ? 4 : 8; }
inline std::string_view dtype_name(DType dtype) {
  return dtype == DType::F32 ? "float32" : "float64";
}

template <typename T>
constexpr DType dtype_of();
template <>
constexpr DType dtype_of<float>() {
  return DType::F32;
}
template <>
constexpr DType dtype_of<double>() {
  return DType::F64;
}

/// Calls f(T{}) with T the element type of `dtype`:
///   dispatch(t.dtype(), [&](auto tag) { using T = decltype(tag); ... });
template <typename F>
decltype(auto) dispatch(DType dtype, F&& f) {
  if (dtype == DType::F32) return f(float{});
  return f(double{});
}

}  // namespace leibniz::tensor
