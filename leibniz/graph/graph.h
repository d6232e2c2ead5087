// The computation graph of a model file: one node per declared name, equation, or
// call of a one-argument user function, each with its body (an Expr over the symbols
// of the nodes it reads) and, on each edge, the local derivative ∂node/∂dependency.
// Nodes are kept in a topological order, so that one reverse loop is the backward pass.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "leibniz/expr/expr.h"
#include "leibniz/graph/model_file.h"
#include "leibniz/graph/name_table.h"

namespace leibniz::graph {

using NodeId = std::uint32_t;

enum class NodeKind : std::uint8_t { Param, Input, Target, Equation, Call };

struct Edge {
  NodeId from = 0;  ///< the node read
  /// A node with a shape: k of the shape's symbol #k that stands for `from`. Otherwise the
  /// index of ∂(this node)/∂(from) in the graph's locals, over node symbols, the node's own
  /// body written as its own symbol: ∂o1/∂w1 = x*o1*(1 - o1) (Graph::local writes a shaped
  /// node's out of its shape's when asked).
  std::uint32_t slot = 0;
};

/// The form shared by many equations of a large model (the steps of a loop): a body with
/// the symbols it reads renamed #0, #1, … and its local derivatives, differentiated once;
/// the node itself is the next symbol, #k for a body that reads k names.
struct Shape {
  Expr body;
  std::vector<Expr> locals;  ///< by symbol: ∂body/∂#i
};

inline constexpr std::uint32_t kNoShape = 0xffffffffu;

/// A `deriv` in use on a call: the derivative it gives and the true one, with respect
/// to the call's argument, over node symbols.
struct Override {
  Expr used;
  Expr exact;
  std::string written;  ///< "psi(t)*(1 - psi(t))", as the deriv line has it
};

/// What few nodes have, kept out of line: a node of a large model is mostly a step of a
/// loop, which has none of it.
struct NodeDetails {
  Number initial;                               ///< Param, Input, Target: the value in the file
  Expr argument;                                ///< Call: the argument
  std::string function;                         ///< Call: the user function
  std::optional<Override> override_derivative;  ///< Call with a deriv in use
};

struct GraphNode {
  std::string name;  ///< "o1", "h_2", or for a call inside an equation "psi(t1)"
  /// The node's symbol. In a large model an equation's is made when first asked for
  /// (Graph::symbol): a symbol a step cost about 180 bytes, and the numeric pass needs none.
  mutable Expr symbol;
  Expr body;  ///< Equation, Call: the value over node symbols (Call: the def inlined); null for
              ///< a node with a shape: Graph::body writes it out of the shape's when asked
  /// File offset of the definition. 64 bits: no limit on a model file's size bounds it.
  std::size_t at = 0;
  /// The node's edges (Graph::edges), sorted by `from`: where they start in the graph's one
  /// list of edges, and how many. Two 32-bit numbers, not a span: 8 bytes a node less.
  std::uint32_t first_edge = 0;
  std::uint32_t edge_count = 0;
  std::uint32_t shape = kNoShape;  ///< an equation of a large model: Graph::shape(shape)
  NodeKind kind = NodeKind::Equation;
  bool is_loss = false;
  bool hidden = false;  ///< a call inside an equation, not a name of the file

  const Number& initial() const { return details_ ? details_->initial : none().initial; }
  const Expr& argument() const { return details_ ? details_->argument : none().argument; }
  const std::string& function() const { return details_ ? details_->function : none().function; }
  const std::optional<Override>& override_derivative() const {
    return details_ ? details_->override_derivative : none().override_derivative;
  }
  /// For writing them: made when first asked for.
  NodeDetails& details() {
    if (!details_) details_ = std::make_unique<NodeDetails>();
    return *details_;
  }

 private:
  static const NodeDetails& none();
  std::unique_ptr<NodeDetails> details_;
};

// A large model is mostly its nodes: 80 bytes each (issue 13), the fields above without
// padding holes. Growing it costs every step of every chain.
static_assert(sizeof(GraphNode) == 80);

/// The line between small models and large ones. Exact passes are tried on graphs of at
/// most this many nodes; larger ones are computed in double precision directly, and their
/// equations of one shape share one differentiation (docs/model-files.md: exact output is
/// the default for models of the notes' size, not for unrolled chains of thousands of steps).
inline constexpr std::size_t kMaxExactNodes = 2000;

struct BuildOptions {
  bool use_overrides = true;  ///< false: ignore `deriv` lines, use true derivatives
};

class Graph {
 public:
  Graph() = default;
  // Large: moved, never copied.
  Graph(Graph&&) = default;
  Graph& operator=(Graph&&) = default;
  Graph(const Graph&) = delete;
  Graph& operator=(const Graph&) = delete;

  const Source& source() const { return source_; }
  std::size_t size() const { return nodes_.size(); }
  const GraphNode& node(NodeId id) const { return nodes_[id]; }
  /// Node n's edges, sorted by the node they read.
  std::span<const Edge> edges(NodeId n) const {
    return {edges_.data() + nodes_[n].first_edge, nodes_[n].edge_count};
  }
  /// Topological: every node after the nodes it reads; ties in the order written.
  const std::vector<NodeId>& order() const { return order_; }
  NodeId loss() const { return loss_; }
  std::optional<NodeId> find(std::string_view name) const;
  /// The nodes whose gradient is reported: params, then inputs, in the order written.
  std::vector<NodeId> gradient_nodes() const;
  std::vector<NodeId> of_kind(NodeKind kind) const;
  /// Node n's symbol, made and kept on first use when the node has none yet.
  const Expr& symbol(NodeId n) const;
  /// Whether some call uses a `deriv` override.
  bool has_overrides() const;
  /// Node n's body over node symbols (GraphNode::body).
  Expr body(NodeId n) const;
  /// ∂(node n)/∂(its edge e's node), over node symbols (Edge::local).
  Expr local(NodeId n, std::size_t e) const;
  const Shape& shape(std::uint32_t index) const { return shapes_[index]; }
  /// #0, #1, …: the symbols of the shapes.
  const std::vector<Expr>& shape_symbols() const { return shape_symbols_; }

 private:
  friend class GraphBuilder;
  Source source_;
  std::vector<GraphNode> nodes_;
  std::vector<NodeId> order_;
  std::vector<Edge> edges_;   // every node's, a node's side by side (GraphNode::edges)
  std::vector<Expr> locals_;  // the local derivatives of the edges of nodes without a shape
  NameTable names_;
  // For names_: the name of a node.
  std::string_view name_of(NodeId id) const { return nodes_[id].name; }
  std::pair<NodeId, bool> add_name(std::string_view name, NodeId id) {
    return names_.insert(name, id, [this](NodeId n) { return name_of(n); });
  }
  NodeId loss_ = 0;
  std::vector<Shape> shapes_;
  std::vector<Expr> shape_symbols_;
};

/// Builds the graph; throws Error{Parse} "FILE:LINE:COL: ..." for an undefined name, a
/// cycle, no loss or two, a redefinition, a deriv for an unknown function.
Graph build_graph(ModelFile model, const BuildOptions& options = {});

/// read_source + parse_model_file + build_graph.
Graph load_graph(const std::string& path, const BuildOptions& options = {});

/// The symbols of e, each once, in storage order.
std::vector<Expr> free_symbols(const Expr& e);

}  // namespace leibniz::graph
