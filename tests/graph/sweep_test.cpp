// The reverse sweep on random graphs (mixed + − × ÷ ^ exp ln sigmoid tanh, user
// functions, shared subexpressions, unrolled recurrences): its gradient against
// central finite differences of the loss written out as one expression, and the
// symbolic gradient (the same sweep with Expr adjoints) evaluated at the same point.
#include "leibniz/graph/sweep.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <random>

#include "fixture.h"
#include "leibniz/graph/gradcheck.h"
#include "leibniz/graph/symbolic.h"
#include "leibniz/numeric/finite_difference.h"

namespace leibniz::graph {
namespace {

// A model of `size` equations over 3 params and 2 inputs; every equation reads one or
// two earlier names, so names are shared by several equations.
std::string random_sweep_model(std::mt19937& rng, int size) {
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  auto value = [&] { return fmt::format("{}", (pick(19) - 9) / 10.0); };
  std::string text = "def f(t) = t/(1 + t^2)\ndef g(a, b) = a*b + a\n";
  std::vector<std::string> names;
  for (int k = 0; k < 3; ++k) {
    text += fmt::format("param p{} = {}\n", k, value());
    names.push_back(fmt::format("p{}", k));
  }
  for (int k = 0; k < 2; ++k) {
    text += fmt::format("input x{} = {}\n", k, value());
    names.push_back(fmt::format("x{}", k));
  }
  // an unrolled recurrence over the inputs, its weight shared by the steps
  text += "input h[0] = 0.5\nh[t] = tanh(h[t-1]*p0 + x0*t) for t = 1..3\n";
  names.push_back("h_3");
  const char* forms[] = {"{a} + {b}",           "{a} - {b}",      "{a}*{b}",
                         "{a}/(1 + {b}^2)",     "{a}^2",          "{a}^3",
                         "exp(tanh({a}))",      "ln(1 + {a}^2)",  "sigmoid({a})",
                         "tanh({a})",           "f({a})",         "g({a}, {b})",
                         "f({a}) + f({a})*{b}", "sqrt(1 + {a}^2)"};
  for (int k = 0; k < size; ++k) {
    const std::string a = names[static_cast<std::size_t>(pick(static_cast<int>(names.size())))];
    const std::string b = names[static_cast<std::size_t>(pick(static_cast<int>(names.size())))];
    const std::string form = forms[pick(static_cast<int>(std::size(forms)))];
    text += fmt::format("n{} = {}\n", k,
                        fmt::format(fmt::runtime(form), fmt::arg("a", a), fmt::arg("b", b)));
    names.push_back(fmt::format("n{}", k));
  }
  text += fmt::format("loss L = n{}^2 + n{}*h_3 + sigmoid(n{})\n", size - 1, size - 2, size / 2);
  return text;
}

TEST(Sweep, RandomGraphsAgreeWithFiniteDifferences) {
  std::mt19937 rng(20240601);
  for (int trial = 0; trial < 60; ++trial) {
    const std::string text = random_sweep_model(rng, 12);
    const Graph graph = testing::model(text);
    const Gradcheck check = gradcheck(graph, initial_assignment(graph), 1e-6);
    EXPECT_TRUE(check.agree) << text << "worst relative error "
                             << check.entries[check.worst].relative_error;
  }
}

TEST(Sweep, RandomGraphsAgreeWithTheSymbolicGradient) {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 40; ++trial) {
    const std::string text = random_sweep_model(rng, 12);
    const Graph graph = testing::model(text);
    std::unique_ptr<NumericGraph> numeric;
    const Pass pass = run_float_pass(graph, initial_assignment(graph), numeric);
    const SymbolicGradient symbolic = symbolic_gradient(graph);
    for (const NodeId n : graph.gradient_nodes()) {
      const double from_formula =
          to_double(formula_value(symbolic, formula_point(graph, symbolic, pass), n));
      EXPECT_LT(relative_error(from_formula, to_double(pass.gradient(n))), 1e-12)
          << text << graph.node(n).name;
    }
  }
}

TEST(Sweep, EachEdgeVisitedOnceWhenPathsDoubleAtEachLevel) {
  // a_k and b_k both read a_{k-1} and b_{k-1}: 2^40 paths from the loss to p, one sweep.
  std::string text = "param p = 0.5\na_0 = p\nb_0 = 2*p\n";
  text += "a[k] = sin(a[k-1] + b[k-1]) for k = 1..40\nb[k] = cos(a[k-1]*b[k-1]) for k = 1..40\n";
  text += "loss L = a_40 + b_40\n";
  const Graph graph = testing::model(text);
  struct CountingRules {
    std::size_t locals = 0;
    double one() const { return 1; }
    double flowing(NodeId, double total) const { return total; }
    double local(NodeId, std::size_t) { return ++locals, 1.0; }
  } rules;
  const Sweep<double> sweep = reverse_sweep<double>(graph, rules);
  std::size_t edges = 0;
  for (NodeId n = 0; n < graph.size(); ++n) edges += graph.edges(n).size();
  EXPECT_EQ(rules.locals, edges);
  EXPECT_EQ(edges, 2u + 4u * 40u + 2u);
  const Gradcheck check = gradcheck(graph, initial_assignment(graph), 1e-6);
  EXPECT_TRUE(check.agree) << check.entries[check.worst].relative_error;
}

}  // namespace
}  // namespace leibniz::graph
