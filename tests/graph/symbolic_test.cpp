// Gradients as formulas over named auxiliaries, as the notes' Solution writes them.
#include "leibniz/graph/symbolic.h"

#include <gtest/gtest.h>

#include "fixture.h"
#include "leibniz/expr/print.h"

namespace leibniz::graph {
namespace {

TEST(Symbolic, TwoSigmoidsLikeTheNotesSolution) {
  const Graph g = load_graph(testing::examples("two_sigmoids.lz"));
  const SymbolicGradient s = symbolic_gradient(g);
  auto formula = [&](const char* name) { return print_text(s.formula[*g.find(name)]); };
  EXPECT_EQ(formula("yhat"), "2*yhat - 2*y");
  EXPECT_EQ(formula("o"), "yhat*∂L/∂ŷ*(1 - yhat)");
  EXPECT_EQ(formula("w2"), "o1*∂L/∂o");
  EXPECT_EQ(formula("o1"), "w2*∂L/∂o");
  EXPECT_EQ(formula("w1"), "o1*x*∂L/∂o1*(1 - o1)");
  EXPECT_EQ(formula("x"), "o1*w1*∂L/∂o1*(1 - o1) + ∂L/∂o");
}

TEST(Symbolic, SharedWeightSumsOverTheSteps) {
  const Graph g = load_graph(testing::examples("recurrent.lz"));
  const SymbolicGradient s = symbolic_gradient(g);
  EXPECT_EQ(print_text(s.formula[*g.find("w")]), "s_1*∂L/∂o_1 + s_2*∂L/∂o_2");
  EXPECT_EQ(print_text(s.formula[*g.find("h_0")]), "∂L/∂h_1 + ∂L/∂s_1");
}

TEST(Symbolic, FormulasEvaluateToThePass) {
  const Graph g = load_graph(testing::examples("recurrent.lz"));
  std::unique_ptr<NumericGraph> numeric;
  const Pass pass = run_pass(g, initial_assignment(g), numeric);
  const SymbolicGradient s = symbolic_gradient(g);
  EXPECT_EQ(print_text(formula_value(s, formula_point(g, s, pass), *g.find("w"))), "-11");
  EXPECT_EQ(print_text(formula_value(s, formula_point(g, s, pass), *g.find("h_0"))), "-57/8");
}

TEST(Symbolic, DisplayNames) {
  EXPECT_EQ(display_name("yhat"), "ŷ");
  EXPECT_EQ(display_name("what_1"), "what_1");
  EXPECT_EQ(display_name("o1"), "o1");
}

}  // namespace
}  // namespace leibniz::graph
