#include "leibniz/nn/loss.h"

#include <gtest/gtest.h>

#include "../tensor/gradcheck.h"
#include "fixtures/torch_fixtures.h"
#include "leibniz/core/error.h"

namespace leibniz::nn {
namespace {

using tensor::DType;
using tensor::from_vector;
using tensor::testing::expect_values;
using tensor::testing::gradcheck;
using tensor::testing::param;

TEST(Loss, MseAndHalfSquaredError) {
  Tensor p = from_vector({1, 2, 3, 4}, {2, 2}, DType::F64);
  Tensor y = from_vector({1, 0, 0, 4}, {2, 2}, DType::F64);
  EXPECT_DOUBLE_EQ(mse_loss(p, y).item(), (0 + 4 + 9 + 0) / 4.0);
  // the notes: C = 1/2 ||f(x) - y||^2 per example, averaged over the batch of 2
  EXPECT_DOUBLE_EQ(half_squared_error(p, y).item(), 0.5 * 13 / 2);
}

TEST(Loss, CrossEntropyMatchesPyTorchForLargeLogits) {
  Tensor z = from_vector(fixtures::ce_logits, {2, 3}, DType::F64);
  z.set_requires_grad(true);
  Tensor loss = cross_entropy(z, {2, 0});
  EXPECT_NEAR(loss.item(), fixtures::ce_loss[0], 1e-9);
  loss.backward();
  expect_values(z.grad(), fixtures::ce_grad, 1e-12);
}

TEST(Loss, CrossEntropyFloat32StaysFinite) {
  Tensor z = from_vector({1e30, -1e30, 0}, {1, 3}, DType::F32);
  EXPECT_NEAR(cross_entropy(z, {1}).item(), 2e30, 1e24);
  EXPECT_NEAR(cross_entropy(z, {0}).item(), 0, 1e-6);
}

TEST(Loss, BceWithLogitsMatchesPyTorch) {
  Tensor z = from_vector(fixtures::bce_logits, {5}, DType::F64);
  z.set_requires_grad(true);
  Tensor loss = bce_with_logits(z, from_vector(fixtures::bce_targets, {5}, DType::F64));
  EXPECT_NEAR(loss.item(), fixtures::bce_loss[0], 1e-12);
  loss.backward();
  expect_values(z.grad(), fixtures::bce_grad, 1e-12);
}

TEST(Loss, LabelOutOfRangeNamesRow) {
  try {
    cross_entropy(tensor::zeros({2, 3}), {0, 3});
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Domain);
    EXPECT_STREQ(e.what(), "label 3 of row 1 is outside 0..2");
  }
}

TEST(Loss, ShapeMismatchThrows) {
  EXPECT_THROW(mse_loss(tensor::zeros({2}), tensor::zeros({3})), Error);
}

TEST(Loss, Accuracy) {
  Tensor z = from_vector({1, 2, 5, 0, 0, 0.5}, {3, 2});
  EXPECT_DOUBLE_EQ(accuracy(z, {1, 0, 0}), 2.0 / 3);
}

TEST(LossGrad, Mse) {
  Tensor y = param({3, 2}, 9);
  y.set_requires_grad(false);
  EXPECT_LT(gradcheck([&](const auto& in) { return mse_loss(in[0], y); }, {param({3, 2}, 1)}),
            1e-7);
}
TEST(LossGrad, HalfSquaredError) {
  Tensor y = param({3, 2}, 9);
  y.set_requires_grad(false);
  EXPECT_LT(
      gradcheck([&](const auto& in) { return half_squared_error(in[0], y); }, {param({3, 2}, 2)}),
      1e-7);
}
TEST(LossGrad, BceWithLogits) {
  Tensor y = from_vector({0, 1, 1, 0, 0.3, 1}, {3, 2}, DType::F64);
  EXPECT_LT(
      gradcheck([&](const auto& in) { return bce_with_logits(in[0], y); }, {param({3, 2}, 3)}),
      1e-7);
}
TEST(LossGrad, CrossEntropy) {
  EXPECT_LT(gradcheck(
                [](const auto& in) {
                  return cross_entropy(in[0], {0, 3, 1});
                },
                {param({3, 4}, 4)}),
            1e-7);
}

}  // namespace
}  // namespace leibniz::nn
