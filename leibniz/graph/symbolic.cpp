#include "leibniz/graph/symbolic.h"

#include "leibniz/expr/builders.h"
#include "leibniz/expr/substitute.h"

namespace leibniz::graph {
namespace {

// Each node passes back its auxiliary ∂L/∂name, never the formula behind it.
struct SymbolicRules {
  const Graph& graph;
  std::vector<Expr>& auxiliary;

  Expr one() const { return integer(1); }
  Expr flowing(NodeId n, const Expr& total) {
    if (n == graph.loss()) return total;
    auxiliary[n] = symbol(adjoint_name(graph, n));
    return auxiliary[n];
  }
  Expr local(NodeId n, std::size_t e) const { return graph.local(n, e); }
};

}  // namespace

std::string display_name(const std::string& name) {
  if (name == "yhat") return "\u0177";  // ŷ, precomposed
  if (name.size() == 4 && name.compare(1, 3, "hat") == 0) return name.substr(0, 1) + "\u0302";
  return name;
}

std::string adjoint_name(const Graph& graph, NodeId n) {
  return "∂" + display_name(graph.node(graph.loss()).name) + "/∂" +
         display_name(graph.node(n).name);
}

SymbolicGradient symbolic_gradient(const Graph& graph) {
  SymbolicGradient result;
  result.auxiliary.resize(graph.size());
  SymbolicRules rules{graph, result.auxiliary};
  const Sweep<Expr> sweep = reverse_sweep<Expr>(graph, rules);
  result.formula.resize(graph.size());
  for (NodeId n = 0; n < graph.size(); ++n) {
    if (sweep.adjoints[n]) result.formula[n] = *sweep.adjoints[n];
  }
  return result;
}

Substitution formula_point(const Graph& graph, const SymbolicGradient& symbolic, const Pass& pass) {
  Substitution map = node_values(graph, pass);
  for (NodeId k = 0; k < graph.size(); ++k) {
    if (!symbolic.auxiliary[k].is_null())
      map.emplace(symbolic.auxiliary[k].node(), pass.gradient(k));
  }
  return map;
}

Expr formula_value(const SymbolicGradient& symbolic, const Substitution& point, NodeId n) {
  if (symbolic.formula[n].is_null()) return integer(0);
  return substitute(symbolic.formula[n], point);
}

}  // namespace leibniz::graph
