// Runs an optimiser for three steps on the gradients of the PyTorch fixtures.
#pragma once

#include <functional>
#include <memory>

#include "../nn/fixtures/torch_fixtures.h"
#include "leibniz/optim/optimizer.h"

namespace leibniz::optim::testing {

// Three steps on the fixture's gradients from p = (1, -2, 3).
inline Tensor run_fixture_steps(const std::function<std::unique_ptr<Optimizer>(Tensor)>& make) {
  Tensor p = tensor::from_vector({1, -2, 3}, {3}, tensor::DType::F64);
  p.set_requires_grad(true);
  auto opt = make(p);
  for (int s = 0; s < 3; ++s) {
    std::vector<double> g(fixtures::optim_grads.begin() + 3 * s,
                          fixtures::optim_grads.begin() + 3 * s + 3);
    p.set_grad(tensor::from_vector(g, {3}, tensor::DType::F64));
    opt->step();
  }
  return p;
}

}  // namespace leibniz::optim::testing
