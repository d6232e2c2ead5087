#include "leibniz/nn/loss.h"

#include <cmath>
#include <string>

#include "leibniz/core/error.h"
#include "leibniz/tensor/autograd.h"
#include "leibniz/tensor/ops_elementwise.h"
#include "leibniz/tensor/ops_reduce.h"

namespace leibniz::nn {
namespace {

using tensor::DType;
using tensor::GradSink;

void check_same(const Tensor& pred, const Tensor& target, const char* loss) {
  if (pred.shape() != target.shape() || pred.dtype() != target.dtype()) {
    throw Error(ErrorKind::Domain, std::string(loss) + " of prediction " + pred.shape().str() +
                                       " against target " + target.shape().str());
  }
}

// A loss L(pred) whose gradient dL/dpred was computed in the same pass: records one
// node whose backward scales that gradient by the incoming scalar.
Tensor fused_loss(const char* name, const Tensor& pred, double value, const Tensor& grad) {
  Tensor out = tensor::scalar(value, pred.dtype());
  if (tensor::needs_grad(pred)) {
    tensor::record(out, name, {pred},
                   [grad](const Tensor& g, GradSink& sink) { sink.add(0, grad * g.item()); });
  }
  return out;
}

// value = scale * sum((p - t)^2); grad = 2 scale (p - t).
Tensor squared_error(const char* name, const Tensor& pred, const Tensor& target, double scale) {
  check_same(pred, target, name);
  Tensor p = pred.contiguous(), t = target.contiguous();
  Tensor grad = tensor::empty(p.shape(), p.dtype());
  double total = 0;
  tensor::dispatch(p.dtype(), [&](auto tag) {
    using T = decltype(tag);
    const T* pp = p.data<T>();
    const T* tp = t.data<T>();
    T* gp = grad.data<T>();
    T two_scale = static_cast<T>(2 * scale);
    const std::int64_t n = p.numel();  // hoisted: stores may alias the shape
    for (std::int64_t i = 0; i < n; ++i) {
      T d = pp[i] - tp[i];
      total += static_cast<double>(d) * d;
      gp[i] = two_scale * d;
    }
  });
  return fused_loss(name, pred, scale * total, grad);
}

}  // namespace

Tensor mse_loss(const Tensor& pred, const Tensor& target) {
  return squared_error("mse_loss", pred, target,
                       1.0 / static_cast<double>(std::max<std::int64_t>(pred.numel(), 1)));
}

Tensor half_squared_error(const Tensor& pred, const Tensor& target) {
  std::int64_t batch = pred.dim() == 0 ? 1 : std::max<std::int64_t>(pred.shape()[0], 1);
  return squared_error("half_squared_error", pred, target, 0.5 / static_cast<double>(batch));
}

Tensor bce_with_logits(const Tensor& logits, const Tensor& target) {
  check_same(logits, target, "bce_with_logits");
  Tensor z = logits.contiguous(), y = target.contiguous();
  Tensor grad = tensor::empty(z.shape(), z.dtype());
  double total = 0;
  double inv_n = 1.0 / static_cast<double>(std::max<std::int64_t>(z.numel(), 1));
  tensor::dispatch(z.dtype(), [&](auto tag) {
    using T = decltype(tag);
    const T* zp = z.data<T>();
    const T* yp = y.data<T>();
    T* gp = grad.data<T>();
    const std::int64_t n = z.numel();  // hoisted: stores may alias the shape
    for (std::int64_t i = 0; i < n; ++i) {
      double zi = zp[i], yi = yp[i];
      total += std::max(zi, 0.0) - zi * yi + std::log1p(std::exp(-std::abs(zi)));
      // d/dz = sigmoid(z) - y
      double s = zi >= 0 ? 1 / (1 + std::exp(-zi)) : std::exp(zi) / (1 + std::exp(zi));
      gp[i] = static_cast<T>((s - yi) * inv_n);
    }
  });
  return fused_loss("bce_with_logits", logits, total * inv_n, grad);
}

Tensor cross_entropy(const Tensor& logits, const std::vector<std::int64_t>& labels) {
  if (logits.dim() != 2 || logits.shape()[0] != static_cast<std::int64_t>(labels.size())) {
    throw Error(ErrorKind::Domain, "cross_entropy of logits " + logits.shape().str() + " against " +
                                       std::to_string(labels.size()) + " labels");
  }
  std::int64_t rows = logits.shape()[0], classes = logits.shape()[1];
  Tensor z = logits.contiguous();
  Tensor grad = tensor::empty(z.shape(), z.dtype());
  double total = 0;
  double inv_b = 1.0 / static_cast<double>(std::max<std::int64_t>(rows, 1));
  tensor::dispatch(z.dtype(), [&](auto tag) {
    using T = decltype(tag);
    for (std::int64_t r = 0; r < rows; ++r) {
      std::int64_t label = labels[static_cast<std::size_t>(r)];
      if (label < 0 || label >= classes) {
        throw Error(ErrorKind::Domain, "label " + std::to_string(label) + " of row " +
                                           std::to_string(r) + " is outside 0.." +
                                           std::to_string(classes - 1));
      }
      const T* zr = z.data<T>() + r * classes;
      T* gr = grad.data<T>() + r * classes;
      T m = zr[0];
      for (std::int64_t j = 1; j < classes; ++j) m = std::max(m, zr[j]);
      double s = 0;
      for (std::int64_t j = 0; j < classes; ++j) s += std::exp(static_cast<double>(zr[j] - m));
      double lse = static_cast<double>(m) + std::log(s);
      total += lse - static_cast<double>(zr[label]);
      // d/dz = (softmax(z) - onehot(y)) / B
      for (std::int64_t j = 0; j < classes; ++j) {
        gr[j] = static_cast<T>(std::exp(static_cast<double>(zr[j]) - lse) * inv_b);
      }
      gr[label] -= static_cast<T>(inv_b);
    }
  });
  return fused_loss("cross_entropy", logits, total * inv_b, grad);
}

double accuracy(const Tensor& logits, const std::vector<std::int64_t>& labels) {
  std::vector<std::int64_t> predicted = tensor::argmax_rows(logits);
  if (predicted.empty()) return 0.0;
  std::size_t right = 0;
  for (std::size_t i = 0; i < predicted.size(); ++i) right += predicted[i] == labels[i];
  return static_cast<double>(right) / static_cast<double>(predicted.size());
}

}  // namespace leibniz::nn
