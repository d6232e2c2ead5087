// Gradients as formulas, as the notes' "Solution" writes them: ∂L/∂node over the
// node names and named auxiliaries (∂L/∂o), each auxiliary defined once. The same
// reverse sweep as for numbers, with Expr adjoints.
#pragma once

#include <string>
#include <vector>

#include "leibniz/graph/evaluate.h"

namespace leibniz::graph {

struct SymbolicGradient {
  std::vector<Expr>
      auxiliary;  ///< by NodeId: the symbol ∂L/∂name; null where L does not depend on it
  std::vector<Expr> formula;  ///< by NodeId: ∂L/∂name over node symbols and auxiliaries
};

SymbolicGradient symbolic_gradient(const Graph& graph);

/// "∂L/∂o1": the name of node n's adjoint, in the notes' notation (yhat is ŷ).
std::string adjoint_name(const Graph& graph, NodeId n);

/// A name in the notes' notation: "yhat" -> "ŷ".
std::string display_name(const std::string& name);

/// The point of a pass for formula_value: node symbols and auxiliaries and their values
/// (built once for all the formulas).
Substitution formula_point(const Graph& graph, const SymbolicGradient& symbolic, const Pass& pass);

/// The value of formula[n] at that point.
Expr formula_value(const SymbolicGradient& symbolic, const Substitution& point, NodeId n);

}  // namespace leibniz::graph
