#include "leibniz/tensor/ops_softmax.h"

#include <gtest/gtest.h>

#include <cmath>

#include "gradcheck.h"

namespace leibniz::tensor {
namespace {

using testing::expect_values;
using testing::gradcheck;
using testing::param;

TEST(Softmax, Values) {
  Tensor x = from_vector({1, 2, 3}, {1, 3}, DType::F64);
  double z = std::exp(1.0) + std::exp(2.0) + std::exp(3.0);
  expect_values(softmax(x), {std::exp(1.0) / z, std::exp(2.0) / z, std::exp(3.0) / z}, 1e-12);
  expect_values(log_softmax(x), {1 - std::log(z), 2 - std::log(z), 3 - std::log(z)}, 1e-12);
}

TEST(Softmax, LargeLogitsDoNotOverflow) {
  Tensor x = from_vector({1000, 0, -1000}, {1, 3}, DType::F32);
  expect_values(softmax(x), {1, 0, 0});
  expect_values(log_softmax(x), {0, -1000, -2000});
}

TEST(Softmax, AlongFirstDimension) {
  Tensor x = from_vector({0, 0, std::log(3.0), 0}, {2, 2}, DType::F64);
  expect_values(softmax(x, 0), {0.25, 0.5, 0.75, 0.5}, 1e-12);
}

TEST(SoftmaxGrad, Softmax) {
  EXPECT_LT(gradcheck([](const auto& in) { return softmax(in[0]); }, {param({3, 5}, 1)}), 1e-7);
}
TEST(SoftmaxGrad, LogSoftmax) {
  EXPECT_LT(gradcheck([](const auto& in) { return log_softmax(in[0]); }, {param({3, 5}, 2)}), 1e-7);
}
TEST(SoftmaxGrad, LogSoftmaxDim0) {
  EXPECT_LT(gradcheck([](const auto& in) { return log_softmax(in[0], 0); }, {param({3, 5}, 3)}),
            1e-7);
}

}  // namespace
}  // namespace leibniz::tensor
