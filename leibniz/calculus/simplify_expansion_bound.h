// A lower bound on the size of an expansion, from the form alone: simplify skips an
// expansion that cannot be smaller than the expression (9*(x + 3*y)^2 would become
// 9*x^2 + 54*x*y + 81*y^2) instead of computing it to find out.
#pragma once

#include "leibniz/expr/expr.h"

namespace leibniz {

/// True if tree_size(expand(e)) >= size is certain. Judged: products of a number and
/// positive integer powers of symbols and of sums of monomials in symbols; and sums,
/// products and powers of integers, one symbol and inverse powers of expanded sums (a
/// quotient's derivative). For anything else the answer is false (not known).
bool expansion_cannot_be_smaller(const Expr& e, double size);

}  // namespace leibniz
