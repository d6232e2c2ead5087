// Rational functions with symbolic coefficients (integrate_rational_symbolic.cpp): partial
// fractions over ℚ(a, b, …), each answer printed and differentiated back numerically at
// a = 1.3, b = −0.7, c = 2.1; the refusals name the case split a sign would decide. And
// 1/(x² + 1)ⁿ for n in the hundreds (integrate_rational.cpp, the reduction formula flat).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "leibniz/calculus/integrate.h"
#include "leibniz/core/error.h"
#include "leibniz/eval/program.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"
#include "support/derivative_agreement.h"

namespace leibniz {
namespace {

// F′ = f at the points where both are defined (a = 1.3, b = −0.7, c = 2.1); at least three.
void expect_derivative_with_parameters(const Expr& f, const Expr& F) {
  EXPECT_GE(
      testing::derivative_agreements(f, F, {0.12, 0.31, 0.77, 1.43, 2.6, 3.7, -0.55, -1.9, -2.8},
                                     {{"a", 1.3}, {"b", -0.7}, {"c", 2.1}}),
      3)
      << print_text(F);
}

void expect_integral_with_parameters(const char* integrand, const std::string& answer) {
  const Expr f = parse_text(integrand);
  Expr F;
  ASSERT_NO_THROW(F = integrate(f, symbol("x"))) << integrand;
  EXPECT_EQ(print_text(F), answer) << integrand;
  expect_derivative_with_parameters(f, F);
}

void expect_refused(const char* integrand, const std::string& message) {
  try {
    integrate(parse_text(integrand), symbol("x"));
    ADD_FAILURE() << integrand << " was integrated";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::Unsupported);
    EXPECT_EQ(std::string(error.what()), message);
  }
}

TEST(IntegrateRationalSymbolic, RepeatedLinearFactors) {
  expect_integral_with_parameters(
      "1/((x-a)^2*(x-b))",
      "1/((a - x)*(a - b)) - ln(abs(a - x))/(a - b)^2 + ln(abs(x - b))/(a - b)^2");
  expect_integral_with_parameters("x/(a*x+b)^2", "b/(a^2*(a*x + b)) + ln(abs(a*x + b))/a^2");
  // A polynomial part first.
  expect_integral_with_parameters(
      "x^3/((x-a)^2*(x+a))", "5*a*ln(abs(x - a))/4 - a^2/(2*(x - a)) - a*ln(abs(a + x))/4 + x");
  const Expr f = parse_text("(x^2 + b)/((x - a)^3*(x + c))");
  expect_derivative_with_parameters(f, integrate(f, symbol("x")));
}

TEST(IntegrateRationalSymbolic, LinearAndQuadraticFactors) {
  expect_integral_with_parameters("1/(x*(x^2+a^2))", "(ln(abs(x)) - ln(abs(a^2 + x^2))/2)/a^2");
  // ln|x² + a| holds for either sign of a: no arctangent is needed.
  expect_integral_with_parameters("1/(x*(x^2+a))", "(ln(abs(x)) - ln(abs(x^2 + a))/2)/a");
  expect_integral_with_parameters("1/((x^2+a^2)*(x^2+b^2))",
                                  "(b*atan(x/a) - a*atan(x/b))/(a*b*(b - a)*(a + b))");
  expect_integral_with_parameters("1/(x^4-a^4)",
                                  "(ln(abs(a - x))/4 - ln(abs(a + x))/4 - atan(x/a)/2)/a^3");
  const Expr f = parse_text("1/((x^2 + a^2)^2*(x - b))");
  expect_derivative_with_parameters(f, integrate(f, symbol("x")));
}

TEST(IntegrateRationalSymbolic, QuadraticsWhoseSignShows) {
  // 4αγ − β² = s² (an arctangent) or −s² (a logarithm), s real for every real a, b.
  expect_integral_with_parameters("1/((x+a)^2+b^2)", "atan((a + x)/b)/b");
  expect_integral_with_parameters("1/(x^2+a*x+a^2)", "2*atan((a + 2*x)/(sqrt(3)*a))/(sqrt(3)*a)");
  expect_integral_with_parameters("1/(x^2-2*a^2)",
                                  "ln(abs((x - sqrt(2)*a)/(sqrt(2)*a + x)))/(2*sqrt(2)*a)");
  expect_integral_with_parameters("1/(x^2+a^2+1)", "atan(x/sqrt(a^2 + 1))/sqrt(a^2 + 1)");
  expect_integral_with_parameters("1/(x^2+a^2+2*a*b+b^2)", "atan(x/(a + b))/(a + b)");
  expect_integral_with_parameters(
      "1/(x^2+2*a*x+a^2+b^2)^3",
      "(2*a + 2*x)/(8*b^2*(a^2 + 2*a*x + b^2 + x^2)^2) + 3*(2*a + 2*x)/(16*b^4*(a^2 + "
      "2*a*x + b^2 + x^2)) + 3*atan((a + x)/b)/(8*b^5)");
}

TEST(IntegrateRationalSymbolic, RefusalsNameTheCaseSplit) {
  const std::string split =
      " is an arctangent where a > 0 and a logarithm where a < 0, and leibniz assumes no sign "
      "for a parameter";
  expect_refused("1/(x^2+a)",
                 "leibniz found no elementary antiderivative of 1/(x^2 + a) with respect to x: "
                 "∫ dx/(x^2 + a)" +
                     split);
  expect_refused("1/(x^2+a)^2",
                 "leibniz found no elementary antiderivative of 1/(x^2 + a)^2 with respect to x: "
                 "∫ dx/(x^2 + a)" +
                     split);
  expect_refused("1/(a*x^2+b*x+c)",
                 "leibniz found no elementary antiderivative of 1/(a*x^2 + b*x + c) with respect "
                 "to x: ∫ dx/(a*x^2 + b*x + c) is an arctangent where 4*a*c - b^2 > 0 and a "
                 "logarithm where 4*a*c - b^2 < 0, and leibniz assumes no sign for a parameter");
  expect_refused("1/(x^3+a)",
                 "leibniz found no elementary antiderivative of 1/(x^3 + a) with respect to x: "
                 "x^3 + a has degree 3 in x and symbolic coefficients, and leibniz splits such "
                 "factors only of degree 1 and 2");
}

TEST(IntegrateRationalSymbolic, RecordsThePartialFractionsStep) {
  Trace trace;
  integrate(parse_text("1/((x-a)^2*(x-b))"), symbol("x"), &trace);
  const auto& steps = trace.steps();
  const auto found = std::find_if(steps.begin(), steps.end(), [](const Step& s) {
    return rule_id(s) == "partial-fractions:symbolic-partial-fractions";
  });
  ASSERT_NE(found, steps.end());
  const auto& parts = std::get<PartialFractionsParts>(found->parts);
  EXPECT_EQ(print_text(parts.denominator), "(a - x)^2*(x - b)");
  EXPECT_EQ(print_text(parts.decomposition),
            "1/((a - b)^2*(x - b)) + 1/((a - x)*(a - b)^2) + 1/((a - x)^2*(a - b))");
}

TEST(IntegrateRationalSymbolic, HighPowersOfAnIrreducibleQuadratic) {
  expect_integral_with_parameters("1/(x^2+1)^3",
                                  "x/(4*(x^2 + 1)^2) + 3*x/(4*(2*x^2 + 2)) + 3*atan(x)/8");
  // The reduction formula unrolled: one term per power, before cancel would expand
  // (x² + 1)^150 (that was refused from n ≈ 550 on).
  const Expr f = parse_text("1/(x^2 + 1)^150");
  const Expr F = integrate(f, symbol("x"));
  ASSERT_TRUE(F.is(Kind::Add));
  EXPECT_EQ(F.args().size(), 150u);
  expect_derivative_with_parameters(f, F);
}

}  // namespace
}  // namespace leibniz
