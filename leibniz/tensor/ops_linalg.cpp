#include "leibniz/tensor/ops_linalg.h"

#include "leibniz/core/error.h"
#include "leibniz/tensor/autograd.h"
#include "leibniz/tensor/gemm.h"
#include "leibniz/tensor/ops_view.h"

namespace leibniz::tensor {
namespace {

// A 2-d operand as BLAS sees it: row-major data, transposed or not, leading dimension.
struct Operand {
  Tensor t;  // keeps the data alive
  bool trans = false;
  std::int64_t ld = 1;
};

Operand as_operand(const Tensor& x) {
  const Shape& s = x.strides();
  std::int64_t rows = x.shape()[0], cols = x.shape()[1];
  if (s[1] == 1 && (rows == 1 || s[0] >= std::max<std::int64_t>(cols, 1))) {
    return {x, false, rows == 1 ? std::max<std::int64_t>(cols, 1) : s[0]};
  }
  if (s[0] == 1 && (cols == 1 || s[1] >= std::max<std::int64_t>(rows, 1))) {
    return {x, true, cols == 1 ? std::max<std::int64_t>(rows, 1) : s[1]};
  }
  Tensor c = contiguous_copy(x.detach());
  return {c, false, std::max<std::int64_t>(cols, 1)};
}

void check_2d(const Tensor& t, const char* what) {
  if (t.dim() != 2) {
    throw Error(ErrorKind::Domain,
                std::string(what) + " must be a matrix; it has shape " + t.shape().str());
  }
}

// out (m, n) = alpha * a b + beta * out, with a (m, k) and b (k, n) any 2-d layouts.
void gemm_into(const Tensor& out, const Tensor& a, const Tensor& b, double beta) {
  Operand oa = as_operand(a), ob = as_operand(b);
  std::int64_t m = a.shape()[0], k = a.shape()[1], n = b.shape()[1];
  dispatch(out.dtype(), [&](auto tag) {
    using T = decltype(tag);
    detail::gemm<T>(oa.trans, ob.trans, m, n, k, T(1), oa.t.data<T>(), oa.ld, ob.t.data<T>(), ob.ld,
                    static_cast<T>(beta), out.data<T>(), std::max<std::int64_t>(n, 1));
  });
}

Tensor matmul_raw(const Tensor& a, const Tensor& b) {
  Tensor out = empty({a.shape()[0], b.shape()[1]}, a.dtype());
  if (a.shape()[1] == 0) return zeros(out.shape(), a.dtype());
  gemm_into(out, a, b, 0.0);
  return out;
}

}  // namespace

Tensor matmul(const Tensor& a, const Tensor& b) {
  check_2d(a, "matmul's left operand");
  check_2d(b, "matmul's right operand");
  if (a.shape()[1] != b.shape()[0] || a.dtype() != b.dtype()) {
    throw Error(ErrorKind::Domain,
                "matmul of shapes " + a.shape().str() + " and " + b.shape().str());
  }
  Tensor out = matmul_raw(a, b);
  if (needs_grad(a, b)) {
    record(out, "matmul", {a, b}, [a, b](const Tensor& g, GradSink& sink) {
      // g is (M, N): dA = g B^T (M, K), dB = A^T g (K, N).
      if (sink.wants(0)) sink.add(0, matmul_raw(g, transpose(b)));
      if (sink.wants(1)) sink.add(1, matmul_raw(transpose(a), g));
    });
  }
  return out;
}

Tensor linear(const Tensor& x, const Tensor& w, const Tensor& b) {
  check_2d(x, "linear's input");
  check_2d(w, "linear's weight");
  std::int64_t batch = x.shape()[0], in = x.shape()[1], out_features = w.shape()[0];
  if (w.shape()[1] != in || x.dtype() != w.dtype() ||
      (b.defined() && (b.shape() != Shape{out_features} || b.dtype() != x.dtype()))) {
    throw Error(ErrorKind::Domain, "linear of input " + x.shape().str() + " with weight " +
                                       w.shape().str() +
                                       (b.defined() ? " and bias " + b.shape().str() : ""));
  }
  // Dense operands: the recorded contiguous() (if any) carries gradients to the originals.
  Tensor xc = x.contiguous(), wc = w.contiguous(), bc = b.defined() ? b.contiguous() : Tensor();
  // out (B, out) = b + x (B, in) w^T (in, out)
  Tensor out = empty({batch, out_features}, x.dtype());
  dispatch(x.dtype(), [&](auto tag) {
    using T = decltype(tag);
    T* o = out.data<T>();
    if (bc.defined()) {
      const T* bp = bc.data<T>();
      for (std::int64_t r = 0; r < batch; ++r)
        for (std::int64_t j = 0; j < out_features; ++j) o[r * out_features + j] = bp[j];
    }
    detail::gemm<T>(false, true, batch, out_features, in, T(1), xc.data<T>(), in, wc.data<T>(), in,
                    bc.defined() ? T(1) : T(0), o, out_features);
  });
  if (needs_grad(xc, wc) || (bc.defined() && needs_grad(bc))) {
    record(out, "linear", {xc, wc, bc}, [xc, wc](const Tensor& g, GradSink& sink) {
      Tensor gc = g.contiguous();
      std::int64_t rows = gc.shape()[0], cols = gc.shape()[1], in_features = wc.shape()[1];
      dispatch(gc.dtype(), [&](auto tag) {
        using T = decltype(tag);
        const T* gp = gc.data<T>();
        if (sink.wants(0)) {  // dx (B, in) = g (B, out) w (out, in)
          Tensor dx = empty({rows, in_features}, gc.dtype());
          detail::gemm<T>(false, false, rows, in_features, cols, T(1), gp, cols, wc.data<T>(),
                          in_features, T(0), dx.data<T>(), in_features);
          sink.add(0, dx);
        }
        if (sink.wants(1)) {  // dw (out, in) = g^T (out, B) x (B, in)
          Tensor dw = empty({cols, in_features}, gc.dtype());
          detail::gemm<T>(true, false, cols, in_features, rows, T(1), gp, cols, xc.data<T>(),
                          in_features, T(0), dw.data<T>(), in_features);
          sink.add(1, dw);
        }
        if (sink.wants(2)) {  // db (out) = sum over rows of g
          Tensor db = zeros({cols}, gc.dtype());
          T* d = db.data<T>();
          for (std::int64_t r = 0; r < rows; ++r)
            for (std::int64_t j = 0; j < cols; ++j) d[j] += gp[r * cols + j];
          sink.add(2, db);
        }
      });
    });
  }
  return out;
}

}  // namespace leibniz::tensor
