// The precise evaluator and the one tolerance policy of equality (eval/precise.h).
#include "leibniz/eval/precise.h"

#include <gtest/gtest.h>

#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"

namespace leibniz::precise {
namespace {

SideValue at(const char* text, double x) {
  const Expr vars[] = {symbol("x")};
  const double point[] = {x};
  return evaluate_side(parse_text(text), vars, point);
}

Comparison compared(const char* a, const char* b, double x) { return compare(at(a, x), at(b, x)); }

TEST(Precise, ValuesInManyDigits) {
  EXPECT_EQ(at("x + e^(-1000)", 1).text(), "1");
  EXPECT_EQ(distinct_texts(at("x", 1), at("x + e^(-60)", 1)).second,
            "1.00000000000000000000000000876");
  EXPECT_FALSE(at("ln(x)", -1).defined());
  EXPECT_EQ(at("ln(x)", -1).text(), "undefined");
  EXPECT_TRUE(at("e^(e^x)", 30).overflow);
}

// Agree within the noise of the evaluation, however the formula is written; differ when
// the gap is far beyond it; no verdict when the formula loses every digit.
TEST(Precise, OneTolerancePolicy) {
  EXPECT_EQ(compared("cosh(x)^2 - sinh(x)^2", "1", 3), Comparison::Agree);
  EXPECT_EQ(compared("(1 - cos(x))/x^2", "2*sin(x/2)^2/x^2", 1e-6), Comparison::Agree);
  EXPECT_EQ(compared("x", "x + 10^(-20)", 1), Comparison::Differ);
  EXPECT_EQ(compared("cosh(x)^2 - sinh(x)^2", "1", 171), Comparison::Vague);
}

TEST(Precise, Breakpoints) {
  const std::vector<Expr> kinks = breakpoint_functions(parse_text("abs(x - 2) + ln(x)"));
  ASSERT_EQ(kinks.size(), 2u);
  const Expr vars[] = {symbol("x")};
  const std::vector<double> grid{-10, -1, 0.5, 1, 3, 10};
  EXPECT_EQ(breakpoints(kinks, vars, {0.0}, 0, grid, 8, false), (std::vector<double>{0, 2}));
}

}  // namespace
}  // namespace leibniz::precise
