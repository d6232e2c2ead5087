#include "leibniz/optim/sgd.h"

namespace leibniz::optim {

Sgd::Sgd(std::vector<Tensor> params, SgdOptions options)
    : Optimizer(std::move(params), options.lr), options_(options) {
  if (options_.momentum != 0.0) {
    for (const Tensor& p : params_) velocity_.push_back(tensor::zeros(p.shape(), p.dtype()));
  }
}

void Sgd::step() {
  for_each_gradient([&]<typename T>(std::size_t k, T* w, const T* gp, std::int64_t n) {
    const T lr = static_cast<T>(lr_), wd = static_cast<T>(options_.weight_decay),
            mu = static_cast<T>(options_.momentum);
    if (velocity_.empty()) {
      for (std::int64_t i = 0; i < n; ++i) w[i] -= lr * (gp[i] + wd * w[i]);
      return;
    }
    T* v = velocity_[k].data<T>();
    for (std::int64_t i = 0; i < n; ++i) {
      T gi = gp[i] + wd * w[i];
      v[i] = mu * v[i] + gi;
      w[i] -= lr * (options_.nesterov ? gi + mu * v[i] : v[i]);
    }
  });
}

std::vector<std::pair<std::string, Tensor>> Sgd::state() const {
  std::vector<std::pair<std::string, Tensor>> out;
  for (std::size_t k = 0; k < velocity_.size(); ++k)
    out.emplace_back("velocity." + std::to_string(k), velocity_[k]);
  return out;
}

}  // namespace leibniz::optim
