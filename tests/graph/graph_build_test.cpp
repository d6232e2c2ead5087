// The graph of a model: names in any order, calls of user functions as nodes, local
// derivatives on the edges, and every bad input as one located error.
#include <gtest/gtest.h>

#include "fixture.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"

namespace leibniz::graph {
namespace {

using testing::model;

std::string local(const Graph& g, const char* node, const char* from) {
  const NodeId n = *g.find(node);
  for (std::size_t k = 0; k < g.edges(n).size(); ++k) {
    if (g.node(g.edges(n)[k].from).name == from) return print_text(g.local(n, k));
  }
  return "no edge";
}

// A large model's steps are parsed once per form (statement_forms.h): every body is the
// Expr its own text parses to.
TEST(GraphBuild, StepsParsedByTheirFormAreTheirText) {
  const std::string loops[] = {
      "h[t] = tanh(w*h[t-1] + b) for t = 1..T\nloss L = (h[T] - w)^2\n",
      "h[t] = abs(h[t-1] - w)*b + w*b*h[t-1] + sin(h[t-1]*w) for t = 1..T\n"
      "loss L = sum((h[t] - b)^2 for t = 1..T)\n",
      "h[t] = ln(h[t-1] + w*t/1000) - h[t-1]*h[t-1] for t = 1..T\nloss L = h[T]\n",
      "g[t] = g[t-1]*0.5 + pi*w - g[t-1]/(1 + g[t-1]^2) for t = 1..T\n"
      "h[t] = g[t]*h[t-1] - 2*h[t-1]*g[t]^2 + e for t = 1..T\nloss L = h[T]*g[T]\n"};
  for (const std::string& loop : loops) {
    const std::string text =
        "const T = 2100\nparam w = 0.5\nparam b = 0.1\ninput h[0] = 0.3\ninput g[0] = 0.2\n" + loop;
    const ModelFile file = parse_model_file(Source{"m.lz", text});
    ASSERT_GT(file.statements.size(), kMaxExactNodes);
    const Graph g = testing::model(text);
    ParseOptions options;
    options.undefined_functions = false;
    for (std::size_t i = 0; i < file.statements.size(); ++i) {
      const Statement& s = file.statements[i];
      if (s.role != Role::Node && s.role != Role::Loss) continue;
      ASSERT_EQ(g.body(static_cast<NodeId>(i)), parse_text(s.expr->text, options))
          << s.name << " = " << s.expr->text;
    }
  }
}

TEST(GraphBuild, NamesMayBeUsedBeforeTheirLine) {
  const Graph g = model("loss L = o^2\no = w*x\nparam w = 2\ninput x = 3\n");
  EXPECT_EQ(g.node(g.loss()).name, "L");
  // the order puts every node after what it reads
  std::vector<std::size_t> position(g.size());
  for (std::size_t k = 0; k < g.order().size(); ++k) position[g.order()[k]] = k;
  EXPECT_LT(position[*g.find("w")], position[*g.find("o")]);
  EXPECT_LT(position[*g.find("o")], position[*g.find("L")]);
}

TEST(GraphBuild, LocalDerivativesNameTheNodeItself) {
  const Graph g = testing::model("param w1 = 1\ninput x = 1\no1 = sigmoid(w1*x)\nloss L = o1^2\n");
  EXPECT_EQ(local(g, "o1", "w1"), "o1*x*(1 - o1)");
  EXPECT_EQ(local(g, "L", "o1"), "2*o1");
}

TEST(GraphBuild, ACallIsTheNodeThatNamesIt) {
  const Graph g = model("def psi(t) = 1/(1 + 3^(-t))\nparam a = 1\nz = psi(a)\nloss L = z\n");
  const GraphNode& z = g.node(*g.find("z"));
  EXPECT_EQ(z.kind, NodeKind::Call);
  EXPECT_EQ(z.function(), "psi");
  EXPECT_EQ(g.size(), 3u);
}

TEST(GraphBuild, ACallInsideAnEquationIsAHiddenNodeSharedByEveryUse) {
  const Graph g = model("def f(t) = t^2\nparam a = 1\nu = f(a) + 1\nv = f(a)*3\nloss L = u + v\n");
  const auto call = g.find("f(a)");
  ASSERT_TRUE(call.has_value());
  EXPECT_TRUE(g.node(*call).hidden);
  EXPECT_EQ(local(g, "u", "f(a)"), "1");
  EXPECT_EQ(local(g, "v", "f(a)"), "3");
}

TEST(GraphBuild, FunctionsOfSeveralArgumentsAreInlined) {
  const Graph g = model("def f(a, b) = a*b\nparam p = 2\nparam q = 3\nloss L = f(p, q + 1)\n");
  EXPECT_EQ(print_text(g.node(g.loss()).body), "p*(q + 1)");
}

TEST(GraphBuild, OverrideIsUsedOnTheEdgeAndTheTrueDerivativeKept) {
  const char* text =
      "def psi(t) = 1/(1 + 3^(-t))\nderiv psi(t) = psi(t)*(1 - psi(t))\n"
      "param a = 1\nz = psi(a)\nloss L = z\n";
  const Graph g = model(text);
  const GraphNode& z = g.node(*g.find("z"));
  ASSERT_TRUE(z.override_derivative().has_value());
  EXPECT_EQ(print_text(z.override_derivative()->used), "z*(1 - z)");
  EXPECT_EQ(local(g, "z", "a"), "z*(1 - z)");
  EXPECT_TRUE(g.has_overrides());
  const Graph exact = model(text, BuildOptions{false});
  EXPECT_FALSE(exact.has_overrides());
}

TEST(GraphBuild, Errors) {
  EXPECT_MODEL_ERROR("param w = 1\ninput x = 2\no = w*x + z\nloss L = o^2\n",
                     "parse: m.lz:3:11: undefined name 'z'");
  EXPECT_MODEL_ERROR("param w = 1\na = b + w\nb = a*2\nloss L = b^2\n",
                     "parse: m.lz:2:1: cycle: a -> b -> a");
  EXPECT_MODEL_ERROR("a = a + 1\nloss L = a\n", "parse: m.lz:1:1: cycle: a -> a");
  EXPECT_MODEL_ERROR("param w = 1\no = w^2\n",
                     "parse: m.lz:1:1: no loss: add a line 'loss NAME = EXPRESSION'");
  EXPECT_MODEL_ERROR("param w = 1\nloss L = w^2\nloss M = w^3\n",
                     "parse: m.lz:3:6: a second loss 'M'; the loss is 'L' at line 2");
  EXPECT_MODEL_ERROR("param w = 1\nparam w = 2\nloss L = w^2\n",
                     "parse: m.lz:2:7: 'w' is already defined at line 1");
  EXPECT_MODEL_ERROR("param w = 1\nw = 2\nloss L = w\n",
                     "parse: m.lz:2:1: 'w' is already defined at line 1");
  EXPECT_MODEL_ERROR("param w = 1\nderiv phi(t) = 1\nloss L = w^2\n",
                     "parse: m.lz:2:7: deriv for unknown function 'phi': define it first with "
                     "'def phi(t) = ...'");
  EXPECT_MODEL_ERROR("def f(t) = t\nderiv f(t) = 1\nderiv f(t) = 2\nloss L = f(1)\n",
                     "parse: m.lz:3:7: a second deriv for 'f'; the first is at line 2");
  EXPECT_MODEL_ERROR("def f(a, b) = a\nderiv f(t) = 1\nloss L = 1\n",
                     "parse: m.lz:2:7: deriv overrides functions of one argument; 'f' takes 2");
  EXPECT_MODEL_ERROR("def f(t) = t*w\nloss L = 1\n",
                     "parse: m.lz:1:14: 'w' is not an argument of 'f'; a function body uses only "
                     "its arguments");
  EXPECT_MODEL_ERROR("param w = 1\nloss L = (w + 1\n",
                     "parse: m.lz:2:16: expected ')' to close '(' opened at column 1");
  EXPECT_MODEL_ERROR("param w = 1\nloss L = g(w)\n", "parse: m.lz:2:10: unknown function 'g'");
  EXPECT_MODEL_ERROR("h[t] = h[t-1] + 1 for t = 1..2\nloss L = h[2]\n",
                     "parse: m.lz:1:8: undefined name 'h_0'");
}

// A large model's steps are read by their form: its errors are located as a small one's.
TEST(GraphBuild, ErrorsInALargeLoopAreLocated) {
  const std::string head = "const T = 2100\nparam w = 0.5\ninput h[0] = 0.3\n";
  EXPECT_MODEL_ERROR(head + "h[t] = tanh(w*h[t-1] + q) for t = 1..T\nloss L = h[T]\n",
                     "parse: m.lz:4:24: undefined name 'q'");
  EXPECT_MODEL_ERROR(head + "h[t] = tanh(w*h[t-1] + b1) for t = 1..T\nloss L = h[T]\n",
                     "parse: m.lz:4:24: undefined name 'b1'");
  EXPECT_MODEL_ERROR(head + "h[t] = tanh(w*g[t-1]) for t = 1..T\nloss L = h[T]\n",
                     "parse: m.lz:4:15: undefined name 'g_0'");
}

// Issue 17 #7-#10, found by fuzzing: located errors, never a crash or a wrong node.
TEST(GraphBuild, DeepIndexIsALimit) {
  const std::string deep = std::string(50'000, '(') + "1" + std::string(50'000, ')');
  EXPECT_MODEL_ERROR("input h[1] = 2\nloss L = h[" + deep + "]^2\n",
                     "limit: m.lz:2:1012: the index is nested deeper than the limit of 1000 "
                     "levels");
  EXPECT_MODEL_ERROR("input h[1] = 2\nloss L = h[" + std::string(50'000, '-') + "1]^2\n",
                     "limit: m.lz:2:1012: the index is nested deeper than the limit of 1000 "
                     "levels");
  std::string sums = "x";
  for (int i = 0; i < 2000; ++i) sums = "sum(" + sums + " for t = 1..1)";
  EXPECT_MODEL_ERROR("input x = 1\nloss L = " + sums + "\n",
                     "limit: m.lz:2:4010: sums are nested deeper than the limit of 1000 levels");
}

TEST(GraphBuild, IndexArithmeticOverflowIsALimit) {
  EXPECT_MODEL_ERROR("input h[1] = 2\nloss L = h[65536*65536*65536*65536+1]^2\n",
                     "limit: m.lz:2:29: the index overflows at '*': its value is beyond "
                     "±9223372036854775807");
  EXPECT_MODEL_ERROR("input h[1] = 2\nloss L = h[999999*999999*999999*999999]\n",
                     "limit: m.lz:2:32: the index overflows at '*': its value is beyond "
                     "±9223372036854775807");
  EXPECT_MODEL_ERROR("const N = 999999*999999*999999\ninput h[1] = 2\nloss L = h[N*N - N]\n",
                     "limit: m.lz:3:13: the index overflows at '*': its value is beyond "
                     "±9223372036854775807");
  // 7*7*73*127*337*92737*649657 is the largest long: a loop up to it would overflow.
  EXPECT_MODEL_ERROR(
      "const N = 7*7*73*127*337*92737*649657\ninput x = 1\nloss L = sum(x for t = N-1..N)\n",
      "limit: m.lz:3:29: a range cannot end at 9223372036854775807");
  EXPECT_MODEL_ERROR("const N = 999999*999999*999999\ninput h[1] = 2\nloss L = h[-N*N]\n",
                     "limit: m.lz:3:14: the index overflows at '*': its value is beyond "
                     "±9223372036854775807");
  // Empty sums do not count as nesting.
  std::string empty_sums = "x";
  for (int i = 0; i < 1500; ++i) empty_sums += " + sum(x for t = 1..0)";
  EXPECT_EQ(testing::error_of([&] { model("input x = 1\nloss L = " + empty_sums + "\n"); }),
            "no error");
  EXPECT_MODEL_ERROR("input h[1] = 2\nloss L = h[999999^4]\n",
                     "parse: m.lz:2:18: unexpected '^' in an index");
}

TEST(GraphBuild, UndefinedNameInACallArgumentIsLocated) {
  EXPECT_MODEL_ERROR("def f(t) = t\nloss L = f(a)\n", "parse: m.lz:2:12: undefined name 'a'");
  EXPECT_MODEL_ERROR("def f(t) = 1\nparam w = 1\nloss L = w*f(w + b)\n",
                     "parse: m.lz:3:18: undefined name 'b'");
}

TEST(GraphBuild, AConstantLargerThanADoubleIsOneNode) {
  const Graph g = model("w = 6^100\nloss L = w\n");
  EXPECT_EQ(print_text(g.node(*g.find("w")).body),
            "653318623500070906096690267158057820537143710472954871543071966369497141477376");
}

}  // namespace
}  // namespace leibniz::graph
