// simplify: the form a person would write. Identities (e^ln(u) = u, ln(e^u) = u,
// sin^2 + cos^2 = 1) everywhere, then the smallest of the expression, its expansion
// and its cancelled single fraction.
#pragma once

#include <cstddef>

#include "leibniz/expr/expr.h"

namespace leibniz {

Expr simplify(const Expr& e);

/// How simplify reached its result: the expression after the identities, and which
/// candidate was the smallest.
struct SimplifyChoice {
  enum class Form { Rewritten, Cancelled, Expanded };
  Expr rewritten;  ///< after the identities, children simplified
  Expr result;
  Form form = Form::Rewritten;
};
SimplifyChoice simplify_choice(const Expr& e);

/// The number of nodes of the expression written out as a tree (shared
/// subexpressions counted each time they appear); saturates at 1e15.
double tree_size(const Expr& e);

}  // namespace leibniz
