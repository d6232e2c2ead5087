// Chain-rule paths from the loss to a node, with the local derivative on each edge.
#include "leibniz/graph/explain.h"

#include <gtest/gtest.h>

#include "fixture.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/print.h"

namespace leibniz::graph {
namespace {

TEST(Explain, OnePathToW1) {
  const Graph g = load_graph(testing::examples("two_sigmoids.lz"));
  std::unique_ptr<NumericGraph> numeric;
  const Pass pass = run_pass(g, initial_assignment(g), numeric);
  const Explanation e = explain(g, pass, *g.find("w1"));
  EXPECT_EQ(e.path_count, 1);
  ASSERT_EQ(e.paths.size(), 1u);
  std::vector<std::string> locals;
  for (const Expr& l : e.paths[0].locals) locals.push_back(print_text(l));
  EXPECT_EQ(locals, (std::vector<std::string>{"-1", "1/4", "-2", "1/4"}));
  EXPECT_EQ(print_text(e.paths[0].product), "1/8");
}

TEST(Explain, PathsSumToTheGradient) {
  const Graph g = load_graph(testing::examples("recurrent.lz"));
  std::unique_ptr<NumericGraph> numeric;
  const Pass pass = run_pass(g, initial_assignment(g), numeric);
  const Explanation e = explain(g, pass, *g.find("x_1"));
  EXPECT_EQ(e.path_count, 3);
  std::vector<Expr> products;
  for (const ChainPath& p : e.paths) products.push_back(p.product);
  EXPECT_EQ(print_text(add(products)), "-19/8");
  EXPECT_EQ(print_text(e.gradient), "-19/8");
}

TEST(Explain, ListsAtMostTheLimit) {
  const Graph g = load_graph(testing::examples("recurrent.lz"));
  std::unique_ptr<NumericGraph> numeric;
  const Pass pass = run_pass(g, initial_assignment(g), numeric);
  const Explanation e = explain(g, pass, *g.find("h_0"), 2);
  EXPECT_EQ(e.paths.size(), 2u);
  EXPECT_GT(e.path_count, 2);
}

// The one path from the loss back through 100,000 steps (a recursive walk overflowed the
// stack).
TEST(Explain, APathAsDeepAsALongChain) {
  const Graph g = testing::model(
      "const T = 100000\nparam w = 0.5\ninput h[0] = 0.3\n"
      "h[t] = w*h[t-1] for t = 1..T\nloss L = h[T]\n");
  std::unique_ptr<NumericGraph> numeric;
  const Pass pass = run_pass(g, initial_assignment(g), numeric);
  const Explanation e = explain(g, pass, *g.find("h_0"));
  EXPECT_EQ(e.path_count, 1);
  ASSERT_EQ(e.paths.size(), 1u);
  EXPECT_EQ(e.paths[0].nodes.size(), 100002u);  // L, h_100000, …, h_0
}

}  // namespace
}  // namespace leibniz::graph
