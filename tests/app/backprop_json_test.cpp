// `leibniz backprop --json`: exactly spec/interfaces.md §4, plus the extensions.
#include "leibniz/app/backprop_json.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "fixture.h"
#include "leibniz/app/requests.h"

namespace leibniz::app {
namespace {

TEST(Json, TheSpecExample) {
  const graph::Graph g = graph::load_graph(graph::testing::examples("two_sigmoids.lz"));
  std::unique_ptr<graph::NumericGraph> numeric;
  const graph::Assignment leaves = graph::initial_assignment(g);
  const graph::Evaluation at = graph::evaluate(g, leaves, nullptr, numeric);
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
  const graph::Graph g = graph::load_graph(graph::testing::examples("recurrent.lz"));
  std::unique_ptr<graph::NumericGraph> numeric;
  const graph::Evaluation at = graph::evaluate(g, graph::initial_assignment(g), nullptr, numeric);
  const auto j = backprop_json(g, graph::initial_assignment(g), at, std::nullopt, false);
  EXPECT_FALSE(j.contains("updated"));
  EXPECT_EQ(j["gradients"]["w"], -11.0);
  EXPECT_EQ(j["exact"]["gradients"]["h_0"], "-57/8");
}

TEST(Json, OverridesAreReported) {
  const graph::Graph g = graph::load_graph(graph::testing::examples("three_neurons.lz"));
  std::unique_ptr<graph::NumericGraph> numeric;
  const graph::Evaluation at = graph::evaluate(g, graph::initial_assignment(g), nullptr, numeric);
  const auto j = backprop_json(g, graph::initial_assignment(g), at, std::nullopt, false);
  ASSERT_EQ(j["overrides"].size(), 1u);
  EXPECT_EQ(j["overrides"][0]["node"], "z1");
  EXPECT_EQ(j["overrides"][0]["override"], 0.1875);
}

std::string model_text(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The answer written member by member is the document's dump(), byte for byte: exact and
// float passes, a rate, overrides, rows of data, the DOT text, and a model of 3,000 steps
// (past the exact line) whose values are read from the tape's array.
TEST(Json, WrittenAsItsDocumentIsDumped) {
  const std::string chain =
      "const T = 3000\nparam w = 0.5\nparam b = 0.1\ninput h[0] = 0.3\ntarget y = 0.2\n"
      "h[t] = tanh(w*h[t-1] + b) for t = 1..T\nloss L = (h[T] - y)^2\n";
  const std::string csv = model_text(graph::testing::examples("three_neurons.csv"));
  const std::vector<nlohmann::json> requests = {
      {{"op", "backprop"},
       {"model", model_text(graph::testing::examples("two_sigmoids.lz"))},
       {"lr", "0.1"}},
      {{"op", "backprop"},
       {"model", model_text(graph::testing::examples("recurrent.lz"))},
       {"dot", true}},
      {{"op", "backprop"},
       {"model", model_text(graph::testing::examples("three_neurons.lz"))},
       {"data", csv},
       {"per_row", true},
       {"lr", "0.5"}},
      {{"op", "backprop"}, {"model", chain}, {"lr", "0.01"}},
      {{"op", "diff"}, {"expr", "x^2"}, {"wrt", {"x"}}},  // the default write_json
  };
  for (const nlohmann::json& request : requests) {
    const auto result = run_request(request);
    std::ostringstream written;
    write_answer(written, *result);
    EXPECT_EQ(written.str(), answer_of(*result).dump()) << request.dump();
  }
}

TEST(Json, ExtraMembersComeLast) {
  const graph::Graph g = graph::load_graph(graph::testing::examples("recurrent.lz"));
  std::unique_ptr<graph::NumericGraph> numeric;
  const graph::Assignment leaves = graph::initial_assignment(g);
  const graph::Evaluation at = graph::evaluate(g, leaves, nullptr, numeric);
  nlohmann::ordered_json extra;
  extra["warnings"] = {"a \"noted\" thing"};
  std::ostringstream written;
  write_backprop_json(written, g, leaves, at, std::nullopt, false, extra);
  nlohmann::ordered_json whole = backprop_json(g, leaves, at, std::nullopt, false);
  whole["warnings"] = extra["warnings"];
  EXPECT_EQ(written.str(), whole.dump());
}

}  // namespace
}  // namespace leibniz::app
