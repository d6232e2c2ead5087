#include "leibniz/tensor/ops_elementwise.h"

#include <gtest/gtest.h>

#include "gradcheck.h"
#include "leibniz/core/error.h"
#include "leibniz/tensor/ops_view.h"

namespace leibniz::tensor {
namespace {

using testing::expect_values;
using testing::gradcheck;
using testing::param;

TEST(Elementwise, Values) {
  Tensor a = from_vector({1, 2, 3, 4}, {2, 2});
  Tensor b = from_vector({10, 20, 30, 40}, {2, 2});
  expect_values(a + b, {11, 22, 33, 44});
  expect_values(b - a, {9, 18, 27, 36});
  expect_values(a * b, {10, 40, 90, 160});
  expect_values(b / a, {10, 10, 10, 10});
  expect_values(2.0 * a + 1.0, {3, 5, 7, 9});
  expect_values(1.0 - a, {0, -1, -2, -3});
  expect_values(-a / 2.0, {-0.5, -1, -1.5, -2});
}

TEST(Elementwise, BroadcastRowAndColumn) {
  Tensor m = from_vector({1, 2, 3, 4, 5, 6}, {2, 3});
  expect_values(m + from_vector({10, 20, 30}, {3}), {11, 22, 33, 14, 25, 36});
  expect_values(m * from_vector({2, 3}, {2, 1}), {2, 4, 6, 12, 15, 18});
  expect_values(from_vector({1, 2}, {2, 1}) - from_vector({1, 2, 3}, {1, 3}),
                {0, -1, -2, 1, 0, -1});
}

TEST(Elementwise, StridedInputs) {
  Tensor m = from_vector({1, 2, 3, 4, 5, 6}, {2, 3});
  expect_values(transpose(m) + transpose(m), {2, 8, 4, 10, 6, 12});
}

TEST(Elementwise, MismatchedShapesThrow) { EXPECT_THROW(zeros({2, 3}) + zeros({2}), Error); }

TEST(Elementwise, MixedDtypesThrow) { EXPECT_THROW(zeros({2}) + zeros({2}, DType::F64), Error); }

TEST(ElementwiseGrad, Add) {
  EXPECT_LT(
      gradcheck([](const auto& in) { return in[0] + in[1]; }, {param({3, 4}, 1), param({3, 4}, 2)}),
      1e-7);
}
TEST(ElementwiseGrad, SubBroadcast) {
  EXPECT_LT(
      gradcheck([](const auto& in) { return in[0] - in[1]; }, {param({3, 4}, 1), param({4}, 2)}),
      1e-7);
}
TEST(ElementwiseGrad, MulBroadcastColumn) {
  EXPECT_LT(
      gradcheck([](const auto& in) { return in[0] * in[1]; }, {param({3, 4}, 1), param({3, 1}, 2)}),
      1e-7);
}
TEST(ElementwiseGrad, Div) {
  Tensor b = param({2, 3}, 2);
  {
    NoGradGuard g;
    copy_into(b, b * b + 1.0);  // keep the divisor away from zero
  }
  EXPECT_LT(gradcheck([](const auto& in) { return in[0] / in[1]; }, {param({2, 3}, 1), b}), 1e-7);
}
TEST(ElementwiseGrad, Affine) {
  EXPECT_LT(gradcheck([](const auto& in) { return 3.0 - in[0] * 2.0; }, {param({5}, 1)}), 1e-7);
}
TEST(ElementwiseGrad, SameInputTwice) {
  EXPECT_LT(gradcheck([](const auto& in) { return in[0] * in[0]; }, {param({4}, 3)}), 1e-7);
}

}  // namespace
}  // namespace leibniz::tensor
