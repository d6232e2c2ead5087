// Algebraic integrands (issue 12): the substitution u = xⁿ (integrate_substitution_monomial.cpp,
// Chebyshev's second case for binomials) and square roots of quadratics with any
// coefficients or with xᵐ and a power of the root together (integrate_radical_general.cpp).
// Each answer printed and differentiated back numerically, parameters at a = ±1.3 (the
// answers must hold for either sign), b = −0.7; refusals name the case split.
#include <gtest/gtest.h>

#include <string>

#include "leibniz/calculus/integrate.h"
#include "leibniz/core/error.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"
#include "support/derivative_agreement.h"

namespace leibniz {
namespace {

// F′ = f at the points where both are defined, for a = 1.3 and for a = −1.3.
void expect_derivative_for_both_signs_of_a(const Expr& f, const Expr& F) {
  for (double a : {1.3, -1.3}) {
    EXPECT_GE(testing::derivative_agreements(
                  f, F, {0.12, 0.31, 0.77, 0.93, 1.43, 2.6, 3.7, -0.55, -1.1, -1.9, -2.8},
                  {{"a", a}, {"b", -0.7}}),
              3)
        << print_text(F) << " at a = " << a;
  }
}

void expect_algebraic_integral(const char* integrand, const std::string& answer) {
  const Expr f = parse_text(integrand);
  Expr F;
  ASSERT_NO_THROW(F = integrate(f, symbol("x"))) << integrand;
  EXPECT_EQ(print_text(F), answer) << integrand;
  expect_derivative_for_both_signs_of_a(f, F);
}

void expect_algebraic_refusal(const char* integrand, const std::string& message) {
  try {
    integrate(parse_text(integrand), symbol("x"));
    ADD_FAILURE() << integrand << " was integrated";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::Unsupported) << integrand;
    EXPECT_EQ(std::string(error.what()), message) << integrand;
  }
}

TEST(IntegrateAlgebraic, MonomialSubstitution) {
  // Binomials x^m·(a + b·xⁿ)^p with (m + 1)/n an integer: u = xⁿ leaves a linear base.
  expect_algebraic_integral("1/(x*sqrt(1 + x^3))",
                            "ln(abs(sqrt(x^3 + 1) - 1))/3 - ln(sqrt(x^3 + 1) + 1)/3");
  expect_algebraic_integral("x^5/sqrt(1 - x^3)", "2*(1 - x^3)^(3/2)/9 - 2*sqrt(1 - x^3)/3");
  expect_algebraic_integral("x^3/(1 + x^2)^(1/3)", "3*(x^2 + 1)^(5/3)/10 - 3*(x^2 + 1)^(2/3)/4");
  expect_algebraic_integral(
      "1/(x*(1 + x^4)^(1/4))",
      "ln(abs((x^4 + 1)^(1/4) - 1))/4 + atan((x^4 + 1)^(1/4))/2 - ln((x^4 + 1)^(1/4) "
      "+ 1)/4");
  expect_algebraic_integral("x/sqrt(x^4 + 1)", "ln(x^2 + sqrt(x^4 + 1))/2");
  // Not only binomials: any f(xⁿ) with x^(n−1) beside it.
  expect_algebraic_integral("x^5*e^(x^2)", "x^4*e^(x^2)/2 - x^2*e^(x^2) + e^(x^2)");
  expect_algebraic_integral("x^5/e^(x^3)", "-x^3*e^(-x^3)/3 - e^(-x^3)/3");
  expect_algebraic_integral("x^4/sqrt(x^10 - 2)", "ln(abs(x^5 + sqrt(x^10 - 2)))/5");
  expect_algebraic_integral("x/(1 - x^2 + sqrt(1 - x^2))", "-ln(sqrt(1 - x^2) + 1)");
}

TEST(IntegrateAlgebraic, SymbolicQuadraticRadicals) {
  // Forms that hold for either sign of a: atan(x/√(a² − x²)), not asin(x/a).
  expect_algebraic_integral("sqrt(a^2 - x^2)",
                            "a^2*atan(x/sqrt(a^2 - x^2))/2 + x*sqrt(a^2 - x^2)/2");
  expect_algebraic_integral("1/sqrt(a^2 - x^2)", "atan(x/sqrt(a^2 - x^2))");
  expect_algebraic_integral("x^2*sqrt(a^2 - x^2)",
                            "a^4*atan(x/sqrt(a^2 - x^2))/8 + (x^3/4 - a^2*x/8)*sqrt(a^2 - x^2)");
  expect_algebraic_integral("sqrt(x^2 + a^2)",
                            "a^2*ln(abs(x + sqrt(a^2 + x^2)))/2 + x*sqrt(a^2 + x^2)/2");
  expect_algebraic_integral("1/sqrt(x^2 + a)", "ln(abs(x + sqrt(x^2 + a)))");
  expect_algebraic_integral("1/sqrt(1 - a^2*x^2)", "atan(a*x/sqrt(1 - a^2*x^2))/a");
  expect_algebraic_integral("x^2/(a^2 - x^2)^(3/2)", "x/sqrt(a^2 - x^2) - atan(x/sqrt(a^2 - x^2))");
  expect_algebraic_integral("1/(x^2 + a^2)^(3/2)", "x/(a^2*sqrt(a^2 + x^2))");
  expect_algebraic_integral("sqrt(x^2 - a^2)/x^4", "(x^2/(3*a^2) - 1/3)*sqrt(x^2 - a^2)/x^3");
  expect_algebraic_integral("1/(x^2*sqrt(a^2 + x^2))", "-sqrt(a^2 + x^2)/(a^2*x)");
  expect_algebraic_integral("1/(x*sqrt(a^2 - x^2))", "-ln(abs((a + sqrt(a^2 - x^2))/x))/a");
  expect_algebraic_integral("1/(x*sqrt(x^2 - a^2))", "-atan(a/sqrt(x^2 - a^2))/a");
  // After u = x²: ∫ du/(2·√(a⁴ − u²)).
  expect_algebraic_integral("x/sqrt(a^4 - x^4)", "atan(x^2/sqrt(a^4 - x^4))/2");
}

TEST(IntegrateAlgebraic, PowersOfXAndOfTheRootTogether) {
  // Chebyshev's third case for n = 2, (m + 1)/2 + p an integer.
  expect_algebraic_integral("1/(x^2*(1 + x^2)^(3/2))", "(-2*x^2 - 1)/(x*sqrt(x^2 + 1))");
  expect_algebraic_integral("1/(x^2*(4 - x^2)^(3/2))", "(x^2/8 - 1/4)/(x*sqrt(4 - x^2))");
  // q(0) = 0 after the shift x = t + 2: ∫ dt/(t·√(−t² − 3t)) is algebraic.
  expect_algebraic_integral("1/((x - 2)*sqrt(2 + x - x^2))", "2*sqrt(x - x^2 + 2)/(3*(x - 2))");
  expect_algebraic_integral("1/(x^2*sqrt(x^2 + 2*x))", "(x/3 - 1/3)*sqrt(x^2 + 2*x)/x^2");
}

TEST(IntegrateAlgebraic, ConjugateOfADenominatorWithRoots) {
  expect_algebraic_integral("1/(sqrt(x) + sqrt(1 + x))", "2*(x + 1)^(3/2)/3 - 2*x^(3/2)/3");
  expect_algebraic_integral("1/(sqrt(x + 1) - sqrt(x - 1))", "(x - 1)^(3/2)/3 + (x + 1)^(3/2)/3");
  expect_algebraic_integral("1/(x + sqrt(x^2 + 1))",
                            "x*sqrt(x^2 + 1)/2 - x^2/2 + ln(x + sqrt(x^2 + 1))/2");
  expect_algebraic_integral("1/(1 + sqrt(x^2 + 1))",
                            "ln(x + sqrt(x^2 + 1)) + 1/x - sqrt(x^2 + 1)/x");
  // (√(x² − 1))² = x² − 1 where the integrand is defined.
  expect_algebraic_integral("x/(x + sqrt(x^2 - 1))", "x^3/3 - (x^2 - 1)^(3/2)/3");
  // Two roots: one conjugate leaves 2 + 2·√(x + 1), a second one none.
  expect_algebraic_integral(
      "1/(1 + sqrt(x) + sqrt(x + 1))",
      "x/2 + sqrt(x) - sqrt(x^2 + x)/2 - ln(abs(x + sqrt(x^2 + x) + 1/2))/4 + 1/2");
  // Odd powers of square roots combine too: x^(3/2)·√(x + 1) = x·√(x² + x).
  expect_algebraic_integral(
      "x^(3/2)*sqrt(x + 1)",
      "sqrt(x^2 + x)*(x^2/3 + x/12 - 1/8) + ln(abs(x + sqrt(x^2 + x) + 1/2))/16");
}

// F′ = f, F not printed: Euler's answers are long, their form is not the point.
void expect_algebraic_integrable(const char* integrand) {
  const Expr f = parse_text(integrand);
  Expr F;
  ASSERT_NO_THROW(F = integrate(f, symbol("x"))) << integrand;
  expect_derivative_for_both_signs_of_a(f, F);
}

TEST(IntegrateAlgebraic, EulerSubstitutions) {
  // R(x²)/√(a + b·x²) goes to Chebyshev's s = x/√q first (rational in s, shorter than
  // Euler's t = √q + x or t = √q/(x + 1) gave: atan(x + √(x² + 2) − 1) − atan(x + √(x² + 2) + 1)).
  expect_algebraic_integral("1/((x^2 + 1)*sqrt(x^2 + 2))", "atan(x/sqrt(x^2 + 2))");
  expect_algebraic_integral("1/((x^2 + 4)*sqrt(1 - x^2))",
                            "atan(5*x/(2*sqrt(5)*sqrt(1 - x^2)))/(2*sqrt(5))");
  for (const char* integrand :
       {"1/((x^2 + 4)*sqrt(4*x^2 + 1))", "x/((x^2 - 1)*sqrt(x^2 + 2*x + 4))",
        "(x + 3)/((x^2 + 1)*sqrt(x^2 + x + 1))", "sqrt(1 + x^2)/(2 + x^2)",
        "1/((2 + x^2)^2*sqrt(1 + x^2))", "(x^4 + 1)/((x^2 + x + 1)*sqrt(x^2 + x + 2))",
        // No rational root, A not a square: at the point x = 1, where q = 1.
        "(x - 2)/((5*x^2 - 18*x + 17)*sqrt(10*x^2 - 22*x + 13))", "1/(1 + sqrt(1 - 2*x - x^2))",
        "(a*x + 1)/((x^2 - 1)*sqrt(x^2 + 2*x))"}) {
    expect_algebraic_integrable(integrand);
  }
}

TEST(IntegrateAlgebraic, EulerSubstitutionUnderANestedRoot) {
  // t = x + √(x² + 1) makes √(x + √(x² + 1)) = √t: ∫ √t·(t² + 1)/(2t²) dt.
  expect_algebraic_integral("sqrt(x + sqrt(x^2 + 1))",
                            "(x + sqrt(x^2 + 1))^(3/2)/3 - 1/sqrt(x + sqrt(x^2 + 1))");
  expect_algebraic_integral("1/sqrt(x + sqrt(x^2 + 1))",
                            "sqrt(x + sqrt(x^2 + 1)) - 1/(3*(x + sqrt(x^2 + 1))^(3/2))");
  expect_algebraic_integrable("1/((1 + x^2)*sqrt(x + sqrt(1 + x^2)))");
  // x − √(x² − 1) = 1/t: the substitution rule takes roots of 1/(c·t + d) as well.
  expect_algebraic_integral("sqrt(x - sqrt(x^2 - 1))",
                            "(1/(x + sqrt(x^2 - 1)))^(3/2)/3 + 1/sqrt(1/(x + sqrt(x^2 - 1)))");
  expect_algebraic_integral("x*sqrt(1/(x + 1))", "2/(3*(1/(x + 1))^(3/2)) - 2/sqrt(1/(x + 1))");
}

TEST(IntegrateAlgebraic, ChebyshevThirdCase) {
  // s = x/(a + b·xⁿ)^(1/n) when (m + 1 + r)/n is an integer.
  expect_algebraic_integral("(x^5 - 2)^2/((x^5 + 3)^3*(x^5 + 3)^(1/5))",
                            "25*x^11/(297*(x^5 + 3)^(11/5)) - 10*x^6/(81*(x^5 + 3)^(6/5)) + "
                            "4*x/(27*(x^5 + 3)^(1/5))");
  for (const char* integrand :
       {"(3 + 4*x^4)^(1/4)/x^2", "x^2*(3 + 4*x^4)^(5/4)", "x^6*(3 + 4*x^4)^(1/4)",
        "(x^3 - 1)/(x^3 + 2)^(1/3)", "1/(1 + x^3)^(1/3)", "1/(x^2*(a + x^4)^(3/4))",
        // A rational function R(xⁿ) beside the root (Timofeev): xⁿ = a·sⁿ/(1 − b·sⁿ).
        "1/((x^4 + 1)*(x^4 + 2)^(1/4))", "(x^4 + 1)^(3/4)/(x^4 + 2)^2",
        "1/((x^3 - 1)*(x^3 + 2)^(1/3))",
        // a < 0 under an even root: x = s·(a/(1 − b·sⁿ))^(1/n), never √a alone.
        "x^2/((x^2 - 6)*sqrt(x^2 - 2))", "1/((x^4 - 2)*(x^4 - 1)^(1/4))"}) {
    expect_algebraic_integrable(integrand);
  }
  // ∫ dx/((x³ − 1)·(x³ + 2)^(1/3)) = ∫ ds/(3s³ − 1), s = x/(x³ + 2)^(1/3).
  expect_algebraic_integral(
      "1/((x^3 - 1)*(x^3 + 2)^(1/3))",
      "ln(abs(x/(x^3 + 2)^(1/3) - 9^(1/3)/3))/9^(2/3) - ln(x^2/(x^3 + 2)^(2/3) + 9^(1/3)*x/(3*(x^3 "
      "+ 2)^(1/3)) + 9^(2/3)/9)/(2*9^(2/3)) - 3*atan(6*x/(sqrt(3)*9^(1/3)*(x^3 + 2)^(1/3)) + "
      "1/sqrt(3))/(9^(2/3)*sqrt(3))");
}

TEST(IntegrateAlgebraic, ScalingOfAHomogeneousRationalFunction) {
  // x = a·t: ∫ x/(x⁴ + a⁴) dx = ∫ t/(t⁴ + 1) dt/a².
  expect_algebraic_integral("x/(a^4 + x^4)", "atan(x^2/a^2)/(2*a^2)");
  expect_algebraic_integral(
      "x^2/(a^4 + x^4)",
      "(ln((a^2 - sqrt(2)*a*x + x^2)/(a^2 + sqrt(2)*a*x + x^2))/(4*sqrt(2)) + (atan(sqrt(2)*x/a "
      "- 1) + atan(sqrt(2)*x/a + 1))/(2*sqrt(2)))/a");
  for (const char* integrand : {"1/(a^5 + x^5)", "1/(x*(a^4 + x^4)^3)", "1/(x^2*(a^4 + x^4)^3)",
                                "x^13/(a^4 + x^4)^5", "1/(x^3 - a^3)"}) {
    expect_algebraic_integrable(integrand);
  }
}

TEST(IntegrateAlgebraic, RefusalsNameTheSignSplit) {
  expect_algebraic_refusal(
      "sqrt(a*x^2 + b)",
      "leibniz found no elementary antiderivative of sqrt(a*x^2 + b) with respect to "
      "x: ∫ dx/√(a*x^2 + b) is an arcsine where a < 0 and a logarithm where a > 0, "
      "and leibniz assumes no sign for a parameter");
}

}  // namespace
}  // namespace leibniz
