// Weight initialisation from a seeded generator: Xavier/Glorot (for tanh, sigmoid) and
// He/Kaiming (for ReLU), so that activations keep their scale through the layers.
#pragma once

#include <cstdint>

#include "leibniz/tensor/tensor.h"

namespace leibniz::nn {

enum class Init { Xavier, He };

/// Xavier uniform: U(-a, a), a = sqrt(6 / (fan_in + fan_out))  (Glorot and Bengio 2010).
tensor::Tensor xavier_uniform(const tensor::Shape& shape, std::int64_t fan_in, std::int64_t fan_out,
                              tensor::Generator& gen, tensor::DType dtype);
/// He normal: N(0, 2 / fan_in)  (He et al. 2015).
tensor::Tensor he_normal(const tensor::Shape& shape, std::int64_t fan_in, tensor::Generator& gen,
                         tensor::DType dtype);
/// The weight of a (fan_out, fan_in) layer under `init`.
tensor::Tensor init_weight(Init init, std::int64_t fan_in, std::int64_t fan_out,
                           tensor::Generator& gen, tensor::DType dtype);

}  // namespace leibniz::nn
