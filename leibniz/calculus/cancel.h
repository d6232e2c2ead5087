// cancel: one fraction P/Q with the common factors of P and Q removed,
// (x^2 - 1)/(x - 1) -> x + 1, 1/x + 1/y -> (x + y)/(x*y).
#pragma once

#include <cstddef>
#include <optional>

#include "leibniz/expr/expr.h"

namespace leibniz {

/// The expression as P/Q over its atoms (symbols, function calls, non-integer powers),
/// numerator expanded, denominator factored over the rationals. nullopt when the
/// expression holds a float or an intermediate polynomial would exceed `max_terms`.
std::optional<Expr> cancel(const Expr& e, std::size_t max_terms = 5'000);

}  // namespace leibniz
