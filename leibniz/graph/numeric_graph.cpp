#include "leibniz/graph/numeric_graph.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>

#include "leibniz/core/limits.h"
#include "leibniz/eval/program.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/call.h"
#include "leibniz/graph/value_errors.h"

namespace leibniz::graph {
namespace {

// Local code's scratch slots are numbered from this bit until the forward code's size is
// known; then they follow the forward slots.
constexpr std::uint32_t kScratch = 0x80000000u;

}  // namespace

// Compiles expressions into a code vector: post-order with an explicit stack, each
// distinct subexpression once within a node; node symbols read the nodes' value slots
// (a node's map starts with the symbols of its edges).
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
          compile(node.body, tape_.code_, tape_.args_, forward_map_, nullptr, next_forward_);
    } else {
      Instruction in{Op::Leaf};
      in.first = n;
      in.out = next_forward_++;
      tape_.code_.push_back(in);
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
          compile(e.local, tape_.local_code_, tape_.local_args_, local_map_, &forward_map_, next));
      tape_.edge_code_end_.push_back(static_cast<std::uint32_t>(tape_.local_code_.size()));
      tape_.edge_from_.push_back(e.from);
    }
    tape_.scratch_slots_ = std::max(tape_.scratch_slots_, next - kScratch);
  }

  std::uint32_t forward_slots() const { return next_forward_; }

 private:
  using SlotMap = std::unordered_map<const Node*, std::uint32_t>;

  // A map that grew large for one node is replaced, not cleared: clear() walks every
  // bucket, which would make many small nodes after a large one quadratic.
  static void reset(SlotMap& map) {
    if (map.bucket_count() > 64) {
      map = SlotMap();
    } else {
      map.clear();
    }
  }

  std::optional<std::uint32_t> find(const Expr& e, const SlotMap& map, const SlotMap* outer) const {
    if (auto it = map.find(e.node()); it != map.end()) return it->second;
    if (outer) {
      if (auto it = outer->find(e.node()); it != outer->end()) return it->second;
    }
    if (e.is(Kind::Symbol)) {
      throw Error(ErrorKind::Request, fmt::format("no value given for '{}'", e.name()));
    }
    return std::nullopt;
  }

  std::uint32_t compile(const Expr& root, std::vector<Instruction>& code,
                        std::vector<std::uint32_t>& args, SlotMap& map, const SlotMap* outer,
                        std::uint32_t& next) {
    if (auto slot = find(root, map, outer)) return *slot;
    // Pointers into the tree, which `root` keeps alive: no reference counting per visit.
    stack_.clear();
    stack_.emplace_back(&root, false);
    while (!stack_.empty()) {
      const auto [at, expanded] = stack_.back();
      const Expr& e = *at;
      stack_.pop_back();
      if (find(e, map, outer)) continue;
      if (!expanded) {
        stack_.emplace_back(at, true);
        for (const Expr& a : e.args()) stack_.emplace_back(&a, false);
        continue;
      }
      Instruction in{Op::Constant};
      switch (e.kind()) {
        case Kind::Number: in.constant = constant(e.number().to_double()); break;
        case Kind::Constant: in.constant = constant(e.is_e() ? M_E : M_PI); break;
        case Kind::Symbol: break;  // found above
        case Kind::Add: in.op = Op::Add; break;
        case Kind::Mul: in.op = Op::Mul; break;
        case Kind::Func:
          in.op = Op::Func;
          in.fn = e.fn();
          break;
        case Kind::Call:
          throw Error(
              ErrorKind::Unsupported,
              fmt::format("'{}' is an undefined function: it has no numeric value", call_name(e)));
        case Kind::Pow: {
          in.op = Op::Pow;
          const Expr& x = e.exponent();
          if (x.is_integer() && x.number().to_long()) {
            in.op = Op::PowInt;
            in.constant = constant(static_cast<double>(*x.number().to_long()));
          } else if (x.is_number() && x.number().is_exact() &&
                     mpz_odd_p(x.number().exact().get_den_mpz_t())) {
            in.op = Op::RealRoot;  // p/q with q odd: real for negative bases too
            in.constant = constant(x.number().exact().get_num().get_d());
            constant(x.number().exact().get_den().get_d());
          }
          break;
        }
      }
      in.first = static_cast<std::uint32_t>(args.size());
      if (in.op == Op::PowInt || in.op == Op::RealRoot) {
        args.push_back(*find(e.base(), map, outer));
        in.count = 1;
      } else if (in.op != Op::Constant) {
        for (const Expr& a : e.args()) args.push_back(*find(a, map, outer));
        in.count = static_cast<std::uint32_t>(e.args().size());
      }
      in.out = next++;
      map.emplace(e.node(), in.out);
      code.push_back(in);
    }
    return *find(root, map, outer);
  }

  std::uint32_t constant(double v) {
    tape_.constants_.push_back(v);
    return static_cast<std::uint32_t>(tape_.constants_.size() - 1);
  }

  NumericGraph& tape_;
  const Graph& graph_;
  SlotMap forward_map_, local_map_;
  std::vector<std::pair<const Expr*, bool>> stack_;  // compile's walk
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
    forward_end_.push_back(static_cast<std::uint32_t>(code_.size()));
    local_begin_[n] = static_cast<std::uint32_t>(local_code_.size());
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
  for (Instruction& in : local_code_) place(in.out);
  for (std::uint32_t& a : local_args_) place(a);
  for (std::uint32_t& s : edge_slot_) place(s);
}

std::size_t NumericGraph::bytes() const {
  return (code_.size() + local_code_.size()) * sizeof(Instruction) +
         (args_.size() + local_args_.size()) * sizeof(std::uint32_t) +
         constants_.size() * sizeof(double) +
         (value_slot_.size() + forward_end_.size() + local_begin_.size() + edge_offsets_->size() +
          3 * edge_slot_.size()) *
             sizeof(std::uint32_t);
}

void NumericGraph::execute(const std::vector<Instruction>& code,
                           const std::vector<std::uint32_t>& args, std::uint32_t begin,
                           std::uint32_t end, double* v, const double* leaves,
                           std::uint32_t& at) const {
  const double* c = constants_.data();
  std::uint32_t i = begin;
  try {
    for (; i < end; ++i) {
      const Instruction& in = code[i];
      // No operands, no pointer: args may be empty, and null + 0 is undefined behaviour.
      const std::uint32_t* a = in.count > 0 ? &args[in.first] : nullptr;
      double r = 0;
      switch (in.op) {
        case Op::Leaf: r = leaves[in.first]; break;
        case Op::Constant: r = c[in.constant]; break;
        case Op::Add:
          for (std::uint32_t k = 0; k < in.count; ++k) r += v[a[k]];
          break;
        case Op::Mul:
          r = 1;
          for (std::uint32_t k = 0; k < in.count; ++k) r *= v[a[k]];
          break;
        case Op::PowInt: r = integer_power(v[a[0]], c[in.constant]); break;
        case Op::RealRoot: r = real_root_power(v[a[0]], c[in.constant], c[in.constant + 1]); break;
        case Op::Pow: r = real_power(v[a[0]], v[a[1]]); break;
        case Op::Func:
          r = in.count == 2 ? function_value(in.fn, std::array{v[a[0]], v[a[1]]})
                            : function_value(in.fn, std::span(&v[a[0]], 1));
          break;
      }
      if (in.op != Op::Leaf && !std::isfinite(r)) {
        throw Error(ErrorKind::Domain, "the value is not a finite number (overflow)");
      }
      v[in.out] = r;
    }
  } catch (const Error&) {
    at = i;
    throw;
  }
}

std::vector<double> NumericGraph::run_forward(const std::vector<double>& leaves) const {
  std::vector<double> slots(forward_slots_ + scratch_slots_, 0.0);
  const std::vector<NodeId>& order = graph_.order();
  std::uint32_t begin = 0, at = 0;
  for (std::size_t k = 0; k < order.size(); ++k) {
    try {
      execute(code_, args_, begin, forward_end_[k], slots.data(), leaves.data(), at);
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
      execute(local_code_, local_args_, local_begin_[n], edge_code_end_[last - 1], slots.data(),
              leaves.data(), at);
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
