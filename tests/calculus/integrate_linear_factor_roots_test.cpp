// Roots of products of two linear factors (integrate_radical_linear_factors.cpp): written
// as roots of the factors' quotient, then rationalized by the substitution rule. Each
// answer is differentiated back numerically on every piece of the integrand's real domain
// (left and right of the roots), so an answer that held on one piece only would fail.
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>

#include "leibniz/calculus/integrate.h"
#include "leibniz/core/error.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"
#include "support/derivative_agreement.h"

namespace leibniz {
namespace {

// F′ = f at every point of each piece (each point must be in the domain).
Expr expect_integral_on_pieces(const char* integrand,
                               std::initializer_list<std::initializer_list<double>> pieces) {
  const Expr f = parse_text(integrand);
  Expr F;
  EXPECT_NO_THROW(F = integrate(f, symbol("x"))) << integrand;
  if (F.is_null()) return F;
  for (const auto& points : pieces) {
    EXPECT_EQ(testing::derivative_agreements(f, F, points, {{"a", 0.6}, {"b", -1.7}}),
              static_cast<int>(points.size()))
        << integrand << " -> " << print_text(F);
  }
  return F;
}

TEST(IntegrateLinearFactorRoots, OddRootsHoldOnTheWholeLine) {
  // Timofeev's exercises: real cube roots multiply, so one answer holds on both sides.
  EXPECT_EQ(print_text(expect_integral_on_pieces("1/((x + 1)^2*(x - 1)^4)^(1/3)",
                                                 {{-3.1, -1.6}, {-0.4, 0.3, 0.8}, {1.2, 4.5}})),
            "-3/(2*((x - 1)/(x + 1))^(1/3))");
  EXPECT_EQ(print_text(expect_integral_on_pieces("1/(x^3 - 5*x^2 + 3*x + 9)^(2/3)",
                                                 {{-4.0, -1.5}, {-0.5, 2.0}, {3.5, 7.0}})),
            "-3*((x + 1)/(x - 3))^(1/3)/4");
  expect_integral_on_pieces("1/((x + 1)^2*(x - 1)^7)^(1/3)",
                            {{-3.1, -1.6}, {-0.4, 0.8}, {1.2, 4.5}});
  expect_integral_on_pieces("1/((x - 1)^2*(x + 1))^(1/3)", {{-3.1, -1.6}, {-0.4, 0.8}, {1.2, 4.5}});
  expect_integral_on_pieces("((x - 1)^2*(x + 1))^(1/3)/x^2",
                            {{-3.1, -1.6}, {-0.4, 0.8}, {1.2, 4.5}});
  expect_integral_on_pieces("1/(x^3 - 5*x^2 + 3*x + 9)^(1/3)",
                            {{-4.0, -1.5}, {-0.5, 2.0}, {3.5, 7.0}});
  expect_integral_on_pieces("1/(x^3 - 5*x^2 + 3*x + 9)^(4/3)",
                            {{-4.0, -1.5}, {-0.5, 2.0}, {3.5, 7.0}});
  // Two roots of linear bases in one product, joined: (x − 1)^(1/3)·(x + 2)^(2/3).
  expect_integral_on_pieces("(x - 1)^(1/3)*(x + 2)^(2/3)", {{-5.0, -2.5}, {-1.5, 0.5}, {1.5, 3.0}});
  // Symbolic ends, the general case (a ≠ b), at a = 0.6, b = −1.7.
  expect_integral_on_pieces("(x - a)^(1/3)*(x - b)^(2/3)", {{-5.0, -2.5}, {-1.5, 0.5}, {1.5, 3.0}});
}

TEST(IntegrateLinearFactorRoots, EvenRootsOnBothPiecesOfTheDomain) {
  // (x − 1)³(x + 2)⁵ > 0 for x < −2 and x > 1: (x + 2)²·((x − 1)/(x + 2))^(3/4) on both.
  EXPECT_EQ(print_text(expect_integral_on_pieces("1/((x - 1)^3*(x + 2)^5)^(1/4)",
                                                 {{-6.0, -2.5}, {1.5, 4.0}})),
            "4/(3*((x + 2)/(x - 1))^(1/4))");
  expect_integral_on_pieces("(x + 1/x)/sqrt((x + 1)^3*(x - 2))", {{-6.0, -1.5}, {2.5, 5.0}});
  // A square factor comes out as an absolute value: √((x + 1)(x − 3)²) = |x − 3|·√(x + 1).
  expect_integral_on_pieces("1/sqrt(x^3 - 5*x^2 + 3*x + 9)", {{-0.5, 1.0, 2.5}, {3.5, 7.0}});
  expect_integral_on_pieces("1/(x^3 - 5*x^2 + 3*x + 9)^(3/2)", {{-0.5, 1.0, 2.5}, {3.5, 7.0}});
  // A negative constant: −(x − 1)(x + 2)³ > 0 for −2 < x < 1, σ·L₁/L₂ = (1 − x)/(x + 2).
  expect_integral_on_pieces("1/(-(x - 1)*(x + 2)^3)^(1/4)", {{-1.5, -0.3, 0.6}});
}

TEST(IntegrateLinearFactorRoots, OtherRadicandsAreNotSplit) {
  // Three linear factors, or two whose powers do not add up to a multiple of the index:
  // no linear fractional base (both are elliptic or worse).
  for (const char* integrand : {"((x - 1)*(x + 1))^(1/3)", "(x*(x - 1)*(x + 2))^(1/3)"}) {
    try {
      integrate(parse_text(integrand), symbol("x"));
      ADD_FAILURE() << integrand << " was integrated";
    } catch (const Error& error) {
      EXPECT_EQ(error.kind(), ErrorKind::Unsupported) << integrand;
      EXPECT_EQ(std::string(error.what()), "leibniz found no elementary antiderivative of " +
                                               print_text(parse_text(integrand)) +
                                               " with respect to x")
          << integrand;
    }
  }
}

}  // namespace
}  // namespace leibniz
