// Transcendental integrands of issue 12's second round: Bioche's rules with roots and
// other functions of one of sin, cos, tan; the choice among the substitutions that apply;
// products of functions of shifted arguments; absolute values of a linear argument
// (asec, acsc); exponentials of any base; parts whose v·du holds (√b)². Each answer as
// printed, and differentiated back by central differences (support/derivative_agreement.h).
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <utility>

#include "leibniz/calculus/integrate.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"
#include "support/derivative_agreement.h"

namespace leibniz {
namespace {

// Points on both sides of 0 and of ±1 (asec), parameters a = 1.3, b = 0.4.
void expect_transcendental_integral(const char* integrand, const std::string& answer) {
  const Expr f = parse_text(integrand);
  Expr F;
  ASSERT_NO_THROW(F = integrate(f, symbol("x"))) << integrand;
  EXPECT_EQ(print_text(F), answer) << integrand;
  EXPECT_GE(testing::derivative_agreements(
                f, F, {0.12, 0.31, 0.77, 0.93, 1.43, 2.6, 3.7, -0.55, -1.9, -2.8, -3.3},
                {{"a", 1.3}, {"b", 0.4}}),
            3)
      << integrand;
}

TEST(IntegrateTranscendental, BiocheWithRootsAndFunctionsOfOneOfSinCosTan) {
  // Odd in sin, the root a function of cos alone: w = cos x.
  expect_transcendental_integral("sin(x)^3*sqrt(cos(x))", "2*cos(x)^(7/2)/7 - 2*cos(x)^(3/2)/3");
  expect_transcendental_integral("cos(x)^3*sqrt(sin(x))", "2*sin(x)^(3/2)/3 - 2*sin(x)^(7/2)/7");
  expect_transcendental_integral("sinh(x)^3*sqrt(cosh(x))",
                                 "2*cosh(x)^(7/2)/7 - 2*cosh(x)^(3/2)/3");
  expect_transcendental_integral("sin(x)^3*ln(cos(x))",
                                 "cos(x) - cos(x)*ln(cos(x)) + cos(x)^3*ln(cos(x))/3 - cos(x)^3/9");
  expect_transcendental_integral(
      "sqrt(2 + 3*cos(x))*tan(x)",
      "-2*ln(abs((sqrt(3*cos(x) + 2) - sqrt(2))/(sqrt(2) + sqrt(3*cos(x) + "
      "2))))/sqrt(2) - 2*sqrt(3*cos(x) + 2)");
  // Functions of tan x alone go with w = tan x (ln(tan x)/(sin x·cos x) took the 10 s limit).
  expect_transcendental_integral("ln(tan(x))/(sin(x)*cos(x))", "ln(tan(x))^2/2");
  expect_transcendental_integral("sin(tan(x))*(1 + tan(x)^2)", "-cos(tan(x))");
  expect_transcendental_integral("sqrt(tan(x))*(1 + tan(x)^2)", "2*tan(x)^(3/2)/3");
}

TEST(IntegrateTranscendental, BiocheWithRootsOfEvenFunctions) {
  // The root holds sin x only squared: w = cos x, sin²x = 1 − w² (cos 2x = 2w² − 1).
  expect_transcendental_integral("sin(x)/cos(2*x)^(5/2)",
                                 "-(4*cos(x)^3/3 - cos(x))/(2*cos(x)^2 - 1)^(3/2)");
  expect_transcendental_integral(
      "sin(x)/(5*cos(x)^2 - 2*sin(x)^2)^(7/2)",
      "-(7*cos(x)^3/3 - 49*cos(x)^5/15 - cos(x)/2)/(7*cos(x)^2 - 2)^(5/2)");
  expect_transcendental_integral("tan(x)^(3/2)*sec(x)^4", "2*tan(x)^(9/2)/9 + 2*tan(x)^(5/2)/5");
  expect_transcendental_integral("cosh(x)/sqrt(cosh(2*x))",
                                 "ln(sqrt(2*sinh(x)^2 + 1)/sqrt(2) + sinh(x))/sqrt(2)");
}

TEST(IntegrateTranscendental, HalfIntegerPowersOfOnePlusSinOrCos) {
  // No |sin(v/2)|: the reduction formulas keep the sign, valid on every interval.
  expect_transcendental_integral("sqrt(1 + sin(2*x))", "-cos(2*x)/sqrt(sin(2*x) + 1)");
  expect_transcendental_integral("sqrt(1 - cos(x))", "-2*sin(x)/sqrt(1 - cos(x))");
  expect_transcendental_integral("1/sqrt(1 + cos(2*x))",
                                 "atanh(sin(2*x)/(sqrt(2)*sqrt(cos(2*x) + 1)))/sqrt(2)");
  expect_transcendental_integral(
      "1/(1 - cos(3*x))^(3/2)",
      "-sin(3*x)/(6*(1 - cos(3*x))^(3/2)) - atanh(sin(3*x)/(sqrt(2)*sqrt(1 "
      "- cos(3*x))))/(6*sqrt(2))");
  expect_transcendental_integral(
      "(2 + 2*cos(x))^(3/2)", "32*sin(x)/(3*sqrt(2*cos(x) + 2)) + 4*sin(x)*sqrt(2*cos(x) + 2)/3");
}

TEST(IntegrateTranscendental, TheSimplestSubstitutionWins) {
  expect_transcendental_integral("sech(x)*csch(x)", "ln(abs(tanh(x)))");
  expect_transcendental_integral("1/(sin(x)*cos(x))", "ln(abs(tan(x)))");
  expect_transcendental_integral("cos(x)^3/sin(x)^5", "-1/(4*tan(x)^4)");
  expect_transcendental_integral("cos(x)/sin(x)^3", "-1/(2*sin(x)^2)");
  expect_transcendental_integral("sin(x)^3*cos(x)", "sin(x)^4/4");
  // 1/sin u and 1/cos u are the table's csc and sec.
  expect_transcendental_integral("1/(4*sin(x/3))", "-3*ln(abs(cot(x/3) + csc(x/3)))/4");
  expect_transcendental_integral("1/cos(2*x)", "ln(abs(tan(2*x) + sec(2*x)))/2");
}

TEST(IntegrateTranscendental, ShiftedArguments) {
  expect_transcendental_integral("tan(x)*tan(x - a)",
                                 "(ln(abs(cos(x - a))) - x*tan(a) - ln(abs(cos(x))))/tan(a)");
  expect_transcendental_integral("cot(x)*cot(x + a)",
                                 "cot(a)*ln(abs(sin(x))) - x - cot(a)*ln(abs(sin(a + x)))");
  expect_transcendental_integral("1/(sin(x)*sin(x + a))",
                                 "(ln(abs(sin(x))) - ln(abs(sin(a + x))))/sin(a)");
  expect_transcendental_integral("1/(cos(x + a)*cos(x + b))",
                                 "(ln(abs(cos(b + x))) - ln(abs(cos(a + x))))/sin(a - b)");
  expect_transcendental_integral("1/(sin(x + a)*cos(x + b))",
                                 "(ln(abs(sin(a + x))) - ln(abs(cos(b + x))))/cos(b - a)");
}

TEST(IntegrateTranscendental, AbsoluteValuesOfALinearArgument) {
  // asec′ = 1/(|x|·√(x² − 1)): one answer for x < −1 and x > 1.
  expect_transcendental_integral("x*asec(x)", "x^2*asec(x)/2 - abs(x)*sqrt(x^2 - 1)/(2*x)");
  expect_transcendental_integral("x*acsc(x)", "x^2*acsc(x)/2 + abs(x)*sqrt(x^2 - 1)/(2*x)");
  expect_transcendental_integral("asec(x)/x^2", "sqrt(x^2 - 1)/abs(x) - asec(x)/x");
  expect_transcendental_integral("asec(x)/(x^2*sqrt(x^2 - 1))",
                                 "1/abs(x) + asec(x)*sqrt(x^2 - 1)/x");
  // Continuous at the zero of the argument, as the integrand is.
  expect_transcendental_integral("x*abs(x - 1)",
                                 "x^2*abs(x - 1)/3 - x*abs(x - 1)/6 - abs(x - 1)/6");
  expect_transcendental_integral("sin(abs(x))", "(x - x*cos(abs(x)))/abs(x)");
}

// Parts meets |x| again in v·du of its own answers here; the signs σ it may take are
// bounded, so these end (they ran into the 10 s limit), each answer agreeing on both sides.
TEST(IntegrateTranscendental, RepeatedAbsoluteValuesStayBounded) {
  for (const char* integrand : {"asec(x)^2/x^3", "asec(x)^4/x^5", "acsc(x)*(x^2 - 1)^(5/2)/x^3",
                                "asec(x)^2*(x^2 - 1)^(3/2)/x^5"}) {
    const Expr f = parse_text(integrand);
    Expr F;
    ASSERT_NO_THROW(F = integrate(f, symbol("x"))) << integrand;
    EXPECT_GE(testing::derivative_agreements(f, F, {1.43, 2.6, 3.7, -1.9, -2.8, -3.3}, {}), 6)
        << integrand;
  }
}

TEST(IntegrateTranscendental, ExponentialsOfAnyBase) {
  expect_transcendental_integral("1/(1 + 2^x)", "x - ln(2^x + 1)/ln(2)");
  expect_transcendental_integral("2^x/(4^x + 1)", "atan(2^x)/ln(2)");
  expect_transcendental_integral("1/sqrt(a^(2*x) - 1)", "atan(sqrt(a^(2*x) - 1))/ln(a)");
  expect_transcendental_integral("1/(e^(a*x) + 1)", "x - ln(e^(a*x) + 1)/a");
  // The exponentials cancel once cosh and sinh are written with them.
  expect_transcendental_integral("e^x/(cosh(x) + sinh(x))", "x");
}

TEST(IntegrateTranscendental, ExponentialTimesFPlusItsDerivative) {
  // ∫ eˣ·(f + f′) = eˣ·f: parts with dv = eˣ on one term cancels the other.
  expect_transcendental_integral("e^x*((1 + sin(x))/(1 + cos(x)))", "sin(x)*e^x/(cos(x) + 1)");
  expect_transcendental_integral("e^x*((1 - sin(x))/(1 - cos(x)))", "sin(x)*e^x/(cos(x) - 1)");
  expect_transcendental_integral("e^x*((1 + cos(x))/(1 - sin(x)))", "-cos(x)*e^x/(sin(x) - 1)");
}

TEST(IntegrateTranscendental, PartsWithSquaredRootsInTheRest) {
  expect_transcendental_integral("x*acos(x)*sqrt(1 - x^2)",
                                 "x^3/9 - x/3 - acos(x)*(1 - x^2)^(3/2)/3");
  expect_transcendental_integral("x*asin(x)/(1 - x^2)^(3/2)",
                                 "asin(x)/sqrt(1 - x^2) - ln(abs(x + 1))/2 + ln(abs(x - 1))/2");
}

}  // namespace
}  // namespace leibniz
