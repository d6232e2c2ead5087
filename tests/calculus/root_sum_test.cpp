// Sums over the roots of a polynomial (expr/root_sum.h): the canonical node, its printed
// forms read back, its derivative, and its values in doubles and in MPFR against an
// independent evaluation: the integral of its derivative by quadrature.
#include "leibniz/expr/root_sum.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>

#include "leibniz/calculus/diff.h"
#include "leibniz/calculus/integrate.h"
#include "leibniz/core/error.h"
#include "leibniz/eval/precise.h"
#include "leibniz/eval/program.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/parse_latex.h"
#include "leibniz/expr/print.h"

namespace leibniz {
namespace {

Expr root_sum_d(const Expr& e, const Expr& var) { return derivative(e, std::span(&var, 1)); }

QPoly integers(std::initializer_list<long> values) {
  std::vector<Number> out;
  for (long v : values) out.push_back(Number(v));
  return to_qpoly(out);
}

TEST(RootSum, TheNodeIsCanonical) {
  const Expr x = symbol("x");
  // 2·(t³ − t + 1) has the same roots; c is reduced modulo P.
  const Expr a = root_sum(integers({2, -2, 0, 2}), integers({0, 1}), x);
  const Expr b = root_sum(integers({1, -1, 0, 1}), integers({1, 0, 0, 1}), x);
  EXPECT_EQ(a, b);
  EXPECT_EQ(print_text(a), "rootsum(t^3 - t + 1, t, t*ln(x - t))");
  // c's rational factor stands outside: 2·Σ c and Σ 2·c are one expression.
  const Expr doubled = root_sum(integers({1, -1, 0, 1}), integers({0, -2}), x);
  EXPECT_EQ(doubled, mul(integer(-2), a));
  EXPECT_EQ(print_text(doubled), "-2*rootsum(t^3 - t + 1, t, t*ln(x - t))");
  EXPECT_EQ(parse_text("rootsum(t^3 - t + 1, t, -2*t*ln(x - t))"), doubled);
  // c = 0 mod P: nothing; P of degree 1: its one real root.
  EXPECT_EQ(root_sum(integers({1, -1, 0, 1}), integers({1, -1, 0, 1}), x), integer(0));
  EXPECT_EQ(print_text(root_sum(integers({-2, 1}), integers({3}), x)), "3*ln(abs(x - 2))");
  // The variable's name t is taken: the roots are named s.
  EXPECT_EQ(print_text(root_sum(integers({1, -1, 0, 1}), integers({0, 1}), symbol("t"))),
            "rootsum(s^3 - s + 1, s, s*ln(t - s))");
}

TEST(RootSum, RefusesWhatIsNoSumOverDistinctRoots) {
  const Expr x = symbol("x");
  auto refusal = [&x](const QPoly& polynomial, ErrorKind kind) {
    try {
      root_sum(polynomial, integers({1}), x);
    } catch (const Error& error) {
      EXPECT_EQ(error.kind(), kind);
      return std::string(error.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(refusal(integers({1, 2, 1}), ErrorKind::Domain),
            "a root sum runs over distinct roots: t^2 + 2*t + 1 has a repeated root");
  EXPECT_EQ(refusal(integers({5}), ErrorKind::Domain), "a root sum needs a polynomial with roots");
  const std::string beyond =
      "a root sum runs over at most 64 roots of a polynomial whose coefficients have at most "
      "2048 bits";
  QPoly high;
  fmpq_poly_set_coeff_si(high.raw(), kMaxRootSumDegree + 1, 1);
  fmpq_poly_set_coeff_si(high.raw(), 0, 1);
  EXPECT_EQ(refusal(high, ErrorKind::Limit), beyond);
  QPoly wide = integers({1, 0, 1});
  const mpq_class huge(mpz_class(1) << 3000);
  fmpq_poly_set_coeff_mpq(wide.raw(), 1, huge.get_mpq_t());
  EXPECT_FALSE(root_sum_in_reach(wide));
  EXPECT_EQ(refusal(wide, ErrorKind::Limit), beyond);
  // A common factor does not count: 2^3000·(t² + 1) is t² + 1.
  QPoly scaled;
  fmpq_poly_scalar_mul_mpq(scaled.raw(), integers({1, 0, 1}).raw(), huge.get_mpq_t());
  EXPECT_TRUE(root_sum_in_reach(scaled));
}

TEST(RootSum, EveryPrintedFormReadsBack) {
  const Expr sums[] = {
      parse_text("rootsum(t^3 - t + 1, t, ln(x - t)*(4 - 6*t^2 - 9*t)/23)"),
      parse_text("rootsum(t^5 - t + 1, t, ln(e^x + y - t)*(t^4 + 1/2))"),
      parse_text("rootsum(z^4 + z + 1, z, -ln(sin(x) - z)*z/3)"),
  };
  for (const Expr& e : sums) {
    ASSERT_NE(print_text(e).find("rootsum"), std::string::npos) << print_text(e);
    EXPECT_EQ(parse_text(print_text(e)), e) << print_text(e);
    EXPECT_EQ(parse_text(print_unicode(e)), e) << print_unicode(e);
    EXPECT_EQ(parse_latex(print_latex(e), root_sum_d), e) << print_latex(e);
  }
  EXPECT_EQ(print_latex(sums[0]),
            "-\\frac{\\operatorname{rootsum}\\left(t^{3} - t + 1, t, \\ln\\left(x - t\\right) "
            "\\left(6 t^{2} + 9 t - 4\\right)\\right)}{23}");
}

TEST(RootSum, MalformedSumsAreParseErrorsAtTheirPlace) {
  auto message = [](const char* text) {
    try {
      parse_text(text);
    } catch (const Error& error) {
      EXPECT_EQ(error.kind(), ErrorKind::Parse) << text;
      EXPECT_EQ(error.pos(), std::optional<std::size_t>(4)) << text;
      return std::string(error.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message("1 + rootsum(t^3 - t + 1, t)"),
            "'rootsum' takes 3 arguments, not 2: rootsum(P(t), t, c(t)*ln(u - t))");
  EXPECT_EQ(message("1 + rootsum(t^3 - t + 1, 2, ln(x - t))"),
            "the second argument of 'rootsum' names the variable the roots are taken in: "
            "rootsum(P(t), t, c(t)*ln(u - t))");
  EXPECT_EQ(message("1 + rootsum(sin(t), t, ln(x - t))"),
            "the first argument of 'rootsum' is a polynomial in t of degree 1 to 64 with "
            "rational coefficients");
  const std::string summand =
      "the summand of 'rootsum' is a polynomial in t with rational coefficients times ln(u - "
      "t), u free of t: rootsum(P(t), t, c(t)*ln(u - t))";
  EXPECT_EQ(message("1 + rootsum(t^3 - t + 1, t, ln(x + t))"), summand);
  EXPECT_EQ(message("1 + rootsum(t^3 - t + 1, t, y*ln(x - t))"), summand);
  EXPECT_EQ(message("1 + rootsum(t^3 - t + 1, t, t^2)"), summand);
  EXPECT_EQ(message("1 + rootsum(t^2 - 2*t + 1, t, ln(x - t))"),
            "a root sum runs over distinct roots: t^2 - 2*t + 1 has a repeated root");
}

// The derivative is Σ c(α)/(u − α) = N(u)/P(u), and the values agree with it: the
// difference of values at two points is the integral of the derivative between them.
TEST(RootSum, DerivativeAndValuesAgree) {
  const Expr x = symbol("x");
  const Expr F = parse_text("rootsum(t^5 - t + 1, t, ln(x - t)*(t^3 + 2*t - 1/3))");
  const Expr f = root_sum_d(F, x);
  EXPECT_EQ(f.is(Kind::RootSum), false);
  const Program value(F, std::span(&x, 1)), slope(f, std::span(&x, 1));
  // x⁵ − x + 1 has one real root, near −1.1673: stay on one side of it.
  for (const auto& [a, b] : {std::pair{0.0, 2.0}, {-0.5, 3.0}, {-4.0, -2.0}}) {
    double integral = 0;  // Simpson's rule, 2000 panels
    const int n = 2000;
    const double h = (b - a) / n;
    for (int i = 0; i <= n; ++i) {
      const double w = i == 0 || i == n ? 1 : (i % 2 ? 4 : 2);
      integral += w * slope.run(std::array{a + i * h});
    }
    integral *= h / 3;
    EXPECT_NEAR(value.run(std::array{b}) - value.run(std::array{a}), integral, 1e-9)
        << a << " to " << b;
  }
  // MPFR agrees with doubles, with an error bound far below them.
  for (double at : {-3.0, 0.25, 1.0, 7.5}) {
    const precise::SideValue v = precise::evaluate_side(F, std::span(&x, 1), std::array{at});
    ASSERT_TRUE(v.defined());
    EXPECT_NEAR(v.high->to_double(), value.run(std::array{at}), 1e-12) << at;
    EXPECT_LT(v.error, 1e-60L);
  }
}

TEST(RootSum, UndefinedAtARealRoot) {
  const Expr x = symbol("x");
  const Expr F = parse_text("rootsum(t^3 - 2, t, ln(x - t))");
  EXPECT_TRUE(precise::evaluate_side(F, std::span(&x, 1), std::array{0.0}).defined());
  const Expr G = parse_text("rootsum(t^2 - 1, t, t*ln(x - t))");  // ±1: ln|x − 1| + ... at 1
  EXPECT_FALSE(precise::evaluate_side(G, std::span(&x, 1), std::array{1.0}).defined());
  EXPECT_THROW(Program(G, std::span(&x, 1)).run(std::array{1.0}), Error);
}

// The integrator's answers differentiate back to the integrand, and its definite
// integrals through them agree with quadrature.
TEST(RootSum, AntiderivativesDifferentiateBack) {
  const Expr x = symbol("x");
  for (const char* integrand :
       {"1/(x^3 - x + 1)", "x^2/(x^5 - x + 1)", "(x^3 + 2)/(x^4 + x + 1)", "1/(x^6 + x + 1)"}) {
    const Expr f = parse_text(integrand);
    const Expr F = integrate(f, x);
    EXPECT_NE(print_text(F).find("rootsum"), std::string::npos) << print_text(F);
    const Program slope(root_sum_d(F, x), std::span(&x, 1)), exact(f, std::span(&x, 1));
    for (double at : {-2.5, -0.3, 0.0, 0.7, 4.0}) {
      EXPECT_NEAR(slope.run(std::array{at}), exact.run(std::array{at}), 1e-12)
          << integrand << " at " << at;
    }
  }
}

}  // namespace
}  // namespace leibniz
