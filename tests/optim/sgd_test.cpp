#include "leibniz/optim/sgd.h"

#include <gtest/gtest.h>

#include <cmath>

#include "../tensor/gradcheck.h"
#include "fixture_steps.h"
#include "leibniz/core/error.h"
#include "leibniz/optim/adam.h"
#include "leibniz/optim/schedule.h"
#include "leibniz/tensor/ops_activation.h"

namespace leibniz::optim {
namespace {

using tensor::DType;
using tensor::from_vector;
using tensor::testing::expect_values;

TEST(Sgd, MomentumAndWeightDecayMatchPyTorch) {
  Tensor p = testing::run_fixture_steps([](Tensor t) {
    return std::make_unique<Sgd>(std::vector{t},
                                 SgdOptions{.lr = 0.1, .momentum = 0.9, .weight_decay = 0.01});
  });
  expect_values(p, fixtures::sgd_after_3_steps, 1e-12);
}

TEST(Sgd, NesterovMatchesPyTorch) {
  Tensor p = testing::run_fixture_steps([](Tensor t) {
    return std::make_unique<Sgd>(std::vector{t},
                                 SgdOptions{.lr = 0.1, .momentum = 0.9, .nesterov = true});
  });
  expect_values(p, fixtures::nesterov_after_3_steps, 1e-12);
}

TEST(Sgd, PlainStepIsMinusLrTimesGrad) {
  Tensor p = from_vector({1, 2}, {2}, DType::F32);
  p.set_requires_grad(true);
  Sgd sgd({p}, {.lr = 0.5});
  p.set_grad(from_vector({2, -4}, {2}, DType::F32));
  sgd.step();
  expect_values(p, {0, 4});
  sgd.zero_grad();
  sgd.step();  // no gradient: no change
  expect_values(p, {0, 4});
}

}  // namespace
}  // namespace leibniz::optim
