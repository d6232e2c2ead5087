// Element-wise arithmetic with NumPy broadcasting: tensor (op) tensor and tensor (op)
// number. Backward of a broadcast input sums over the broadcast dimensions (GradSink).
#pragma once

#include "leibniz/tensor/tensor.h"

namespace leibniz::tensor {

Tensor add(const Tensor& a, const Tensor& b);
Tensor sub(const Tensor& a, const Tensor& b);
Tensor mul(const Tensor& a, const Tensor& b);
Tensor div(const Tensor& a, const Tensor& b);
/// scale * t + shift, element-wise.
Tensor affine(const Tensor& t, double scale, double shift);

inline Tensor operator+(const Tensor& a, const Tensor& b) { return add(a, b); }
inline Tensor operator-(const Tensor& a, const Tensor& b) { return sub(a, b); }
inline Tensor operator*(const Tensor& a, const Tensor& b) { return mul(a, b); }
inline Tensor operator/(const Tensor& a, const Tensor& b) { return div(a, b); }
inline Tensor operator-(const Tensor& t) { return affine(t, -1.0, 0.0); }
inline Tensor operator+(const Tensor& t, double s) { return affine(t, 1.0, s); }
inline Tensor operator+(double s, const Tensor& t) { return affine(t, 1.0, s); }
inline Tensor operator-(const Tensor& t, double s) { return affine(t, 1.0, -s); }
inline Tensor operator-(double s, const Tensor& t) { return affine(t, -1.0, s); }
inline Tensor operator*(const Tensor& t, double s) { return affine(t, s, 0.0); }
inline Tensor operator*(double s, const Tensor& t) { return affine(t, s, 0.0); }
inline Tensor operator/(const Tensor& t, double s) { return affine(t, 1.0 / s, 0.0); }

}  // namespace leibniz::tensor
