#include "leibniz/tensor/fast_math.h"

namespace leibniz::tensor::detail {

// Compiled twice: for AVX2 with FMA and for the baseline; the loader picks one per CPU.
[[gnu::target_clones("arch=x86-64-v3", "default")]] void tanh_array(const float* x, float* y,
                                                                    std::int64_t n) {
  for (std::int64_t i = 0; i < n; ++i) y[i] = fast_tanh(x[i]);
}

void tanh_array(const double* x, double* y, std::int64_t n) {
  for (std::int64_t i = 0; i < n; ++i) y[i] = std::tanh(x[i]);
}

}  // namespace leibniz::tensor::detail
