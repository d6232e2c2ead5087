#include "leibniz/optim/adam.h"

#include <cmath>

namespace leibniz::optim {

Adam::Adam(std::vector<Tensor> params, AdamOptions options)
    : Optimizer(std::move(params), options.lr),
      options_(options),
      steps_(tensor::zeros({1}, tensor::DType::F64)) {
  for (const Tensor& p : params_) {
    m_.push_back(tensor::zeros(p.shape(), p.dtype()));
    v_.push_back(tensor::zeros(p.shape(), p.dtype()));
  }
}

void Adam::step() {
  double& t = steps_.data<double>()[0];
  t += 1;
  const double c1 = 1 - std::pow(options_.beta1, t);
  const double c2 = 1 - std::pow(options_.beta2, t);
  for_each_gradient([&]<typename T>(std::size_t k, T* w, const T* gp, std::int64_t n) {
    T* m = m_[k].data<T>();
    T* v = v_[k].data<T>();
    const T b1 = static_cast<T>(options_.beta1), b2 = static_cast<T>(options_.beta2);
    const T step = static_cast<T>(lr_ / c1), inv_c2 = static_cast<T>(1 / c2);
    const T eps = static_cast<T>(options_.eps), wd = static_cast<T>(options_.weight_decay);
    for (std::int64_t i = 0; i < n; ++i) {
      T gi = gp[i] + wd * w[i];
      m[i] = b1 * m[i] + (T(1) - b1) * gi;
      v[i] = b2 * v[i] + (T(1) - b2) * gi * gi;
      w[i] -= step * m[i] / (std::sqrt(v[i] * inv_c2) + eps);
    }
  });
}

std::vector<std::pair<std::string, Tensor>> Adam::state() const {
  std::vector<std::pair<std::string, Tensor>> out;
  for (std::size_t k = 0; k < m_.size(); ++k) {
    out.emplace_back("m." + std::to_string(k), m_[k]);
    out.emplace_back("v." + std::to_string(k), v_[k]);
  }
  out.emplace_back("steps", steps_);
  return out;
}

}  // namespace leibniz::optim
