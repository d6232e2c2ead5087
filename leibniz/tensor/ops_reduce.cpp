#include "leibniz/tensor/ops_reduce.h"

#include <cmath>

#include "leibniz/core/error.h"
#include "leibniz/tensor/autograd.h"
#include "leibniz/tensor/ops_elementwise.h"
#include "leibniz/tensor/ops_view.h"
#include "leibniz/tensor/strided.h"

namespace leibniz::tensor {
namespace {

Shape kept_shape(const Shape& shape, std::size_t d) {
  Shape s = shape;
  s[d] = 1;
  return s;
}

Shape dropped_shape(const Shape& shape, std::size_t d) {
  Shape s;
  for (std::size_t i = 0; i < shape.size(); ++i)
    if (i != d) s.push_back(shape[i]);
  return s;
}

// Reduction of dense `t` viewed as (outer, n, inner) along the middle axis.
struct Axes {
  std::int64_t outer = 1, n = 1, inner = 1;
};
Axes split(const Shape& shape, std::size_t d) {
  Axes a;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (i < d) a.outer *= shape[i];
    if (i > d) a.inner *= shape[i];
  }
  a.n = shape[d];
  return a;
}

}  // namespace

Tensor sum_to(const Tensor& g, const Shape& shape) {
  if (g.shape() == shape) return g;
  if (broadcast_shapes(shape, g.shape()) != g.shape()) {
    throw Error(ErrorKind::Domain, "cannot sum shape " + g.shape().str() + " to " + shape.str());
  }
  Tensor out = zeros(shape, g.dtype());
  Shape ostr = detail::broadcast_strides(out, g.shape());
  dispatch(g.dtype(), [&](auto tag) {
    using T = decltype(tag);
    T* o = out.data<T>();
    const T* x = g.data<T>();
    detail::for_each_row<2>(g.shape(), {ostr, g.strides()}, [&](auto off, std::int64_t n, auto st) {
      T* op = o + off[0];
      const T* xp = x + off[1];
      if (st[0] == 0) {
        double acc = 0;  // a long row of float32 loses digits in a float accumulator
        for (std::int64_t i = 0; i < n; ++i) acc += xp[i * st[1]];
        *op += static_cast<T>(acc);
      } else if (st[0] == 1 && st[1] == 1) {
        for (std::int64_t i = 0; i < n; ++i) op[i] += xp[i];
      } else {
        for (std::int64_t i = 0; i < n; ++i) op[i * st[0]] += xp[i * st[1]];
      }
    });
  });
  if (needs_grad(g)) {
    Shape in_shape = g.shape();
    record(out, "sum_to", {g}, [in_shape](const Tensor& gg, GradSink& sink) {
      sink.add(0, broadcast_to(gg, in_shape));
    });
  }
  return out;
}

Tensor sum(const Tensor& t) { return reshape(sum_to(t, Shape{}), Shape{}); }

Tensor sum(const Tensor& t, std::int64_t dim, bool keepdim) {
  std::size_t d = normalize_dim(dim, t.dim());
  Tensor s = sum_to(t, kept_shape(t.shape(), d));
  return keepdim ? s : reshape(s, dropped_shape(t.shape(), d));
}

Tensor mean(const Tensor& t) {
  if (t.numel() == 0) throw Error(ErrorKind::Domain, "mean of an empty tensor");
  return sum(t) * (1.0 / static_cast<double>(t.numel()));
}

Tensor mean(const Tensor& t, std::int64_t dim, bool keepdim) {
  std::size_t d = normalize_dim(dim, t.dim());
  if (t.shape()[d] == 0) throw Error(ErrorKind::Domain, "mean along an empty dimension");
  return sum(t, dim, keepdim) * (1.0 / static_cast<double>(t.shape()[d]));
}

Tensor max(const Tensor& t) { return max(reshape(t, Shape{t.numel()}), 0, false); }

Tensor max(const Tensor& t, std::int64_t dim, bool keepdim) {
  std::size_t d = normalize_dim(dim, t.dim());
  Axes ax = split(t.shape(), d);
  if (ax.n == 0) throw Error(ErrorKind::Domain, "max along an empty dimension");
  Tensor x = t.contiguous();
  Tensor out = empty(kept_shape(t.shape(), d), t.dtype());
  std::vector<std::int64_t> arg(static_cast<std::size_t>(ax.outer * ax.inner));
  dispatch(t.dtype(), [&](auto tag) {
    using T = decltype(tag);
    const T* xp = x.data<T>();
    T* o = out.data<T>();
    for (std::int64_t a = 0; a < ax.outer; ++a) {
      for (std::int64_t c = 0; c < ax.inner; ++c) {
        std::int64_t best = 0;
        T v = xp[a * ax.n * ax.inner + c];
        for (std::int64_t k = 1; k < ax.n; ++k) {
          T w = xp[(a * ax.n + k) * ax.inner + c];
          if (w > v || (std::isnan(w) && !std::isnan(v))) {
            v = w;
            best = k;
          }
        }
        o[a * ax.inner + c] = v;
        arg[static_cast<std::size_t>(a * ax.inner + c)] = best;
      }
    }
  });
  if (needs_grad(x)) {
    Shape in_shape = t.shape();
    record(out, "max", {x}, [in_shape, ax, arg](const Tensor& g, GradSink& sink) {
      Tensor gc = g.contiguous();
      Tensor gx = zeros(in_shape, g.dtype());
      dispatch(g.dtype(), [&](auto tag) {
        using T = decltype(tag);
        const T* gp = gc.data<T>();
        T* o = gx.data<T>();
        for (std::int64_t a = 0; a < ax.outer; ++a)
          for (std::int64_t c = 0; c < ax.inner; ++c) {
            std::int64_t k = arg[static_cast<std::size_t>(a * ax.inner + c)];
            o[(a * ax.n + k) * ax.inner + c] = gp[a * ax.inner + c];
          }
      });
      sink.add(0, gx);
    });
  }
  return keepdim ? out : reshape(out, dropped_shape(t.shape(), d));
}

std::vector<std::int64_t> argmax_rows(const Tensor& t) {
  if (t.dim() != 2) throw Error(ErrorKind::Domain, "argmax_rows of shape " + t.shape().str());
  Tensor x = t.contiguous();
  std::int64_t rows = t.shape()[0], cols = t.shape()[1];
  std::vector<std::int64_t> out(static_cast<std::size_t>(rows));
  dispatch(t.dtype(), [&](auto tag) {
    using T = decltype(tag);
    const T* p = x.data<T>();
    for (std::int64_t r = 0; r < rows; ++r) {
      std::int64_t best = 0;
      for (std::int64_t c = 1; c < cols; ++c)
        if (p[r * cols + c] > p[r * cols + best]) best = c;
      out[static_cast<std::size_t>(r)] = best;
    }
  });
  return out;
}

}  // namespace leibniz::tensor
