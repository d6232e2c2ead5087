// Forward values and the backward pass of a graph at one assignment of its leaves:
// exactly (Expr values: rationals, or small closed forms such as -6*ln(3)) when the
// graph is small, the inputs are exact and the values stay small; otherwise in double
// precision through the graph compiled once to a tape (numeric_graph.h).
#pragma once

#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

#include "leibniz/core/error.h"
#include "leibniz/expr/substitute.h"
#include "leibniz/graph/graph.h"
#include "leibniz/graph/numeric_graph.h"
#include "leibniz/graph/sweep.h"

namespace leibniz::graph {

/// The values of the leaves (params, inputs, targets), by NodeId. Only the leaves are
/// held: a vector of a Number a node cost 48 bytes a node in a chain of a million steps
/// with four leaves.
class Assignment {
 public:
  /// Adds leaf n with its value; leaves are added in increasing NodeId order.
  void add(NodeId n, Number value) {
    LZ_ASSERT(ids_.empty() || ids_.back() < n, "leaves are added in NodeId order");
    ids_.push_back(n);
    values_.push_back(std::move(value));
  }
  /// Leaf n's value; n must be a leaf.
  const Number& operator[](NodeId n) const { return values_[index(n)]; }
  Number& operator[](NodeId n) { return values_[index(n)]; }

 private:
  std::size_t index(NodeId n) const {
    const auto at = std::lower_bound(ids_.begin(), ids_.end(), n);
    LZ_ASSERT(at != ids_.end() && *at == n, "an assignment holds values of leaves only");
    return static_cast<std::size_t>(at - ids_.begin());
  }
  std::vector<NodeId> ids_;  // increasing
  std::vector<Number> values_;
};

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
