#include "leibniz/tensor/fast_math.h"

#include "leibniz/tensor/cpu_clones.h"

namespace leibniz::tensor::detail {

LEIBNIZ_CPU_CLONES void tanh_array(const float* x, float* y, std::int64_t n) {
  for (std::int64_t i = 0; i < n; ++i) y[i] = fast_tanh(x[i]);
}

void tanh_array(const double* x, double* y, std::int64_t n) {
  for (std::int64_t i = 0; i < n; ++i) y[i] = std::tanh(x[i]);
}

}  // namespace leibniz::tensor::detail
