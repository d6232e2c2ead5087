#include "leibniz/tensor/ops_activation.h"

#include <gtest/gtest.h>

#include <cmath>

#include "gradcheck.h"
#include "leibniz/tensor/fast_math.h"

namespace leibniz::tensor {
namespace {

using testing::expect_values;
using testing::gradcheck;
using testing::param;

Tensor vec(std::vector<double> v, DType dtype = DType::F64) {
  return from_vector(v, {static_cast<std::int64_t>(v.size())}, dtype);
}

TEST(Activation, Values) {
  expect_values(sigmoid(vec({0, 2})), {0.5, 1 / (1 + std::exp(-2.0))});
  expect_values(relu(vec({-1, 0, 2})), {0, 0, 2});
  expect_values(tanh(vec({0.5})), {std::tanh(0.5)});
  expect_values(exp(vec({1})), {std::exp(1.0)});
  expect_values(log(vec({std::exp(2.0)})), {2});
  expect_values(pow(vec({2, 3}), 3), {8, 27});
  expect_values(sqrt(vec({9})), {3});
  expect_values(square(vec({-3})), {9});
  expect_values(abs(vec({-3, 2})), {3, 2});
  expect_values(softplus(vec({0})), {std::log(2.0)});
  // gelu(1) = Phi(1) = 0.841344746...  (PyTorch: torch.nn.functional.gelu(torch.tensor(1.)))
  expect_values(gelu(vec({1, -1})), {0.8413447460685429, -0.15865525393145707}, 1e-12);
}

TEST(Activation, StableForLargeInputs) {
  expect_values(sigmoid(vec({-800, 800})), {0, 1});
  expect_values(softplus(vec({-800, 800})), {0, 800});
  expect_values(tanh(vec({-30, 30}, DType::F32)), {-1, 1});
}

TEST(Activation, FastFloatTanhMatchesLibm) {
  double worst = 0;
  for (int i = -20000; i <= 20000; ++i) {
    float x = static_cast<float>(i) * 0.001f;
    worst = std::max(worst, std::abs(static_cast<double>(detail::fast_tanh(x)) -
                                     std::tanh(static_cast<double>(x))));
  }
  EXPECT_LT(worst, 5e-7);  // a few float ulps
}

// Each activation's backward against finite differences; points kept off kinks.
TEST(ActivationGrad, Exp) {
  EXPECT_LT(gradcheck([](const auto& in) { return exp(in[0]); }, {param({6}, 1)}), 1e-7);
}
TEST(ActivationGrad, Log) {
  EXPECT_LT(gradcheck([](const auto& in) { return log(square(in[0]) + 0.5); }, {param({6}, 2)}),
            1e-7);
}
TEST(ActivationGrad, Sigmoid) {
  EXPECT_LT(gradcheck([](const auto& in) { return sigmoid(in[0]); }, {param({6}, 3)}), 1e-7);
}
TEST(ActivationGrad, Tanh) {
  EXPECT_LT(gradcheck([](const auto& in) { return tanh(in[0]); }, {param({6}, 4)}), 1e-7);
}
TEST(ActivationGrad, Relu) {
  EXPECT_LT(gradcheck([](const auto& in) { return relu(in[0]); }, {param({6}, 5)}), 1e-7);
}
TEST(ActivationGrad, Softplus) {
  EXPECT_LT(gradcheck([](const auto& in) { return softplus(in[0]); }, {param({6}, 6)}), 1e-7);
}
TEST(ActivationGrad, Gelu) {
  EXPECT_LT(gradcheck([](const auto& in) { return gelu(in[0]); }, {param({6}, 7)}), 1e-7);
}
TEST(ActivationGrad, Abs) {
  EXPECT_LT(gradcheck([](const auto& in) { return abs(in[0]); }, {param({6}, 8)}), 1e-7);
}
TEST(ActivationGrad, Sqrt) {
  EXPECT_LT(gradcheck([](const auto& in) { return sqrt(square(in[0]) + 1.0); }, {param({6}, 9)}),
            1e-7);
}
TEST(ActivationGrad, Pow) {
  EXPECT_LT(
      gradcheck([](const auto& in) { return pow(square(in[0]) + 1.0, 2.5); }, {param({6}, 10)}),
      1e-7);
}

}  // namespace
}  // namespace leibniz::tensor
