#include "leibniz/optim/optimizer.h"

#include "leibniz/core/error.h"
#include "leibniz/tensor/ops_view.h"

namespace leibniz::optim {

Optimizer::Optimizer(std::vector<Tensor> params, double lr) : params_(std::move(params)), lr_(lr) {
  for (const Tensor& p : params_) {
    LZ_ASSERT(p.is_leaf() && p.is_contiguous(), "optimiser parameters must be contiguous leaves");
  }
}

void Optimizer::zero_grad() const {
  for (const Tensor& p : params_) p.zero_grad();
}

void Optimizer::set_state(const std::vector<std::pair<std::string, Tensor>>& saved) {
  auto mine = state();
  for (auto& [name, buffer] : mine) {
    const Tensor* found = nullptr;
    for (auto& [other, t] : saved)
      if (other == name) found = &t;
    if (found == nullptr)
      throw Error(ErrorKind::Request, "saved optimiser state lacks '" + name + "'");
    if (found->shape() != buffer.shape()) {
      throw Error(ErrorKind::Request, "saved optimiser state '" + name + "' has shape " +
                                          found->shape().str() + ", expected " +
                                          buffer.shape().str());
    }
    tensor::copy_into(buffer, found->to(buffer.dtype()));
  }
}

}  // namespace leibniz::optim
