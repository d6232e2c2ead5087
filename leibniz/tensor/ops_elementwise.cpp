#include "leibniz/tensor/ops_elementwise.h"

#include "leibniz/core/error.h"
#include "leibniz/tensor/autograd.h"
#include "leibniz/tensor/strided.h"

namespace leibniz::tensor {
namespace {

enum class BinOp { Add, Sub, Mul, Div };

template <BinOp op, typename T>
inline T apply(T x, T y) {
  if constexpr (op == BinOp::Add) return x + y;
  if constexpr (op == BinOp::Sub) return x - y;
  if constexpr (op == BinOp::Mul) return x * y;
  return x / y;
}

template <BinOp op>
Tensor binary_forward(const Tensor& a, const Tensor& b) {
  if (a.dtype() != b.dtype()) {
    throw Error(ErrorKind::Domain, std::string("arithmetic between ") +
                                       std::string(dtype_name(a.dtype())) + " and " +
                                       std::string(dtype_name(b.dtype())) + " tensors");
  }
  Shape shape = broadcast_shapes(a.shape(), b.shape());
  Tensor out = empty(shape, a.dtype());
  dispatch(a.dtype(), [&](auto tag) {
    using T = decltype(tag);
    T* o = out.data<T>();
    const T* x = a.data<T>();
    const T* y = b.data<T>();
    std::int64_t n = shape.numel();
    if (a.shape() == b.shape() && a.is_contiguous() && b.is_contiguous()) {
      for (std::int64_t i = 0; i < n; ++i) o[i] = apply<op>(x[i], y[i]);
      return;
    }
    if (b.numel() == 1 && a.is_contiguous() && a.shape() == shape) {
      T v = y[0];
      for (std::int64_t i = 0; i < n; ++i) o[i] = apply<op>(x[i], v);
      return;
    }
    detail::for_each_row<3>(
        shape,
        {out.strides(), detail::broadcast_strides(a, shape), detail::broadcast_strides(b, shape)},
        [&](auto off, std::int64_t len, auto st) {
          T* op_ = o + off[0];
          const T* xp = x + off[1];
          const T* yp = y + off[2];
          if (st[1] == 1 && st[2] == 1) {
            for (std::int64_t i = 0; i < len; ++i) op_[i] = apply<op>(xp[i], yp[i]);
          } else if (st[1] == 1 && st[2] == 0) {
            for (std::int64_t i = 0; i < len; ++i) op_[i] = apply<op>(xp[i], yp[0]);
          } else if (st[1] == 0 && st[2] == 1) {
            for (std::int64_t i = 0; i < len; ++i) op_[i] = apply<op>(xp[0], yp[i]);
          } else {
            for (std::int64_t i = 0; i < len; ++i) op_[i] = apply<op>(xp[i * st[1]], yp[i * st[2]]);
          }
        });
  });
  return out;
}

}  // namespace

Tensor add(const Tensor& a, const Tensor& b) {
  Tensor out = binary_forward<BinOp::Add>(a, b);
  if (needs_grad(a, b)) {
    record(out, "add", {a, b}, [](const Tensor& g, GradSink& sink) {
      sink.add(0, g);
      sink.add(1, g);
    });
  }
  return out;
}

Tensor sub(const Tensor& a, const Tensor& b) {
  Tensor out = binary_forward<BinOp::Sub>(a, b);
  if (needs_grad(a, b)) {
    record(out, "sub", {a, b}, [](const Tensor& g, GradSink& sink) {
      sink.add(0, g);
      if (sink.wants(1)) sink.add(1, affine(g, -1.0, 0.0));
    });
  }
  return out;
}

Tensor mul(const Tensor& a, const Tensor& b) {
  Tensor out = binary_forward<BinOp::Mul>(a, b);
  if (needs_grad(a, b)) {
    record(out, "mul", {a, b}, [a, b](const Tensor& g, GradSink& sink) {
      if (sink.wants(0)) sink.add(0, mul(g, b));  // d(ab)/da = b
      if (sink.wants(1)) sink.add(1, mul(g, a));  // d(ab)/db = a
    });
  }
  return out;
}

Tensor div(const Tensor& a, const Tensor& b) {
  Tensor out = binary_forward<BinOp::Div>(a, b);
  if (needs_grad(a, b)) {
    Tensor outd = out.detach();  // a node must not own its own output (a cycle)
    record(out, "div", {a, b}, [b, outd](const Tensor& g, GradSink& sink) {
      Tensor ga = div(g, b);  // d(a/b)/da = 1/b
      if (sink.wants(0)) sink.add(0, ga);
      if (sink.wants(1)) sink.add(1, affine(mul(ga, outd), -1.0, 0.0));  // d(a/b)/db = -(a/b)/b
    });
  }
  return out;
}

Tensor affine(const Tensor& t, double scale, double shift) {
  Tensor src = t.contiguous();
  Tensor out = empty(t.shape(), t.dtype());
  dispatch(t.dtype(), [&](auto tag) {
    using T = decltype(tag);
    const T* x = src.data<T>();
    T* o = out.data<T>();
    T a = static_cast<T>(scale), c = static_cast<T>(shift);
    const std::int64_t n = t.numel();  // hoisted: stores may alias the shape
    for (std::int64_t i = 0; i < n; ++i) o[i] = a * x[i] + c;
  });
  if (needs_grad(src)) {
    record(out, "affine", {src},
           [scale](const Tensor& g, GradSink& sink) { sink.add(0, affine(g, scale, 0.0)); });
  }
  return out;
}

}  // namespace leibniz::tensor
