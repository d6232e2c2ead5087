// A model's graph compiled once to one flat tape of numeric instructions: the forward
// code computes every node's value in topological order (a subexpression shared by
// several nodes is computed once), and each node's code for its local derivatives runs in
// the reverse sweep, only for the nodes the loss depends on. One array of values, no
// allocation per node, no Expr: linear in the graph, for models of millions of nodes.
// The derivatives are the graph's own edges (overrides, kink conventions included), so
// the tape and the exact Expr pass agree by construction. The equations of one shape in a
// large model (graph.h: the steps of a loop) are compiled once, and that one code runs
// for every node of the shape over a small buffer: no code, Expr or hash lookup per step.
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

  /// Bytes held, for the scaling benchmark.
  std::size_t bytes() const;

 private:
  class Compiler;

  // A shape's body and local derivatives compiled once over slots of their own: [0, symbols)
  // the names it reads (by shape symbol), [symbols, forward_end) its body's subexpressions,
  // [forward_end, slot_count) its locals' scratch. A node of the shape keeps the values of
  // its body's subexpressions in forward slots of its own, from its first_slot on.
  struct ShapeCode {
    Code forward, local;
    std::uint32_t symbols = 0, body_slot = 0, forward_end = 0, slot_count = 0;
    std::vector<std::uint32_t> local_slot;  // by shape symbol: the slot of ∂body/∂#k
  };

  // Every forward slot (values of nodes and of their subexpressions), located errors.
  std::vector<double> run_forward(const std::vector<double>& leaves) const;
  // A node with a shape: its forward slots from first_slot on, and its shape's buffer
  // loaded with the values it reads (and, after the forward pass, its own slots).
  std::uint32_t first_slot(NodeId n, const ShapeCode& code) const {
    return value_slot_[n] - (code.body_slot - code.symbols);
  }
  void load_shape(NodeId n, const ShapeCode& code, const double* slots, double* buffer,
                  bool with_body) const;
  [[noreturn]] void throw_local_error(NodeId n, std::uint32_t failed_at, const Error& error,
                                      const std::vector<double>& values) const;

  const Graph& graph_;
  // The forward code of every node without a shape, in graph.order(); then each such
  // node's local code. The nodes with a shape run their shape's code.
  Code forward_, local_;
  std::vector<ShapeCode> shapes_;           // by shape index (empty for shapes not used)
  std::uint32_t buffer_slots_ = 0;          // the most slots of a shape's code
  std::uint32_t forward_slots_ = 0;         // slots [0, forward_slots_) hold the forward values
  std::uint32_t scratch_slots_ = 0;         // the most any node's local code uses beyond them
  std::vector<std::uint32_t> value_slot_;   // by NodeId: the slot of its value
  std::vector<std::uint32_t> forward_end_;  // by position in graph.order(): its code's end
  std::vector<std::uint32_t> local_begin_;  // by NodeId: the start of its local code
  // By edge, edge_offsets[n] + e: the slot of its local derivative (a node with a shape:
  // in its shape's buffer), the end of the local code it needs (the code of edge e
  // follows edge e - 1's), the node it reads.
  std::shared_ptr<std::vector<std::uint32_t>> edge_offsets_;
  std::vector<std::uint32_t> edge_slot_, edge_code_end_, edge_from_;
};

}  // namespace leibniz::graph
