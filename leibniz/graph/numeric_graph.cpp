#include "leibniz/graph/numeric_graph.h"

#include <fmt/format.h>

#include <algorithm>

#include "leibniz/core/limits.h"
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
    reset(forward_map_);
    const GraphNode& node = graph_.node(n);
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
  const std::uint32_t first = (*edge_offsets_)[n];
  std::size_t e = 0;
  while (edge_code_end_[first + e] <= failed_at) ++e;
  Substitution at;
  for (NodeId m = 0; m < graph_.size(); ++m) {
    at.emplace(graph_.node(m).symbol.node(), number(Number::from_double(values[m])));
  }
  throw derivative_error(graph_, n, e, error, at);
}

}  // namespace leibniz::graph
