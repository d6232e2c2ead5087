#include <gtest/gtest.h>

#include <cmath>

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

TEST(Optimizer, MinimisesAQuadratic) {
  // f(p) = sum((p - 3)^2): both optimisers reach p = 3.
  for (int which = 0; which < 2; ++which) {
    Tensor p = tensor::zeros({2}, DType::F64);
    p.set_requires_grad(true);
    std::unique_ptr<Optimizer> opt;
    if (which == 0)
      opt = std::make_unique<Sgd>(std::vector{p}, SgdOptions{.lr = 0.1, .momentum = 0.5});
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
