#include "leibniz/calculus/simplify.h"

#include <gtest/gtest.h>

#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"
#include "support/random_expr.h"
#include "support/trials.h"

namespace leibniz {
namespace {

#define EXPECT_SIMPLIFY(input, expected) \
  EXPECT_EQ(print_text(simplify(parse_text(input))), expected) << "simplify(" << input << ")"

TEST(Simplify, CancelsCommonFactors) {
  EXPECT_SIMPLIFY("2*x*y/y^2", "2*x/y");
  EXPECT_SIMPLIFY("(x^2-1)/(x-1)", "x + 1");
  EXPECT_SIMPLIFY("(x^2 + 2*x + 1)/(x + 1)^3", "1/(x + 1)");
  EXPECT_SIMPLIFY("(x*y + x)/(y + 1)", "x");
}

TEST(Simplify, CollectsOverACommonDenominatorWhenSmaller) {
  EXPECT_SIMPLIFY("1/(x^2+1) - 2*x^2/(x^2+1)^2", "(1 - x^2)/(x^2 + 1)^2");
}

TEST(Simplify, ExpandsWhenSmaller) {
  EXPECT_SIMPLIFY("(x+y)^2 - x^2", "2*x*y + y^2");
  EXPECT_SIMPLIFY("(x^2 + y^2)*(2*x*y + y^2) + 2*x*(x^2*y + y^2*x)",
                  "4*x^3*y + 3*x^2*y^2 + 2*x*y^3 + y^4");
}

// An even power of u is one of |u|: products with both collect them; odd powers stay.
TEST(Simplify, EvenPowersMeetAbsoluteValues) {
  EXPECT_SIMPLIFY("x^2/abs(x)", "abs(x)");
  EXPECT_SIMPLIFY("x^2/abs(x) + abs(x)", "2*abs(x)");  // d/dx x·|x|
  EXPECT_SIMPLIFY("x^4*abs(x)^-3*y", "y*abs(x)");
  EXPECT_SIMPLIFY("(x+1)^-2*abs(x+1)", "1/abs(x + 1)");
  EXPECT_SIMPLIFY("x^3*abs(x)", "x^3*abs(x)");
  EXPECT_SIMPLIFY("x^2*abs(y)", "x^2*abs(y)");
  // |u|^(2k) = u^(2k) for real u, so d/dx ln|u| = u·u′/|u|² cancels to u′/u.
  EXPECT_SIMPLIFY("abs(x)^2", "x^2");
  EXPECT_SIMPLIFY("abs(x - 1)^-4", "1/(x - 1)^4");
  EXPECT_SIMPLIFY("(2*x + 2)*(x^2 + 2*x + 5)/abs(x^2 + 2*x + 5)^2 - (2*x + 2)/(x^2 + 2*x + 5)",
                  "0");
  EXPECT_SIMPLIFY("abs(x)^3", "abs(x)^3");
}

// Issue 17 #2 and #3: exponents beyond a machine word.
TEST(Simplify, ExponentsBeyondAMachineWord) {
  EXPECT_SIMPLIFY("(x+1)/y^10^19", "(x + 1)/y^10000000000000000000");
  EXPECT_SIMPLIFY("y^(-9223372036854775808)", "1/y^9223372036854775808");
  EXPECT_SIMPLIFY("x^(2^64)/abs(x)", "abs(x)^18446744073709551615");
}

TEST(Simplify, KeepsFactoredFormWhenSmaller) { EXPECT_SIMPLIFY("10*(x + 1)^9", "10*(x + 1)^9"); }

TEST(Simplify, BasicIdentities) {
  EXPECT_SIMPLIFY("exp(ln(x))", "x");
  EXPECT_SIMPLIFY("ln(exp(x))", "x");
  EXPECT_SIMPLIFY("e^(2*ln(x))", "x^2");
  EXPECT_SIMPLIFY("sin(x)^2 + cos(x)^2", "1");
  EXPECT_SIMPLIFY("3*y*sin(x+1)^2 + 3*y*cos(x+1)^2 + z", "3*y + z");
  EXPECT_SIMPLIFY("sin(ln(e^x))", "sin(x)");
}

TEST(Simplify, TreeSizeCountsSharedNodesEachTime) {
  EXPECT_EQ(tree_size(parse_text("x")), 1);
  EXPECT_EQ(tree_size(parse_text("sin(x)*cos(x)")), 5);
}

// tree_size counts small expressions node by node and large ones through a memo of
// shared nodes: both give the written-out size, here against a plain count.
double written_out_size(const Expr& e) {
  double size = 1;
  for (const Expr& a : e.args()) size += written_out_size(a);
  return size;
}

TEST(TreeSize, IsTheWrittenOutSizeSmallOrLarge) {
  testing::RandomExpr random(5);
  for (int i = 0; i < testing::trials(500); ++i) {
    const Expr e = random.generate(5);
    EXPECT_EQ(tree_size(e), written_out_size(e)) << print_text(e);
  }
  // A shared sum squared again and again: 2^12 copies of x + 1 written out.
  Expr shared = add(symbol("x"), integer(1));
  for (int i = 0; i < 12; ++i) shared = mul(shared, add(shared, integer(2)));
  EXPECT_GT(written_out_size(shared), 256);
  EXPECT_EQ(tree_size(shared), written_out_size(shared));
}

}  // namespace
}  // namespace leibniz
