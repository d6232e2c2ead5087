#include "leibniz/tensor/ops_rnn.h"

#include <vector>

#include "leibniz/core/error.h"
#include "leibniz/tensor/autograd.h"
#include "leibniz/tensor/fast_math.h"
#include "leibniz/tensor/gemm.h"

namespace leibniz::tensor {
namespace {

// Legend: T time steps, B batch, I input features, H hidden units.
struct Dims {
  std::int64_t t, b, i, h;
};

template <typename T>
void rnn_forward(const Dims& d, const T* x, const T* h0, const T* w_ih, const T* w_hh,
                 const T* bias, T* out) {
  // out (T*B, H) = bias + x (T*B, I) w_ih^T, all steps in one GEMM.
  for (std::int64_t r = 0; r < d.t * d.b; ++r)
    for (std::int64_t j = 0; j < d.h; ++j) out[r * d.h + j] = bias[j];
  detail::gemm<T>(false, true, d.t * d.b, d.h, d.i, T(1), x, d.i, w_ih, d.i, T(1), out, d.h);
  // w_hh^T (H, H) once, so each step's product is a plain (non-transposed) GEMM that
  // BLAS runs without repacking the matrix.
  std::vector<T> w_hh_t(static_cast<std::size_t>(d.h * d.h));
  for (std::int64_t r = 0; r < d.h; ++r)
    for (std::int64_t c = 0; c < d.h; ++c)
      w_hh_t[static_cast<std::size_t>(c * d.h + r)] = w_hh[r * d.h + c];
  const std::int64_t step = d.b * d.h;
  for (std::int64_t t = 0; t < d.t; ++t) {
    T* ht = out + t * step;  // (B, H)
    const T* prev = t == 0 ? h0 : ht - step;
    if (prev != nullptr) {
      detail::gemm<T>(false, false, d.b, d.h, d.h, T(1), prev, d.h, w_hh_t.data(), d.h, T(1), ht,
                      d.h);
    }
    detail::tanh_array(ht, ht, step);
  }
}

struct Grads {
  Tensor x, h0, w_ih, w_hh, b;
};

template <typename T>
void rnn_backward(const Dims& d, const T* x, const T* h0, const T* w_ih, const T* w_hh, const T* hs,
                  const T* g, Grads& out, const GradSink& sink) {
  const std::int64_t step = d.b * d.h;
  Tensor dpre_t = empty({d.t, d.b, d.h}, dtype_of<T>());
  Tensor dh_t = zeros({d.b, d.h}, dtype_of<T>());
  T* dpre = dpre_t.data<T>();  // (T, B, H): d loss / d pre-activation of each step
  T* dh = dh_t.data<T>();      // (B, H): d loss / d h_t flowing back through time
  for (std::int64_t t = d.t - 1; t >= 0; --t) {
    const T* ht = hs + t * step;
    const T* gt = g + t * step;
    T* dp = dpre + t * step;
    for (std::int64_t k = 0; k < step; ++k) dp[k] = (dh[k] + gt[k]) * (T(1) - ht[k] * ht[k]);
    if (t > 0 || sink.wants(1)) {
      // dh_{t-1} (B, H) = dpre_t (B, H) w_hh (H, H)
      detail::gemm<T>(false, false, d.b, d.h, d.h, T(1), dp, d.h, w_hh, d.h, T(0), dh, d.h);
    }
  }
  if (sink.wants(0)) {  // dx (T*B, I) = dpre (T*B, H) w_ih (H, I)
    out.x = empty({d.t, d.b, d.i}, dtype_of<T>());
    detail::gemm<T>(false, false, d.t * d.b, d.i, d.h, T(1), dpre, d.h, w_ih, d.i, T(0),
                    out.x.data<T>(), d.i);
  }
  if (sink.wants(1)) out.h0 = dh_t;
  if (sink.wants(2)) {  // dw_ih (H, I) = dpre^T (H, T*B) x (T*B, I)
    out.w_ih = empty({d.h, d.i}, dtype_of<T>());
    detail::gemm<T>(true, false, d.h, d.i, d.t * d.b, T(1), dpre, d.h, x, d.i, T(0),
                    out.w_ih.data<T>(), d.i);
  }
  if (sink.wants(3)) {  // dw_hh (H, H) = sum_t dpre_t^T h_{t-1}
    out.w_hh = zeros({d.h, d.h}, dtype_of<T>());
    T* dw = out.w_hh.data<T>();
    detail::gemm<T>(true, false, d.h, d.h, (d.t - 1) * d.b, T(1), dpre + step, d.h, hs, d.h, T(0),
                    dw, d.h);
    if (h0 != nullptr)
      detail::gemm<T>(true, false, d.h, d.h, d.b, T(1), dpre, d.h, h0, d.h, T(1), dw, d.h);
  }
  if (sink.wants(4)) {  // db (H) = column sums of dpre
    out.b = zeros({d.h}, dtype_of<T>());
    T* db = out.b.data<T>();
    for (std::int64_t r = 0; r < d.t * d.b; ++r)
      for (std::int64_t j = 0; j < d.h; ++j) db[j] += dpre[r * d.h + j];
  }
}

}  // namespace

Tensor rnn_tanh(const Tensor& x, const Tensor& h0, const Tensor& w_ih, const Tensor& w_hh,
                const Tensor& b) {
  if (x.dim() != 3 || w_ih.dim() != 2 || w_hh.dim() != 2 || b.dim() != 1) {
    throw Error(ErrorKind::Domain, "rnn_tanh needs x (T, B, I), w_ih (H, I), w_hh (H, H), b (H)");
  }
  Dims d{x.shape()[0], x.shape()[1], x.shape()[2], w_ih.shape()[0]};
  bool fits = w_ih.shape()[1] == d.i && w_hh.shape() == Shape{d.h, d.h} &&
              b.shape() == Shape{d.h} && (!h0.defined() || h0.shape() == Shape{d.b, d.h});
  bool same_type = w_ih.dtype() == x.dtype() && w_hh.dtype() == x.dtype() &&
                   b.dtype() == x.dtype() && (!h0.defined() || h0.dtype() == x.dtype());
  if (!fits || !same_type) {
    throw Error(ErrorKind::Domain, "rnn_tanh of x " + x.shape().str() + " with w_ih " +
                                       w_ih.shape().str() + ", w_hh " + w_hh.shape().str() +
                                       ", b " + b.shape().str() +
                                       (h0.defined() ? ", h0 " + h0.shape().str() : ""));
  }
  Tensor xc = x.contiguous(), h0c = h0.defined() ? h0.contiguous() : Tensor();
  Tensor wi = w_ih.contiguous(), wh = w_hh.contiguous(), bc = b.contiguous();
  Tensor out = empty({d.t, d.b, d.h}, x.dtype());
  dispatch(x.dtype(), [&](auto tag) {
    using T = decltype(tag);
    rnn_forward<T>(d, xc.data<T>(), h0c.defined() ? h0c.data<T>() : nullptr, wi.data<T>(),
                   wh.data<T>(), bc.data<T>(), out.data<T>());
  });
  if (needs_grad(x, w_ih, w_hh, b) || (h0.defined() && needs_grad(h0))) {
    Tensor hs = out.detach();
    record(out, "rnn_tanh", {x, h0, w_ih, w_hh, b},
           [d, xc, h0c, wi, wh, hs](const Tensor& g, GradSink& sink) {
             Tensor gc = g.contiguous();
             Grads grads;
             dispatch(gc.dtype(), [&](auto tag) {
               using T = decltype(tag);
               rnn_backward<T>(d, xc.data<T>(), h0c.defined() ? h0c.data<T>() : nullptr,
                               wi.data<T>(), wh.data<T>(), hs.data<T>(), gc.data<T>(), grads, sink);
             });
             if (grads.x.defined()) sink.add(0, grads.x);
             if (grads.h0.defined()) sink.add(1, grads.h0);
             if (grads.w_ih.defined()) sink.add(2, grads.w_ih);
             if (grads.w_hh.defined()) sink.add(3, grads.w_hh);
             if (grads.b.defined()) sink.add(4, grads.b);
           });
  }
  return out;
}

}  // namespace leibniz::tensor
