// How a model's numbers and equations are written wherever they are shown: the backprop
// report (app/backprop_report.h), DOT labels and gradcheck's table.
#pragma once

#include <string>

#include "leibniz/graph/graph.h"

namespace leibniz::graph {

/// A float with ten significant digits: "0.2423431978".
std::string format_double(double value);

/// "1/8 (0.125)", "-1", "-6*ln(3) (-6.591673732)", "0.2423…" for floats.
std::string format_value(const Expr& value);

/// "o1 = σ(b1 + w1·x)", "z1 = psi(t1)": a node's equation; a sum printed longer than 200
/// characters as its first terms, its last and how many.
std::string format_equation(const Graph& graph, NodeId n);

}  // namespace leibniz::graph
