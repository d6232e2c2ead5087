// Adaptive Gauss–Kronrod: exact on polynomials, accurate on smooth functions, endpoint
// singularities and infinite bounds, with an honest error estimate.
#include "leibniz/numeric/quadrature.h"

#include <gtest/gtest.h>

#include <cmath>

namespace leibniz {
namespace {

const double kPi = std::acos(-1.0);

TEST(Quadrature, PolynomialsExactly) {
  const auto q = quadrature([](double x) { return x * x; }, 0, 1);
  EXPECT_NEAR(q.value, 1.0 / 3, 1e-15);
  EXPECT_TRUE(q.converged);
  EXPECT_EQ(q.evaluations, 15);
}

TEST(Quadrature, SmoothFunctions) {
  EXPECT_NEAR(quadrature([](double x) { return std::sin(x); }, 0, kPi).value, 2, 1e-12);
  EXPECT_NEAR(quadrature([](double x) { return std::exp(x); }, 0, 1).value, std::exp(1) - 1, 1e-12);
}

TEST(Quadrature, ReversedBoundsChangeTheSign) {
  EXPECT_NEAR(quadrature([](double x) { return x; }, 1, 0).value, -0.5, 1e-15);
}

TEST(Quadrature, EndpointSingularity) {
  const auto q = quadrature([](double x) { return 1 / std::sqrt(x); }, 0, 1);
  EXPECT_NEAR(q.value, 2, 1e-8);
  EXPECT_LT(std::fabs(q.value - 2), q.error * 10 + 1e-12);
}

TEST(Quadrature, InfiniteBounds) {
  const auto gauss = quadrature([](double x) { return std::exp(-x * x); }, -kInfinity, kInfinity);
  EXPECT_NEAR(gauss.value, std::sqrt(kPi), 1e-10);
  EXPECT_TRUE(gauss.converged);
  EXPECT_NEAR(quadrature([](double x) { return 1 / (x * x); }, 1, kInfinity).value, 1, 1e-10);
  EXPECT_NEAR(quadrature([](double x) { return std::exp(x); }, -kInfinity, 0).value, 1, 1e-10);
  EXPECT_NEAR(quadrature([](double x) { return 1 / (1 + x * x); }, -kInfinity, kInfinity).value,
              kPi, 1e-9);
}

TEST(Quadrature, DivergentIntegralsDoNotConverge) {
  const auto q = quadrature([](double x) { return 1 / x; }, 1, kInfinity);
  EXPECT_FALSE(q.converged);
}

}  // namespace
}  // namespace leibniz
