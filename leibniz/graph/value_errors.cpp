#include "leibniz/graph/value_errors.h"

#include <fmt/format.h>

#include <optional>

#include "leibniz/expr/print.h"

namespace leibniz::graph {
namespace {

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

}  // namespace

Error value_error(const Graph& graph, NodeId n, const Error& e) {
  return graph.source().error(
      ErrorKind::Domain, graph.node(n).at,
      fmt::format("the value of '{}' is undefined: {}", graph.node(n).name, e.what()));
}

Error derivative_error(const Graph& graph, NodeId n, std::size_t e, const Error& error,
                       const Substitution& values) {
  const GraphNode& node = graph.node(n);
  std::string why = error.what();
  if (auto kink = abs_at_zero(graph.body(n), values)) {
    why = fmt::format("{} has no derivative where {} = 0", print_text(*kink),
                      print_text(kink->arg(0)));
  }
  return graph.source().error(
      ErrorKind::Domain, node.at,
      fmt::format("the derivative of '{}' with respect to '{}' is undefined here: {}", node.name,
                  graph.node(graph.edges(n)[e].from).name, why));
}

}  // namespace leibniz::graph
