#include "leibniz/tensor/ops_activation.h"

#include <cmath>
#include <numbers>
#include <type_traits>

#include "leibniz/tensor/autograd.h"
#include "leibniz/tensor/fast_math.h"

namespace leibniz::tensor {
namespace {

// One row per function: y = f(x), and dy/dx from x and y (whichever is cheaper).
struct Exp {
  static constexpr const char* name = "exp";
  template <typename T>
  static T f(T x) {
    return std::exp(x);
  }
  template <typename T>
  static T df(T, T y) {
    return y;
  }
};
struct Log {
  static constexpr const char* name = "log";
  template <typename T>
  static T f(T x) {
    return std::log(x);
  }
  template <typename T>
  static T df(T x, T) {
    return T(1) / x;
  }
};
struct Sqrt {
  static constexpr const char* name = "sqrt";
  template <typename T>
  static T f(T x) {
    return std::sqrt(x);
  }
  template <typename T>
  static T df(T, T y) {
    return T(0.5) / y;
  }
};
struct Square {
  static constexpr const char* name = "square";
  template <typename T>
  static T f(T x) {
    return x * x;
  }
  template <typename T>
  static T df(T x, T) {
    return T(2) * x;
  }
};
struct Abs {
  static constexpr const char* name = "abs";
  template <typename T>
  static T f(T x) {
    return std::abs(x);
  }
  template <typename T>
  static T df(T x, T) {
    return x > 0 ? T(1) : (x < 0 ? T(-1) : T(0));
  }
};
struct Sigmoid {
  static constexpr const char* name = "sigmoid";
  template <typename T>
  static T f(T x) {
    // For x < 0, e^x / (1 + e^x) avoids e^-x overflowing.
    if (x >= 0) return T(1) / (T(1) + std::exp(-x));
    T e = std::exp(x);
    return e / (T(1) + e);
  }
  template <typename T>
  static T df(T, T y) {
    return y * (T(1) - y);
  }
};
struct Tanh {
  static constexpr const char* name = "tanh";
  template <typename T>
  static T f(T x) {
    return detail::fast_tanh(x);
  }
  template <typename T>
  static T df(T, T y) {
    return T(1) - y * y;
  }
};
struct Relu {
  static constexpr const char* name = "relu";
  template <typename T>
  static T f(T x) {
    return x > 0 ? x : T(0);
  }
  template <typename T>
  static T df(T x, T) {
    return x > 0 ? T(1) : T(0);
  }
};
struct Softplus {
  static constexpr const char* name = "softplus";
  // ln(1 + e^x) = max(x, 0) + ln(1 + e^-|x|).
  template <typename T>
  static T f(T x) {
    return std::max(x, T(0)) + std::log1p(std::exp(-std::abs(x)));
  }
  template <typename T>
  static T df(T x, T) {
    return Sigmoid::f(x);
  }
};
struct Gelu {
  static constexpr const char* name = "gelu";
  // gelu(x) = x Phi(x); gelu'(x) = Phi(x) + x phi(x)  (Hendrycks and Gimpel 2016).
  template <typename T>
  static T cdf(T x) {
    return T(0.5) * (T(1) + std::erf(x / T(std::numbers::sqrt2)));
  }
  template <typename T>
  static T f(T x) {
    return x * cdf(x);
  }
  template <typename T>
  static T df(T x, T) {
    T pdf = std::exp(T(-0.5) * x * x) / T(std::sqrt(2 * std::numbers::pi));
    return cdf(x) + x * pdf;
  }
};

template <typename Fn>
Tensor unary(const Tensor& t) {
  Tensor x = t.contiguous();
  Tensor out = empty(t.shape(), t.dtype());
  dispatch(t.dtype(), [&](auto tag) {
    using T = decltype(tag);
    const T* xp = x.data<T>();
    T* yp = out.data<T>();
    const std::int64_t n = t.numel();  // hoisted: stores may alias the shape
    if constexpr (std::is_same_v<Fn, Tanh>) {
      detail::tanh_array(xp, yp, n);
    } else {
      for (std::int64_t i = 0; i < n; ++i) yp[i] = Fn::f(xp[i]);
    }
  });
  if (needs_grad(x)) {
    Tensor y = out.detach();
    record(out, Fn::name, {x}, [x, y](const Tensor& g, GradSink& sink) {
      Tensor gc = g.contiguous();
      Tensor gx = empty(x.shape(), x.dtype());
      dispatch(x.dtype(), [&](auto tag) {
        using T = decltype(tag);
        const T* xp = x.data<T>();
        const T* yp = y.data<T>();
        const T* gp = gc.data<T>();
        T* o = gx.data<T>();
        const std::int64_t n = x.numel();  // hoisted: stores may alias the shape
        for (std::int64_t i = 0; i < n; ++i) o[i] = gp[i] * Fn::df(xp[i], yp[i]);
      });
      sink.add(0, gx);
    });
  }
  return out;
}

}  // namespace

Tensor exp(const Tensor& t) { return unary<Exp>(t); }
Tensor log(const Tensor& t) { return unary<Log>(t); }
Tensor sqrt(const Tensor& t) { return unary<Sqrt>(t); }
Tensor square(const Tensor& t) { return unary<Square>(t); }
Tensor abs(const Tensor& t) { return unary<Abs>(t); }
Tensor sigmoid(const Tensor& t) { return unary<Sigmoid>(t); }
Tensor tanh(const Tensor& t) { return unary<Tanh>(t); }
Tensor relu(const Tensor& t) { return unary<Relu>(t); }
Tensor softplus(const Tensor& t) { return unary<Softplus>(t); }
Tensor gelu(const Tensor& t) { return unary<Gelu>(t); }

Tensor pow(const Tensor& t, double p) {
  Tensor x = t.contiguous();
  Tensor out = empty(t.shape(), t.dtype());
  dispatch(t.dtype(), [&](auto tag) {
    using T = decltype(tag);
    const T* xp = x.data<T>();
    T* yp = out.data<T>();
    const std::int64_t n = t.numel();  // hoisted: stores may alias the shape
    for (std::int64_t i = 0; i < n; ++i) yp[i] = std::pow(xp[i], static_cast<T>(p));
  });
  if (needs_grad(x)) {
    record(out, "pow", {x}, [x, p](const Tensor& g, GradSink& sink) {
      // d x^p / dx = p x^(p-1)
      Tensor gc = g.contiguous();
      Tensor gx = empty(x.shape(), x.dtype());
      dispatch(x.dtype(), [&](auto tag) {
        using T = decltype(tag);
        const T* xp = x.data<T>();
        const T* gp = gc.data<T>();
        T* o = gx.data<T>();
        const std::int64_t n = x.numel();  // hoisted: stores may alias the shape
        for (std::int64_t i = 0; i < n; ++i) {
          o[i] = gp[i] * static_cast<T>(p) * std::pow(xp[i], static_cast<T>(p - 1));
        }
      });
      sink.add(0, gx);
    });
  }
  return out;
}

}  // namespace leibniz::tensor
