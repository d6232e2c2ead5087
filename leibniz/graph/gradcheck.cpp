#include "leibniz/graph/gradcheck.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <memory>
#include <ostream>
#include <unordered_set>

#include "leibniz/core/limits.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/print.h"
#include "leibniz/expr/substitute.h"
#include "leibniz/graph/format.h"
#include "leibniz/graph/symbolic.h"
#include "leibniz/numeric/finite_difference.h"

namespace leibniz::graph {
namespace {

// The kinks of e: where relu, abs, heaviside or sign has argument 0, or the two
// arguments of max or min are equal. Each as (the function, the expression that is 0 there).
std::vector<std::pair<Expr, Expr>> kinks(const Expr& e) {
  std::vector<std::pair<Expr, Expr>> found;
  std::unordered_set<const Node*> seen;
  std::vector<Expr> stack{e};
  while (!stack.empty()) {
    const Expr x = stack.back();
    stack.pop_back();
    if (!seen.insert(x.node()).second) continue;
    for (const Expr& a : x.args()) stack.push_back(a);
    if (!x.is(Kind::Func)) continue;
    switch (x.fn()) {
      case Fn::Relu:
      case Fn::Abs:
      case Fn::Heaviside:
      case Fn::Sign: found.emplace_back(x, x.arg(0)); break;
      case Fn::Max:
      case Fn::Min: found.emplace_back(x, sub(x.arg(0), x.arg(1))); break;
      default: break;
    }
  }
  return found;
}

// A kink's argument over node symbols, compiled, and the nodes it reads.
struct Kink {
  Expr function;
  std::vector<NodeId> reads;
  Program zero;
};

// The sign of the kink's argument at the forward values; 2 where it is undefined (no
// kink of these to speak of).
int sign_at(const Kink& k, const std::vector<double>& values) {
  std::vector<double> point;
  point.reserve(k.reads.size());
  for (const NodeId n : k.reads) point.push_back(values[n]);
  try {
    const double v = k.zero.run(point);
    return (v > 0) - (v < 0);
  } catch (const Error&) {
    return 2;
  }
}

// The kinks of every node's body (a call's body is its def: the true function).
std::vector<Kink> graph_kinks(const Graph& graph) {
  std::vector<Kink> out;
  // A node with a shape has kinks when its shape has: the steps of a smooth loop are
  // passed over without writing out their bodies.
  std::vector<std::int8_t> shape_has_kinks;
  for (const NodeId n : graph.order()) {
    const GraphNode& node = graph.node(n);
    if (node.kind != NodeKind::Equation && node.kind != NodeKind::Call) continue;
    if (node.shape != kNoShape) {
      if (shape_has_kinks.size() <= node.shape) shape_has_kinks.resize(node.shape + 1, -1);
      std::int8_t& has = shape_has_kinks[node.shape];
      if (has < 0) has = kinks(graph.shape(node.shape).body).empty() ? 0 : 1;
      if (has == 0) continue;
    }
    for (const auto& [f, zero] : kinks(graph.body(n))) {
      const std::vector<Expr> symbols = free_symbols(zero);
      std::vector<NodeId> reads;
      for (const Expr& s : symbols) reads.push_back(*graph.find(s.name()));
      out.push_back(Kink{f, std::move(reads), Program(zero, symbols)});
    }
  }
  return out;
}

}  // namespace

// Finite differences over the compiled tape: one forward pass per step, however deep the
// graph (the loss written out as one expression would nest as deep as the graph).
Gradcheck gradcheck(const Graph& graph, const Assignment& leaves, double tolerance) {
  Gradcheck check;
  check.tolerance = tolerance;
  std::unique_ptr<NumericGraph> numeric = std::make_unique<NumericGraph>(graph);
  const Pass pass = run_pass(graph, leaves, numeric);
  check.overrides = check_overrides(graph, pass);
  std::vector<double> point(graph.size(), 0.0);
  for (NodeId n = 0; n < graph.size(); ++n) {
    const NodeKind kind = graph.node(n).kind;
    if (kind == NodeKind::Param || kind == NodeKind::Input || kind == NodeKind::Target)
      point[n] = leaves[n].to_double();
  }
  const std::vector<Kink> kink_list = graph_kinks(graph);
  const std::vector<double> at_point =
      kink_list.empty() ? std::vector<double>{} : numeric->forward(point);
  for (const NodeId n : graph.gradient_nodes()) {
    tick();
    // h = eps^(1/3)·max(1, |x|): the step that balances the O(h²) truncation error of the
    // central difference against rounding (Nocedal & Wright, Numerical Optimization, §8.1).
    const double h =
        std::cbrt(std::numeric_limits<double>::epsilon()) * std::max(1.0, std::fabs(point[n]));
    std::vector<double> p = point;
    p[n] = point[n] + h;
    const std::vector<double> up = numeric->forward(p);
    p[n] = point[n] - h;
    const std::vector<double> down = numeric->forward(p);
    GradcheckEntry entry;
    entry.node = n;
    entry.backprop = pass.gradient_double(n);
    entry.numeric = (up[graph.loss()] - down[graph.loss()]) / (2 * h);
    entry.step = h;
    entry.relative_error = relative_error(entry.backprop, entry.numeric);
    for (const Kink& k : kink_list) {
      // The step reaches the kink when the argument's sign is not the same at both ends
      // and in the middle (a kink that the step does not move is no matter).
      const int s0 = sign_at(k, at_point), su = sign_at(k, up), sd = sign_at(k, down);
      if (s0 != 2 && su != 2 && sd != 2 && !(s0 == su && su == sd)) {
        entry.kink = print_text(k.function);
        break;
      }
    }
    if (entry.kink.empty()) {
      check.agree &= entry.relative_error <= tolerance;
      const bool first = check.entries.empty() || !check.entries[check.worst].kink.empty();
      if (first || entry.relative_error > check.entries[check.worst].relative_error) {
        check.worst = check.entries.size();
      }
    }
    check.entries.push_back(entry);
  }
  return check;
}

void write_gradcheck(std::ostream& out, const Graph& graph, const Gradcheck& check) {
  out << fmt::format("{} gradients against central finite differences (tolerance {:g})\n",
                     check.entries.size(), check.tolerance);
  out << fmt::format("  {:<12} {:>16} {:>18} {:>9} {:>10}\n", "gradient", "backprop",
                     "finite difference", "step", "rel. error");
  for (const GradcheckEntry& e : check.entries) {
    const bool ok = e.relative_error <= check.tolerance;
    out << fmt::format("  {:<12} {:>16.10g} {:>18.10g} {:>9.2g} {:>10.2g}  {}\n",
                       adjoint_name(graph, e.node), e.backprop, e.numeric, e.step, e.relative_error,
                       !e.kink.empty() ? "at a kink"
                       : ok            ? "ok"
                                       : "DIFFERS");
  }
  for (const GradcheckEntry& e : check.entries) {
    if (e.kink.empty()) continue;
    out << fmt::format(
        "{}: the step crosses the kink of {}, where finite differences do not apply; backprop "
        "uses the convention there (docs/functions.md)\n",
        adjoint_name(graph, e.node), e.kink);
  }
  if (!check.entries.empty() && check.entries[check.worst].kink.empty()) {
    const GradcheckEntry& w = check.entries[check.worst];
    out << fmt::format("worst relative error: {:.2g} ({})\n", w.relative_error,
                       display_name(graph.node(w.node).name));
  }
  for (const OverrideCheck& c : check.overrides) {
    const GraphNode& node = graph.node(c.node);
    if (c.relative_error <= check.tolerance) continue;
    out << fmt::format(
        "override in use: {}'(t) = {} differs from the true derivative at {} = "
        "{}({}): {} instead of {} (relative error {:.3g})\n",
        node.function(), node.override_derivative()->written, display_name(node.name),
        node.function(), print_unicode(node.argument()), format_value(c.used),
        format_value(c.exact), c.relative_error);
  }
  std::size_t at_kinks = 0;
  for (const GradcheckEntry& e : check.entries) at_kinks += !e.kink.empty();
  if (!check.agree) {
    out << "SOME GRADIENTS DIFFER FROM FINITE DIFFERENCES\n";
  } else if (at_kinks == 0) {
    out << "every gradient agrees\n";
  } else if (at_kinks == check.entries.size()) {
    out << "no gradient could be checked: every step crosses a kink\n";
  } else {
    out << fmt::format("every gradient away from a kink agrees ({} at a kink not checked)\n",
                       at_kinks);
  }
}

nlohmann::ordered_json gradcheck_json(const Graph& graph, const Gradcheck& check) {
  nlohmann::ordered_json out;
  out["ok"] = true;
  out["agree"] = check.agree;
  out["tolerance"] = check.tolerance;
  nlohmann::ordered_json gradients = nlohmann::ordered_json::object();
  for (const GradcheckEntry& e : check.entries) {
    gradients[graph.node(e.node).name] = {{"backprop", e.backprop},
                                          {"finite_difference", e.numeric},
                                          {"step", e.step},
                                          {"relative_error", e.relative_error}};
    if (!e.kink.empty()) gradients[graph.node(e.node).name]["kink"] = e.kink;
  }
  out["gradients"] = std::move(gradients);
  if (!check.entries.empty() && check.entries[check.worst].kink.empty()) {
    out["worst"] = {{"name", graph.node(check.entries[check.worst].node).name},
                    {"relative_error", check.entries[check.worst].relative_error}};
  }
  nlohmann::ordered_json overrides = nlohmann::ordered_json::array();
  for (const OverrideCheck& c : check.overrides) {
    const GraphNode& node = graph.node(c.node);
    overrides.push_back({{"node", node.name},
                         {"function", node.function()},
                         {"override", to_double(c.used)},
                         {"true", to_double(c.exact)},
                         {"relative_error", c.relative_error},
                         {"differs", c.relative_error > check.tolerance}});
  }
  out["overrides"] = std::move(overrides);
  return out;
}

}  // namespace leibniz::graph
