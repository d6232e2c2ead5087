// The chain rule, path by path: every path from the loss down to a node, with the
// local derivative on each edge; ∂L/∂node is the sum over the paths of their products.
#pragma once

#include <vector>

#include "leibniz/graph/evaluate.h"

namespace leibniz::graph {

struct ChainPath {
  std::vector<NodeId> nodes;       ///< the loss first, the node explained last
  std::vector<std::size_t> edges;  ///< edges[i]: the edge of nodes[i] that leads to nodes[i+1]
  std::vector<Expr> locals;        ///< the value of each edge's local derivative
  Expr product;
};

struct Explanation {
  NodeId target = 0;
  double path_count = 0;         ///< all paths (may exceed the paths listed)
  std::vector<ChainPath> paths;  ///< at most max_paths of them
  Expr gradient;
};

Explanation explain(const Graph& graph, const Pass& pass, NodeId target,
                    std::size_t max_paths = 16);

}  // namespace leibniz::graph
