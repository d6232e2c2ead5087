// The natural order in which people write terms and factors, used by every printer:
// terms by descending total degree, then graded-lexicographically
// (4*x^3*y + 3*x^2*y^2 + 2*x*y^3 + y^4); factors as number, constants, variables
// alphabetically, functions, powers of e, sums.
#pragma once

#include <vector>

#include "leibniz/expr/expr.h"

namespace leibniz {

/// The terms of an Add in print order (the number last).
std::vector<Expr> terms_in_print_order(const Expr& sum);

/// The non-numeric factors of a Mul in print order.
std::vector<Expr> factors_in_print_order(const Expr& product);

}  // namespace leibniz
