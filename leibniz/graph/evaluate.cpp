#include "leibniz/graph/evaluate.h"

#include "leibniz/calculus/simplify.h"
#include "leibniz/eval/program.h"
#include "leibniz/expr/builders.h"
#include "leibniz/graph/value_errors.h"

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

Expr float_expr(double v) { return number(Number::from_double(v)); }

// A float of the tape as a Number would hold it: no negative zero (Number::from_double).
double as_number(double v) { return v == 0 ? 0.0 : v; }

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
      value = substitute(graph.local(n, e), values);
    } catch (const Error& error) {
      if (error.kind() != ErrorKind::Domain) throw;
      throw derivative_error(graph, n, e, error, values);
    }
    closed &= is_small_closed_form(value);
    return value;
  }
};

std::optional<Pass> exact_pass(const Graph& graph, const Assignment& leaves) {
  if (graph.size() > kMaxExactNodes) return std::nullopt;
  Pass pass;
  pass.exact = true;
  pass.exact_values.resize(graph.size());
  Substitution values;
  for (const NodeId n : graph.order()) {
    const GraphNode& node = graph.node(n);
    Expr value;
    if (node.kind == NodeKind::Equation || node.kind == NodeKind::Call) {
      try {
        value = substitute(node.body, values);
      } catch (const Error& e) {
        if (e.kind() != ErrorKind::Domain) throw;
        throw value_error(graph, n, e);
      }
    } else {
      if (!leaves[n].is_exact()) return std::nullopt;
      value = number(leaves[n]);
    }
    if (!is_small_closed_form(value)) return std::nullopt;
    pass.exact_values[n] = value;
    values.emplace(graph.symbol(n).node(), value);
  }
  ExactRules rules{graph, values};
  pass.exact_sweep = reverse_sweep<Expr>(graph, rules);
  if (!rules.closed) return std::nullopt;
  for (const auto& adjoint : pass.exact_sweep.adjoints) {
    if (adjoint && !is_small_closed_form(*adjoint)) return std::nullopt;
  }
  return pass;
}

}  // namespace

Assignment initial_assignment(const Graph& graph) {
  Assignment leaves;
  for (NodeId n = 0; n < graph.size(); ++n) {
    const NodeKind kind = graph.node(n).kind;
    if (kind == NodeKind::Param || kind == NodeKind::Input || kind == NodeKind::Target)
      leaves.add(n, graph.node(n).initial());
  }
  return leaves;
}

Expr Pass::value(NodeId n) const { return exact ? exact_values[n] : float_expr(floats.values[n]); }

double Pass::value_double(NodeId n) const {
  return exact ? to_double(exact_values[n]) : as_number(floats.values[n]);
}

Expr Pass::gradient(NodeId n) const {
  if (exact) return exact_sweep.adjoints[n] ? *exact_sweep.adjoints[n] : integer(0);
  return floats.reached[n] ? float_expr(floats.adjoints[n]) : integer(0);
}

double Pass::gradient_double(NodeId n) const {
  return exact ? to_double(gradient(n)) : as_number(floats.adjoints[n]);
}

bool Pass::reached(NodeId n) const {
  return exact ? exact_sweep.adjoints[n].has_value() : static_cast<bool>(floats.reached[n]);
}

Expr Pass::edge_term(NodeId n, std::size_t e) const {
  return exact ? exact_sweep.edge_terms[n][e] : float_expr(edge_term_double(n, e));
}

double Pass::edge_term_double(NodeId n, std::size_t e) const {
  return exact ? to_double(exact_sweep.edge_terms[n][e])
               : as_number(floats.edge_terms[(*floats.edge_offsets)[n] + e]);
}

Pass run_float_pass(const Graph& graph, const Assignment& leaves,
                    std::unique_ptr<NumericGraph>& numeric) {
  if (!numeric) numeric = std::make_unique<NumericGraph>(graph);
  std::vector<double> leaf_values(graph.size(), 0.0);
  for (NodeId n = 0; n < graph.size(); ++n) {
    const NodeKind kind = graph.node(n).kind;
    if (kind == NodeKind::Param || kind == NodeKind::Input || kind == NodeKind::Target)
      leaf_values[n] = leaves[n].to_double();
  }
  Pass pass;
  pass.floats = numeric->run(leaf_values);
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

Substitution node_values(const Graph& graph, const Pass& pass) {
  Substitution map;
  for (NodeId n = 0; n < graph.size(); ++n) map.emplace(graph.symbol(n).node(), pass.value(n));
  return map;
}

}  // namespace leibniz::graph
