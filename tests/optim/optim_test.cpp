// SGD, Adam and the learning-rate schedules against PyTorch's numbers.
#include <gtest/gtest.h>

#include <cmath>

#include "../nn/fixtures/torch_fixtures.h"
#include "../tensor/gradcheck.h"
#include "leibniz/core/error.h"
#include "leibniz/optim/adam.h"
#include "leibniz/optim/schedule.h"
#include "leibniz/optim/sgd.h"
#include "leibniz/tensor/ops_activation.h"

namespace leibniz::optim {
namespace {

using tensor::DType;
using tensor::from_vector;
using tensor::testing::expect_values;

// Three steps on the fixture's gradients from p = (1, -2, 3).
Tensor run(const std::function<std::unique_ptr<Optimizer>(Tensor)>& make) {
  Tensor p = from_vector({1, -2, 3}, {3}, DType::F64);
  p.set_requires_grad(true);
  auto opt = make(p);
  for (int s = 0; s < 3; ++s) {
    std::vector<double> g(fixtures::optim_grads.begin() + 3 * s, fixtures::optim_grads.begin() + 3 * s + 3);
    p.set_grad(from_vector(g, {3}, DType::F64));
    opt->step();
  }
  return p;
}

TEST(Adam, MatchesPyTorch) {
  Tensor p = run([](Tensor t) { return std::make_unique<Adam>(std::vector{t}, AdamOptions{.lr = 0.1, .weight_decay = 0.01}); });
  expect_values(p, fixtures::adam_after_3_steps, 1e-12);
}

TEST(Sgd, MomentumAndWeightDecayMatchPyTorch) {
  Tensor p = run([](Tensor t) {
    return std::make_unique<Sgd>(std::vector{t}, SgdOptions{.lr = 0.1, .momentum = 0.9, .weight_decay = 0.01});
  });
  expect_values(p, fixtures::sgd_after_3_steps, 1e-12);
}

TEST(Sgd, NesterovMatchesPyTorch) {
  Tensor p = run([](Tensor t) {
    return std::make_unique<Sgd>(std::vector{t}, SgdOptions{.lr = 0.1, .momentum = 0.9, .nesterov = true});
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

TEST(Adam, StateRestoresAndChecksShapes) {
  Tensor p = from_vector({1, 2}, {2}, DType::F64);
  p.set_requires_grad(true);
  Adam a({p}, {});
  p.set_grad(from_vector({1, 1}, {2}, DType::F64));
  a.step();
  Tensor q = from_vector({1, 2}, {2}, DType::F64);
  q.set_requires_grad(true);
  Adam b({q}, {});
  b.set_state(a.state());
  EXPECT_EQ(b.state().back().second.item(), 1.0);  // the step count
  Tensor r = from_vector({1, 2, 3}, {3}, DType::F64);
  r.set_requires_grad(true);
  Adam c({r}, {});
  try {
    c.set_state(a.state());
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "saved optimiser state 'm.0' has shape (2,), expected (3,)");
  }
}

TEST(Schedule, StepAndCosine) {
  Schedule step{.kind = ScheduleKind::Step, .base_lr = 1.0, .step_size = 2, .gamma = 0.5};
  EXPECT_DOUBLE_EQ(step.lr_at(0), 1.0);
  EXPECT_DOUBLE_EQ(step.lr_at(1), 1.0);
  EXPECT_DOUBLE_EQ(step.lr_at(2), 0.5);
  EXPECT_DOUBLE_EQ(step.lr_at(5), 0.25);
  Schedule cosine{.kind = ScheduleKind::Cosine, .base_lr = 1.0, .total_epochs = 4, .min_lr = 0.0};
  EXPECT_DOUBLE_EQ(cosine.lr_at(0), 1.0);
  EXPECT_NEAR(cosine.lr_at(2), 0.5, 1e-15);
  EXPECT_NEAR(cosine.lr_at(4), 0.0, 1e-15);
  EXPECT_EQ(parse_schedule("cosine"), ScheduleKind::Cosine);
  EXPECT_THROW(parse_schedule("linear"), Error);
}

TEST(Optimizer, MinimisesAQuadratic) {
  // f(p) = sum((p - 3)^2): both optimisers reach p = 3.
  for (int which = 0; which < 2; ++which) {
    Tensor p = tensor::zeros({2}, DType::F64);
    p.set_requires_grad(true);
    std::unique_ptr<Optimizer> opt;
    if (which == 0) opt = std::make_unique<Sgd>(std::vector{p}, SgdOptions{.lr = 0.1, .momentum = 0.5});
    if (which == 1) opt = std::make_unique<Adam>(std::vector{p}, AdamOptions{.lr = 0.1});
    for (int s = 0; s < 300; ++s) {
      opt->zero_grad();
      tensor::sum(tensor::square(p - 3.0)).backward();
      opt->step();
    }
    expect_values(p, {3, 3}, 1e-3);
  }
}

}  // namespace
}  // namespace leibniz::optim
