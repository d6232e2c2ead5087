// "Simplifying this:" the steps from an assembled derivative to the form simplify()
// returns, recorded from the choice simplify itself made.
#pragma once

#include "leibniz/calculus/steps.h"
#include "leibniz/expr/expr.h"

namespace leibniz {

/// simplify(e), recording its steps (identities, expanding and collecting, cancelling).
Expr simplify_with_steps(const Expr& e, Trace& trace);

}  // namespace leibniz
