#include "leibniz/graph/explain.h"

#include <functional>

#include "leibniz/expr/builders.h"
#include "leibniz/expr/substitute.h"

namespace leibniz::graph {

Explanation explain(const Graph& graph, const Pass& pass, NodeId target, std::size_t max_paths) {
  Explanation result;
  result.target = target;
  result.gradient = pass.gradient(target);
  // paths[n]: the number of paths from n down to the target; the order has every node
  // after the nodes it reads, so one forward loop counts them.
  std::vector<double> paths(graph.size(), 0.0);
  for (const NodeId n : graph.order()) {
    if (n == target) {
      paths[n] = 1;
      continue;
    }
    for (const Edge& e : graph.node(n).edges) paths[n] += paths[e.from];
  }
  result.path_count = paths[graph.loss()];
  const Substitution values = node_values(graph, pass);
  ChainPath current;
  current.nodes.push_back(graph.loss());
  std::function<void(NodeId)> walk = [&](NodeId n) {
    if (result.paths.size() >= max_paths) return;
    if (n == target) {
      ChainPath done = current;
      done.product = done.locals.empty() ? integer(1) : mul(done.locals);
      result.paths.push_back(std::move(done));
      return;
    }
    const std::vector<Edge>& edges = graph.node(n).edges;
    for (std::size_t e = 0; e < edges.size(); ++e) {
      if (paths[edges[e].from] == 0) continue;
      current.nodes.push_back(edges[e].from);
      current.edges.push_back(e);
      current.locals.push_back(substitute(edges[e].local, values));
      walk(edges[e].from);
      current.nodes.pop_back();
      current.edges.pop_back();
      current.locals.pop_back();
    }
  };
  walk(graph.loss());
  return result;
}

}  // namespace leibniz::graph
