#include "leibniz/optim/adam.h"

#include <gtest/gtest.h>

#include <cmath>

#include "../tensor/gradcheck.h"
#include "fixture_steps.h"
#include "leibniz/core/error.h"
#include "leibniz/optim/schedule.h"
#include "leibniz/optim/sgd.h"
#include "leibniz/tensor/ops_activation.h"

namespace leibniz::optim {
namespace {

using tensor::DType;
using tensor::from_vector;
using tensor::testing::expect_values;

TEST(Adam, MatchesPyTorch) {
  Tensor p = testing::run_fixture_steps([](Tensor t) {
    return std::make_unique<Adam>(std::vector{t}, AdamOptions{.lr = 0.1, .weight_decay = 0.01});
  });
  expect_values(p, fixtures::adam_after_3_steps, 1e-12);
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

}  // namespace
}  // namespace leibniz::optim
