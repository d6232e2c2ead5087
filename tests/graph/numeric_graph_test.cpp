// The compiled tape against the exact Expr pass: the notes' three networks and random
// graphs (values, adjoints, every edge term); located errors worded as the exact pass
// words them; a chain far too large for the exact pass; gradcheck on a deep chain.
#include "leibniz/graph/numeric_graph.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <set>
#include <sstream>

#include "fixture.h"
#include "leibniz/calculus/diff.h"
#include "leibniz/graph/backprop.h"
#include "leibniz/graph/format.h"
#include "leibniz/graph/gradcheck.h"

namespace leibniz::graph {
namespace {

void expect_close(double exact, double tape, const std::string& what) {
  EXPECT_LE(std::fabs(exact - tape), 1e-12 * std::max(1.0, std::fabs(exact))) << what;
}

// Every value, adjoint and edge term of the tape against the exact pass.
void expect_tape_agrees(const Graph& graph, const std::string& what) {
  std::unique_ptr<NumericGraph> numeric;
  const Pass exact = run_pass(graph, initial_assignment(graph), numeric);
  ASSERT_TRUE(exact.exact) << what;
  const Pass tape = run_float_pass(graph, initial_assignment(graph), numeric);
  ASSERT_FALSE(tape.exact);
  for (NodeId n = 0; n < graph.size(); ++n) {
    const std::string name = what + " " + graph.node(n).name;
    expect_close(exact.value_double(n), tape.value_double(n), name);
    ASSERT_EQ(exact.reached(n), tape.reached(n)) << name;
    if (!exact.reached(n)) continue;
    expect_close(exact.gradient_double(n), tape.gradient_double(n), name);
    for (std::size_t e = 0; e < graph.edges(n).size(); ++e)
      expect_close(exact.edge_term_double(n, e), tape.edge_term_double(n, e), name);
  }
}

TEST(NumericGraph, AgreesWithTheExactPassOnTheNotesNetworks) {
  for (const char* file : {"two_sigmoids.lz", "three_neurons.lz", "recurrent.lz"}) {
    expect_tape_agrees(load_graph(testing::examples(file)), file);
    // The override of three_neurons.lz is on its edge; without it, the true derivative.
    expect_tape_agrees(load_graph(testing::examples(file), BuildOptions{false}), file);
  }
}

// Knuth's MMIX LCG: the same graphs on every run.
struct Lcg {
  std::uint64_t state;
  std::uint64_t next(std::uint64_t bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % bound;
  }
};

// A random model of rational operations (the exact pass stays exact): each node reads
// two earlier names, some reused many times, some not on the loss's path at all.
std::string random_model(std::uint64_t seed) {
  Lcg rng{seed};
  std::ostringstream text;
  std::vector<std::string> names;
  for (int k = 0; k < 3; ++k) {
    text << "param p" << k << " = " << (rng.next(7) + 1) << "/" << (rng.next(5) + 2) << "\n";
    names.push_back("p" + std::to_string(k));
  }
  text << "input x = " << rng.next(5) << "/3\n";
  names.emplace_back("x");
  const char* forms[] = {"{a}*{b}",         "{a} + {b}",     "{a} - 2*{b}",
                         "{a}/(1 + {b}^2)", "({a} - {b})^2", "3*{a}*{b} + {a}"};
  for (int k = 0; k < 9; ++k) {
    const std::string a = names[rng.next(names.size())], b = names[rng.next(names.size())];
    std::string body = forms[rng.next(6)];
    for (std::string::size_type at; (at = body.find("{a}")) != std::string::npos;)
      body.replace(at, 3, a);
    for (std::string::size_type at; (at = body.find("{b}")) != std::string::npos;)
      body.replace(at, 3, b);
    text << "n" << k << " = " << body << "\n";
    names.push_back("n" + std::to_string(k));
  }
  text << "loss L = (" << names.back() << " - " << names[names.size() - 3] << ")^2/8\n";
  return text.str();
}

TEST(NumericGraph, AgreesWithTheExactPassOnRandomGraphs) {
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    const std::string text = random_model(seed);
    expect_tape_agrees(testing::model(text), text);
  }
}

// Both passes fail at the same node with the same located message.
void expect_same_error(const std::string& text) {
  const Graph graph = testing::model(text);
  std::unique_ptr<NumericGraph> numeric;
  const std::string exact =
      testing::error_of([&] { run_pass(graph, initial_assignment(graph), numeric); });
  const std::string tape =
      testing::error_of([&] { run_float_pass(graph, initial_assignment(graph), numeric); });
  EXPECT_NE(exact, "no error") << text;
  EXPECT_EQ(tape.substr(0, tape.find("undefined")), exact.substr(0, exact.find("undefined")));
}

TEST(NumericGraph, ErrorsAreLocatedAsTheExactPassLocatesThem) {
  expect_same_error("input x = 1\no = ln(x - 1)\nloss L = o^2\n");
  expect_same_error("input x = 0\nparam w = 2\no = w/x\nloss L = o\n");
  const Graph kink = testing::model("input x = 0\nparam w = 2\no = w*abs(x)\nloss L = o\n");
  std::unique_ptr<NumericGraph> numeric;
  EXPECT_EQ(testing::error_of([&] { run_float_pass(kink, initial_assignment(kink), numeric); }),
            "domain: m.lz:3:1: the derivative of 'o' with respect to 'x' is undefined here: "
            "abs(x) has no derivative where x = 0");
}

TEST(NumericGraph, ANodeTheLossDoesNotReadHasNoAdjointAndNeedsNoDerivative) {
  // ∂u/∂x is undefined at x = 0, but the loss does not read u.
  const Graph g = testing::model("input x = 0\nparam w = 3\nu = abs(x)\nloss L = w^2\n");
  std::unique_ptr<NumericGraph> numeric;
  const Pass pass = run_float_pass(g, initial_assignment(g), numeric);
  EXPECT_FALSE(pass.reached(*g.find("u")));
  EXPECT_EQ(pass.gradient_double(*g.find("w")), 6.0);
}

std::string chain_model(int steps) {
  return "const T = " + std::to_string(steps) +
         "\nparam w = 0.5\nparam b = 0.1\ninput h[0] = 0.3\ntarget y = 0.2\n"
         "h[t] = tanh(w*h[t-1] + b) for t = 1..T\nloss L = (h[T] - y)^2\n";
}

TEST(NumericGraph, AChainBeyondTheExactLineIsComputedInDoubles) {
  const Graph g = testing::model(chain_model(3000));
  ASSERT_GT(g.size(), kMaxExactNodes);
  std::unique_ptr<NumericGraph> numeric;
  const Evaluation at = evaluate(g, initial_assignment(g), nullptr, numeric);
  EXPECT_FALSE(at.exact);  // its report: tests/app/backprop_report_test.cpp
}

// Past the line, the equations of one shape share one differentiation: the gradient
// against the chain rule written out by hand, step by step in doubles.
TEST(NumericGraph, ALargeChainMatchesTheChainRuleByHand) {
  const int steps = 2500;
  const Graph g = testing::model(chain_model(steps));
  ASSERT_GT(g.size(), kMaxExactNodes);
  std::unique_ptr<NumericGraph> numeric;
  const Pass pass = run_pass(g, initial_assignment(g), numeric);
  ASSERT_FALSE(pass.exact);
  std::vector<double> h(steps + 1, 0.3);
  for (int t = 1; t <= steps; ++t) h[t] = std::tanh(0.5 * h[t - 1] + 0.1);
  double dh = 2 * (h[steps] - 0.2), dw = 0, db = 0;  // ∂L/∂h_t, going back
  for (int t = steps; t >= 1; --t) {
    const double da = dh * (1 - h[t] * h[t]);  // through tanh
    dw += da * h[t - 1];
    db += da;
    dh = da * 0.5;
  }
  expect_close(dw, pass.gradient_double(*g.find("w")), "w");
  expect_close(db, pass.gradient_double(*g.find("b")), "b");
  expect_close(dh, pass.gradient_double(*g.find("h_0")), "h_0");
  expect_close(h[steps], pass.value_double(*g.find("h_2500")), "h_2500");
}

// The steps of a loop share one shape: its locals are differentiated and compiled once,
// and each step's local, written out when asked, is the step's own derivative.
TEST(NumericGraph, TheStepsOfALargeLoopShareOneShape) {
  const Graph g = testing::model(chain_model(2500));
  const NodeId h7 = *g.find("h_7");
  const GraphNode& node = g.node(h7);
  ASSERT_NE(node.shape, kNoShape);
  // One shape per order the symbols of a step sort in (storage order), not one per step.
  std::set<std::uint32_t> shapes;
  for (NodeId n = 0; n < g.size(); ++n) shapes.insert(g.node(n).shape);
  EXPECT_LE(shapes.size(), 8u);
  EXPECT_TRUE(node.body.is_null());  // no Expr per step: its body and locals are its shape's
  std::unique_ptr<NumericGraph> numeric;
  const Pass pass = run_pass(g, initial_assignment(g), numeric);
  Substitution values;
  for (NodeId n = 0; n < g.size(); ++n)
    values.emplace(g.symbol(n).node(), number(Number::from_double(pass.value_double(n))));
  for (std::size_t e = 0; e < g.edges(h7).size(); ++e) {
    const Expr from = g.symbol(g.edges(h7)[e].from);
    const double local = to_double(substitute(g.local(h7, e), values));
    expect_close(to_double(substitute(diff(g.body(h7), from), values)), local,
                 "h_7 local " + g.node(g.edges(h7)[e].from).name);
    expect_close(pass.gradient_double(h7) * local, pass.edge_term_double(h7, e),
                 "h_7 edge " + g.node(g.edges(h7)[e].from).name);
  }
}

// Where several locals of a step are undefined, the first edge in the edges' order is
// named, as for a node compiled edge by edge (w is read before h_0).
TEST(NumericGraph, AnUndefinedLocalOfAStepNamesItsFirstEdge) {
  const Graph g = testing::model(
      "const T = 2500\nparam w = 0.5\nparam c = 0.25\ninput h[0] = 0.5\ntarget y = 0.1\n"
      "h[t] = abs(h[t-1] - w)*c + sin(h[t-1]*w) for t = 1..T\nloss L = (h[T] - y)^2\n");
  ASSERT_NE(g.node(*g.find("h_1")).shape, kNoShape);
  std::unique_ptr<NumericGraph> numeric;
  EXPECT_EQ(testing::error_of([&] { run_float_pass(g, initial_assignment(g), numeric); }),
            "domain: m.lz:6:1: the derivative of 'h_1' with respect to 'w' is undefined here: "
            "abs(h_0 - w) has no derivative where h_0 - w = 0");
}

// A shape runs its one code for every step: a step that is only a name it reads (no
// code, its value that name's), a step that reads no name, and the steps after them.
TEST(NumericGraph, StepsOfCopiesAndConstantsRunTheirShapes) {
  const Graph g = testing::model(
      "const T = 2500\nparam w = 1\ninput h[0] = 0.3\ntarget y = 0.2\n"
      "g[t] = h[t-1] for t = 1..T\nh[t] = w*g[t] for t = 1..T\nk[t] = 2 for t = 1..T\n"
      "loss L = (h[T]*k[T] - y)^2\n");
  ASSERT_NE(g.node(*g.find("g_1")).shape, kNoShape);
  ASSERT_NE(g.node(*g.find("k_1")).shape, kNoShape);
  std::unique_ptr<NumericGraph> numeric;
  const Pass pass = run_pass(g, initial_assignment(g), numeric);
  ASSERT_FALSE(pass.exact);
  expect_close(0.3, pass.value_double(*g.find("g_2500")), "g_2500");
  expect_close(2.0, pass.value_double(*g.find("k_2500")), "k_2500");
  expect_close(0.16, pass.value_double(g.loss()), "L");
  // ∂L/∂w = 2(2·h_T - y)·2·T·h_0 with w = 1; ∂L/∂h_0 = 2(2·h_T - y)·2.
  expect_close(0.48 * 2500, pass.gradient_double(*g.find("w")), "w");
  expect_close(1.6, pass.gradient_double(*g.find("h_0")), "h_0");
}

// A value undefined in a step's forward code is located at that step: h_1 = ln 2, h_2 =
// ln(ln 2 - 1).
TEST(NumericGraph, AnUndefinedValueOfAStepIsLocatedAtTheStep) {
  const Graph g = testing::model(
      "const T = 2500\nparam w = 1\ninput h[0] = 3\ntarget y = 0.2\n"
      "h[t] = ln(h[t-1] - w) for t = 1..T\nloss L = (h[T] - y)^2\n");
  std::unique_ptr<NumericGraph> numeric;
  EXPECT_EQ(testing::error_of([&] { run_float_pass(g, initial_assignment(g), numeric); }),
            "domain: m.lz:5:1: the value of 'h_2' is undefined: ln(-0.3068528194400547) is not "
            "defined");
}

// A loss summed over many steps: each local derivative from the terms that hold its
// symbol, the same Expr as differentiating the whole sum; the equation printed in short.
TEST(NumericGraph, AWideSumHasTheLocalsOfTheWholeSum) {
  const Graph g = testing::model(
      "const T = 40\nparam w = 1/2\ninput x = 1/3\ntarget y = 1\n"
      "a[t] = t*w*x + w for t = 1..T\nloss L = sum((a[t] - y)^2 + a[t]*w for t = 1..T)\n");
  const GraphNode& loss = g.node(g.loss());
  ASSERT_EQ(g.edges(g.loss()).size(), 42u);  // a_1 … a_40, w, y
  for (std::size_t k = 0; k < g.edges(g.loss()).size(); ++k) {
    const Expr sym = g.symbol(g.edges(g.loss())[k].from);
    EXPECT_EQ(g.local(g.loss(), k), diff(loss.body, sym)) << g.node(g.edges(g.loss())[k].from).name;
  }
  expect_tape_agrees(g, "wide sum");
  EXPECT_TRUE(format_equation(g, g.loss()).starts_with("L = a_1·w + a_10·w + a_11·w + "))
      << format_equation(g, g.loss());
  EXPECT_NE(format_equation(g, g.loss()).find(" + … + "), std::string::npos);
  EXPECT_NE(format_equation(g, g.loss()).find("(80 terms)"), std::string::npos);
}

TEST(NumericGraph, GradcheckHasNoDepthLimit) {
  // The loss written out as one expression would nest 5,000 levels deep.
  const Graph g = testing::model(chain_model(5000));
  const Gradcheck check = gradcheck(g, initial_assignment(g));
  EXPECT_TRUE(check.agree);
  ASSERT_EQ(check.entries.size(), 3u);  // w, b, h_0
  EXPECT_LT(check.entries[check.worst].relative_error, 1e-6);
}

}  // namespace
}  // namespace leibniz::graph
