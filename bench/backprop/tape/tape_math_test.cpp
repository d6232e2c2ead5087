// The tapes' tanh and expm1 against the exact values (long double, rounded), over every
// range: tiny and subnormal, around the switch points of the reduction, large, ±0, ±∞, NaN.
#include "tape_math.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>

namespace leibniz::graph {
namespace {

/// Distance in units in the last place, across zero too.
std::int64_t ulps(double a, double b) {
  const auto ordered = [](double x) {
    const auto bits = std::bit_cast<std::int64_t>(x);
    return bits < 0 ? std::numeric_limits<std::int64_t>::min() - bits : bits;
  };
  const std::int64_t d = ordered(a) - ordered(b);
  return d < 0 ? -d : d;
}

double exact_tanh(double x) { return static_cast<double>(std::tanh(static_cast<long double>(x))); }

/// Random doubles: uniform in [−25, 25], in [−1, 1], and ±m · 2^−k for k up to 1100.
template <class Check>
void over_random_doubles(Check check) {
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> wide(-25, 25), unit(-1, 1);
  for (int i = 0; i < 300000; ++i) {
    check(wide(rng));
    check(unit(rng));
    check(std::ldexp(unit(rng), -static_cast<int>(rng() % 1100)));
  }
}

TEST(TapeMath, TanhWithinTwoUlpOfTheExactValue) {
  over_random_doubles([](double x) { ASSERT_LE(ulps(tape_tanh(x), exact_tanh(x)), 2) << x; });
}

TEST(TapeMath, TanhWithinThreeUlpOfStdTanh) {
  over_random_doubles([](double x) { ASSERT_LE(ulps(tape_tanh(x), std::tanh(x)), 3) << x; });
}

TEST(TapeMath, TanhAtTheSwitchPointsOfTheReduction) {
  // 2|x| a multiple of ln 2 (k changes) and |x| near 20 (the clamp).
  for (int k = 1; k < 60; ++k) {
    const double x = k * std::log(2.0) / 2;
    for (const double y : {std::nextafter(x, 0.0), x, std::nextafter(x, 100.0)}) {
      EXPECT_LE(ulps(tape_tanh(y), exact_tanh(y)), 2) << y;
      EXPECT_LE(ulps(tape_tanh(-y), exact_tanh(-y)), 2) << -y;
    }
  }
  EXPECT_EQ(tape_tanh(19.0), exact_tanh(19.0));
  EXPECT_EQ(tape_tanh(20.0), 1.0);
  EXPECT_EQ(tape_tanh(-21.0), -1.0);
}

TEST(TapeMath, TanhOfSpecialValues) {
  EXPECT_EQ(tape_tanh(0.0), 0.0);
  EXPECT_FALSE(std::signbit(tape_tanh(0.0)));
  EXPECT_TRUE(std::signbit(tape_tanh(-0.0)));
  EXPECT_EQ(tape_tanh(1e-300), 1e-300);
  EXPECT_EQ(tape_tanh(-5e-324), -5e-324);
  EXPECT_EQ(tape_tanh(1e300), 1.0);
  EXPECT_EQ(tape_tanh(-1e300), -1.0);
  EXPECT_EQ(tape_tanh(std::numeric_limits<double>::infinity()), 1.0);
  EXPECT_EQ(tape_tanh(-std::numeric_limits<double>::infinity()), -1.0);
  EXPECT_TRUE(std::isnan(tape_tanh(std::numeric_limits<double>::quiet_NaN())));
}

TEST(TapeMath, Expm1WithinOneUlpOnItsDomain) {
  std::mt19937_64 rng(8);
  std::uniform_real_distribution<double> domain(0, 40), small(0, 1);
  for (int i = 0; i < 300000; ++i) {
    const double x = domain(rng), y = std::ldexp(small(rng), -static_cast<int>(rng() % 1100));
    ASSERT_LE(ulps(tape_expm1(x), std::expm1(x)), 1) << x;
    ASSERT_LE(ulps(tape_expm1(y), std::expm1(y)), 1) << y;
  }
  EXPECT_EQ(tape_expm1(0.0), 0.0);
}

TEST(TapeMath, SigmoidIsTheLogisticFunction) {
  EXPECT_EQ(tape_sigmoid(0.0), 0.5);
  EXPECT_DOUBLE_EQ(tape_sigmoid(2.0), 1 / (1 + std::exp(-2.0)));
}

}  // namespace
}  // namespace leibniz::graph
