// The reverse sweep, written once for any adjoint type that can add and multiply:
// double gives numbers, Expr gives exact values or formulas (Stan Math's tape: the
// topological order is walked backwards once, each node visited once).
#pragma once

#include <optional>
#include <vector>

#include "leibniz/graph/graph.h"

namespace leibniz::graph {

/// The adjoints ∂L/∂node of every node (nullopt: the loss does not depend on it) and
/// the term each edge carried back: edge_terms[n][e] = flowing(n) · local(n, e).
template <class Adjoint>
struct Sweep {
  std::vector<std::optional<Adjoint>> adjoints;
  std::vector<std::vector<Adjoint>> edge_terms;
};

/// `rules` gives: one() (∂L/∂L), local(n, e) (the value of node n's edge e), and
/// flowing(n, total) (what node n passes back: the total itself, or a name for it).
template <class Adjoint, class Rules>
Sweep<Adjoint> reverse_sweep(const Graph& graph, Rules& rules) {
  Sweep<Adjoint> sweep;
  sweep.adjoints.resize(graph.size());
  sweep.edge_terms.resize(graph.size());
  sweep.adjoints[graph.loss()] = rules.one();
  const std::vector<NodeId>& order = graph.order();
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    const NodeId n = *it;
    if (!sweep.adjoints[n]) continue;
    const Adjoint flowing = rules.flowing(n, *sweep.adjoints[n]);
    const std::span<const Edge> edges = graph.edges(n);
    for (std::size_t e = 0; e < edges.size(); ++e) {
      Adjoint term = flowing * rules.local(n, e);
      std::optional<Adjoint>& into = sweep.adjoints[edges[e].from];
      into = into ? Adjoint(*into + term) : term;
      sweep.edge_terms[n].push_back(std::move(term));
    }
  }
  return sweep;
}

}  // namespace leibniz::graph
