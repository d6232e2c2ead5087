// Powers of powers without widening a domain (internal to the builders): sqrt(x)^2 is x
// only where x >= 0, so it is kept as (x^(1/2))^2 unless x is known non-negative; the
// form reads back as itself and multiplies with other powers of x.
#pragma once

#include "leibniz/expr/expr.h"

namespace leibniz::detail {

/// A factor as base^exponent, seeing through the kept root: (x^(1/2))^3 is x^(3/2).
/// `even_root`: the factor is defined only where the base is non-negative (an exact
/// exponent with an even denominator, or a kept root).
struct CollectedPower {
  Expr base;
  Expr exponent;
  bool even_root = false;
};
CollectedPower collected_power(const Expr& factor);

/// base^exponent, where `even_root` says a factor it was collected from needed base >= 0:
/// then an exponent with an odd denominator keeps the root, (base^(1/2))^(2*exponent),
/// unless the base is known non-negative. A zero exponent is 1, as 0*ln(x) is 0.
Expr power_keeping_domain(const Expr& base, const Expr& exponent, bool even_root);

/// True if e >= 0 wherever it is defined, by its form: |u|, u^2, e^u, sqrt(u), sums and
/// products of such. False when unsure.
bool known_nonnegative(const Expr& e);

}  // namespace leibniz::detail
