#include "leibniz/app/backprop_json.h"

#include <ostream>

#include "leibniz/core/limits.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/print.h"
#include "leibniz/graph/overrides.h"

namespace leibniz::app {

namespace {

bool is_value_node(const graph::GraphNode& node) {
  return (node.kind == graph::NodeKind::Equation || node.kind == graph::NodeKind::Call) &&
         !node.is_loss && !node.hidden;
}

// {"name": f(name)} for the nodes `ids`, in their order. The names of a graph are
// unique, so the members are appended: ordered_json's operator[] searches the members
// one by one, which is quadratic on a model of 100,000 steps.
template <class F>
nlohmann::ordered_json by_name(const std::vector<graph::NodeId>& ids, const graph::Graph& graph,
                               F f) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  auto& members = out.get_ref<nlohmann::ordered_json::object_t&>();
  members.reserve(ids.size());
  for (const graph::NodeId n : ids) {
    tick();
    members.emplace_back(graph.node(n).name, f(n));
  }
  return out;
}

// The "values" member: every equation's value (the mean over the rows with several),
// read from the float pass's array when there is one, without Exprs.
class NodeValues {
 public:
  NodeValues(const graph::Graph& graph, const graph::Evaluation& at)
      : graph_(graph), at_(at), one_float_pass_(!at.exact && at.passes.size() == 1) {
    for (const graph::NodeId n : graph.order()) {
      if (is_value_node(graph.node(n))) nodes_.push_back(n);
    }
    if (!one_float_pass_) {
      values_.resize(graph.size());
      for (const graph::NodeId n : nodes_) {
        values_[n] = mean_over(at.passes, [n](const graph::Pass& p) { return p.value(n); });
      }
    }
  }
  const std::vector<graph::NodeId>& nodes() const { return nodes_; }
  const std::vector<Expr>& exact() const { return values_; }
  double operator()(graph::NodeId n) const {
    return one_float_pass_ ? at_.passes.front().value_double(n) : graph::to_double(values_[n]);
  }
  nlohmann::ordered_json json() const {
    return by_name(nodes_, graph_, [this](graph::NodeId n) { return (*this)(n); });
  }
  // As json() is dumped, one member at a time (one serializer: making one per value, as
  // operator<< does, cost a fifth of a second on a million values).
  void write(std::ostream& out) const {
    using Json = nlohmann::ordered_json;
    nlohmann::detail::serializer<Json> dump(nlohmann::detail::output_adapter<char>(out), ' ');
    out << '{';
    for (const graph::NodeId n : nodes_) {
      tick();
      if (n != nodes_.front()) out << ',';
      dump.dump(Json(graph_.node(n).name), false, false, 0);
      out << ':';
      dump.dump(Json((*this)(n)), false, false, 0);
    }
    out << '}';
  }

 private:
  const graph::Graph& graph_;
  const graph::Evaluation& at_;
  bool one_float_pass_;
  std::vector<graph::NodeId> nodes_;
  std::vector<Expr> values_;
};

// The answer with the values written as `values` says (their document, or an empty
// object standing in for the values written one by one).
nlohmann::ordered_json answer(const graph::Graph& graph, const graph::Assignment& leaves,
                              const graph::Evaluation& at, const std::optional<Number>& rate,
                              bool per_row, const NodeValues& node_values, bool with_values) {
  const std::vector<graph::NodeId>& value_nodes = node_values.nodes();
  const std::vector<Expr>& values = node_values.exact();
  const std::vector<graph::NodeId> gradient_nodes = graph.gradient_nodes();
  const std::vector<graph::NodeId> params = graph.of_kind(graph::NodeKind::Param);
  nlohmann::ordered_json out;
  out["ok"] = true;
  out["values"] = with_values ? node_values.json() : nlohmann::ordered_json::object();
  out["loss"] = graph::to_double(at.loss);
  out["gradients"] = by_name(gradient_nodes, graph,
                             [&](graph::NodeId n) { return graph::to_double(at.gradient[n]); });
  std::vector<Expr> updated;
  if (rate) {
    updated = descend(graph, leaves, at, *rate);
    out["updated"] =
        by_name(params, graph, [&](graph::NodeId n) { return graph::to_double(updated[n]); });
  }
  if (at.exact) {
    nlohmann::ordered_json exact;
    exact["values"] =
        by_name(value_nodes, graph, [&](graph::NodeId n) { return print_text(values[n]); });
    exact["loss"] = print_text(at.loss);
    exact["gradients"] =
        by_name(gradient_nodes, graph, [&](graph::NodeId n) { return print_text(at.gradient[n]); });
    if (rate)
      exact["updated"] =
          by_name(params, graph, [&](graph::NodeId n) { return print_text(updated[n]); });
    out["exact"] = std::move(exact);
  }
  const std::vector<graph::OverrideCheck> checks = check_overrides(graph, at.passes.front());
  if (!checks.empty()) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const graph::OverrideCheck& c : checks) {
      const graph::GraphNode& node = graph.node(c.node);
      list.push_back({{"node", node.name},
                      {"function", node.function()},
                      {"derivative", node.override_derivative()->written},
                      {"argument", graph::to_double(c.argument)},
                      {"override", graph::to_double(c.used)},
                      {"true", graph::to_double(c.exact)},
                      {"relative_error", c.relative_error}});
    }
    out["overrides"] = std::move(list);
  }
  if (per_row) {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const graph::Pass& p : at.passes) {
      rows.push_back({{"loss", p.value_double(graph.loss())},
                      {"gradients", by_name(gradient_nodes, graph, [&](graph::NodeId n) {
                         return p.gradient_double(n);
                       })}});
    }
    out["rows"] = std::move(rows);
  }
  return out;
}

}  // namespace

nlohmann::ordered_json backprop_json(const graph::Graph& graph, const graph::Assignment& leaves,
                                     const graph::Evaluation& at, const std::optional<Number>& rate,
                                     bool per_row) {
  return answer(graph, leaves, at, rate, per_row, NodeValues(graph, at), true);
}

void write_backprop_json(std::ostream& out, const graph::Graph& graph,
                         const graph::Assignment& leaves, const graph::Evaluation& at,
                         const std::optional<Number>& rate, bool per_row,
                         const nlohmann::ordered_json& extra) {
  const NodeValues values(graph, at);
  const nlohmann::ordered_json rest = answer(graph, leaves, at, rate, per_row, values, false);
  const char* comma = "";
  out << '{';
  for (const auto* members : {&rest, &extra}) {
    for (const auto& [key, value] : members->items()) {
      out << comma << nlohmann::ordered_json(key) << ':';
      if (members == &rest && key == "values") {
        values.write(out);
      } else {
        out << value;
      }
      comma = ",";
    }
  }
  out << '}';
}

nlohmann::ordered_json training_json(const graph::Graph& graph, const graph::Training& training) {
  nlohmann::ordered_json out;
  out["ok"] = true;
  out["epochs"] = training.losses.size();
  nlohmann::ordered_json losses = nlohmann::ordered_json::array();
  for (const Expr& l : training.losses) losses.push_back(graph::to_double(l));
  out["losses"] = std::move(losses);
  out["updated"] = by_name(graph.of_kind(graph::NodeKind::Param), graph,
                           [&](graph::NodeId n) { return training.leaves[n].to_double(); });
  return out;
}

}  // namespace leibniz::app
