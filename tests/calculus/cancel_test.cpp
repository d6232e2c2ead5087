// cancel over one generator takes a dense univariate path (cancel_univariate.cpp): it
// must give exactly the general path's answers, and leave to it what is out of its reach.
#include "leibniz/calculus/cancel.h"

#include <gtest/gtest.h>

#include <random>

#include "leibniz/calculus/cancel_univariate.h"
#include "leibniz/core/error.h"
#include "leibniz/core/limits.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"
#include "support/trials.h"

namespace leibniz {
namespace {

// Random rational functions of one generator: sums, products, quotients and integer
// powers of it and of small polynomials in it, with rational coefficients.
class RandomRational {
 public:
  RandomRational(unsigned seed, Expr generator) : rng_(seed), g_(std::move(generator)) {}

  Expr generate(int depth) {
    if (depth == 0 || pick(4) == 0) return leaf();
    switch (pick(6)) {
      case 0: return add(generate(depth - 1), generate(depth - 1));
      case 1: return mul(generate(depth - 1), generate(depth - 1));
      case 2: return div(generate(depth - 1), generate(depth - 1));
      case 3: return pow(generate(depth - 1), integer(pick(7) - 3));
      default: return sub(generate(depth - 1), generate(depth - 1));
    }
  }

 private:
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  Expr coefficient() {
    return number(Number(mpq_class(pick(13) - 6, pick(4) + 1)));  // canonicalised by Number
  }
  Expr leaf() {
    switch (pick(4)) {
      case 0: return coefficient();
      case 1: return pow(g_, integer(pick(4) + 1));
      default:  // a small polynomial a*g^2 + b*g + c
        return add(
            {mul(coefficient(), pow(g_, integer(2))), mul(coefficient(), g_), coefficient()});
    }
  }

  std::mt19937 rng_;
  Expr g_;
};

TEST(CancelUnivariate, SameAnswersAsTheGeneralPath) {
  // 2^x: a generator whose base is a number, which the univariate path writes out
  // through PolyContext rather than directly.
  const Expr generators[] = {symbol("x"), func(Fn::Sin, symbol("x")),
                             pow(symbol("x"), number(Number(mpq_class(1, 2)))),
                             pow(integer(2), symbol("x"))};
  int compared = 0;
  for (unsigned seed = 0; seed < static_cast<unsigned>(testing::trials(1200)); ++seed) {
    const Expr& g = generators[seed % 4];
    RandomRational random(seed, g);
    Expr e;
    try {
      e = random.generate(4);
    } catch (const Error&) {
      continue;  // a division by zero while building
    }
    const auto general = cancel_multivariate(e, 5'000);
    const auto answer = cancel(e);
    ASSERT_EQ(general.has_value(), answer.has_value()) << print_text(e);
    if (general) {
      EXPECT_EQ(*answer, *general) << print_text(e) << "\n  univariate: " << print_text(*answer)
                                   << "\n  general:    " << print_text(*general);
      ++compared;
    }
  }
  EXPECT_GT(compared, testing::trials(1200) / 2);
}

// Two generators, the denominators in one of them: the general path, whose denominator
// is factored, and its gcd with the numerator taken, through the univariate polynomials.
TEST(CancelUnivariate, DenominatorInOneOfTwoGenerators) {
  const Expr x = symbol("x"), other = func(Fn::Atan, symbol("x"));
  int compared = 0;
  for (unsigned seed = 0; seed < static_cast<unsigned>(testing::trials(600)); ++seed) {
    RandomRational random(seed, x);
    Expr e;
    try {
      // The third: a numerator in both generators over a denominator in x that shares
      // factors with it (the gcd through each of the numerator's coefficients in x).
      const Expr shared = random.generate(2);
      e = seed % 3 == 0   ? add(random.generate(3), mul(other, random.generate(1)))
          : seed % 3 == 1 ? mul(add(other, integer(1)), random.generate(3))
                          : div(add(mul(other, shared), mul(shared, random.generate(1))),
                                mul(shared, random.generate(2)));
    } catch (const Error&) {
      continue;
    }
    const auto general = cancel_multivariate(e, 5'000);
    const auto answer = cancel(e);
    ASSERT_EQ(general.has_value(), answer.has_value()) << print_text(e);
    if (general) {
      EXPECT_EQ(*answer, *general) << print_text(e) << "\n  answer:  " << print_text(*answer)
                                   << "\n  general: " << print_text(*general);
      ++compared;
    }
  }
  EXPECT_GT(compared, testing::trials(600) / 2);
}

// The machine-integer arithmetic (cancel_machine_poly.cpp) against FLINT's on the same
// rational functions: where it answers, the same expression. The second family puts
// products of powers of small linear and quadratic factors (some with rational roots) in
// the denominator, for its squarefree factoring and the splitting of quadratics.
TEST(CancelUnivariate, MachineIntegersAnswerAsFlint) {
  const Expr x = symbol("x");
  std::mt19937 rng(7);
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  auto small_factor = [&]() {  // a*x + b or a*x^2 + b*x + c, small integers
    const Expr linear = add(mul(integer(pick(4) + 1), x), integer(pick(9) - 4));
    if (pick(2) == 0) return linear;
    return add({mul(integer(pick(3) + 1), pow(x, integer(2))), mul(integer(pick(7) - 3), x),
                integer(pick(9) - 4)});
  };
  int answered = 0;
  const int cases = testing::trials(1500);
  for (unsigned seed = 0; seed < static_cast<unsigned>(cases); ++seed) {
    RandomRational random(seed, x);
    Expr e;
    try {
      if (seed % 2 == 0) {
        e = random.generate(4);
      } else {
        Expr denominator = integer(pick(5) + 1);
        for (int i = pick(3) + 1; i > 0; --i) {
          denominator = mul(denominator, pow(small_factor(), integer(pick(3) + 1)));
        }
        e = div(random.generate(2), denominator);
      }
    } catch (const Error&) {
      continue;
    }
    const auto flint = cancel_univariate(e, x, 5'000, UnivariateArithmetic::flint_only);
    const auto machine =
        cancel_univariate(e, x, 5'000, UnivariateArithmetic::machine_integers_only);
    EXPECT_EQ(cancel_univariate(e, x, 5'000), flint) << print_text(e);
    if (!machine) continue;
    ASSERT_TRUE(flint) << print_text(e);
    EXPECT_EQ(*machine, *flint) << print_text(e) << "\n  machine: " << print_text(*machine)
                                << "\n  flint:   " << print_text(*flint);
    ++answered;
  }
  EXPECT_GT(answered, cases / 2);
}

// Past 63 bits, or past its degree, the machine arithmetic hands the case to FLINT.
TEST(CancelUnivariate, MachineIntegersOverflowToFlint) {
  const Expr x = symbol("x");
  const Expr big = div(integer(1), add(mul(integer(3'000'000'000), x), integer(1)));
  const Expr wide = pow(add(mul(integer(7), x), integer(3)), integer(-12));
  for (const Expr& e : {pow(big, integer(3)), wide}) {
    EXPECT_FALSE(cancel_univariate(e, x, 5'000, UnivariateArithmetic::machine_integers_only))
        << print_text(e);
    const auto flint = cancel_univariate(e, x, 5'000, UnivariateArithmetic::flint_only);
    ASSERT_TRUE(flint) << print_text(e);
    EXPECT_EQ(cancel_univariate(e, x, 5'000), flint) << print_text(e);
  }
}

TEST(CancelUnivariate, KnownAnswers) {
  auto cancelled = [](const char* text) { return print_text(*cancel(parse_text(text))); };
  EXPECT_EQ(cancelled("(x^2 - 1)/(x - 1)"), "x + 1");
  EXPECT_EQ(cancelled("4/(4*x^2 + 1)^2"), "4/(4*x^2 + 1)^2");
  EXPECT_EQ(cancelled("1/(2*x^2 - 1/2)"), "2/((2*x - 1)*(2*x + 1))");
  EXPECT_EQ(cancelled("1/x + 1/(x + 1)"), "(2*x + 1)/(x*(x + 1))");
  EXPECT_EQ(cancelled("(sin(x)^2 - 1)/(sin(x) + 1)"), "sin(x) - 1");
}

// Past its bounds the univariate path declines, and the general path answers (or stops
// at its own limits) as before.
TEST(CancelUnivariate, DeclinesPastItsBounds) {
  const Expr x = symbol("x");
  const Expr high = div(integer(1), mul(pow(x, integer(300)), add(x, integer(1))));
  EXPECT_FALSE(cancel_univariate(high, x, 5'000));
  EXPECT_EQ(cancel(high), cancel_multivariate(high, 5'000));
  const Expr low = div(add(x, integer(1)), add(pow(x, integer(2)), integer(-1)));
  EXPECT_FALSE(cancel_univariate(low, x, 100));  // below its degree bound: not sure
  EXPECT_TRUE(cancel_univariate(low, x, 5'000));
  const Expr wide = pow(add(mul(integer(7), x), integer(3)), integer(-4'000));
  EXPECT_FALSE(cancel_univariate(wide, x, 5'000));
}

}  // namespace
}  // namespace leibniz
