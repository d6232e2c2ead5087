// What `leibniz backprop` prints as text (the backprop request's Result renders it): the
// graph layer computes the passes, this writes them in the notes' notation.
#include "leibniz/app/backprop_report.h"

#include <fmt/format.h>

#include <cmath>
#include <ostream>

#include "leibniz/core/limits.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/print.h"
#include "leibniz/graph/format.h"

namespace leibniz::app {

namespace {

std::string partial(const graph::Graph& graph, graph::NodeId of, graph::NodeId wrt) {
  return "∂" + graph::display_name(graph.node(of).name) + "/∂" +
         graph::display_name(graph.node(wrt).name);
}

// A value of the pass: a float straight from the tape's array, without an Expr.
std::string pass_value(const graph::Pass& pass, graph::NodeId n) {
  return pass.exact ? graph::format_value(pass.value(n))
                    : graph::format_double(pass.value_double(n));
}
std::string pass_gradient(const graph::Pass& pass, graph::NodeId n) {
  return pass.exact ? graph::format_value(pass.gradient(n))
                    : graph::format_double(pass.gradient_double(n));
}

// A sum of more terms than this is summarised: its count, the first and last readers,
// and the largest term, instead of a line with every term (100,000 for a weight shared
// by 100,000 time steps).
constexpr std::size_t kListedTerms = 8;

// ∂L/∂node, and for a node read by several others (a weight shared by time steps)
// what each of them passed back: the terms of the sum. The edges are gathered by the
// node they read in one pass, not searched once per node (quadratic on long models).
void write_gradients(std::ostream& out, const graph::Graph& graph,
                     const std::vector<Expr>& gradient, const graph::Pass* pass) {
  std::vector<std::vector<std::pair<graph::NodeId, std::size_t>>> readers(graph.size());
  if (pass) {
    for (const graph::NodeId c : graph.order()) {
      if (!pass->reached(c)) continue;
      const std::span<const graph::Edge> edges = graph.edges(c);
      for (std::size_t e = 0; e < edges.size(); ++e) {
        tick();
        readers[edges[e].from].emplace_back(c, e);
      }
    }
  }
  for (const graph::NodeId n : graph.gradient_nodes()) {
    tick();
    out << "  " << graph::adjoint_name(graph, n) << " = " << graph::format_value(gradient[n])
        << "\n";
    const auto& terms = readers[n];
    if (terms.size() < 2) continue;
    const auto from = [&](std::size_t k) {
      return graph::display_name(graph.node(terms[k].first).name);
    };
    if (terms.size() > kListedTerms) {
      std::size_t largest = 0;
      for (std::size_t k = 1; k < terms.size(); ++k) {
        if (std::fabs(pass->edge_term_double(terms[k].first, terms[k].second)) >
            std::fabs(pass->edge_term_double(terms[largest].first, terms[largest].second)))
          largest = k;
      }
      out << fmt::format(
          "    the sum of {} terms from {}, …, {}; the largest {} from {}\n", terms.size(), from(0),
          from(terms.size() - 1),
          graph::format_value(pass->edge_term(terms[largest].first, terms[largest].second)),
          from(largest));
      continue;
    }
    out << "    the sum of";
    for (std::size_t k = 0; k < terms.size(); ++k) {
      const auto [c, e] = terms[k];
      out << (k == 0 ? " " : ", ") << graph::format_value(pass->edge_term(c, e)) << " from "
          << from(k);
    }
    out << "\n";
  }
}

}  // namespace

void write_backprop(std::ostream& out, const graph::Graph& graph, const graph::Assignment& leaves,
                    const graph::Evaluation& at, const ReportOptions& options) {
  const graph::NodeId loss = graph.loss();
  const std::string loss_name = graph::display_name(graph.node(loss).name);
  const char* precision = at.exact ? "exact" : "double precision";
  if (options.data) {
    out << fmt::format("data {}: {} rows ({})\n", options.data->name, options.data->rows.size(),
                       precision);
    for (std::size_t r = 0; r < at.passes.size(); ++r) {
      out << fmt::format("  row {}: {} = {}\n", r + 1, loss_name, pass_value(at.passes[r], loss));
      if (!options.per_row) continue;
      for (const graph::NodeId n : graph.gradient_nodes()) {
        tick();
        out << "    " << graph::adjoint_name(graph, n) << " = " << pass_gradient(at.passes[r], n)
            << "\n";
      }
    }
    out << fmt::format("mean loss {} = {}\n", loss_name, graph::format_value(at.loss));
    out << "gradients (mean over the rows)\n";
  } else {
    const graph::Pass& pass = at.passes.front();
    out << "forward (" << precision << ")\n";
    for (const graph::NodeId n : graph.order()) {
      tick();
      const graph::NodeKind kind = graph.node(n).kind;
      if (kind != graph::NodeKind::Equation && kind != graph::NodeKind::Call) continue;
      out << "  " << format_equation(graph, n) << " = " << pass_value(pass, n) << "\n";
    }
    out << "backward\n";
    for (auto it = graph.order().rbegin(); it != graph.order().rend(); ++it) {
      tick();
      const graph::NodeKind kind = graph.node(*it).kind;
      if (*it == loss || (kind != graph::NodeKind::Equation && kind != graph::NodeKind::Call))
        continue;
      out << "  " << graph::adjoint_name(graph, *it) << " = " << pass_gradient(pass, *it) << "\n";
    }
    out << "gradients\n";
  }
  write_gradients(out, graph, at.gradient, options.data ? nullptr : &at.passes.front());
  if (options.rate) {
    out << "update with learning rate " << graph::format_value(number(*options.rate)) << "\n";
    const std::vector<Expr> updated = descend(graph, leaves, at, *options.rate);
    for (const graph::NodeId p : graph.of_kind(graph::NodeKind::Param)) {
      out << fmt::format("  {} ← {}\n", graph::display_name(graph.node(p).name),
                         graph::format_value(updated[p]));
    }
  }
  write_overrides(out, graph, check_overrides(graph, at.passes.front()));
}

void write_overrides(std::ostream& out, const graph::Graph& graph,
                     const std::vector<graph::OverrideCheck>& checks) {
  for (const graph::OverrideCheck& c : checks) {
    const graph::GraphNode& node = graph.node(c.node);
    out << fmt::format("note: the derivative of {} is overridden: {}'(t) = {}\n", node.function(),
                       node.function(), node.override_derivative()->written);
    const double used = graph::to_double(c.used);
    const double exact = graph::to_double(c.exact);
    out << fmt::format(
        "  at {} = {}({}) with {} = {}: the override gives {}, the true derivative "
        "is {}: off by {:.4g} ({:.3g}% of the true value)\n",
        graph::display_name(node.name), node.function(), print_unicode(node.argument()),
        print_unicode(node.argument()), graph::format_value(c.argument),
        graph::format_value(c.used), graph::format_value(c.exact), std::fabs(used - exact),
        exact == 0 ? 0.0 : 100 * std::fabs(used - exact) / std::fabs(exact));
  }
  if (!checks.empty()) out << "  (--true-derivatives uses the true derivative instead)\n";
}

void write_symbolic(std::ostream& out, const graph::Graph& graph,
                    const graph::SymbolicGradient& symbolic, const graph::Pass& pass) {
  out << "gradients as formulas, from the loss back (auxiliaries ∂"
      << graph::display_name(graph.node(graph.loss()).name) << "/∂node defined once)\n";
  const Substitution point = graph::formula_point(graph, symbolic, pass);
  for (auto it = graph.order().rbegin(); it != graph.order().rend(); ++it) {
    tick();
    const graph::NodeId n = *it;
    if (n == graph.loss() || symbolic.formula[n].is_null()) continue;
    const graph::NodeKind kind = graph.node(n).kind;
    if (kind == graph::NodeKind::Target) continue;
    out << fmt::format("  {} = {} = {}\n", graph::adjoint_name(graph, n),
                       print_unicode(symbolic.formula[n]),
                       graph::format_value(graph::formula_value(symbolic, point, n)));
  }
}

void write_explanation(std::ostream& out, const graph::Graph& graph,
                       const graph::Explanation& explanation) {
  const graph::NodeId target = explanation.target;
  out << fmt::format("{} = {}: the sum over {} path{} from {} to {}\n",
                     graph::adjoint_name(graph, target), graph::format_value(explanation.gradient),
                     explanation.path_count, explanation.path_count == 1 ? "" : "s",
                     graph::display_name(graph.node(graph.loss()).name),
                     graph::display_name(graph.node(target).name));
  for (std::size_t k = 0; k < explanation.paths.size(); ++k) {
    const graph::ChainPath& path = explanation.paths[k];
    std::string route;
    for (const graph::NodeId n : path.nodes)
      route += (route.empty() ? "" : " → ") + graph::display_name(graph.node(n).name);
    out << fmt::format("  path {}: {}\n", k + 1, route);
    for (std::size_t i = 0; i < path.edges.size(); ++i) {
      const Expr local = graph.local(path.nodes[i], path.edges[i]);
      const std::string name = partial(graph, path.nodes[i], path.nodes[i + 1]);
      if (local.is_number()) {
        out << fmt::format("    {} = {}\n", name, graph::format_value(path.locals[i]));
      } else {
        out << fmt::format("    {} = {} = {}\n", name, print_unicode(local),
                           graph::format_value(path.locals[i]));
      }
    }
    out << "    product: " << graph::format_value(path.product) << "\n";
  }
  if (explanation.path_count > static_cast<double>(explanation.paths.size())) {
    out << fmt::format("  ({} more paths not shown)\n",
                       explanation.path_count - static_cast<double>(explanation.paths.size()));
  }
}

void write_training(std::ostream& out, const graph::Graph& graph, const graph::Training& training,
                    const Number& rate) {
  const std::string loss_name = graph::display_name(graph.node(graph.loss()).name);
  out << "gradient descent, learning rate " << graph::format_value(number(rate)) << "\n";
  for (std::size_t k = 0; k < training.losses.size(); ++k) {
    tick();
    out << fmt::format("  epoch {}: {} = {}\n", k + 1, loss_name,
                       graph::format_value(training.losses[k]));
  }
  out << fmt::format("after {} step{}\n", training.losses.size(),
                     training.losses.size() == 1 ? "" : "s");
  for (const graph::NodeId p : graph.of_kind(graph::NodeKind::Param)) {
    out << fmt::format("  {} = {}\n", graph::display_name(graph.node(p).name),
                       graph::format_value(number(training.leaves[p])));
  }
}

}  // namespace leibniz::app
