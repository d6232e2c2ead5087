#include "leibniz/nn/distributed.h"

#include <cmath>

#include "leibniz/tensor/dtype.h"
#include "leibniz/tensor/tensor.h"

namespace leibniz::nn {

using tensor::Tensor;

Share share_of(std::size_t n, int rank, int size) {
  const auto r = static_cast<std::size_t>(rank), p = static_cast<std::size_t>(size);
  const std::size_t base = n / p, extra = n % p;  // the first `extra` ranks take one more
  Share s;
  s.begin = r * base + std::min(r, extra);
  s.end = s.begin + base + (r < extra ? 1 : 0);
  return s;
}

GradientExchange::GradientExchange(Collective& collective, std::vector<Tensor> params)
    : collective_(collective), params_(std::move(params)) {
  std::size_t total = 3;
  for (const Tensor& p : params_) total += static_cast<std::size_t>(p.numel());
  buffer_.resize(total);
}

StepTotals GradientExchange::exchange(std::size_t local_rows, std::size_t batch_rows,
                                      double local_loss_sum, std::int64_t local_correct,
                                      bool local_stop) {
  // Each process's gradient is of its own mean; weighted by its share of the batch they
  // sum to the gradient of the batch's mean.
  const double weight = static_cast<double>(local_rows) / static_cast<double>(batch_rows);
  std::size_t at = 0;
  for (const Tensor& p : params_) {
    const auto n = static_cast<std::size_t>(p.numel());
    const Tensor g = p.grad();
    double* out = buffer_.data() + at;
    if (local_rows > 0 && g.defined()) {
      const Tensor dense = g.contiguous();
      tensor::dispatch(p.dtype(), [&](auto tag) {
        const auto* in = dense.data<decltype(tag)>();
        for (std::size_t i = 0; i < n; ++i) out[i] = weight * static_cast<double>(in[i]);
      });
    } else {
      std::fill(out, out + n, 0.0);
    }
    at += n;
  }
  buffer_[at] = local_loss_sum;
  buffer_[at + 1] = static_cast<double>(local_correct);
  buffer_[at + 2] = local_stop ? 1.0 : 0.0;
  collective_.sum(buffer_);

  // Into fresh tensors: a gradient backward() left may share storage with another.
  at = 0;
  for (const Tensor& p : params_) {
    const auto n = static_cast<std::size_t>(p.numel());
    Tensor sum = tensor::zeros(p.shape(), p.dtype());
    const double* in = buffer_.data() + at;
    tensor::dispatch(p.dtype(), [&](auto tag) {
      using T = decltype(tag);
      T* dst = sum.data<T>();
      for (std::size_t i = 0; i < n; ++i) dst[i] = static_cast<T>(in[i]);
    });
    p.set_grad(sum);
    at += n;
  }
  StepTotals totals;
  totals.loss_sum = buffer_[at];
  totals.correct = std::llround(buffer_[at + 1]);
  totals.stop = buffer_[at + 2] > 0;
  return totals;
}

Standardizer fit_standardizer(Collective& collective, const Tensor& x) {
  const std::int64_t rows = x.shape()[0], f = x.shape()[1];
  const auto cols = static_cast<std::size_t>(f);
  const Share mine = share_of(static_cast<std::size_t>(rows), collective.rank(), collective.size());
  const std::vector<double> v = x.to_vector();
  auto at = [&](std::size_t r, std::size_t c) { return v[r * cols + c]; };
  Standardizer s;
  s.mean.assign(cols, 0.0);
  s.scale.assign(cols, 1.0);
  if (rows == 0) return s;
  const auto n = static_cast<double>(rows);
  std::vector<double> sums(cols, 0.0);
  for (std::size_t c = 0; c < cols; ++c)
    for (std::size_t r = mine.begin; r < mine.end; ++r) sums[c] += at(r, c);
  collective.sum(sums);
  for (std::size_t c = 0; c < cols; ++c) s.mean[c] = sums[c] / n;
  std::vector<double> squares(cols, 0.0);
  for (std::size_t c = 0; c < cols; ++c)
    for (std::size_t r = mine.begin; r < mine.end; ++r) {
      const double d = at(r, c) - s.mean[c];
      squares[c] += d * d;
    }
  collective.sum(squares);
  for (std::size_t c = 0; c < cols; ++c) {
    const double sd = std::sqrt(squares[c] / n);
    s.scale[c] = sd > 1e-12 ? sd : 1.0;  // as Standardizer::fit: a constant column keeps scale 1
  }
  return s;
}

}  // namespace leibniz::nn
