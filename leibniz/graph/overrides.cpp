#include "leibniz/graph/overrides.h"

#include "leibniz/numeric/finite_difference.h"

namespace leibniz::graph {

std::vector<OverrideCheck> check_overrides(const Graph& graph, const Pass& pass) {
  std::vector<OverrideCheck> checks;
  for (NodeId n = 0; n < graph.size(); ++n) {
    const GraphNode& node = graph.node(n);
    if (!node.override_derivative) continue;
    OverrideCheck c;
    c.node = n;
    c.argument = at_values(graph, pass.values, node.argument);
    c.used = at_values(graph, pass.values, node.override_derivative->used);
    c.exact = at_values(graph, pass.values, node.override_derivative->exact);
    c.relative_error = relative_error(to_double(c.used), to_double(c.exact));
    checks.push_back(std::move(c));
  }
  return checks;
}

}  // namespace leibniz::graph
