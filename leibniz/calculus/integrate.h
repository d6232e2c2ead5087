// Antiderivatives: the notes' integral table, linearity, linear and f(g(x))·g'(x)
// substitution, integration by parts, partial fractions over the rationals, powers of
// sin and cos, and quadratic radicals. Every answer is differentiated back and
// compared with the integrand before it is returned.
//
//   integrate(parse_text("2*x*exp(x^2)"), symbol("x"))  ->  e^(x^2)
//   integrate(parse_text("exp(x^2)"), symbol("x"))      ->  throws Error{Unsupported}
#pragma once

#include "leibniz/calculus/steps.h"
#include "leibniz/expr/expr.h"

namespace leibniz {

/// An antiderivative of e with respect to var (a Symbol), simplified, without + C.
/// Throws Error{Unsupported} when no elementary antiderivative is found, and
/// Error{Internal} when the answer fails its check by differentiation (a bug).
/// Each rule applied is recorded in `trace` (StepOperation::Antiderivative).
Expr integrate(const Expr& e, const Expr& var, Trace* trace = nullptr);

/// Throws Error{Internal} unless d/dvar antiderivative equals integrand: symbolically,
/// or else at random points where both are defined.
void check_antiderivative(const Expr& integrand, const Expr& antiderivative, const Expr& var);

}  // namespace leibniz
