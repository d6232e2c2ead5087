// Forward values and the backward pass of a graph at one assignment of its leaves:
// exactly (Expr values: rationals, or small closed forms such as -6*ln(3)) when the
// inputs are exact and the values stay small, in double precision otherwise.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "leibniz/eval/program.h"
#include "leibniz/graph/graph.h"
#include "leibniz/graph/sweep.h"

namespace leibniz::graph {

/// The values of the leaves (params, inputs, targets), indexed by NodeId; other
/// entries are not read.
using Assignment = std::vector<Number>;

/// The values written in the model file.
Assignment initial_assignment(const Graph& graph);

/// The graph compiled to flat numeric programs: one per node value and one per edge.
class NumericGraph {
 public:
  explicit NumericGraph(const Graph& graph);

  /// Every node's value; `leaves` is indexed by NodeId. Throws Error{Domain} naming the node.
  std::vector<double> forward(const std::vector<double>& leaves) const;
  /// The reverse sweep in double precision at the forward values.
  Sweep<double> backward(const std::vector<double>& values) const;
  /// The value of node n's edge e at the forward values.
  double local(NodeId n, std::size_t e, const std::vector<double>& values) const;

 private:
  struct Compiled {
    std::vector<NodeId> reads;  // the edges' nodes, then the node itself
    std::optional<Program> value;
    std::vector<Program> locals;
  };
  std::vector<double> point(NodeId n, const std::vector<double>& values) const;

  const Graph& graph_;
  std::vector<Compiled> compiled_;
};

/// One forward and backward pass. `values` and the adjoints are numbers (floats when not
/// exact) or small closed forms.
struct Pass {
  bool exact = false;
  std::vector<Expr> values;
  Sweep<Expr> sweep;

  /// ∂L/∂node, zero when the loss does not depend on it.
  Expr gradient(NodeId id) const;
};

/// The exact pass when every value and adjoint is a small closed form, else the pass in
/// double precision (compiled on first use into `numeric`).
Pass run_pass(const Graph& graph, const Assignment& leaves, std::unique_ptr<NumericGraph>& numeric);

/// The pass in double precision only.
Pass run_float_pass(const Graph& graph, const Assignment& leaves,
                    std::unique_ptr<NumericGraph>& numeric);

/// The value of a number or closed form, as the nearest double.
double to_double(const Expr& value);

/// e with every node symbol replaced by its value in `values`.
Expr at_values(const Graph& graph, const std::vector<Expr>& values, const Expr& e);

}  // namespace leibniz::graph
