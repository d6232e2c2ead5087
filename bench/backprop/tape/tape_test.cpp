// The flat tape: every operation's backward against central differences of forward.
#include "tape.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "leibniz/numeric/finite_difference.h"

namespace leibniz::graph {
namespace {

TEST(Tape, ReadmeExample) {
  Tape t;
  const auto x = t.input(2), y = t.input(3);
  const auto f = t.mul(t.tanh(x), y);
  t.backward(f);
  EXPECT_DOUBLE_EQ(t.adjoint(x), 3 * (1 - std::tanh(2.0) * std::tanh(2.0)));
  EXPECT_DOUBLE_EQ(t.adjoint(y), std::tanh(2.0));
}

TEST(Tape, SpeelpenningProduct) {
  Tape t;
  std::vector<Tape::Var> x;
  for (int i = 1; i <= 10; ++i) x.push_back(t.input(1.0 + 0.1 * i));
  Tape::Var y = x[0];
  for (std::size_t i = 1; i < x.size(); ++i) y = t.mul(y, x[i]);
  t.backward(y);
  for (std::size_t i = 0; i < x.size(); ++i) {
    EXPECT_NEAR(t.adjoint(x[i]), t.value(y) / t.value(x[i]), 1e-12);
  }
}

TEST(Tape, RandomCompositionsAgainstFiniteDifferences) {
  std::mt19937 rng(3);
  for (int trial = 0; trial < 50; ++trial) {
    Tape t;
    std::vector<Tape::Var> vars;
    for (int i = 0; i < 3; ++i)
      vars.push_back(t.input(std::uniform_real_distribution<double>(0.2, 1.5)(rng)));
    for (int k = 0; k < 20; ++k) {
      const auto a = vars[rng() % vars.size()], b = vars[rng() % vars.size()];
      Tape::Var r = 0;
      switch (rng() % 10) {
        case 0: r = t.add(a, b); break;
        case 1: r = t.sub(a, b); break;
        case 2: r = t.mul(a, b); break;
        case 3: r = t.div(a, t.add(t.mul(b, b), t.exp(b))); break;
        case 4: r = t.scale(a, 0.7); break;
        case 5: r = t.exp(t.tanh(a)); break;
        case 6: r = t.log(t.add(t.mul(a, a), t.exp(b))); break;
        case 7: r = t.tanh(a); break;
        case 8: r = t.sigmoid(t.sub(a, b)); break;
        default: r = t.mul(a, t.sigmoid(b)); break;
      }
      vars.push_back(r);
    }
    const Tape::Var out = vars.back();
    t.backward(out);
    for (Tape::Var i = 0; i < 3; ++i) {
      const double x = t.value(i), h = 1e-6 * std::max(1.0, std::fabs(x));
      t.set_input(i, x + h);
      t.forward();
      const double up = t.value(out);
      t.set_input(i, x - h);
      t.forward();
      const double down = t.value(out);
      t.set_input(i, x);
      t.forward();
      EXPECT_LT(relative_error(t.adjoint(i), (up - down) / (2 * h)), 1e-6) << trial;
    }
  }
}

}  // namespace
}  // namespace leibniz::graph
