// Linear: y = x W^T + b, with W (out, in) as in PyTorch.
#pragma once

#include "leibniz/nn/init.h"
#include "leibniz/nn/module.h"

namespace leibniz::nn {

class Linear : public Module {
 public:
  Linear(std::int64_t in, std::int64_t out, tensor::Generator& gen, Init init = Init::Xavier,
         tensor::DType dtype = tensor::DType::F32);
  /// x (B, in) -> (B, out)
  Tensor forward(const Tensor& x) override;
  std::vector<std::pair<std::string, Tensor>> named_parameters() const override;
  std::string describe() const override;

  Tensor weight;  // (out, in)
  Tensor bias;    // (out)
};

}  // namespace leibniz::nn
