#include "leibniz/optim/schedule.h"

#include <gtest/gtest.h>

#include <cmath>

#include "../tensor/gradcheck.h"
#include "leibniz/core/error.h"
#include "leibniz/optim/adam.h"
#include "leibniz/optim/sgd.h"
#include "leibniz/tensor/ops_activation.h"

namespace leibniz::optim {
namespace {

using tensor::DType;
using tensor::from_vector;
using tensor::testing::expect_values;

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

}  // namespace
}  // namespace leibniz::optim
