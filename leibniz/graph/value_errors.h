// The located errors of a pass over a graph, one wording for the exact pass and the
// compiled tape: an undefined value, an undefined local derivative.
#pragma once

#include "leibniz/core/error.h"
#include "leibniz/expr/substitute.h"
#include "leibniz/graph/graph.h"

namespace leibniz::graph {

/// "FILE:LINE:COL: the value of 'o' is undefined: …", at node n's definition.
Error value_error(const Graph& graph, NodeId n, const Error& e);

/// "… the derivative of 'o' with respect to 'x' is undefined here: …" for node n's edge e;
/// `values` gives the node symbols their values, to name a kink |u| at u = 0.
Error derivative_error(const Graph& graph, NodeId n, std::size_t e, const Error& error,
                       const Substitution& values);

}  // namespace leibniz::graph
