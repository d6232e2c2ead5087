#include "leibniz/tensor/gemm.h"

#include <gtest/gtest.h>

#include <vector>

#include "leibniz/tensor/random.h"

namespace leibniz::tensor::detail {
namespace {

// C = alpha op(A) op(B) + beta C against a plain triple loop in double, for shapes on
// both sides of the small-product threshold, every transpose and padded leading dimensions.
template <typename T>
double worst_error(bool ta, bool tb, std::int64_t m, std::int64_t n, std::int64_t k, double alpha,
                   double beta) {
  Generator gen(static_cast<std::uint64_t>(m * 10007 + n * 101 + k));
  const std::int64_t pad = 3;
  std::int64_t lda = (ta ? m : k) + pad, ldb = (tb ? k : n) + pad, ldc = n + pad;
  std::vector<T> a(static_cast<std::size_t>((ta ? k : m) * lda)),
      b(static_cast<std::size_t>((tb ? n : k) * ldb)), c(static_cast<std::size_t>(m * ldc));
  for (auto* v : {&a, &b, &c})
    for (T& x : *v) x = static_cast<T>(gen.normal());
  std::vector<T> c0 = c;
  gemm<T>(ta, tb, m, n, k, static_cast<T>(alpha), a.data(), lda, b.data(), ldb,
          static_cast<T>(beta), c.data(), ldc);
  double worst = 0;
  for (std::int64_t i = 0; i < m; ++i)
    for (std::int64_t j = 0; j < n; ++j) {
      double s = 0;
      for (std::int64_t p = 0; p < k; ++p) {
        double aip = ta ? a[static_cast<std::size_t>(p * lda + i)]
                        : a[static_cast<std::size_t>(i * lda + p)];
        double bpj = tb ? b[static_cast<std::size_t>(j * ldb + p)]
                        : b[static_cast<std::size_t>(p * ldb + j)];
        s += aip * bpj;
      }
      double want = alpha * s + beta * c0[static_cast<std::size_t>(i * ldc + j)];
      worst = std::max(worst, std::abs(want - c[static_cast<std::size_t>(i * ldc + j)]));
    }
  return worst;
}

TEST(Gemm, SmallAndLargeProductsMatchTheLoop) {
  const std::int64_t shapes[][3] = {{1, 1, 1},    {32, 1, 16}, {32, 2, 16}, {5, 3, 7},
                                    {32, 16, 16}, {7, 17, 9},  {16, 33, 5}, {3, 8, 0},
                                    {40, 50, 60}, {64, 70, 20}};
  for (auto& s : shapes) {
    for (int t = 0; t < 4; ++t) {
      bool ta = t & 1, tb = t & 2;
      EXPECT_LT((worst_error<double>(ta, tb, s[0], s[1], s[2], 1.0, 0.0)), 1e-12)
          << s[0] << "x" << s[1] << "x" << s[2] << " t" << t;
      EXPECT_LT((worst_error<double>(ta, tb, s[0], s[1], s[2], -0.5, 1.0)), 1e-12);
      EXPECT_LT((worst_error<float>(ta, tb, s[0], s[1], s[2], 2.0, 0.25)), 1e-3);
    }
  }
}

TEST(Gemm, EmptyProductLeavesTheOutputAlone) {
  std::vector<float> c{1, 2};
  gemm<float>(false, false, 0, 2, 3, 1.0f, nullptr, 3, nullptr, 2, 0.0f, c.data(), 2);
  EXPECT_EQ(c, (std::vector<float>{1, 2}));
}

}  // namespace
}  // namespace leibniz::tensor::detail
