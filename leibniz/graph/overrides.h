// Derivative overrides (`deriv` lines) checked against the true derivative at the
// current point, so that an approximation in use is always visible.
#pragma once

#include <vector>

#include "leibniz/graph/evaluate.h"

namespace leibniz::graph {

struct OverrideCheck {
  NodeId node = 0;  ///< the call using the override
  Expr argument;    ///< the argument's value
  Expr used;        ///< f'(argument) as the override gives it
  Expr exact;       ///< the true f'(argument)
  double relative_error = 0;
};

/// One check per call with an override in use, at the pass's values.
std::vector<OverrideCheck> check_overrides(const Graph& graph, const Pass& pass);

}  // namespace leibniz::graph
