#include "leibniz/tensor/ops_view.h"

#include "leibniz/core/error.h"
#include "leibniz/tensor/autograd.h"
#include "leibniz/tensor/ops_reduce.h"
#include "leibniz/tensor/strided.h"

namespace leibniz::tensor {

void copy_into(const Tensor& dst, const Tensor& src) {
  LZ_ASSERT(dst.dtype() == src.dtype(), "copy_into between dtypes");
  Shape sstr = detail::broadcast_strides(src, dst.shape());
  dispatch(dst.dtype(), [&](auto tag) {
    using T = decltype(tag);
    T* d = dst.data<T>();
    const T* s = src.data<T>();
    detail::for_each_row<2>(dst.shape(), {dst.strides(), sstr},
                            [&](auto off, std::int64_t n, auto st) {
                              T* dp = d + off[0];
                              const T* sp = s + off[1];
                              if (st[0] == 1 && st[1] == 1) {
                                for (std::int64_t i = 0; i < n; ++i) dp[i] = sp[i];
                              } else {
                                for (std::int64_t i = 0; i < n; ++i) dp[i * st[0]] = sp[i * st[1]];
                              }
                            });
  });
}

Tensor contiguous_copy(const Tensor& t) {
  Tensor out = empty(t.shape(), t.dtype());
  copy_into(out, t);
  if (needs_grad(t)) {
    record(out, "contiguous", {t}, [](const Tensor& g, GradSink& sink) { sink.add(0, g); });
  }
  return out;
}

Tensor reshape(const Tensor& t, const Shape& shape) {
  if (shape.numel() != t.numel()) {
    throw Error(ErrorKind::Domain,
                "cannot reshape a tensor of shape " + t.shape().str() + " to " + shape.str());
  }
  Tensor base = t.contiguous();
  Tensor out = make_view(base, shape, contiguous_strides(shape), base.impl()->offset);
  if (needs_grad(base)) {
    Shape in_shape = t.shape();
    record(out, "reshape", {base},
           [in_shape](const Tensor& g, GradSink& sink) { sink.add(0, reshape(g, in_shape)); });
  }
  return out;
}

Tensor reshape(const Tensor& t, std::initializer_list<std::int64_t> dims) {
  std::vector<std::int64_t> shape(dims);
  std::int64_t known = 1;
  std::size_t infer = shape.size();
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == -1) {
      if (infer != shape.size()) throw Error(ErrorKind::Domain, "reshape with two -1 dimensions");
      infer = i;
    } else {
      known *= shape[i];
    }
  }
  if (infer != shape.size()) {
    if (known == 0 || t.numel() % known != 0) {
      throw Error(ErrorKind::Domain, "cannot reshape a tensor of shape " + t.shape().str() +
                                         " with an inferred dimension");
    }
    shape[infer] = t.numel() / known;
  }
  return reshape(t, Shape(std::span<const std::int64_t>(shape)));
}

Tensor transpose(const Tensor& t, std::int64_t d0, std::int64_t d1) {
  std::size_t a = normalize_dim(d0, t.dim());
  std::size_t b = normalize_dim(d1, t.dim());
  Shape shape = t.shape();
  Shape strides = t.strides();
  std::swap(shape[a], shape[b]);
  std::swap(strides[a], strides[b]);
  Tensor out = make_view(t, shape, strides, t.impl()->offset);
  if (needs_grad(t)) {
    record(out, "transpose", {t},
           [d0, d1](const Tensor& g, GradSink& sink) { sink.add(0, transpose(g, d0, d1)); });
  }
  return out;
}

Tensor slice(const Tensor& t, std::int64_t dim, std::int64_t start, std::int64_t end) {
  std::size_t d = normalize_dim(dim, t.dim());
  if (start < 0 || end > t.shape()[d] || start > end) {
    throw Error(ErrorKind::Domain, "slice " + std::to_string(start) + ":" + std::to_string(end) +
                                       " of dimension " + std::to_string(d) + " of shape " +
                                       t.shape().str());
  }
  Shape shape = t.shape();
  shape[d] = end - start;
  Tensor out = make_view(t, shape, t.strides(), t.impl()->offset + start * t.strides()[d]);
  if (needs_grad(t)) {
    Shape in_shape = t.shape();
    record(out, "slice", {t}, [in_shape, d, start, end](const Tensor& g, GradSink& sink) {
      Tensor full_grad = zeros(in_shape, g.dtype());
      copy_into(slice(full_grad, static_cast<std::int64_t>(d), start, end), g);
      sink.add(0, full_grad);
    });
  }
  return out;
}

Tensor select(const Tensor& t, std::int64_t dim, std::int64_t index) {
  std::size_t d = normalize_dim(dim, t.dim());
  Tensor s = slice(t, static_cast<std::int64_t>(d), index, index + 1);
  Shape shape;
  for (std::size_t i = 0; i < t.dim(); ++i)
    if (i != d) shape.push_back(t.shape()[i]);
  return reshape(s, shape);
}

Tensor unsqueeze(const Tensor& t, std::int64_t dim) {
  std::size_t d = normalize_dim(dim, t.dim() + 1);
  Shape shape;
  for (std::size_t i = 0; i <= t.dim(); ++i) {
    if (i == d) shape.push_back(1);
    if (i < t.dim()) shape.push_back(t.shape()[i]);
  }
  return reshape(t, shape);
}

Tensor concat(const std::vector<Tensor>& ts, std::int64_t dim) {
  if (ts.empty()) throw Error(ErrorKind::Domain, "concat of no tensors");
  std::size_t d = normalize_dim(dim, ts[0].dim());
  Shape shape = ts[0].shape();
  shape[d] = 0;
  for (const Tensor& t : ts) {
    Shape other = t.shape();
    if (other.size() != shape.size() || t.dtype() != ts[0].dtype()) {
      throw Error(ErrorKind::Domain,
                  "concat of shapes " + ts[0].shape().str() + " and " + other.str());
    }
    other[d] = 0;
    std::int64_t along = t.shape()[d];
    for (std::size_t i = 0; i < shape.size(); ++i) {
      if (i != d && other[i] != shape[i]) {
        throw Error(ErrorKind::Domain, "concat of shapes " + ts[0].shape().str() + " and " +
                                           t.shape().str() + " along dimension " +
                                           std::to_string(d));
      }
    }
    shape[d] += along;
  }
  Tensor out = empty(shape, ts[0].dtype());
  std::vector<std::int64_t> starts;
  std::int64_t at = 0;
  for (const Tensor& t : ts) {
    starts.push_back(at);
    copy_into(make_view(
                  out,
                  [&] {
                    Shape s = out.shape();
                    s[d] = t.shape()[d];
                    return s;
                  }(),
                  out.strides(), at * out.strides()[d]),
              t);
    at += t.shape()[d];
  }
  starts.push_back(at);
  if (needs_grad(ts)) {
    record(out, "concat", ts, [starts, d](const Tensor& g, GradSink& sink) {
      for (std::size_t i = 0; i + 1 < starts.size(); ++i) {
        if (sink.wants(i))
          sink.add(i, slice(g, static_cast<std::int64_t>(d), starts[i], starts[i + 1]));
      }
    });
  }
  return out;
}

Tensor index_select(const Tensor& t, const std::vector<std::int64_t>& indices) {
  if (t.dim() == 0) throw Error(ErrorKind::Domain, "index_select of a scalar");
  Tensor src = t.contiguous();
  std::int64_t rows = t.shape()[0];
  std::int64_t row = rows == 0 ? 0 : t.numel() / rows;
  Shape shape = t.shape();
  shape[0] = static_cast<std::int64_t>(indices.size());
  Tensor out = empty(shape, t.dtype());
  dispatch(t.dtype(), [&](auto tag) {
    using T = decltype(tag);
    const T* s = src.data<T>();
    T* o = out.data<T>();
    for (std::size_t i = 0; i < indices.size(); ++i) {
      std::int64_t r = indices[i];
      if (r < 0 || r >= rows) {
        throw Error(ErrorKind::Domain, "row index " + std::to_string(r) + " is out of range for " +
                                           std::to_string(rows) + " rows");
      }
      std::copy(s + r * row, s + (r + 1) * row, o + static_cast<std::int64_t>(i) * row);
    }
  });
  if (needs_grad(t)) {
    Shape in_shape = t.shape();
    record(out, "index_select", {t}, [in_shape, indices, row](const Tensor& g, GradSink& sink) {
      Tensor gi = zeros(in_shape, g.dtype());
      Tensor gc = g.contiguous();
      dispatch(g.dtype(), [&](auto tag) {
        using T = decltype(tag);
        T* d = gi.data<T>();
        const T* s = gc.data<T>();
        for (std::size_t i = 0; i < indices.size(); ++i) {
          for (std::int64_t j = 0; j < row; ++j)
            d[indices[i] * row + j] += s[static_cast<std::int64_t>(i) * row + j];
        }
      });
      sink.add(0, gi);
    });
  }
  return out;
}

Tensor broadcast_to(const Tensor& t, const Shape& shape) {
  if (broadcast_shapes(t.shape(), shape) != shape) {
    throw Error(ErrorKind::Domain,
                "cannot broadcast shape " + t.shape().str() + " to " + shape.str());
  }
  Tensor out = empty(shape, t.dtype());
  copy_into(out, t);
  if (needs_grad(t)) {
    record(out, "broadcast_to", {t}, [](const Tensor& g, GradSink& sink) { sink.add(0, g); });
  }
  return out;
}

}  // namespace leibniz::tensor
