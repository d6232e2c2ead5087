// Definite integrals: exact by the fundamental theorem where the antiderivative is
// continuous on the interval, numeric with an error estimate otherwise.
#include "leibniz/numeric/definite.h"

#include <gtest/gtest.h>

#include <cmath>

#include "leibniz/core/error.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"

namespace leibniz {
namespace {

DefiniteIntegral definite(const char* f, const char* a, const char* b, bool numeric = false) {
  return definite_integral(parse_text(f), symbol("x"), Bound::parse(a), Bound::parse(b), numeric);
}

std::string exact(const char* f, const char* a, const char* b) {
  const DefiniteIntegral r = definite(f, a, b);
  EXPECT_EQ(r.method, "fundamental theorem") << f;
  return r.exact.is_null() ? "(none)" : print_text(r.exact);
}

TEST(Definite, ExactByTheFundamentalTheorem) {
  EXPECT_EQ(exact("x^2", "0", "1"), "1/3");
  EXPECT_EQ(exact("sin(x)", "0", "pi"), "2");
  EXPECT_EQ(exact("cos(x)", "0", "pi/6"), "1/2");
  EXPECT_EQ(exact("1/(1+x^2)", "0", "1"), "pi/4");
  EXPECT_EQ(exact("1/sqrt(x)", "0", "1"), "2");
  EXPECT_EQ(exact("x*e^x", "0", "1"), "1");
  EXPECT_EQ(exact("1/x", "1", "e"), "1");
  EXPECT_EQ(exact("1/x", "-2", "-1"), "-ln(2)");
}

TEST(Definite, NumericOnRequestWithAnErrorEstimate) {
  const DefiniteIntegral r = definite("x^2", "0", "1", true);
  EXPECT_TRUE(r.exact.is_null());
  EXPECT_EQ(r.method, "Gauss–Kronrod quadrature");
  EXPECT_NEAR(r.value, 1.0 / 3, 1e-14);
  EXPECT_LT(r.error, 1e-12);
}

TEST(Definite, NumericWhenNoAntiderivativeIsKnown) {
  const DefiniteIntegral r = definite("exp(-x^2)", "0", "1");
  EXPECT_TRUE(r.exact.is_null());
  EXPECT_NEAR(r.value, 0.746824132812427, 1e-13);
}

TEST(Definite, InfiniteBoundsByAChangeOfVariable) {
  const DefiniteIntegral r = definite("exp(-x^2)", "-inf", "inf");
  EXPECT_NEAR(r.value, std::sqrt(std::acos(-1.0)), 1e-10);
  EXPECT_TRUE(r.converged);
  EXPECT_NEAR(definite("1/x^2", "1", "inf").value, 1, 1e-10);
  EXPECT_NEAR(definite("e^x", "-oo", "0").value, 1, 1e-10);
}

std::string error_of(const char* f, const char* a, const char* b, ErrorKind kind) {
  try {
    definite(f, a, b);
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), kind) << f;
    return error.what();
  }
  return "(no error)";
}

// Issue 10, A7: a singularity inside [a, b] where |f| grows like 1/|x - r| or faster is
// a domain error naming it, never a number.
// Symbols in the bounds or the integrand: F(b) - F(a) where nothing can break.
TEST(Definite, SymbolicBoundsAndParameters) {
  EXPECT_EQ(print_text(definite("x^2", "a", "b").exact), "b^3/3 - a^3/3");
  EXPECT_EQ(print_text(definite("c*sin(x)", "0", "pi").exact), "2*c");
  EXPECT_TRUE(std::isnan(definite("x^2", "a", "b").value));
  EXPECT_EQ(error_of("1/x", "a", "b", ErrorKind::Unsupported),
            "with symbolic bounds leibniz answers F(b) - F(a) only when the integrand and F = "
            "ln(abs(x)) are continuous everywhere, and 1/x may break where x = 0; give numbers as "
            "bounds");
  EXPECT_EQ(error_of("x", "a", "inf", ErrorKind::Request),
            "numeric integration and infinite bounds need numbers as the other bound");
}

// Growth a little slower than 1/x, or 1/x times a logarithm, is too close to call from
// samples: x^-0.97 converges and 1/(x ln x) diverges, both measured near p = 0.96.
TEST(Definite, GrowthCloseToOneOverXIsNotDecided) {
  const auto undecided = [](const char* f) {
    return error_of(f, "0", "1/2", ErrorKind::Unsupported);
  };
  EXPECT_EQ(undecided("1/x^(97/100)"),
            "near x = 0 the integrand grows like |x - 0|^-0.97, too close to 1/|x - 0| for "
            "leibniz to decide whether the integral over [0, 1/2] converges");
  EXPECT_EQ(undecided("1/(x*ln(x))"),
            "near x = 0 the integrand grows like |x - 0|^-0.958, too close to 1/|x - 0| for "
            "leibniz to decide whether the integral over [0, 1/2] converges");
  EXPECT_EQ(undecided("1/(x*ln(x)^2)"),
            "near x = 0 the integrand grows like |x - 0|^-0.917, too close to 1/|x - 0| for "
            "leibniz to decide whether the integral over [0, 1/2] converges");
  // A divergence elsewhere is still named as one.
  EXPECT_EQ(error_of("1/x^(97/100) + 1/(x - 1/4)", "0", "1/2", ErrorKind::Domain),
            "the integrand is unbounded near x = 1/4 (inside [0, 1/2]); the integral diverges");
}

TEST(Definite, DivergentIntegralsNameTheirSingularity) {
  const auto diverges = [](const char* f, const char* a, const char* b) {
    return error_of(f, a, b, ErrorKind::Domain);
  };
  EXPECT_EQ(diverges("sec(x)^2", "0", "2"),
            "the integrand is unbounded near x = π/2 (inside [0, 2]); the integral diverges");
  EXPECT_EQ(diverges("tan(x)", "0", "pi"),
            "the integrand is unbounded near x = π/2 (inside [0, π]); the integral diverges");
  EXPECT_EQ(diverges("tan(x)", "0", "pi/2"),
            "the integrand is unbounded near x = π/2 (inside [0, π/2]); the integral diverges");
  EXPECT_EQ(diverges("1/x^2", "-1", "1"),
            "the integrand is unbounded near x = 0 (inside [-1, 1]); the integral diverges");
  EXPECT_EQ(diverges("1/x", "0", "1"),
            "the integrand is unbounded near x = 0 (inside [0, 1]); the integral diverges");
  EXPECT_EQ(diverges("1/(x^2 - 2*x + 1)", "0", "2"),
            "the integrand is unbounded near x = 1 (inside [0, 2]); the integral diverges");
  EXPECT_EQ(diverges("csc(x)^2", "-1", "1"),
            "the integrand is unbounded near x = 0 (inside [-1, 1]); the integral diverges");
  EXPECT_EQ(diverges("cot(x)", "1", "4"),
            "the integrand is unbounded near x = π (inside [1, 4]); the integral diverges");
  EXPECT_EQ(diverges("e^(1/x)", "0", "1"),
            "the integrand is unbounded near x = 0 (inside [0, 1]); the integral diverges");
  EXPECT_EQ(diverges("1/(x - 1/3)", "0", "1"),
            "the integrand is unbounded near x = 1/3 (inside [0, 1]); the integral diverges");
  EXPECT_EQ(diverges("1/(x - 10^-9)", "0", "1"),
            "the integrand is unbounded near x = 1e-09 (inside [0, 1]); the integral diverges");
  EXPECT_EQ(diverges("1/(x - 1/10^9)", "0", "1"),
            "the integrand is unbounded near x = 1e-09 (inside [0, 1]); the integral diverges");
  // Zeros without a sign change, located in 256 bits (1 - cos(x) is 0 in doubles near 0).
  EXPECT_EQ(diverges("1/(1 - cos(x))", "-1", "2"),
            "the integrand is unbounded near x = 0 (inside [-1, 2]); the integral diverges");
  EXPECT_EQ(diverges("1/(x^2 - 2*x + 1)", "0.3", "2"),
            "the integrand is unbounded near x = 1 (inside [0.3, 2]); the integral diverges");
  EXPECT_EQ(diverges("sqrt(x)", "-1", "1"),
            "the integrand is undefined at x = -0.999 (inside [-1, 1]): (-0.999)^(0.5) is not a "
            "real number");
}

TEST(Definite, IntegrableSingularitiesConverge) {
  EXPECT_EQ(exact("1/sqrt(x)", "0", "1"), "2");
  EXPECT_EQ(exact("1/sqrt(1 - x^2)", "-1", "1"), "pi");
  EXPECT_EQ(exact("1/x^(1/3)", "-1", "8"), "9/2");
  EXPECT_NEAR(definite("ln(x)", "0", "1").value, -1, 1e-9);
  EXPECT_NEAR(definite("x^(-0.5)", "0", "1").value, 2, 1e-9);
  EXPECT_NEAR(definite("sin(x)/x", "-1", "1").value, 1.8921661407343662, 1e-12);
  EXPECT_NEAR(definite("e^(-1/x)", "0", "1").value, 0.14849550677592205, 1e-11);
}

// Next to a singular point with an exact form the integrand is shifted there and
// evaluated in 256 bits, so the error estimate holds (reference values: mpmath, 30
// digits, after substituting x = t² at the singularity).
TEST(Definite, SingularitiesAwayFromZeroMeetTheirErrorEstimate) {
  const auto within_estimate = [](const char* f, const char* a, const char* b, double truth,
                                  bool numeric = false) {
    const DefiniteIntegral r = definite(f, a, b, numeric);
    EXPECT_TRUE(r.converged) << f;
    EXPECT_LE(std::fabs(r.value - truth), std::max(r.error, 1e-15)) << f << " " << r.value;
  };
  within_estimate("1/sqrt(abs(x - 1/2))", "0", "1", 2 * std::sqrt(2.0));
  within_estimate("1/sqrt(abs(x - 1/3))", "0", "1",
                  2 * std::sqrt(1.0 / 3) + 2 * std::sqrt(2.0 / 3));
  within_estimate("1/sqrt(cos(x))", "0", "pi/2", 2.62205755429211981046);
  within_estimate("1/(1 - cos(x))^(1/4)", "-1", "2", 5.81054998220617788354);
  within_estimate("1/sqrt(1 - x^2)", "-1", "1", std::acos(-1.0), true);
  within_estimate("1/sqrt(x)", "0", "1", 2, true);
}

// The fundamental theorem needs F continuous on [a, b]: atan(tan(x)) jumps at π/2, so the
// answer is quadrature's, 2, not F(2) - F(0) = 2 - π.
TEST(Definite, AJumpInTheAntiderivativeIsNotTrusted) {
  const DefiniteIntegral r = definite("sec(x)^2/(1 + tan(x)^2)", "0", "2");
  EXPECT_EQ(r.method, "Gauss–Kronrod quadrature");
  EXPECT_NEAR(r.value, 2, 1e-12);
  const DefiniteIntegral s = definite("sec(x)^2/(4 + tan(x)^2)", "0", "3");
  EXPECT_NEAR(s.value, std::atan(std::tan(3.0) / 2) / 2 + std::acos(-1.0) / 2, 1e-10);
  EXPECT_EQ(exact("-1/(1 + x^2)", "-1", "1"), "-pi/2");  // acot is continuous
}

TEST(Definite, QuadratureThatDoesNotConvergeIsNoAnswer) {
  EXPECT_EQ(
      error_of("1/x", "1", "inf", ErrorKind::Limit)
          .rfind("numerical integration over [1, ∞] did not converge: the error estimate is still ",
                 0),
      0u);
  EXPECT_EQ(error_of("sin(1/x)", "0", "1", ErrorKind::Limit)
                .rfind("numerical integration over [0, 1] did not converge", 0),
            0u);
}

TEST(Definite, BoundsThatDoublesRoundAreNoQuadrature) {
  // 10^20 + 1 is 10^20 in doubles: the quadrature would integrate over nothing.
  EXPECT_EQ(exact("1", "10^20", "10^20 + 1"), "1");
  EXPECT_EQ(exact("x^2", "10^17", "10^17 + 3"), "30000000000000000900000000000000009");
  EXPECT_EQ(exact("x", "1", "1 + 10^-12"), "2000000000001/2000000000000000000000000");
  EXPECT_EQ(error_of("sin(x)/x", "10^20", "10^20 + 10000", ErrorKind::Limit),
            "the bounds of [100000000000000000000, 100000000000000010000] are too close for their "
            "size to integrate "
            "numerically (doubles round the width of the interval), and no antiderivative is "
            "known");
}

TEST(Definite, AValueBeyondADoubleIsNoDivergence) {
  // e^x is bounded on [0, 800]; its values there are not all doubles.
  EXPECT_EQ(error_of("exp(x)", "0", "800", ErrorKind::Limit),
            "the integrand is beyond the range of a double at x = 710 (inside [0, 800]), where "
            "the integral is computed in doubles");
  EXPECT_EQ(exact("exp(x)", "0", "700"), "e^700 - 1");
}

TEST(Definite, Bounds) {
  EXPECT_EQ(Bound::parse("-inf").infinity, -1);
  EXPECT_EQ(Bound::parse("oo").infinity, 1);
  EXPECT_EQ(print_text(Bound::parse("pi/2").value), "pi/2");
  EXPECT_EQ(Bound::parse("inf").text(), "inf");
}

}  // namespace
}  // namespace leibniz
