#include "leibniz/graph/explain.h"

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
    for (const Edge& e : graph.edges(n)) paths[n] += paths[e.from];
  }
  result.path_count = paths[graph.loss()];
  const Substitution values = node_values(graph, pass);
  // Depth first with an explicit stack (a path through a chain of 100,000 steps is as
  // deep): a frame per node on the current path and the next edge to try from it.
  ChainPath current;
  current.nodes.push_back(graph.loss());
  std::vector<std::pair<NodeId, std::size_t>> frames;
  // Arrives at n by the edges in `current`: records the path at the target, else opens a
  // frame. False when no frame was opened.
  const auto arrive = [&](NodeId n) {
    if (n != target) {
      frames.emplace_back(n, 0);
      return true;
    }
    ChainPath done = current;
    done.product = done.locals.empty() ? integer(1) : mul(done.locals);
    result.paths.push_back(std::move(done));
    return false;
  };
  const auto leave = [&] {
    current.nodes.pop_back();
    current.edges.pop_back();
    current.locals.pop_back();
  };
  arrive(graph.loss());
  while (!frames.empty() && result.paths.size() < max_paths) {
    auto& [n, next] = frames.back();
    const std::span<const Edge> edges = graph.edges(n);
    while (next < edges.size() && paths[edges[next].from] == 0) ++next;
    if (next == edges.size()) {
      frames.pop_back();
      if (!frames.empty()) leave();  // the edge that led to this frame's node
      continue;
    }
    const std::size_t e = next++;
    current.nodes.push_back(edges[e].from);
    current.edges.push_back(e);
    current.locals.push_back(substitute(graph.local(n, e), values));
    if (!arrive(edges[e].from)) leave();
  }
  return result;
}

}  // namespace leibniz::graph
