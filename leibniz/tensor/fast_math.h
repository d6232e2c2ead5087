// Internal: a branch-free float tanh that the compiler vectorises (std::tanh is a
// library call per element). Rational minimax approximation from Eigen's
// generic_fast_tanh_float (GenericPacketMathFunctions.h); error about 1e-7 relative.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace leibniz::tensor::detail {

inline float fast_tanh(float x) {
  const float c = 7.90531110763549805f;  // tanh(c) rounds to 1 in float
  x = std::clamp(x, -c, c);
  const float x2 = x * x;
  float p = -2.76076847742355e-16f;
  p = x2 * p + 2.00018790482477e-13f;
  p = x2 * p + -8.60467152213735e-11f;
  p = x2 * p + 5.12229709037114e-08f;
  p = x2 * p + 1.48572235717979e-05f;
  p = x2 * p + 6.37261928875436e-04f;
  p = x2 * p + 4.89352455891786e-03f;
  p = x * p;
  float q = 1.19825839466702e-06f;
  q = x2 * q + 1.18534705686654e-04f;
  q = x2 * q + 2.26843463243900e-03f;
  q = x2 * q + 4.89352518554385e-03f;
  return p / q;
}

inline double fast_tanh(double x) { return std::tanh(x); }

/// y[i] = tanh(x[i]) for i < n (x and y may be the same array); AVX2 where the CPU has it.
void tanh_array(const float* x, float* y, std::int64_t n);
void tanh_array(const double* x, double* y, std::int64_t n);

}  // namespace leibniz::tensor::detail
