#include "leibniz/tensor/ops_linalg.h"

#include <gtest/gtest.h>

#include "gradcheck.h"
#include "leibniz/core/error.h"
#include "leibniz/tensor/ops_view.h"

namespace leibniz::tensor {
namespace {

using testing::expect_values;
using testing::gradcheck;
using testing::param;

TEST(Linalg, MatmulValues) {
  Tensor a = from_vector({1, 2, 3, 4, 5, 6}, {2, 3});
  Tensor b = from_vector({1, 0, 0, 1, 1, 1}, {3, 2});
  expect_values(matmul(a, b), {4, 5, 10, 11});
  expect_values(matmul(transpose(b), transpose(a)), {4, 10, 5, 11});
}

TEST(Linalg, LargeMatmulThroughBlasMatchesLoop) {
  Generator gen(3);
  for (DType dtype : {DType::F32, DType::F64}) {
    Tensor a = randn({70, 50}, gen, dtype), b = randn({50, 60}, gen, dtype);
    Tensor c = matmul(a, b);
    std::vector<double> av = a.to_vector(), bv = b.to_vector(), cv = c.to_vector();
    for (int i = 0; i < 70; i += 7)
      for (int j = 0; j < 60; j += 11) {
        double s = 0;
        for (int k = 0; k < 50; ++k) s += av[i * 50 + k] * bv[k * 60 + j];
        EXPECT_NEAR(cv[i * 60 + j], s, 1e-4);
      }
  }
}

TEST(Linalg, LinearValues) {
  Tensor x = from_vector({1, 2}, {1, 2});
  Tensor w = from_vector({1, 1, 2, -1, 0, 3}, {3, 2});
  Tensor b = from_vector({10, 20, 30}, {3});
  expect_values(linear(x, w, b), {13, 20, 36});
  expect_values(linear(x, w, Tensor()), {3, 0, 6});
}

TEST(Linalg, ShapeMismatchNamesShapes) {
  try {
    matmul(zeros({2, 3}), zeros({2, 3}));
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "matmul of shapes (2, 3) and (2, 3)");
  }
  EXPECT_THROW(linear(zeros({2, 3}), zeros({4, 2}), Tensor()), Error);
}

TEST(LinalgGrad, Matmul) {
  EXPECT_LT(gradcheck([](const auto& in) { return matmul(in[0], in[1]); },
                      {param({3, 4}, 1), param({4, 5}, 2)}),
            1e-7);
}
TEST(LinalgGrad, MatmulOfTransposedViews) {
  EXPECT_LT(gradcheck([](const auto& in) { return matmul(transpose(in[0]), transpose(in[1])); },
                      {param({4, 3}, 3), param({5, 4}, 4)}),
            1e-7);
}
TEST(LinalgGrad, MatmulLargeEnoughForBlas) {
  EXPECT_LT(gradcheck([](const auto& in) { return matmul(in[0], in[1]); },
                      {param({20, 30}, 5), param({30, 40}, 6)}),
            1e-6);
}
TEST(LinalgGrad, Linear) {
  EXPECT_LT(gradcheck([](const auto& in) { return linear(in[0], in[1], in[2]); },
                      {param({5, 3}, 7), param({4, 3}, 8), param({4}, 9)}),
            1e-7);
}

}  // namespace
}  // namespace leibniz::tensor
