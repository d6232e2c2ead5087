// Definite integrals: exact by the fundamental theorem, F(b) − F(a), when an
// antiderivative is found and the integrand is finite on [a, b] (confirmed by
// quadrature); otherwise, or on request, adaptive Gauss–Kronrod with an error estimate.
#pragma once

#include <string>
#include <string_view>

#include "leibniz/expr/expr.h"

namespace leibniz {

/// A bound of integration: an expression, or ±∞.
struct Bound {
  Expr value;        ///< null when infinite
  int infinity = 0;  ///< −1: −∞, +1: +∞, 0: finite
  /// "inf", "+inf", "-inf", "oo", "-oo", "infinity" or an expression ("pi/2").
  static Bound parse(std::string_view text);
  double to_double() const;
  std::string text() const;
};

struct DefiniteIntegral {
  Expr exact;           ///< the exact value, or null when only a numeric value is known
  Expr antiderivative;  ///< the F of F(b) − F(a), when the exact value came from one
  double value = 0;
  double error = 0;       ///< estimated absolute error of `value` (0 when exact)
  bool converged = true;  ///< false when quadrature could not meet its tolerance
  std::string method;     ///< "fundamental theorem" or "Gauss–Kronrod quadrature"
};

/// ∫_a^b e dvar. With `numeric_only`, quadrature without looking for an antiderivative.
/// Throws Error{Domain} when the integrand is undefined inside the interval. With a
/// symbol in a bound or a parameter in e, the exact F(b) − F(a) when neither e nor F can
/// break anywhere (`value` is then NaN), else Error{Unsupported}.
DefiniteIntegral definite_integral(const Expr& e, const Expr& var, const Bound& a, const Bound& b,
                                   bool numeric_only = false);

}  // namespace leibniz
