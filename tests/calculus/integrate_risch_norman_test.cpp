// The Risch–Norman method (integrate_risch_norman.cpp): integrands of exponentials,
// logarithms, tan, atan, sin and cos of towers that no rule integrates (each answer as
// printed and differentiated back), Bronstein's pmint examples through the method itself,
// its step, and integrands where its guess fails and leibniz says it found none.
#include <gtest/gtest.h>

#include <string>

#include "leibniz/calculus/integrate.h"
#include "leibniz/calculus/integrate_rules.h"
#include "leibniz/calculus/steps.h"
#include "leibniz/core/error.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"
#include "support/derivative_agreement.h"

namespace leibniz {
namespace {

constexpr std::initializer_list<double> kPoints = {0.31, 0.77, 1.43, 2.6, 3.7, 4.9, 7.3};

void expect_risch_norman_integral(const char* integrand, const std::string& answer) {
  const Expr f = parse_text(integrand);
  Expr F;
  ASSERT_NO_THROW(F = integrate(f, symbol("x"))) << integrand;
  EXPECT_EQ(print_text(F), answer) << integrand;
  EXPECT_GE(testing::derivative_agreements(f, F, kPoints, {}), 5) << integrand;
}

// The method alone, on an integrand the rules may also integrate.
Expr method_alone(const char* integrand) {
  integration::Integrator in(symbol("x"), nullptr);
  return integration::risch_norman_rule(in, parse_text(integrand));
}

void expect_none_found(const char* integrand) {
  try {
    integrate(parse_text(integrand), symbol("x"));
    ADD_FAILURE() << integrand << " did not throw";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::Unsupported) << integrand;
    EXPECT_EQ(std::string(error.what()), "leibniz found no elementary antiderivative of " +
                                             print_text(parse_text(integrand)) +
                                             " with respect to x");
  }
}

TEST(IntegrateRischNorman, TowersNoRuleIntegrates) {
  // Bronstein's pmint: u = x + ln x + eˣ, the integrand u′/u − u′/u².
  expect_risch_norman_integral("(1+x+x*e^x)*(x+ln(x)+e^x-1)/((x+ln(x)+e^x)^2*x)",
                               "ln(abs(x + ln(x) + e^x)) + 1/(x + ln(x) + e^x)");
  expect_risch_norman_integral("((x+e^x)/x - ln(x)*(1+e^x))/(x+e^x)^2", "ln(x)/(x + e^x)");
  expect_risch_norman_integral("e^x*(x-1)/(e^x+x)^2", "e^x/(x + e^x)");
  // A factor free of x stands aside; e^(x + 1) is one kernel.
  expect_risch_norman_integral("sin(1)*e^(x+1)*(x-1)/(e^(x+1)+x)^2",
                               "sin(1)*e^(x + 1)/(x + e^(x + 1))");
  expect_risch_norman_integral("(x/(1+x^2) - atan(x))/(x + atan(x))^2", "atan(x)/(x + atan(x))");
  expect_risch_norman_integral("(tan(x) - x - x*tan(x)^2)/(x + tan(x))^2", "-tan(x)/(x + tan(x))");
}

TEST(IntegrateRischNorman, SinAndCosThroughTheHalfAngleWrittenBack) {
  // Solved in t = tan(x/2), written back: 2t/(1 + t²) = sin x.
  expect_risch_norman_integral("(x*cos(x) - sin(x))/(x - sin(x))^2", "-sin(x)/(sin(x) - x)");
  // Timofeev's: the denominator's square root is the candidate's denominator.
  expect_risch_norman_integral("(x/(x*cos(x) - sin(x)))^2",
                               "(x*sin(x) + cos(x))/(x*cos(x) - sin(x))");
  // sin 2x and sin x share t = tan(x/2) (de Moivre: sin 2x = 4t·(1 − t²)/(1 + t²)²).
  expect_risch_norman_integral("(2*x + sin(2*x))/(x*sin(x) + cos(x))^2",
                               "-2*cos(x)/(x*sin(x) + cos(x))");
  expect_risch_norman_integral("(1 + cos(2*x))/(x + sin(x)*cos(x))", "ln(abs(x + cos(x)*sin(x)))");
}

TEST(IntegrateRischNorman, HyperbolicFunctionsThroughExponentials) {
  // cosh x = (eˣ + e⁻ˣ)/2, the answer found in eˣ and written back in cosh x.
  expect_risch_norman_integral("(cosh(x) - x*sinh(x))/(cosh(x) + x)^2", "-cosh(x)/(x + cosh(x))");
  // Timofeev's; e^x and e^(-x) are θ and 1/θ.
  expect_risch_norman_integral("x/(e^x + e^(-x))^2",
                               "x*e^(2*x)/(2*(e^(2*x) + 1)) - ln(e^(2*x) + 1)/4");
}

TEST(IntegrateRischNorman, PmintExamplesThroughTheMethodAlone) {
  // pmint's (x − tan x)/tan²x + tan x, which the rules integrate too.
  const char* tan_example = "(x - tan(x))/tan(x)^2 + tan(x)";
  const Expr F = method_alone(tan_example);
  ASSERT_FALSE(F.is_null());
  EXPECT_GE(testing::derivative_agreements(parse_text(tan_example), F, kPoints, {}), 5);
  const char* log_example = "(1 + ln(x) + ln(x)^2)/(1 + ln(x))^2";
  const Expr G = method_alone(log_example);
  ASSERT_FALSE(G.is_null());
  EXPECT_GE(testing::derivative_agreements(parse_text(log_example), G, kPoints, {}), 5);
}

TEST(IntegrateRischNorman, StepNamesTheGuess) {
  Trace trace;
  integrate(parse_text("e^x*(x-1)/(e^x+x)^2"), symbol("x"), &trace);
  ASSERT_FALSE(trace.steps().empty());
  const Step& step = trace.steps()[0];
  EXPECT_EQ(rule_id(step), "rewrite:risch-norman");
  EXPECT_NE(rule_text(step).find("we guess the antiderivative has the form A/C"),
            std::string::npos);
  const auto parts = named_parts(step);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].first, "rewritten");
  EXPECT_EQ(print_text(parts[0].second), "A/(x + e^x) + c1*ln(abs(x + e^x))");
  EXPECT_EQ(parts[1].first, "R");
  EXPECT_EQ(print_text(parts[1].second), "e^x/(x + e^x)");
}

TEST(IntegrateRischNorman, GivesUpWhenTheGuessFails) {
  // Non-elementary, or past the guess: refused quickly, with no claim of a proof.
  expect_none_found("sin(x)/x");
  expect_none_found("1/ln(x)");
  expect_none_found("x*sin(x)/(x + cos(x))^2");
  expect_none_found("tanh(x)/(x + cosh(x))");
  expect_none_found("e^x*ln(x)*tan(x)*atan(x)/(x + e^x + ln(x))");
  expect_none_found("ln(x)^3*e^(3*x)*tan(x)^2/(1 + x^2 + e^x)^2");
  // Out of the method's reach: roots, parameters.
  EXPECT_TRUE(method_alone("sqrt(x)*e^x").is_null());
  EXPECT_TRUE(method_alone("e^(a*x)*ln(x)").is_null());
  // A rational function is the rational rules' case.
  EXPECT_TRUE(method_alone("1/(x^3 + x + 1)").is_null());
}

}  // namespace
}  // namespace leibniz
