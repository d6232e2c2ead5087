// Optimizer: updates parameters in place from their .grad(), outside the graph.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "leibniz/tensor/tensor.h"

namespace leibniz::optim {

using tensor::Tensor;

class Optimizer {
 public:
  explicit Optimizer(std::vector<Tensor> params, double lr);
  virtual ~Optimizer() = default;
  Optimizer(const Optimizer&) = delete;
  Optimizer& operator=(const Optimizer&) = delete;

  /// One update of every parameter that has a gradient.
  virtual void step() = 0;
  /// Forgets every parameter's gradient.
  void zero_grad() const;
  double lr() const { return lr_; }
  void set_lr(double lr) { lr_ = lr; }
  /// Internal buffers (momentum, moments) by name, for saving; restored by set_state.
  virtual std::vector<std::pair<std::string, Tensor>> state() const = 0;
  /// Restores buffers saved by state(); throws Error{Request} when a name or shape differs.
  void set_state(const std::vector<std::pair<std::string, Tensor>>& saved);

 protected:
  std::vector<Tensor> params_;
  double lr_;
};

}  // namespace leibniz::optim
