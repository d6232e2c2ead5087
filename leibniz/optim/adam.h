// Adam (Kingma and Ba 2015, Algorithm 1), with L2 weight decay added to the gradient:
//   m = b1 m + (1-b1) g;  v = b2 v + (1-b2) g^2;  p -= lr * (m / (1-b1^t)) / (sqrt(v / (1-b2^t)) +
//   eps)
#pragma once

#include <cstdint>

#include "leibniz/optim/optimizer.h"

namespace leibniz::optim {

struct AdamOptions {
  double lr = 0.001;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double eps = 1e-8;
  double weight_decay = 0.0;
};

class Adam : public Optimizer {
 public:
  Adam(std::vector<Tensor> params, AdamOptions options);
  void step() override;
  std::vector<std::pair<std::string, Tensor>> state() const override;

 private:
  AdamOptions options_;
  std::vector<Tensor> m_, v_;  // first and second moments, one per parameter
  Tensor steps_;               // (1) float64: the step count t, kept as a tensor so it saves
};

}  // namespace leibniz::optim
