#include "leibniz/app/backprop_json.h"

#include "leibniz/core/limits.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/print.h"
#include "leibniz/graph/overrides.h"

namespace leibniz::app {

using namespace graph;  // the answer reads the graph at every member

namespace {

bool is_value_node(const GraphNode& node) {
  return (node.kind == NodeKind::Equation || node.kind == NodeKind::Call) && !node.is_loss &&
         !node.hidden;
}

// {"name": f(name)} for the nodes `ids`, in their order. The names of a graph are
// unique, so the members are appended: ordered_json's operator[] searches the members
// one by one, which is quadratic on a model of 100,000 steps.
template <class F>
nlohmann::ordered_json by_name(const std::vector<NodeId>& ids, const Graph& graph, F f) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  auto& members = out.get_ref<nlohmann::ordered_json::object_t&>();
  members.reserve(ids.size());
  for (const NodeId n : ids) {
    tick();
    members.emplace_back(graph.node(n).name, f(n));
  }
  return out;
}

}  // namespace

nlohmann::ordered_json backprop_json(const Graph& graph, const Assignment& leaves,
                                     const graph::Evaluation& at, const std::optional<Number>& rate,
                                     bool per_row) {
  std::vector<NodeId> value_nodes;
  for (const NodeId n : graph.order()) {
    if (is_value_node(graph.node(n))) value_nodes.push_back(n);
  }
  // With several rows, a node's value is its mean over the rows; one float pass's
  // values are read from its array, without Exprs.
  const bool one_float_pass = !at.exact && at.passes.size() == 1;
  std::vector<Expr> values;
  if (!one_float_pass) {
    values.resize(graph.size());
    for (const NodeId n : value_nodes) {
      values[n] = mean_over(at.passes, [n](const Pass& p) { return p.value(n); });
    }
  }
  const auto value = [&](NodeId n) {
    return one_float_pass ? at.passes.front().value_double(n) : to_double(values[n]);
  };
  const std::vector<NodeId> gradient_nodes = graph.gradient_nodes();
  const std::vector<NodeId> params = graph.of_kind(NodeKind::Param);
  nlohmann::ordered_json out;
  out["ok"] = true;
  out["values"] = by_name(value_nodes, graph, value);
  out["loss"] = to_double(at.loss);
  out["gradients"] =
      by_name(gradient_nodes, graph, [&](NodeId n) { return to_double(at.gradient[n]); });
  std::vector<Expr> updated;
  if (rate) {
    updated = descend(graph, leaves, at, *rate);
    out["updated"] = by_name(params, graph, [&](NodeId n) { return to_double(updated[n]); });
  }
  if (at.exact) {
    nlohmann::ordered_json exact;
    exact["values"] = by_name(value_nodes, graph, [&](NodeId n) { return print_text(values[n]); });
    exact["loss"] = print_text(at.loss);
    exact["gradients"] =
        by_name(gradient_nodes, graph, [&](NodeId n) { return print_text(at.gradient[n]); });
    if (rate)
      exact["updated"] = by_name(params, graph, [&](NodeId n) { return print_text(updated[n]); });
    out["exact"] = std::move(exact);
  }
  const std::vector<OverrideCheck> checks = check_overrides(graph, at.passes.front());
  if (!checks.empty()) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const OverrideCheck& c : checks) {
      const GraphNode& node = graph.node(c.node);
      list.push_back({{"node", node.name},
                      {"function", node.function()},
                      {"derivative", node.override_derivative()->written},
                      {"argument", to_double(c.argument)},
                      {"override", to_double(c.used)},
                      {"true", to_double(c.exact)},
                      {"relative_error", c.relative_error}});
    }
    out["overrides"] = std::move(list);
  }
  if (per_row) {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const Pass& p : at.passes) {
      rows.push_back({{"loss", p.value_double(graph.loss())},
                      {"gradients", by_name(gradient_nodes, graph,
                                            [&](NodeId n) { return p.gradient_double(n); })}});
    }
    out["rows"] = std::move(rows);
  }
  return out;
}

nlohmann::ordered_json training_json(const Graph& graph, const Training& training) {
  nlohmann::ordered_json out;
  out["ok"] = true;
  out["epochs"] = training.losses.size();
  nlohmann::ordered_json losses = nlohmann::ordered_json::array();
  for (const Expr& l : training.losses) losses.push_back(to_double(l));
  out["losses"] = std::move(losses);
  out["updated"] = by_name(graph.of_kind(NodeKind::Param), graph,
                           [&](NodeId n) { return training.leaves[n].to_double(); });
  return out;
}

}  // namespace leibniz::app
