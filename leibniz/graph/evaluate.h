// Forward values and the backward pass of a graph at one assignment of its leaves:
// exactly (Expr values: rationals, or small closed forms such as -6*ln(3)) when the
// graph is small, the inputs are exact and the values stay small; otherwise in double
// precision through the graph compiled once to a tape (numeric_graph.h).
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "leibniz/expr/substitute.h"
#include "leibniz/graph/graph.h"
#include "leibniz/graph/numeric_graph.h"
#include "leibniz/graph/sweep.h"

namespace leibniz::graph {

/// The values of the leaves (params, inputs, targets), indexed by NodeId; other
/// entries are not read.
using Assignment = std::vector<Number>;

/// The values written in the model file.
Assignment initial_assignment(const Graph& graph);

/// One forward and backward pass: exact (Expr values: rationals or small closed forms)
/// or in double precision (the compiled tape's arrays; Exprs made only when asked for).
struct Pass {
  bool exact = false;
  std::vector<Expr> exact_values;  ///< exact: by NodeId
  Sweep<Expr> exact_sweep;         ///< exact: the adjoints and edge terms
  FloatSweep floats;               ///< otherwise

  Expr value(NodeId n) const;
  double value_double(NodeId n) const;
  /// ∂L/∂node, zero when the loss does not depend on it.
  Expr gradient(NodeId n) const;
  double gradient_double(NodeId n) const;
  /// Whether the loss depends on node n (it has an adjoint).
  bool reached(NodeId n) const;
  /// What node n passed back along its edge e: ∂L/∂n · ∂n/∂(e's node); only for a
  /// reached node.
  Expr edge_term(NodeId n, std::size_t e) const;
  double edge_term_double(NodeId n, std::size_t e) const;
};

/// The exact pass when the graph has at most kMaxExactNodes nodes, the leaves are exact
/// and every value and adjoint is a small closed form; else the pass in double precision
/// (the graph compiled on first use into `numeric`).
Pass run_pass(const Graph& graph, const Assignment& leaves, std::unique_ptr<NumericGraph>& numeric);

/// The pass in double precision only.
Pass run_float_pass(const Graph& graph, const Assignment& leaves,
                    std::unique_ptr<NumericGraph>& numeric);

/// The value of a number or closed form, as the nearest double.
double to_double(const Expr& value);

/// Every node symbol and its value in the pass, for substitute().
Substitution node_values(const Graph& graph, const Pass& pass);

}  // namespace leibniz::graph
