// A model's graph compiled once to one flat tape of numeric instructions: the forward
// code computes every node's value in topological order (a subexpression shared by
// several nodes is computed once), and each node's code for its local derivatives runs in
// the reverse sweep, only for the nodes the loss depends on. One array of values, no
// allocation per node, no Expr: linear in the graph, for models of millions of nodes.
// The derivatives are the graph's own edges (overrides, kink conventions included), so
// the tape and the exact Expr pass agree by construction. The equations of one shape in a
// large model (graph.h: the steps of a loop) are compiled once and copied per node with
// their slots renamed: no Expr and no hash lookup per step.
//
//   NumericGraph tape(graph);  FloatSweep s = tape.run(leaves);  s.adjoints[w]
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "leibniz/eval/code.h"
#include "leibniz/graph/graph.h"

namespace leibniz::graph {

/// One forward and backward pass in double precision.
struct FloatSweep {
  std::vector<double> values;    ///< by NodeId
  std::vector<double> adjoints;  ///< by NodeId: ∂L/∂node, 0 where not reached
  std::vector<bool> reached;     ///< whether the loss depends on the node
  /// edge_terms[edge_offsets[n] + e] = ∂L/∂n · ∂n/∂(edge e's node), for reached n.
  std::vector<double> edge_terms;
  std::shared_ptr<const std::vector<std::uint32_t>> edge_offsets;
};

class NumericGraph {
 public:
  explicit NumericGraph(const Graph& graph);

  /// Every node's value; `leaves` is indexed by NodeId (other entries are not read).
  /// Throws Error{Domain} located at the node whose value is undefined.
  std::vector<double> forward(const std::vector<double>& leaves) const;
  /// The forward pass, then the reverse sweep at its values. Throws Error{Domain} located
  /// at the node whose local derivative is undefined.
  FloatSweep run(const std::vector<double>& leaves) const;

  /// Instructions and bytes held, for the scaling benchmark.
  std::size_t instructions() const { return forward_.size(); }
  std::size_t bytes() const;

 private:
  class Compiler;

  // Every forward slot (values of nodes and of their subexpressions), located errors.
  std::vector<double> run_forward(const std::vector<double>& leaves) const;
  [[noreturn]] void throw_local_error(NodeId n, std::uint32_t failed_at, const Error& error,
                                      const std::vector<double>& values) const;

  const Graph& graph_;
  // The forward code, every node in graph.order(); then each node's local code.
  Code forward_, local_;
  std::uint32_t forward_slots_ = 0;         // slots [0, forward_slots_) hold the forward values
  std::uint32_t scratch_slots_ = 0;         // the most any node's local code uses beyond them
  std::vector<std::uint32_t> value_slot_;   // by NodeId: the slot of its value
  std::vector<std::uint32_t> forward_end_;  // by position in graph.order(): its code's end
  std::vector<std::uint32_t> local_begin_;  // by NodeId: the start of its local code
  // By edge, edge_offsets[n] + e: the slot of its local derivative, the end of the local
  // code it needs (the code of edge e follows edge e - 1's), the node it reads.
  std::shared_ptr<std::vector<std::uint32_t>> edge_offsets_;
  std::vector<std::uint32_t> edge_slot_, edge_code_end_, edge_from_;
};

}  // namespace leibniz::graph
