// The compiled tape against the tape it was compiled from: the same values (up to the
// vectorised tanh's rounding) and the same adjoints (up to the order of the sums), on
// random graphs wide (levels of many nodes, vector loops) and deep (chains).
#include "tape_compiled.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "tape.h"

namespace leibniz::graph {
namespace {

TEST(CompiledTape, ReadmeExample) {
  Tape t;
  const auto x = t.input(2), y = t.input(3);
  const auto f = t.mul(t.tanh(x), y);
  CompiledTape c(t, f);
  c.forward();
  c.backward();
  EXPECT_EQ(c.value(f), t.value(f));
  EXPECT_DOUBLE_EQ(c.adjoint(x), 3 * (1 - std::tanh(2.0) * std::tanh(2.0)));
  EXPECT_DOUBLE_EQ(c.adjoint(y), std::tanh(2.0));
}

/// A random graph of every operation. `window` picks operands among the last `window`
/// nodes (1: chains; large: wide levels); operands keep the values in safe ranges.
std::vector<Tape::Var> random_graph(Tape& t, std::mt19937& rng, int inputs, int nodes,
                                    std::size_t window) {
  std::vector<Tape::Var> vars;
  for (int i = 0; i < inputs; ++i)
    vars.push_back(t.input(std::uniform_real_distribution<double>(0.2, 1.5)(rng)));
  const auto pick = [&] {
    const std::size_t w = std::min(window, vars.size());
    return vars[vars.size() - 1 - rng() % w];
  };
  const auto bounded = [&](Tape::Var v) { return t.tanh(v); };
  for (int k = 0; k < nodes; ++k) {
    const auto a = pick(), b = pick();
    Tape::Var r = 0;
    switch (rng() % 12) {
      case 0: r = t.add(a, b); break;
      case 1: r = t.sub(a, b); break;
      case 2: r = t.mul(bounded(a), b); break;
      case 3: r = t.div(a, t.add(t.mul(b, b), t.exp(bounded(b)))); break;
      case 4: r = t.scale(a, 0.7); break;
      case 5: r = t.exp(bounded(a)); break;
      case 6: r = t.log(t.add(t.mul(a, a), t.exp(bounded(b)))); break;
      case 7: r = t.tanh(a); break;
      case 8: r = t.sigmoid(t.sub(a, b)); break;
      case 9: r = t.mul(a, a); break;
      case 10: r = t.add(a, a); break;
      default: r = t.mul(bounded(a), t.sigmoid(b)); break;
    }
    vars.push_back(r);
  }
  return vars;
}

/// Values and adjoints of every node of t up to out against c's.
void expect_same(const Tape& t, const CompiledTape& c, Tape::Var out, const char* what) {
  double scale = 1;
  for (Tape::Var v = 0; v <= out; ++v) scale = std::max(scale, std::fabs(t.adjoint(v)));
  for (Tape::Var v = 0; v <= out; ++v) {
    EXPECT_NEAR(c.value(v), t.value(v), 1e-14 * std::max(1.0, std::fabs(t.value(v))))
        << what << " value of node " << v;
    EXPECT_NEAR(c.adjoint(v), t.adjoint(v), 1e-12 * scale) << what << " adjoint of node " << v;
  }
}

TEST(CompiledTape, RandomGraphsAgreeWithTheTape) {
  std::mt19937 rng(11);
  for (int trial = 0; trial < 60; ++trial) {
    Tape t;
    const std::size_t window = trial % 3 == 0 ? 1 : trial % 3 == 1 ? 4 : 400;
    const int inputs = 1 + static_cast<int>(rng() % 50);
    const auto vars = random_graph(t, rng, inputs, 50 + static_cast<int>(rng() % 2000), window);
    const Tape::Var out = vars.back();
    CompiledTape c(t, out);
    c.forward();
    c.backward();
    t.forward();
    t.backward(out);
    expect_same(t, c, out, "recorded");
    // New inputs, then forward and backward again: nothing left over from the first run.
    for (int i = 0; i < inputs; ++i) {
      const double x = std::uniform_real_distribution<double>(0.2, 1.5)(rng);
      t.set_input(vars[static_cast<std::size_t>(i)], x);
      c.set_input(vars[static_cast<std::size_t>(i)], x);
    }
    t.forward();
    t.backward(out);
    c.forward();
    c.backward();
    expect_same(t, c, out, "new inputs");
  }
}

TEST(CompiledTape, WideLevelsOfTanhAgreeWithTheTape) {
  // Levels of hundreds of tanh nodes: the gather-then-vector path.
  Tape t;
  std::mt19937 rng(5);
  std::vector<Tape::Var> layer;
  for (int i = 0; i < 300; ++i)
    layer.push_back(t.input(std::normal_distribution<double>(0, 4)(rng)));
  for (int depth = 0; depth < 20; ++depth) {
    std::vector<Tape::Var> next;
    for (std::size_t k = 0; k < layer.size(); ++k) {
      const auto a = layer[rng() % layer.size()], b = layer[rng() % layer.size()];
      next.push_back(t.tanh(t.scale(t.add(a, b), 3.0)));
    }
    layer = next;
  }
  Tape::Var out = layer[0];
  for (std::size_t k = 1; k < layer.size(); ++k) out = t.add(out, layer[k]);
  CompiledTape c(t, out);
  EXPECT_LT(c.runs(), 100u);
  c.forward();
  c.backward();
  t.forward();
  t.backward(out);
  expect_same(t, c, out, "wide");
}

TEST(CompiledTape, ChainOfProductsIsOneRun) {
  Tape t;
  std::vector<Tape::Var> x;
  for (int i = 1; i <= 100; ++i) x.push_back(t.input(1.0 + 0.01 * i));
  Tape::Var y = x[0];
  for (std::size_t i = 1; i < x.size(); ++i) y = i % 2 ? t.mul(y, x[i]) : t.mul(x[i], y);
  CompiledTape c(t, y);
  EXPECT_EQ(c.runs(), 1u);
  c.forward();
  c.backward();
  EXPECT_EQ(c.value(y), t.value(y));
  for (std::size_t i = 0; i < x.size(); ++i)
    EXPECT_NEAR(c.adjoint(x[i]), c.value(y) / c.value(x[i]), 1e-13 * c.value(y)) << i;
}

TEST(CompiledTape, ChainWhoseLinksHaveOtherConsumers) {
  // y_k = y_{k−1} · x_k, and every third link also feeds a sum read at the end.
  Tape t;
  std::vector<Tape::Var> x, chain;
  for (int i = 1; i <= 40; ++i) x.push_back(t.input(1.0 + 0.02 * i));
  chain.push_back(x[0]);
  for (std::size_t i = 1; i < x.size(); ++i) chain.push_back(t.mul(chain.back(), x[i]));
  Tape::Var out = chain.back();
  for (std::size_t i = 0; i < chain.size(); i += 3) out = t.add(out, t.tanh(chain[i]));
  CompiledTape c(t, out);
  c.forward();
  c.backward();
  t.forward();
  t.backward(out);
  expect_same(t, c, out, "chain");
}

TEST(CompiledTape, NodesAfterTheOutputAreLeftOut) {
  Tape t;
  const auto x = t.input(0.5), y = t.input(2);
  const auto f = t.mul(x, y);
  t.tanh(f);
  CompiledTape c(t, f);
  EXPECT_EQ(c.size(), 3u);
  c.forward();
  c.backward();
  EXPECT_EQ(c.adjoint(x), 2.0);
  EXPECT_EQ(c.adjoint(y), 0.5);
}

TEST(CompiledTape, NodesThatDoNotReachTheOutputHaveZeroAdjoints) {
  Tape t;
  const auto x = t.input(0.5), y = t.input(2), unused = t.input(3);
  const auto dead = t.exp(t.mul(x, y));
  const auto f = t.add(x, y);
  CompiledTape c(t, f);
  c.forward();
  c.backward();
  EXPECT_EQ(c.adjoint(dead), 0.0);
  EXPECT_EQ(c.adjoint(unused), 0.0);
  EXPECT_EQ(c.adjoint(x), 1.0);
  c.backward();  // again: the adjoints are set, not accumulated
  EXPECT_EQ(c.adjoint(x), 1.0);
  EXPECT_EQ(c.adjoint(f), 1.0);
}

TEST(CompiledTape, ZeroAdjointTimesInfiniteDerivativeIsNaNUnlikeTheTape) {
  Tape t;
  const auto x = t.input(0), y = t.input(2);
  // tanh(log 0) = −1 has derivative 0, log's is 1/0.
  const auto f = t.add(t.tanh(t.log(x)), y);
  CompiledTape c(t, f);
  c.backward();
  t.backward(f);
  EXPECT_TRUE(std::isnan(c.adjoint(x)));
  EXPECT_EQ(t.adjoint(x), 0.0);
  EXPECT_EQ(c.adjoint(y), 1.0);
}

TEST(CompiledTape, OutputThatIsAnInput) {
  Tape t;
  const auto x = t.input(0.5), y = t.input(2);
  CompiledTape c(t, y);
  c.forward();
  c.backward();
  EXPECT_EQ(c.adjoint(y), 1.0);
  EXPECT_EQ(c.adjoint(x), 0.0);
}

}  // namespace
}  // namespace leibniz::graph
