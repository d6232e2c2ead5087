#include "leibniz/nn/linear.h"

#include "leibniz/tensor/ops_linalg.h"

namespace leibniz::nn {

Linear::Linear(std::int64_t in, std::int64_t out, tensor::Generator& gen, Init init,
               tensor::DType dtype)
    : weight(init_weight(init, in, out, gen, dtype)), bias(tensor::zeros({out}, dtype)) {
  weight.set_requires_grad(true);
  bias.set_requires_grad(true);
}

Tensor Linear::forward(const Tensor& x) { return tensor::linear(x, weight, bias); }

std::vector<std::pair<std::string, Tensor>> Linear::named_parameters() const {
  return {{"weight", weight}, {"bias", bias}};
}

std::string Linear::describe() const {
  return "Linear(" + std::to_string(weight.shape()[1]) + ", " + std::to_string(weight.shape()[0]) +
         ")";
}

}  // namespace leibniz::nn
