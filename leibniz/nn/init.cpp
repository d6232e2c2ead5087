#include "leibniz/nn/init.h"

#include <cmath>

namespace leibniz::nn {

using tensor::Tensor;

Tensor xavier_uniform(const tensor::Shape& shape, std::int64_t fan_in, std::int64_t fan_out,
                      tensor::Generator& gen, tensor::DType dtype) {
  double a = std::sqrt(6.0 / static_cast<double>(fan_in + fan_out));
  return tensor::rand_uniform(shape, -a, a, gen, dtype);
}

Tensor he_normal(const tensor::Shape& shape, std::int64_t fan_in, tensor::Generator& gen,
                 tensor::DType dtype) {
  return tensor::randn(shape, gen, dtype, std::sqrt(2.0 / static_cast<double>(fan_in)));
}

Tensor init_weight(Init init, std::int64_t fan_in, std::int64_t fan_out, tensor::Generator& gen,
                   tensor::DType dtype) {
  if (init == Init::He) return he_normal({fan_out, fan_in}, fan_in, gen, dtype);
  return xavier_uniform({fan_out, fan_in}, fan_in, fan_out, gen, dtype);
}

}  // namespace leibniz::nn
