// A lower bound on the size of a cancelled form, from the form alone: simplify skips a
// cancellation that cannot be smaller than the expression (atan(3*x) + 3*x/(9*x^2 + 1)
// would become (x^2*atan(3*x) + x/3 + atan(3*x)/9)/(x^2 + 1/9)) instead of computing it
// through FLINT's polynomials in two generators to find out.
#pragma once

#include "leibniz/expr/expr.h"

namespace leibniz {

/// True if cancel(e), where it answers, is certainly of tree size >= size. Judged: a sum
/// of monomials in one symbol x, one term c*x^i*g with g a function of x, and one
/// fraction c*x^a/D^k, D a sum in x with a constant term (the derivative of g(x)*x when
/// g' is rational); and c*x^a/D^k with D monic and irreducible of degree 1 or 2 and a
/// constant term, which cancel writes as it is. For anything else the answer is false
/// (not known).
bool cancel_cannot_be_smaller(const Expr& e, double size);

}  // namespace leibniz
