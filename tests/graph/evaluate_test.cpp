// The answer key's three networks (seed/answer-key.md), every number exactly, through
// the exact pass; and the double pass agreeing with it.
#include "leibniz/graph/evaluate.h"

#include <gtest/gtest.h>

#include "fixture.h"
#include "leibniz/expr/print.h"

namespace leibniz::graph {
namespace {

using testing::examples;

struct Network {
  Graph graph;
  Pass pass;
  std::unique_ptr<NumericGraph> numeric;

  explicit Network(const std::string& file, BuildOptions options = {})
      : graph(load_graph(examples(file), options)) {
    pass = run_pass(graph, initial_assignment(graph), numeric);
  }
  std::string value(const std::string& name) const {
    return print_text(pass.value(*graph.find(name)));
  }
  std::string gradient(const std::string& name) const {
    return print_text(pass.gradient(*graph.find(name)));
  }
};

#define EXPECT_VALUE(run, name, text) EXPECT_EQ((run).value(name), text) << name
#define EXPECT_GRADIENT(run, name, text) EXPECT_EQ((run).gradient(name), text) << "dL/d" << name

TEST(Evaluate, TwoSigmoidsForward) {
  const Network run("two_sigmoids.lz");
  EXPECT_TRUE(run.pass.exact);
  EXPECT_VALUE(run, "o1", "1/2");
  EXPECT_VALUE(run, "o", "0");
  EXPECT_VALUE(run, "yhat", "1/2");
  EXPECT_VALUE(run, "L", "1/4");
}

TEST(Evaluate, TwoSigmoidsBackward) {
  const Network run("two_sigmoids.lz");
  EXPECT_GRADIENT(run, "yhat", "-1");
  EXPECT_GRADIENT(run, "o", "-1/4");
  EXPECT_GRADIENT(run, "w2", "-1/8");
  EXPECT_GRADIENT(run, "b1", "1/8");
  EXPECT_GRADIENT(run, "w1", "1/8");
  EXPECT_GRADIENT(run, "x", "-3/16");
}

TEST(Evaluate, ThreeNeuronsForward) {
  const Network run("three_neurons.lz");
  EXPECT_VALUE(run, "t1", "1");
  EXPECT_VALUE(run, "z1", "3/4");
  EXPECT_VALUE(run, "z2", "4");
  EXPECT_VALUE(run, "z3", "9");
  EXPECT_VALUE(run, "C", "1");
}

TEST(Evaluate, ThreeNeuronsNotesApproximation) {
  const Network run("three_neurons.lz");
  EXPECT_GRADIENT(run, "w11", "-6");
  EXPECT_GRADIENT(run, "w12", "18");
  EXPECT_GRADIENT(run, "w21", "3");
  EXPECT_GRADIENT(run, "w31", "9/2");
  EXPECT_GRADIENT(run, "b1", "6");
  EXPECT_GRADIENT(run, "b2", "4");
  EXPECT_GRADIENT(run, "b3", "6");
}

TEST(Evaluate, ThreeNeuronsTrueDerivative) {
  const Network run("three_neurons.lz", BuildOptions{false});
  EXPECT_TRUE(run.pass.exact);
  EXPECT_GRADIENT(run, "w11", "-6*ln(3)");
  EXPECT_GRADIENT(run, "w12", "18*ln(3)");
  EXPECT_GRADIENT(run, "w21", "3");
  EXPECT_GRADIENT(run, "w31", "9/2");
  EXPECT_GRADIENT(run, "b1", "6*ln(3)");
  EXPECT_GRADIENT(run, "b2", "4");
  EXPECT_GRADIENT(run, "b3", "6");
}

TEST(Evaluate, RecurrentForward) {
  const Network run("recurrent.lz");
  EXPECT_VALUE(run, "h_1", "1/2");
  EXPECT_VALUE(run, "h_2", "7/4");
  EXPECT_VALUE(run, "L", "29/16");
}

TEST(Evaluate, RecurrentBackward) {
  const Network run("recurrent.lz");
  EXPECT_GRADIENT(run, "w", "-11");
  EXPECT_GRADIENT(run, "h_0", "-57/8");
  EXPECT_GRADIENT(run, "x_1", "-19/8");
  EXPECT_GRADIENT(run, "x_2", "-5/4");
}

TEST(Evaluate, FloatPassAgreesWithExact) {
  for (const char* file : {"two_sigmoids.lz", "three_neurons.lz", "recurrent.lz"}) {
    const Graph graph = load_graph(examples(file));
    std::unique_ptr<NumericGraph> numeric;
    const Pass exact = run_pass(graph, initial_assignment(graph), numeric);
    const Pass floats = run_float_pass(graph, initial_assignment(graph), numeric);
    EXPECT_FALSE(floats.exact);
    for (NodeId n = 0; n < graph.size(); ++n) {
      EXPECT_NEAR(to_double(exact.value(n)), to_double(floats.value(n)), 1e-12) << file;
      EXPECT_NEAR(to_double(exact.gradient(n)), to_double(floats.gradient(n)), 1e-12) << file;
    }
  }
}

// Issue 17 #10: a constant node compiles to an instruction with no operands (UBSan saw
// pointer arithmetic on the empty operand list).
TEST(Evaluate, AConstantNodeAlone) {
  const Graph graph = build_graph(parse_model_file(Source{"m.lz", "w = 6^100\nloss L = w\n"}));
  std::unique_ptr<NumericGraph> numeric;
  const Pass pass = run_pass(graph, initial_assignment(graph), numeric);
  EXPECT_EQ(print_text(pass.value(*graph.find("L"))), "6.533186235000709e+77");
}

}  // namespace
}  // namespace leibniz::graph
