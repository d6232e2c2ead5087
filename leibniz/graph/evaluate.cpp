#include "leibniz/graph/evaluate.h"

#include <fmt/format.h>

#include "leibniz/calculus/simplify.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/print.h"
#include "leibniz/expr/substitute.h"

namespace leibniz::graph {
namespace {

// Exact values stay exact while they are numbers or closed forms this small; beyond,
// the whole pass is done in floating point rather than show growing formulas.
constexpr double kMaxClosedForm = 16;
constexpr std::size_t kMaxExactBits = 256;

bool is_small_closed_form(const Expr& e) {
  if (e.is_number()) return e.number().is_exact() && e.number().bits() <= kMaxExactBits;
  return tree_size(e) <= kMaxClosedForm;
}

Error domain_error(const Graph& graph, NodeId n, const Error& e) {
  return graph.source().error(
      ErrorKind::Domain, graph.node(n).at,
      fmt::format("the value of '{}' is undefined: {}", graph.node(n).name, e.what()));
}

// The |u| in e whose argument is 0 at these values: the kink that leaves a local
// derivative u/|u| undefined (relu, max and min have a convention there; |u| has none).
std::optional<Expr> abs_at_zero(const Expr& e, const Substitution& values) {
  if (e.is(Kind::Func) && e.fn() == Fn::Abs) {
    try {
      if (substitute(e.arg(0), values).is_zero()) return e;
    } catch (const Error&) {
    }
  }
  for (const Expr& a : e.args()) {
    if (auto found = abs_at_zero(a, values)) return found;
  }
  return std::nullopt;
}

// An undefined local derivative ∂n/∂(edge e's node), located at n's line.
Error derivative_error(const Graph& graph, NodeId n, std::size_t e, const Error& error,
                       const Substitution& values) {
  const GraphNode& node = graph.node(n);
  std::string why = error.what();
  if (auto kink = abs_at_zero(node.body, values)) {
    why = fmt::format("{} has no derivative where {} = 0", print_text(*kink),
                      print_text(kink->arg(0)));
  }
  return graph.source().error(
      ErrorKind::Domain, node.at,
      fmt::format("the derivative of '{}' with respect to '{}' is undefined here: {}", node.name,
                  graph.node(node.edges[e].from).name, why));
}

// The exact sweep: adjoints are the totals themselves, locals evaluated exactly.
struct ExactRules {
  const Graph& graph;
  const Substitution& values;
  bool closed = true;

  Expr one() const { return integer(1); }
  Expr flowing(NodeId, const Expr& total) {
    closed &= is_small_closed_form(total);
    return total;
  }
  Expr local(NodeId n, std::size_t e) {
    Expr value;
    try {
      value = substitute(graph.node(n).edges[e].local, values);
    } catch (const Error& error) {
      if (error.kind() != ErrorKind::Domain) throw;
      throw derivative_error(graph, n, e, error, values);
    }
    closed &= is_small_closed_form(value);
    return value;
  }
};

struct FloatRules {
  const NumericGraph& numeric;
  const std::vector<double>& values;
  double one() const { return 1.0; }
  double flowing(NodeId, double total) const { return total; }
  double local(NodeId n, std::size_t e) const { return numeric.local(n, e, values); }
};

std::optional<Pass> exact_pass(const Graph& graph, const Assignment& leaves) {
  Pass pass;
  pass.exact = true;
  pass.values.resize(graph.size());
  Substitution values;
  for (const NodeId n : graph.order()) {
    const GraphNode& node = graph.node(n);
    Expr value;
    if (node.kind == NodeKind::Equation || node.kind == NodeKind::Call) {
      try {
        value = substitute(node.body, values);
      } catch (const Error& e) {
        if (e.kind() != ErrorKind::Domain) throw;
        throw domain_error(graph, n, e);
      }
    } else {
      if (!leaves[n].is_exact()) return std::nullopt;
      value = number(leaves[n]);
    }
    if (!is_small_closed_form(value)) return std::nullopt;
    pass.values[n] = value;
    values.emplace(node.symbol.node(), value);
  }
  ExactRules rules{graph, values};
  pass.sweep = reverse_sweep<Expr>(graph, rules);
  if (!rules.closed) return std::nullopt;
  for (const auto& adjoint : pass.sweep.adjoints) {
    if (adjoint && !is_small_closed_form(*adjoint)) return std::nullopt;
  }
  return pass;
}

}  // namespace

Assignment initial_assignment(const Graph& graph) {
  Assignment leaves(graph.size());
  for (NodeId n = 0; n < graph.size(); ++n) leaves[n] = graph.node(n).initial;
  return leaves;
}

NumericGraph::NumericGraph(const Graph& graph) : graph_(graph), compiled_(graph.size()) {
  for (NodeId n = 0; n < graph.size(); ++n) {
    const GraphNode& node = graph.node(n);
    if (node.kind != NodeKind::Equation && node.kind != NodeKind::Call) continue;
    Compiled& c = compiled_[n];
    std::vector<Expr> variables;
    for (const Edge& e : node.edges) {
      c.reads.push_back(e.from);
      variables.push_back(graph.node(e.from).symbol);
    }
    c.reads.push_back(n);
    variables.push_back(node.symbol);
    c.value.emplace(node.body, variables);
    for (const Edge& e : node.edges) c.locals.emplace_back(e.local, variables);
  }
}

std::vector<double> NumericGraph::point(NodeId n, const std::vector<double>& values) const {
  std::vector<double> p;
  p.reserve(compiled_[n].reads.size());
  for (const NodeId r : compiled_[n].reads) p.push_back(values[r]);
  return p;
}

std::vector<double> NumericGraph::forward(const std::vector<double>& leaves) const {
  std::vector<double> values(graph_.size(), 0.0);
  for (const NodeId n : graph_.order()) {
    if (!compiled_[n].value) {
      values[n] = leaves[n];
      continue;
    }
    try {
      values[n] = compiled_[n].value->run(point(n, values));
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::Domain) throw;
      throw domain_error(graph_, n, e);
    }
  }
  return values;
}

double NumericGraph::local(NodeId n, std::size_t e, const std::vector<double>& values) const {
  try {
    return compiled_[n].locals[e].run(point(n, values));
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::Domain) throw;
    Substitution at;
    for (NodeId m = 0; m < graph_.size(); ++m) {
      at.emplace(graph_.node(m).symbol.node(), number(Number::from_double(values[m])));
    }
    throw derivative_error(graph_, n, e, error, at);
  }
}

Sweep<double> NumericGraph::backward(const std::vector<double>& values) const {
  FloatRules rules{*this, values};
  return reverse_sweep<double>(graph_, rules);
}

Expr Pass::gradient(NodeId id) const {
  return sweep.adjoints[id] ? *sweep.adjoints[id] : integer(0);
}

Pass run_float_pass(const Graph& graph, const Assignment& leaves,
                    std::unique_ptr<NumericGraph>& numeric) {
  if (!numeric) numeric = std::make_unique<NumericGraph>(graph);
  std::vector<double> leaf_values(graph.size(), 0.0);
  for (NodeId n = 0; n < graph.size(); ++n) leaf_values[n] = leaves[n].to_double();
  const std::vector<double> values = numeric->forward(leaf_values);
  const Sweep<double> sweep = numeric->backward(values);
  auto as_expr = [](double v) { return number(Number::from_double(v)); };
  Pass pass;
  pass.values.resize(graph.size());
  for (NodeId n = 0; n < graph.size(); ++n) pass.values[n] = as_expr(values[n]);
  pass.sweep.adjoints.resize(graph.size());
  pass.sweep.edge_terms.resize(graph.size());
  for (NodeId n = 0; n < graph.size(); ++n) {
    if (sweep.adjoints[n]) pass.sweep.adjoints[n] = as_expr(*sweep.adjoints[n]);
    for (const double t : sweep.edge_terms[n]) pass.sweep.edge_terms[n].push_back(as_expr(t));
  }
  return pass;
}

Pass run_pass(const Graph& graph, const Assignment& leaves,
              std::unique_ptr<NumericGraph>& numeric) {
  if (auto pass = exact_pass(graph, leaves)) return std::move(*pass);
  return run_float_pass(graph, leaves, numeric);
}

double to_double(const Expr& value) {
  if (value.is_number()) return value.number().to_double();
  return evaluate(value, {});
}

Expr at_values(const Graph& graph, const std::vector<Expr>& values, const Expr& e) {
  Substitution map;
  for (NodeId n = 0; n < graph.size(); ++n) map.emplace(graph.node(n).symbol.node(), values[n]);
  return substitute(e, map);
}

}  // namespace leibniz::graph
