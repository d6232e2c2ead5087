// `leibniz backprop --json`: exactly spec/interfaces.md §4, plus the extensions.
#include "leibniz/app/backprop_json.h"

#include <gtest/gtest.h>

#include "fixture.h"

namespace leibniz::app {
namespace {

using namespace graph;

TEST(Json, TheSpecExample) {
  const Graph g = load_graph(graph::testing::examples("two_sigmoids.lz"));
  std::unique_ptr<NumericGraph> numeric;
  const Assignment leaves = initial_assignment(g);
  const graph::Evaluation at = evaluate(g, leaves, nullptr, numeric);
  const auto j = backprop_json(g, leaves, at, Number::rational(1, 10), false);
  EXPECT_EQ(j["ok"], true);
  EXPECT_EQ(j["values"].dump(), R"({"o1":0.5,"o":0.0,"yhat":0.5})");
  EXPECT_EQ(j["loss"], 0.25);
  EXPECT_EQ(j["gradients"].dump(), R"({"w1":0.125,"w2":-0.125,"b1":0.125,"x":-0.1875})");
  EXPECT_EQ(j["updated"].dump(), R"({"w1":0.4875,"w2":-1.9875,"b1":-0.5125})");
  EXPECT_EQ(j["exact"]["updated"]["w1"], "39/80");
  EXPECT_FALSE(j.contains("overrides"));
  EXPECT_FALSE(j.contains("rows"));
}

TEST(Json, WithoutARateNoUpdate) {
  const Graph g = load_graph(graph::testing::examples("recurrent.lz"));
  std::unique_ptr<NumericGraph> numeric;
  const graph::Evaluation at = evaluate(g, initial_assignment(g), nullptr, numeric);
  const auto j = backprop_json(g, initial_assignment(g), at, std::nullopt, false);
  EXPECT_FALSE(j.contains("updated"));
  EXPECT_EQ(j["gradients"]["w"], -11.0);
  EXPECT_EQ(j["exact"]["gradients"]["h_0"], "-57/8");
}

TEST(Json, OverridesAreReported) {
  const Graph g = load_graph(graph::testing::examples("three_neurons.lz"));
  std::unique_ptr<NumericGraph> numeric;
  const graph::Evaluation at = evaluate(g, initial_assignment(g), nullptr, numeric);
  const auto j = backprop_json(g, initial_assignment(g), at, std::nullopt, false);
  ASSERT_EQ(j["overrides"].size(), 1u);
  EXPECT_EQ(j["overrides"][0]["node"], "z1");
  EXPECT_EQ(j["overrides"][0]["override"], 0.1875);
}

}  // namespace
}  // namespace leibniz::app
