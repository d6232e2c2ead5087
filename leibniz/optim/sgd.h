// Stochastic gradient descent with momentum and weight decay (PyTorch's formulation):
//   g = grad + wd * p;  v = mu * v + g;  p -= lr * (nesterov ? g + mu * v : v)
#pragma once

#include "leibniz/optim/optimizer.h"

namespace leibniz::optim {

struct SgdOptions {
  double lr = 0.01;
  double momentum = 0.0;
  double weight_decay = 0.0;
  bool nesterov = false;
};

class Sgd : public Optimizer {
 public:
  Sgd(std::vector<Tensor> params, SgdOptions options);
  void step() override;
  std::vector<std::pair<std::string, Tensor>> state() const override;

 private:
  SgdOptions options_;
  std::vector<Tensor> velocity_;  // one per parameter, same shape; zero at the start
};

}  // namespace leibniz::optim
