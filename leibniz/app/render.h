// The notations an answer is shown in on the command line: the text syntax of spec §1,
// readable Unicode math, or LaTeX.
#pragma once

#include <string>

#include "leibniz/expr/expr.h"

namespace leibniz::app {

enum class Notation { Text, Unicode, Latex };

/// The expression in the notation.
std::string show(const Expr& e, Notation notation);

}  // namespace leibniz::app
