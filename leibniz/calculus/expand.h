// expand: multiply out products of sums and positive integer powers of sums,
// everywhere in the expression (also inside function arguments and exponents).
#pragma once

#include "leibniz/expr/expr.h"

namespace leibniz {

/// expand((x + y)^2*(x - y)) = x^3 + x^2*y - x*y^2 - y^3. Throws Error{Limit} when the
/// result would exceed limits().max_terms terms.
Expr expand(const Expr& e);

/// True when e is a polynomial in symbols written as expand() writes one (a sum of
/// distinct monomials in its order, or one monomial): expand(e) is then e itself.
bool is_expanded(const Expr& e);

}  // namespace leibniz
