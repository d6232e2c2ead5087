// The elementary functions of the tapes (tape.h, tape_compiled.h), one definition for both.
// tanh is within 2 ulp of the exact value and has no branches, so that a loop over an
// array of it vectorises (glibc's tanh, about 20 ns, dominated tanh-heavy graphs).
//
//   tanh x = sign(x) · e / (e + 2),  e = expm1(2|x|)   (no cancellation for small |x|)
#pragma once

#include <bit>
#include <cmath>
#include <cstdint>

namespace leibniz::graph {

/// exp(x) − 1 for 0 ≤ x ≤ 40, to about 1 ulp: x = k·ln 2 + r with 0 ≤ r < ln 2 (Cody and
/// Waite's split of ln 2, as in fdlibm), then 2^k · expm1(r) + (2^k − 1), a sum of two
/// non-negative terms (rounding k down rather than to nearest avoids a cancellation).
inline double tape_expm1(double x) {
  constexpr double inv_ln2 = 1.44269504088896338700e+00;
  constexpr double ln2_hi = 6.93147180369123816490e-01;  // k · ln2_hi is exact for k < 2^11
  constexpr double ln2_lo = 1.90821492927058770002e-10;
  constexpr double shifter = 0x1.8p52;             // adding it rounds to an integer in the low bits
  const double t = (x * inv_ln2 - 0.5) + shifter;  // k = floor(x / ln 2), or one less
  const double k = t - shifter;
  const double r = (x - k * ln2_hi) - k * ln2_lo;
  // expm1(r) = r + r² · (1/2! + r/3! + … + r^14/16!): Taylor, truncation below 1e-17
  // relative for 0 ≤ r < 0.7.
  double q = 1.0 / 20922789888000.0;  // 1/16!
  q = q * r + 1.0 / 1307674368000.0;
  q = q * r + 1.0 / 87178291200.0;
  q = q * r + 1.0 / 6227020800.0;
  q = q * r + 1.0 / 479001600.0;
  q = q * r + 1.0 / 39916800.0;
  q = q * r + 1.0 / 3628800.0;
  q = q * r + 1.0 / 362880.0;
  q = q * r + 1.0 / 40320.0;
  q = q * r + 1.0 / 5040.0;
  q = q * r + 1.0 / 720.0;
  q = q * r + 1.0 / 120.0;
  q = q * r + 1.0 / 24.0;
  q = q * r + 1.0 / 6.0;
  q = q * r + 0.5;
  const double em = r + r * r * q;
  // 2^k from the low bits of t (k ≥ 0 here): the exponent field k + 1023.
  const double scale = std::bit_cast<double>((std::bit_cast<std::uint64_t>(t) + 1023) << 52);
  return scale * em + (scale - 1.0);
}

/// tanh x to a few ulp, for every double (±0, subnormals, ±∞ and NaN included).
inline double tape_tanh(double x) {
  // |x| clamped at 20, where tanh rounds to 1, so that expm1 stays finite; NaN stays NaN.
  // (Two quiet selects: GCC vectorises them, where a plain ax > 20 would need
  // -fno-trapping-math.)
  double ax = std::fabs(x);
  ax = std::isless(ax, 20.0) ? ax : 20.0;
  ax = std::isnan(x) ? x : ax;
  const double e = tape_expm1(2.0 * ax);
  return std::copysign(e / (e + 2.0), x);
}

inline double tape_sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

}  // namespace leibniz::graph
