// The variables an expression depends on.
#pragma once

#include <vector>

#include "leibniz/expr/expr.h"

namespace leibniz {

/// The symbols of e, sorted by name, each once.
std::vector<Expr> free_symbols(const Expr& e);

}  // namespace leibniz
