#include "leibniz/tensor/random.h"

#include <gtest/gtest.h>

#include <cmath>

namespace leibniz::tensor {
namespace {

TEST(Generator, SameSeedSameStream) {
  Generator a(42), b(42), c(43);
  for (int i = 0; i < 10; ++i) {
    std::uint64_t x = a.next_u64();
    EXPECT_EQ(x, b.next_u64());
    EXPECT_NE(x, c.next_u64());
  }
}

TEST(Generator, FirstValueIsFixedAcrossPlatforms) {
  Generator g(1);
  // xoshiro256** seeded through splitmix64(1): pinned so a change of stream is noticed.
  EXPECT_EQ(g.next_u64(), 0xb3f2af6d0fc710c5ULL);
}

TEST(Generator, NormalMomentsAreStandard) {
  Generator g(7);
  double s = 0, s2 = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    double x = g.normal();
    s += x;
    s2 += x * x;
  }
  EXPECT_NEAR(s / n, 0.0, 0.01);
  EXPECT_NEAR(s2 / n, 1.0, 0.01);
}

TEST(Generator, UniformAndBelowStayInRange) {
  Generator g(3);
  for (int i = 0; i < 10000; ++i) {
    double u = g.uniform();
    EXPECT_GE(u, 0.0);
    EXPECT_LT(u, 1.0);
    EXPECT_LT(g.below(7), 7u);
  }
}

}  // namespace
}  // namespace leibniz::tensor
