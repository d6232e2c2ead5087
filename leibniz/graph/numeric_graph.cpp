#include "leibniz/graph/numeric_graph.h"

#include <fmt/format.h>

#include <algorithm>

#include "leibniz/core/limits.h"
#include "leibniz/eval/program.h"
#include "leibniz/expr/builders.h"
#include "leibniz/graph/value_errors.h"

namespace leibniz::graph {
namespace {

// Local code's scratch slots are numbered from this bit until the forward code's size is
// known; then they follow the forward slots.
constexpr std::uint32_t kScratch = 0x80000000u;

}  // namespace

// Compiles each node's body and local derivatives (eval/code.h), each distinct
// subexpression once within a node; node symbols read the nodes' value slots (a node's
// map starts with the symbols of its edges).
class NumericGraph::Compiler {
 public:
  Compiler(NumericGraph& tape, const Graph& graph) : tape_(tape), graph_(graph) {}

  void forward(NodeId n) {
    const GraphNode& node = graph_.node(n);
    if (node.shape != kNoShape) return shaped_forward(n);
    reset(forward_map_);
    // The symbols a body reads are its edges' nodes, compiled before it.
    for (const Edge& e : graph_.edges(n))
      forward_map_.emplace(graph_.symbol(e.from).node(), tape_.value_slot_[e.from]);
    if (node.kind == NodeKind::Equation || node.kind == NodeKind::Call) {
      tape_.value_slot_[n] =
          compiler_.compile(node.body, tape_.forward_, forward_map_, nullptr, next_forward_);
    } else {
      Instruction in{Op::Input};
      in.first = n;
      in.out = next_forward_++;
      tape_.forward_.instructions.push_back(in);
      tape_.value_slot_[n] = in.out;
    }
  }

  // Node n's local derivatives, right after its forward code (their code may read the
  // slots of its body's subexpressions).
  void locals(NodeId n) {
    if (graph_.node(n).shape != kNoShape) return shaped_locals(n);
    reset(local_map_);
    local_map_.emplace(graph_.symbol(n).node(), tape_.value_slot_[n]);
    std::uint32_t next = kScratch;
    const std::span<const Edge> edges = graph_.edges(n);
    for (std::size_t k = 0; k < edges.size(); ++k) {
      const Edge& e = edges[k];
      tape_.edge_slot_.push_back(
          compiler_.compile(graph_.local(n, k), tape_.local_, local_map_, &forward_map_, next));
      tape_.edge_code_end_.push_back(tape_.local_.size());
      tape_.edge_from_.push_back(e.from);
    }
    tape_.scratch_slots_ = std::max(tape_.scratch_slots_, next - kScratch);
  }

  std::uint32_t forward_slots() const { return next_forward_; }

 private:
  // The shape's code, compiled when first used.
  const ShapeCode& shape_code(std::uint32_t index) {
    if (tape_.shapes_.size() <= index) tape_.shapes_.resize(index + 1);
    ShapeCode& c = tape_.shapes_[index];
    if (c.slot_count != 0) return c;
    const Shape& shape = graph_.shape(index);
    const std::vector<Expr>& symbols = graph_.shape_symbols();
    c.symbols = static_cast<std::uint32_t>(shape.locals.size());
    SlotMap body_map, local_map;
    for (std::uint32_t k = 0; k < c.symbols; ++k) body_map.emplace(symbols[k].node(), k);
    std::uint32_t next = c.symbols;
    c.body_slot = compiler_.compile(shape.body, c.forward, body_map, nullptr, next);
    c.forward_end = next;
    local_map.emplace(symbols[c.symbols].node(), c.body_slot);
    for (const Expr& local : shape.locals)
      c.local_slot.push_back(compiler_.compile(local, c.local, local_map, &body_map, next));
    c.slot_count = std::max<std::uint32_t>(next, 1);  // 0 marks a shape not compiled yet
    tape_.buffer_slots_ = std::max(tape_.buffer_slots_, c.slot_count);
    return c;
  }

  // Slots for the body's subexpressions; a body that is one of its symbols is that value.
  void shaped_forward(NodeId n) {
    const GraphNode& node = graph_.node(n);
    const ShapeCode& c = shape_code(node.shape);
    if (c.forward_end > c.symbols) {
      tape_.value_slot_[n] = next_forward_ + (c.body_slot - c.symbols);
      next_forward_ += c.forward_end - c.symbols;
      return;
    }
    for (const Edge& e : graph_.edges(n)) {
      if (e.slot == c.body_slot) tape_.value_slot_[n] = tape_.value_slot_[e.from];
    }
  }

  void shaped_locals(NodeId n) {
    const GraphNode& node = graph_.node(n);
    const ShapeCode& c = tape_.shapes_[node.shape];
    for (const Edge& e : graph_.edges(n)) {
      tape_.edge_slot_.push_back(c.local_slot[e.slot]);
      tape_.edge_code_end_.push_back(tape_.local_.size());
      tape_.edge_from_.push_back(e.from);
    }
  }

  // A map that grew large for one node is replaced, not cleared: clear() walks every
  // bucket, which would make many small nodes after a large one quadratic.
  static void reset(SlotMap& map) {
    if (map.bucket_count() > 64) {
      map = SlotMap();
    } else {
      map.clear();
    }
  }

  NumericGraph& tape_;
  const Graph& graph_;
  SlotMap forward_map_, local_map_;
  CodeCompiler compiler_;
  std::uint32_t next_forward_ = 0;
};

NumericGraph::NumericGraph(const Graph& graph)
    : graph_(graph),
      value_slot_(graph.size(), 0),
      local_begin_(graph.size(), 0),
      edge_offsets_(std::make_shared<std::vector<std::uint32_t>>(graph.size() + 1, 0)) {
  Compiler compiler(*this, graph);
  // Edge offsets and local code by NodeId, compiled in the topological order.
  std::vector<std::uint32_t>& offsets = *edge_offsets_;
  for (NodeId n = 0; n < graph.size(); ++n)
    offsets[n + 1] = offsets[n] + static_cast<std::uint32_t>(graph.edges(n).size());
  std::vector<std::uint32_t> edge_index(offsets.back(), 0);
  forward_end_.reserve(graph.size());
  for (const NodeId n : graph.order()) {
    tick();
    compiler.forward(n);
    forward_end_.push_back(forward_.size());
    local_begin_[n] = local_.size();
    const std::size_t first_edge = edge_slot_.size();
    compiler.locals(n);
    for (std::size_t e = first_edge; e < edge_slot_.size(); ++e)
      edge_index[offsets[n] + (e - first_edge)] = static_cast<std::uint32_t>(e);
  }
  forward_slots_ = compiler.forward_slots();
  // Edges by NodeId order: permute the per-edge arrays compiled in topological order.
  const auto permute = [&](std::vector<std::uint32_t>& v) {
    std::vector<std::uint32_t> out(v.size());
    for (std::size_t k = 0; k < v.size(); ++k) out[k] = v[edge_index[k]];
    v = std::move(out);
  };
  permute(edge_slot_);
  permute(edge_code_end_);
  permute(edge_from_);
  const auto place = [this](std::uint32_t& slot) {
    if (slot & kScratch) slot = forward_slots_ + (slot & ~kScratch);
  };
  for (Instruction& in : local_.instructions) place(in.out);
  for (std::uint32_t& a : local_.args) place(a);
  for (std::uint32_t& s : edge_slot_) place(s);
}

std::size_t NumericGraph::bytes() const {
  std::size_t shapes = 0;
  for (const ShapeCode& c : shapes_) shapes += c.forward.bytes() + c.local.bytes();
  return forward_.bytes() + local_.bytes() + shapes +
         (value_slot_.size() + forward_end_.size() + local_begin_.size() + edge_offsets_->size() +
          3 * edge_slot_.size()) *
             sizeof(std::uint32_t);
}

std::vector<double> NumericGraph::run_forward(const std::vector<double>& leaves) const {
  std::vector<double> slots(forward_slots_ + scratch_slots_, 0.0);
  std::vector<double> buffer(buffer_slots_);
  const std::vector<NodeId>& order = graph_.order();
  std::uint32_t begin = 0, at = 0;
  for (std::size_t k = 0; k < order.size(); ++k) {
    try {
      // A node with a shape has no code of its own here (an empty range): it runs its shape's.
      execute(forward_, begin, forward_end_[k], slots.data(), leaves.data(), at);
      if (const std::uint32_t shape = graph_.node(order[k]).shape; shape != kNoShape) {
        const ShapeCode& c = shapes_[shape];
        load_shape(order[k], c, slots.data(), buffer.data(), false);
        execute(c.forward, 0, c.forward.size(), buffer.data(), leaves.data(), at);
        if (c.forward_end > c.symbols) {
          std::copy(buffer.begin() + c.symbols, buffer.begin() + c.forward_end,
                    slots.begin() + first_slot(order[k], c));
        }
      }
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::Domain) throw;
      throw value_error(graph_, order[k], e);
    }
    begin = forward_end_[k];
  }
  return slots;
}

std::vector<double> NumericGraph::forward(const std::vector<double>& leaves) const {
  const std::vector<double> slots = run_forward(leaves);
  std::vector<double> values(graph_.size());
  for (NodeId n = 0; n < graph_.size(); ++n) values[n] = slots[value_slot_[n]];
  return values;
}

FloatSweep NumericGraph::run(const std::vector<double>& leaves) const {
  FloatSweep s;
  // The slots of the forward values stay: each node's local code reads them.
  std::vector<double> slots = run_forward(leaves);
  s.values.resize(graph_.size());
  for (NodeId n = 0; n < graph_.size(); ++n) s.values[n] = slots[value_slot_[n]];
  const std::vector<std::uint32_t>& offsets = *edge_offsets_;
  s.edge_offsets = edge_offsets_;
  s.adjoints.assign(graph_.size(), 0.0);
  s.reached.assign(graph_.size(), false);
  s.edge_terms.assign(offsets.back(), 0.0);
  s.adjoints[graph_.loss()] = 1.0;
  s.reached[graph_.loss()] = true;
  std::vector<double> buffer(buffer_slots_);
  const std::vector<NodeId>& order = graph_.order();
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    const NodeId n = *it;
    if (!s.reached[n]) continue;
    const std::uint32_t first = offsets[n], last = offsets[n + 1];
    if (first == last) continue;
    const std::uint32_t shape = graph_.node(n).shape;
    // The local derivatives: in the forward slots, or in the shape's buffer.
    const double* locals = slots.data();
    std::uint32_t at = 0;
    try {
      if (shape == kNoShape) {
        execute(local_, local_begin_[n], edge_code_end_[last - 1], slots.data(), leaves.data(), at);
      } else {
        const ShapeCode& c = shapes_[shape];
        load_shape(n, c, slots.data(), buffer.data(), true);
        execute(c.local, 0, c.local.size(), buffer.data(), leaves.data(), at);
        locals = buffer.data();
      }
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::Domain) throw;
      throw_local_error(n, at, e, s.values);
    }
    const double flowing = s.adjoints[n];
    for (std::uint32_t k = first; k < last; ++k) {
      const double term = flowing * locals[edge_slot_[k]];
      s.edge_terms[k] = term;
      const NodeId from = edge_from_[k];
      s.adjoints[from] = s.reached[from] ? s.adjoints[from] + term : term;
      s.reached[from] = true;
    }
  }
  return s;
}

void NumericGraph::load_shape(NodeId n, const ShapeCode& code, const double* slots, double* buffer,
                              bool with_body) const {
  for (const Edge& e : graph_.edges(n)) buffer[e.slot] = slots[value_slot_[e.from]];
  if (with_body && code.forward_end > code.symbols) {
    const double* own = slots + first_slot(n, code);
    std::copy(own, own + (code.forward_end - code.symbols), buffer + code.symbols);
  }
}

void NumericGraph::throw_local_error(NodeId n, std::uint32_t failed_at, const Error& error,
                                     const std::vector<double>& values) const {
  const GraphNode& node = graph_.node(n);
  std::size_t e = 0;
  const Error* why = &error;
  std::optional<Error> edge_error;
  if (node.shape == kNoShape) {
    const std::uint32_t first = (*edge_offsets_)[n];
    while (edge_code_end_[first + e] <= failed_at) ++e;
  } else {
    // The shape's code runs its symbols' locals in the shape's order: name the first edge,
    // in the edges' order, whose local is undefined, as for a node compiled edge by edge.
    for (e = 0; e < graph_.edges(n).size(); ++e) {
      const Expr local = graph_.local(n, e);
      const std::vector<Expr> symbols = free_symbols(local);
      std::vector<double> point;
      for (const Expr& symbol : symbols) point.push_back(values[*graph_.find(symbol.name())]);
      try {
        Program(local, symbols).run(point);
      } catch (const Error& failed) {
        if (failed.kind() != ErrorKind::Domain) throw;
        edge_error = failed;
        why = &*edge_error;
        break;
      }
    }
    if (e == graph_.edges(n).size()) e = 0;
  }
  Substitution at;
  for (NodeId m = 0; m < graph_.size(); ++m) {
    at.emplace(graph_.symbol(m).node(), number(Number::from_double(values[m])));
  }
  throw derivative_error(graph_, n, e, *why, at);
}

}  // namespace leibniz::graph
