// Replacing symbols (or any subexpressions) by expressions, rebuilding through the
// canonical builders.
#pragma once

#include <unordered_map>

#include "leibniz/expr/expr.h"

namespace leibniz {

using Substitution = std::unordered_map<const Node*, Expr>;  // node -> replacement

/// e with each node of the map (a symbol, or any subexpression) replaced; shared
/// subexpressions are rebuilt once, and parts without a replacement are kept as they are.
/// Throws what the builders throw (Error{Domain} for ln(-1), 1/0).
Expr substitute(const Expr& e, const Substitution& values);

/// Rebuilds e from its kind and new arguments through the canonical builders.
Expr rebuild(const Expr& e, std::vector<Expr> args);

}  // namespace leibniz
