#include "leibniz/calculus/simplify_expansion_bound.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "leibniz/calculus/expand.h"
#include "leibniz/calculus/simplify.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"

namespace leibniz {
namespace {

bool cannot_be_smaller(const char* text) {
  const Expr e = parse_text(text);
  return expansion_cannot_be_smaller(e, tree_size(e));
}

TEST(ExpansionBound, ProvesThePowersOfSumsThatStayFactored) {
  EXPECT_TRUE(cannot_be_smaller("9*(x + 3*y)^2"));  // 9*x^2 + 54*x*y + 81*y^2
  EXPECT_TRUE(cannot_be_smaller("3*(x + y)^2"));
  EXPECT_TRUE(cannot_be_smaller("(x + 1)^3"));
  EXPECT_TRUE(cannot_be_smaller("x*(x + 1)"));  // x^2 + x: the same size
  EXPECT_TRUE(cannot_be_smaller("(2*x + 3*y^2)^2"));
}

TEST(ExpansionBound, LeavesTheRestUnknown) {
  EXPECT_FALSE(cannot_be_smaller("(x + 1)*(x - 1)"));  // x^2 - 1 is smaller
  EXPECT_FALSE(cannot_be_smaller("(x + y)^2 - x^2"));  // a sum: its terms may cancel
  EXPECT_FALSE(cannot_be_smaller("sin(x)*(x + 1)^2"));
  EXPECT_FALSE(cannot_be_smaller("(x + y)^2/(x^2 + 1)"));  // two symbols over a denominator
  EXPECT_FALSE(cannot_be_smaller("(x + 1.5)^2"));
  EXPECT_FALSE(cannot_be_smaller("(x + 1)^100"));  // past the exponents judged
  // A fraction among the coefficients may make one of them 1: taken as 1.
  EXPECT_FALSE(cannot_be_smaller("(x/2 + y/2)^2*4"));
}

// Random products of numbers, symbol powers and powers of sums of monomials: the bound
// never exceeds the size of the expansion (an expansion of size s is never declared
// unable to be smaller than s + 1), and it is reached often enough to matter.
TEST(ExpansionBound, NeverExceedsTheExpansionsSize) {
  std::mt19937 rng(20261130);
  const Expr symbols[] = {symbol("x"), symbol("y"), symbol("z")};
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  auto coefficient = [&]() -> Expr {
    switch (pick(0, 5)) {
      case 0: return integer(1);
      case 1: return integer(-1);
      case 2: return rational(pick(1, 3), 2);
      default: return integer(pick(-4, 4) | 1);
    }
  };
  auto monomial = [&]() {
    std::vector<Expr> factors{coefficient()};
    for (const Expr& s : symbols) {
      if (const int k = pick(0, 2); k > 0) factors.push_back(pow(s, k));
    }
    return mul(factors);
  };
  int proved = 0;
  for (int trial = 0; trial < 600; ++trial) {
    std::vector<Expr> factors{coefficient()};
    const int count = pick(1, 3);
    for (int i = 0; i < count; ++i) {
      std::vector<Expr> terms;
      const int n_terms = pick(1, 3);
      for (int t = 0; t < n_terms; ++t) terms.push_back(monomial());
      factors.push_back(pow(add(terms), pick(1, 3)));
    }
    const Expr e = mul(factors);
    const double expanded = tree_size(expand(e));
    EXPECT_FALSE(expansion_cannot_be_smaller(e, expanded + 1))
        << print_text(e) << " expands to " << print_text(expand(e));
    proved += expansion_cannot_be_smaller(e, tree_size(e)) ? 1 : 0;
  }
  EXPECT_GT(proved, 100);
}

TEST(ExpansionBound, MeasuresAQuotientsDerivativeExactly) {
  // (3*x^2 - 2*x*(3*x + 1) + 3)/(x^2 + 1)^2 would expand to
  // 3/(x^2 + 1)^2 - 3*x^2/(x^2 + 1)^2 - 2*x/(x^2 + 1)^2, of size 32.
  const Expr e = parse_text("(3*x^2 - 2*x*(3*x + 1) + 3)/(x^2 + 1)^2");
  EXPECT_EQ(tree_size(expand(e)), 32);
  EXPECT_TRUE(expansion_cannot_be_smaller(e, 32));
  EXPECT_FALSE(expansion_cannot_be_smaller(e, 33));
  EXPECT_TRUE(cannot_be_smaller("3*(1 - 9*x^2)/(9*x^2 + 1)^2 + 3/(9*x^2 + 1)"));
  EXPECT_TRUE(cannot_be_smaller("(x + 1)^2/(x^2 + 1)"));
  EXPECT_FALSE(cannot_be_smaller("(x + 1)^2/(x^2 + 1) - x^2/(x^2 + 1)"));  // 2*x/… + 1/…
  EXPECT_FALSE(cannot_be_smaller("x*(x + 1)/(x^2 + 1)/2"));                // a fraction: not judged
  // Past the work the small expansion allows (thousands of power products): not judged.
  EXPECT_FALSE(cannot_be_smaller("(x + 1/(x^2 + 1) + 1/(x^2 + 2) + 1/(x^2 + 3))^60"));
}

// Random sums of products of integers, x, sums and inverse powers of expanded
// denominators: the size found is the expansion's own, never more.
TEST(ExpansionBound, IsExactOnQuotientsInOneSymbol) {
  std::mt19937 rng(1130);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const Expr x = symbol("x");
  const std::vector<Expr> denominators = {
      expand(parse_text("x^2 + 1")), expand(parse_text("9*x^2 + 1")), expand(parse_text("x + 2")),
      expand(parse_text("x^3 - x + 5"))};
  auto small_sum = [&]() {
    std::vector<Expr> terms;
    for (int k = pick(1, 3); k > 0; --k)
      terms.push_back(mul(integer(pick(-3, 3)), pow(x, pick(0, 3))));
    return add(terms);
  };
  int exact = 0;
  for (int trial = 0; trial < 400; ++trial) {
    std::vector<Expr> terms;
    for (int t = pick(1, 3); t > 0; --t) {
      std::vector<Expr> factors{integer(pick(-4, 4)), pow(x, pick(0, 2)),
                                pow(small_sum(), pick(1, 2))};
      if (pick(0, 3) > 0) {
        factors.push_back(pow(denominators[pick(0, 3)], -pick(1, 3)));
      }
      terms.push_back(mul(factors));
    }
    const Expr e = add(terms);
    const double expanded = tree_size(expand(e));
    EXPECT_FALSE(expansion_cannot_be_smaller(e, expanded + 1))
        << print_text(e) << " expands to " << print_text(expand(e));
    exact += expansion_cannot_be_smaller(e, expanded) ? 1 : 0;
  }
  EXPECT_GT(exact, 300);
}

}  // namespace
}  // namespace leibniz
