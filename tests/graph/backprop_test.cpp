// Mean loss and gradient over data rows, the descent step, training.
#include "leibniz/graph/backprop.h"

#include <gtest/gtest.h>

#include "fixture.h"
#include "leibniz/expr/print.h"

namespace leibniz::graph {
namespace {

using testing::examples;

TEST(Backprop, DescentStepIsExact) {
  const Graph g = load_graph(examples("two_sigmoids.lz"));
  std::unique_ptr<NumericGraph> numeric;
  const Assignment leaves = initial_assignment(g);
  const Evaluation at = evaluate(g, leaves, nullptr, numeric);
  const std::vector<Expr> updated = descend(g, leaves, at, Number::rational(1, 10));
  EXPECT_EQ(print_text(updated[*g.find("w1")]), "39/80");
  EXPECT_EQ(print_text(updated[*g.find("b1")]), "-41/80");
  EXPECT_EQ(print_text(updated[*g.find("w2")]), "-159/80");
  EXPECT_TRUE(updated[*g.find("x")].is_null());
}

TEST(Backprop, MeanOverRowsOfData) {
  const Graph g = load_graph(examples("three_neurons.lz"));
  const DataSet data = parse_data(g, Source{"d.csv", "x1,x2,y1,y2\n-1,3,3,8\n-1,3,3,8\n"});
  std::unique_ptr<NumericGraph> numeric;
  const Evaluation at = evaluate(g, initial_assignment(g), &data, numeric);
  EXPECT_EQ(at.passes.size(), 2u);
  EXPECT_TRUE(at.exact);
  EXPECT_EQ(print_text(at.loss), "1");
  EXPECT_EQ(print_text(at.gradient[*g.find("w11")]), "-6");
  EXPECT_EQ(print_text(at.gradient[*g.find("w31")]), "9/2");
}

TEST(Backprop, MeanOfTwoDifferentRows) {
  const Graph g = load_graph(examples("three_neurons.lz"));
  const DataSet data = read_data(g, examples("three_neurons.csv"));
  std::unique_ptr<NumericGraph> numeric;
  const Evaluation at = evaluate(g, initial_assignment(g), &data, numeric);
  // row 2 (x = (2, -1), y = (1, 2)): t1 = 0, z1 = 1/2, z2 = 9/4, z3 = 4, C = 89/32
  EXPECT_EQ(print_text(at.passes[1].value(g.loss())), "89/32");
  EXPECT_EQ(print_text(at.loss), "121/64");
  EXPECT_EQ(print_text(at.gradient[*g.find("b3")]), "7");
}

TEST(Backprop, TrainingLowersTheLoss) {
  const Graph g = load_graph(examples("two_sigmoids.lz"));
  std::unique_ptr<NumericGraph> numeric;
  const Training t = train(g, initial_assignment(g), nullptr, Number::rational(1, 10), 5, numeric);
  ASSERT_EQ(t.losses.size(), 5u);
  EXPECT_EQ(print_text(t.losses[0]), "1/4");
  for (std::size_t k = 1; k < 5; ++k) EXPECT_LT(to_double(t.losses[k]), to_double(t.losses[k - 1]));
  EXPECT_NEAR(to_double(t.losses[1]), 0.2453541157, 1e-9);
}

TEST(Backprop, RecurrentTrainingStaysExact) {
  const Graph g = load_graph(examples("recurrent.lz"));
  std::unique_ptr<NumericGraph> numeric;
  const Training t = train(g, initial_assignment(g), nullptr, Number::rational(1, 100), 2, numeric);
  // w = 1/2 + 11/100 = 61/100 after one step
  EXPECT_EQ(t.losses[0].number().to_string(), "29/16");
  EXPECT_TRUE(t.losses[1].number().is_exact());
}

}  // namespace
}  // namespace leibniz::graph
