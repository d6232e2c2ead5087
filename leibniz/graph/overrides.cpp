#include "leibniz/graph/overrides.h"

#include "leibniz/numeric/finite_difference.h"

namespace leibniz::graph {

std::vector<OverrideCheck> check_overrides(const Graph& graph, const Pass& pass) {
  std::vector<OverrideCheck> checks;
  if (!graph.has_overrides()) return checks;
  const Substitution values = node_values(graph, pass);  // once, not once per override
  for (NodeId n = 0; n < graph.size(); ++n) {
    const GraphNode& node = graph.node(n);
    if (!node.override_derivative()) continue;
    OverrideCheck c;
    c.node = n;
    c.argument = substitute(node.argument(), values);
    c.used = substitute(node.override_derivative()->used, values);
    c.exact = substitute(node.override_derivative()->exact, values);
    c.relative_error = relative_error(to_double(c.used), to_double(c.exact));
    checks.push_back(std::move(c));
  }
  return checks;
}

}  // namespace leibniz::graph
