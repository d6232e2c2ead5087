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
/// Throws Error{Unsupported} when no elementary antiderivative is found, or when the
/// answer found cannot be verified by differentiating it back.
/// Each rule applied is recorded in `trace` (StepOperation::Antiderivative).
Expr integrate(const Expr& e, const Expr& var, Trace* trace = nullptr);

/// Throws Error{Unsupported} unless d/dvar antiderivative equals integrand: symbolically,
/// or else by the equality check of check.h.
void check_antiderivative(const Expr& integrand, const Expr& antiderivative, const Expr& var);

}  // namespace leibniz
