#include "leibniz/calculus/simplify_cancel_bound.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "leibniz/calculus/cancel.h"
#include "leibniz/calculus/expand.h"
#include "leibniz/calculus/simplify.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"

namespace leibniz {
namespace {

bool cancel_cannot_be_smaller_as_written(const char* text) {
  const Expr e = parse_text(text);
  return cancel_cannot_be_smaller(e, tree_size(e));
}

TEST(CancelBound, ProvesAFunctionBesideAFractionStaysApart) {
  // (x^2*atan(3*x) + x/3 + atan(3*x)/9)/(x^2 + 1/9), of size 26, against 17.
  EXPECT_TRUE(cancel_cannot_be_smaller_as_written("atan(3*x) + 3*x/(9*x^2 + 1)"));
  EXPECT_TRUE(cancel_cannot_be_smaller_as_written("ln(x^2 + 1) + 2*x^2/(x^2 + 1)"));
}

TEST(CancelBound, LeavesTheRestUnknown) {
  EXPECT_FALSE(cancel_cannot_be_smaller_as_written("x + 1/(x + 1)"));  // no function
  EXPECT_FALSE(
      cancel_cannot_be_smaller_as_written("atan(x) + (x + 1)/(x^2 + 1)"));  // the numerator a sum
  EXPECT_FALSE(cancel_cannot_be_smaller_as_written("atan(x) + x/x^2"));  // no constant term below
  EXPECT_FALSE(
      cancel_cannot_be_smaller_as_written("atan(x) + sin(x) + x/(x^2 + 1)"));  // two functions
  EXPECT_FALSE(cancel_cannot_be_smaller_as_written("atan(x) + y/(x^2 + 1)"));  // two symbols
  EXPECT_FALSE(cancel_cannot_be_smaller_as_written("atan(x)/(x + 1) + x/(x^2 + 1)"));
}

// Random members of the family: the bound never exceeds the size of what cancel writes.
TEST(CancelBound, NeverExceedsTheCancelledSize) {
  std::mt19937 rng(301130);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const Expr x = symbol("x");
  const std::vector<Expr> functions = {parse_text("atan(2*x)"), parse_text("ln(x)"),
                                       parse_text("sin(x)"), parse_text("e^x")};
  const std::vector<Expr> denominators = {
      expand(parse_text("x^2 + 1")), expand(parse_text("9*x^2 + 1")), expand(parse_text("x + 2")),
      expand(parse_text("x^2 + 2*x + 1")), expand(parse_text("x^3 - x + 5"))};
  auto nonzero = [&] { return integer(pick(1, 4) * (pick(0, 1) ? 1 : -1)); };
  int judged = 0;
  for (int trial = 0; trial < 300; ++trial) {
    std::vector<Expr> terms;
    for (int t = pick(0, 2); t > 0; --t) terms.push_back(mul(nonzero(), pow(x, pick(0, 3))));
    terms.push_back(mul({nonzero(), pow(x, pick(0, 2)), functions[pick(0, 3)]}));
    terms.push_back(mul({pick(0, 1) ? nonzero() : rational(1, pick(2, 5)), pow(x, pick(0, 2)),
                         pow(denominators[pick(0, 4)], -pick(1, 2))}));
    const Expr e = add(terms);
    const std::optional<Expr> cancelled = cancel(e);
    if (!cancelled) continue;
    const double size = tree_size(*cancelled);
    EXPECT_FALSE(cancel_cannot_be_smaller(e, size + 1))
        << print_text(e) << " cancels to " << print_text(*cancelled);
    judged += cancel_cannot_be_smaller(e, 0) ? 1 : 0;
  }
  EXPECT_GT(judged, 150);
}

TEST(CancelBound, KnowsAFractionInLowestTermsWithAMonicIrreducibleDenominator) {
  EXPECT_TRUE(cancel_cannot_be_smaller_as_written("2*x/(x^2 + 3)"));
  EXPECT_TRUE(cancel_cannot_be_smaller_as_written("x/(x + 5)^2"));
  EXPECT_TRUE(cancel_cannot_be_smaller_as_written("-x^3/(x^2 + x + 1)"));
  EXPECT_FALSE(cancel_cannot_be_smaller_as_written("3*x/(9*x^2 + 1)"));    // not monic
  EXPECT_FALSE(cancel_cannot_be_smaller_as_written("x/(x^2 + 3*x + 2)"));  // (x + 1)*(x + 2)
  EXPECT_FALSE(cancel_cannot_be_smaller_as_written("x/(x^3 + 2)"));        // degree 3: not judged
  EXPECT_FALSE(cancel_cannot_be_smaller_as_written("x/(x^2 + x)"));        // no constant term
}

// Random c*x^a/D^k: where the form is judged, cancel writes nothing smaller.
TEST(CancelBound, FractionsJudgedCancelToNothingSmaller) {
  std::mt19937 rng(3011);
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const Expr x = symbol("x");
  int judged = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const Expr d = expand(add({pow(x, pick(1, 2)), mul(integer(pick(-3, 3)), x),
                               integer(pick(1, 6) * (pick(0, 1) ? 1 : -1))}));
    const Expr e = mul({pick(0, 1) ? integer(pick(1, 5)) : rational(pick(1, 5), pick(2, 7)),
                        pow(x, pick(0, 3)), pow(d, -pick(1, 3))});
    if (!cancel_cannot_be_smaller(e, tree_size(e))) continue;
    ++judged;
    const std::optional<Expr> cancelled = cancel(e);
    ASSERT_TRUE(cancelled.has_value()) << print_text(e);
    EXPECT_GE(tree_size(*cancelled), tree_size(e))
        << print_text(e) << " cancels to " << print_text(*cancelled);
  }
  EXPECT_GT(judged, 100);
}

}  // namespace
}  // namespace leibniz
