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
    for (const Edge& e : node.edges)
      forward_map_.emplace(graph_.node(e.from).symbol.node(), tape_.value_slot_[e.from]);
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
    local_map_.emplace(graph_.node(n).symbol.node(), tape_.value_slot_[n]);
    std::uint32_t next = kScratch;
    for (const Edge& e : graph_.node(n).edges) {
      tape_.edge_slot_.push_back(
          compiler_.compile(e.local, tape_.local_, local_map_, &forward_map_, next));
      tape_.edge_code_end_.push_back(tape_.local_.size());
      tape_.edge_from_.push_back(e.from);
    }
    tape_.scratch_slots_ = std::max(tape_.scratch_slots_, next - kScratch);
  }

  std::uint32_t forward_slots() const { return next_forward_; }

 private:
  // A shape's body and locals compiled once, over its own slots: [0, k) the symbols read,
  // [k, forward_end) the body's subexpressions, then the locals' scratch.
  struct Template {
    Code forward, local;
    std::uint32_t symbols = 0, body_slot = 0, forward_end = 0, slot_count = 0;
    std::vector<std::uint32_t> local_slot;  // by shape symbol
    // Where its constants start in the tape's forward and local code.
    std::uint32_t forward_constants = 0, local_constants = 0;
  };

  const Template& shape_template(std::uint32_t index) {
    if (templates_.size() <= index) templates_.resize(index + 1);
    std::unique_ptr<Template>& made = templates_[index];
    if (made) return *made;
    made = std::make_unique<Template>();
    Template& t = *made;
    const Shape& shape = graph_.shape(index);
    const std::vector<Expr>& symbols = graph_.shape_symbols();
    t.symbols = static_cast<std::uint32_t>(shape.locals.size());
    SlotMap body_map, local_map;
    for (std::uint32_t k = 0; k < t.symbols; ++k) body_map.emplace(symbols[k].node(), k);
    std::uint32_t next = t.symbols;
    t.body_slot = compiler_.compile(shape.body, t.forward, body_map, nullptr, next);
    t.forward_end = next;
    local_map.emplace(symbols[t.symbols].node(), t.body_slot);
    for (const Expr& local : shape.locals)
      t.local_slot.push_back(compiler_.compile(local, t.local, local_map, &body_map, next));
    t.slot_count = next;
    const auto append = [](std::vector<double>& to, const std::vector<double>& from) {
      to.insert(to.end(), from.begin(), from.end());
      return static_cast<std::uint32_t>(to.size() - from.size());
    };
    t.forward_constants = append(tape_.forward_.constants, t.forward.constants);
    t.local_constants = append(tape_.local_.constants, t.local.constants);
    return t;
  }

  // The template's code with its slots renamed by remap_ and its constants moved.
  static void instantiate(const Code& from, std::uint32_t constants,
                          const std::vector<std::uint32_t>& remap, Code& to) {
    const auto args = static_cast<std::uint32_t>(to.args.size());
    for (const std::uint32_t a : from.args) to.args.push_back(remap[a]);
    for (Instruction in : from.instructions) {
      in.out = remap[in.out];
      in.first += args;
      in.constant += constants;
      to.instructions.push_back(in);
    }
  }

  void shaped_forward(NodeId n) {
    const GraphNode& node = graph_.node(n);
    const Template& t = shape_template(node.shape);
    remap_.resize(t.slot_count);
    for (const Edge& e : node.edges) remap_[e.shape_symbol] = tape_.value_slot_[e.from];
    for (std::uint32_t s = t.symbols; s < t.forward_end; ++s) remap_[s] = next_forward_++;
    for (std::uint32_t s = t.forward_end; s < t.slot_count; ++s)
      remap_[s] = kScratch + (s - t.forward_end);
    instantiate(t.forward, t.forward_constants, remap_, tape_.forward_);
    tape_.value_slot_[n] = remap_[t.body_slot];
  }

  // After shaped_forward(n): remap_ is n's.
  void shaped_locals(NodeId n) {
    const GraphNode& node = graph_.node(n);
    const Template& t = *templates_[node.shape];
    instantiate(t.local, t.local_constants, remap_, tape_.local_);
    for (const Edge& e : node.edges) {
      tape_.edge_slot_.push_back(remap_[t.local_slot[e.shape_symbol]]);
      tape_.edge_code_end_.push_back(tape_.local_.size());
      tape_.edge_from_.push_back(e.from);
    }
    tape_.scratch_slots_ = std::max(tape_.scratch_slots_, t.slot_count - t.forward_end);
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
  std::vector<std::unique_ptr<Template>> templates_;  // by shape
  std::vector<std::uint32_t> remap_;                  // template slot → tape slot
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
    offsets[n + 1] = offsets[n] + static_cast<std::uint32_t>(graph.node(n).edges.size());
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
  return forward_.bytes() + local_.bytes() +
         (value_slot_.size() + forward_end_.size() + local_begin_.size() + edge_offsets_->size() +
          3 * edge_slot_.size()) *
             sizeof(std::uint32_t);
}

std::vector<double> NumericGraph::run_forward(const std::vector<double>& leaves) const {
  std::vector<double> slots(forward_slots_ + scratch_slots_, 0.0);
  const std::vector<NodeId>& order = graph_.order();
  std::uint32_t begin = 0, at = 0;
  for (std::size_t k = 0; k < order.size(); ++k) {
    try {
      execute(forward_, begin, forward_end_[k], slots.data(), leaves.data(), at);
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
  const std::vector<NodeId>& order = graph_.order();
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    const NodeId n = *it;
    if (!s.reached[n]) continue;
    const std::uint32_t first = offsets[n], last = offsets[n + 1];
    if (first == last) continue;
    std::uint32_t at = 0;
    try {
      execute(local_, local_begin_[n], edge_code_end_[last - 1], slots.data(), leaves.data(), at);
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::Domain) throw;
      throw_local_error(n, at, e, s.values);
    }
    const double flowing = s.adjoints[n];
    for (std::uint32_t k = first; k < last; ++k) {
      const double term = flowing * slots[edge_slot_[k]];
      s.edge_terms[k] = term;
      const NodeId from = edge_from_[k];
      s.adjoints[from] = s.reached[from] ? s.adjoints[from] + term : term;
      s.reached[from] = true;
    }
  }
  return s;
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
    for (e = 0; e < node.edges.size(); ++e) {
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
    if (e == node.edges.size()) e = 0;
  }
  Substitution at;
  for (NodeId m = 0; m < graph_.size(); ++m) {
    at.emplace(graph_.node(m).symbol.node(), number(Number::from_double(values[m])));
  }
  throw derivative_error(graph_, n, e, *why, at);
}

}  // namespace leibniz::graph
