#include "leibniz/tensor/ops_softmax.h"

#include <cmath>

#include "leibniz/tensor/autograd.h"
#include "leibniz/tensor/ops_view.h"

namespace leibniz::tensor {
namespace {

// Rows of length n of a dense (rows, n) block: y = softmax(x) or log_softmax(x).
template <bool kLog, typename T>
void forward_rows(const T* x, T* y, std::int64_t rows, std::int64_t n) {
  for (std::int64_t r = 0; r < rows; ++r) {
    const T* xr = x + r * n;
    T* yr = y + r * n;
    T m = xr[0];
    for (std::int64_t j = 1; j < n; ++j) m = xr[j] > m ? xr[j] : m;
    double s = 0;
    for (std::int64_t j = 0; j < n; ++j) s += std::exp(static_cast<double>(xr[j] - m));
    if constexpr (kLog) {
      T lse = m + static_cast<T>(std::log(s));
      for (std::int64_t j = 0; j < n; ++j) yr[j] = xr[j] - lse;
    } else {
      for (std::int64_t j = 0; j < n; ++j)
        yr[j] = static_cast<T>(std::exp(static_cast<double>(xr[j] - m)) / s);
    }
  }
}

// softmax:     dx = y * (g - sum(g * y))
// log_softmax: dx = g - softmax(x) * sum(g),  softmax(x) = exp(y)
template <bool kLog, typename T>
void backward_rows(const T* y, const T* g, T* dx, std::int64_t rows, std::int64_t n) {
  for (std::int64_t r = 0; r < rows; ++r) {
    const T* yr = y + r * n;
    const T* gr = g + r * n;
    T* d = dx + r * n;
    double s = 0;
    if constexpr (kLog) {
      for (std::int64_t j = 0; j < n; ++j) s += gr[j];
      for (std::int64_t j = 0; j < n; ++j) d[j] = gr[j] - std::exp(yr[j]) * static_cast<T>(s);
    } else {
      for (std::int64_t j = 0; j < n; ++j) s += gr[j] * yr[j];
      for (std::int64_t j = 0; j < n; ++j) d[j] = yr[j] * (gr[j] - static_cast<T>(s));
    }
  }
}

template <bool kLog>
Tensor softmax_last(const Tensor& t) {
  Tensor x = t.contiguous();
  std::int64_t n = t.dim() == 0 ? 1 : t.shape().back();
  std::int64_t rows = n == 0 ? 0 : t.numel() / n;
  Tensor out = empty(t.shape(), t.dtype());
  dispatch(t.dtype(), [&](auto tag) {
    using T = decltype(tag);
    forward_rows<kLog>(x.data<T>(), out.data<T>(), rows, n);
  });
  if (needs_grad(x)) {
    Tensor y = out.detach();
    record(out, kLog ? "log_softmax" : "softmax", {x},
           [y, rows, n](const Tensor& g, GradSink& sink) {
             Tensor gc = g.contiguous();
             Tensor dx = empty(y.shape(), y.dtype());
             dispatch(y.dtype(), [&](auto tag) {
               using T = decltype(tag);
               backward_rows<kLog>(y.data<T>(), gc.data<T>(), dx.data<T>(), rows, n);
             });
             sink.add(0, dx);
           });
  }
  return out;
}

template <bool kLog>
Tensor softmax_dim(const Tensor& t, std::int64_t dim) {
  if (t.dim() == 0) return softmax_last<kLog>(t);
  auto d = static_cast<std::int64_t>(normalize_dim(dim, t.dim()));
  auto last = static_cast<std::int64_t>(t.dim()) - 1;
  if (d == last) return softmax_last<kLog>(t);
  // Move the dimension last, work on rows, move it back.
  return transpose(softmax_last<kLog>(transpose(t, d, last)), d, last);
}

}  // namespace

Tensor softmax(const Tensor& t, std::int64_t dim) { return softmax_dim<false>(t, dim); }
Tensor log_softmax(const Tensor& t, std::int64_t dim) { return softmax_dim<true>(t, dim); }

}  // namespace leibniz::tensor
