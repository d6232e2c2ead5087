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

TEST(Definite, AJumpInTheAntiderivativeIsNotTrusted) {
  // ∫ 1/x² from -1 to 1 diverges; F = -1/x would claim -2.
  try {
    definite("1/x^2", "-1", "1");
    ADD_FAILURE();
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::Domain);
    EXPECT_EQ(std::string(error.what()), "the integrand is undefined at x = 0: division by zero");
  }
}

TEST(Definite, Bounds) {
  EXPECT_EQ(Bound::parse("-inf").infinity, -1);
  EXPECT_EQ(Bound::parse("oo").infinity, 1);
  EXPECT_EQ(print_text(Bound::parse("pi/2").value), "pi/2");
  EXPECT_EQ(Bound::parse("inf").text(), "inf");
}

}  // namespace
}  // namespace leibniz
