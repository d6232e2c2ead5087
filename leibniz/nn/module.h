// Module: a layer or a network of layers, with named parameters in a fixed order (the
// names are the keys of a saved model, e.g. "0.weight").
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "leibniz/tensor/tensor.h"

namespace leibniz::nn {

using tensor::Tensor;

class Module {
 public:
  virtual ~Module() = default;
  Module() = default;
  Module(const Module&) = delete;
  Module& operator=(const Module&) = delete;

  virtual Tensor forward(const Tensor& x) = 0;
  Tensor operator()(const Tensor& x) { return forward(x); }

  /// Parameters with dotted names, in a fixed order.
  virtual std::vector<std::pair<std::string, Tensor>> named_parameters() const { return {}; }
  /// One line naming the layer, e.g. "Linear(64, 32)".
  virtual std::string describe() const = 0;

  std::vector<Tensor> parameters() const;
  void zero_grad() const;
  std::int64_t parameter_count() const;
};

}  // namespace leibniz::nn
