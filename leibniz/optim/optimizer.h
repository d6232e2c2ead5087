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
  /// Calls update(k, w, g, n) with the k-th parameter's values w and its (contiguous)
  /// gradient g, n numbers each, in the parameter's own precision, for every parameter
  /// that has a gradient: the loop every update rule shares.
  template <class Update>
  void for_each_gradient(Update update) const {
    for (std::size_t k = 0; k < params_.size(); ++k) {
      const Tensor& p = params_[k];
      const Tensor grad = p.grad();
      if (!grad.defined()) continue;
      const Tensor g = grad.contiguous();
      tensor::dispatch(p.dtype(), [&](auto tag) {
        using T = decltype(tag);
        update(k, p.data<T>(), g.data<T>(), p.numel());
      });
    }
  }

  std::vector<Tensor> params_;
  double lr_;
};

}  // namespace leibniz::optim
