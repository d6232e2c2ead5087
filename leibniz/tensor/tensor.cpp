#include "leibniz/tensor/tensor.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "leibniz/core/error.h"
#include "leibniz/tensor/allocator.h"
#include "leibniz/tensor/autograd.h"
#include "leibniz/tensor/ops_view.h"

namespace leibniz::tensor {

Storage::Storage(std::size_t n_bytes) : data(buffer_alloc(n_bytes)), bytes(n_bytes) {}
Storage::Storage(void* borrowed, std::size_t n_bytes, std::shared_ptr<void> keep_alive)
    : data(borrowed), bytes(n_bytes), owner(std::move(keep_alive)) {}
Storage::~Storage() {
  if (!owner) buffer_free(data, bytes);
}

const Shape& Tensor::shape() const { return impl_->shape; }
const Shape& Tensor::strides() const { return impl_->strides; }
DType Tensor::dtype() const { return impl_->dtype; }

std::int64_t Tensor::size(std::int64_t d) const { return shape()[normalize_dim(d, dim())]; }

bool Tensor::is_contiguous() const {
  std::int64_t step = 1;
  for (std::size_t i = dim(); i-- > 0;) {
    if (shape()[i] != 1 && strides()[i] != step) return false;
    step *= shape()[i];
  }
  return true;
}

template <typename T>
T* Tensor::data() const {
  LZ_ASSERT(dtype() == dtype_of<T>(), "data<T>() with the wrong element type");
  return static_cast<T*>(impl_->storage->data) + impl_->offset;
}
template float* Tensor::data<float>() const;
template double* Tensor::data<double>() const;

double Tensor::item() const {
  if (numel() != 1) {
    throw Error(ErrorKind::Domain, "item() of a tensor of shape " + shape().str());
  }
  return dispatch(dtype(), [&](auto tag) { return static_cast<double>(*data<decltype(tag)>()); });
}

double Tensor::at(std::initializer_list<std::int64_t> index) const {
  if (index.size() != dim()) {
    throw Error(ErrorKind::Domain, "index with " + std::to_string(index.size()) +
                                       " coordinates into a tensor of shape " + shape().str());
  }
  std::int64_t off = 0;
  std::size_t d = 0;
  for (std::int64_t i : index) {
    if (i < 0 || i >= shape()[d]) {
      throw Error(ErrorKind::Domain, "index " + std::to_string(i) +
                                         " is out of range for dimension " + std::to_string(d) +
                                         " of shape " + shape().str());
    }
    off += i * strides()[d++];
  }
  return dispatch(dtype(),
                  [&](auto tag) { return static_cast<double>(data<decltype(tag)>()[off]); });
}

std::vector<double> Tensor::to_vector() const {
  Tensor c = contiguous();
  std::vector<double> out(static_cast<std::size_t>(numel()));
  dispatch(dtype(), [&](auto tag) {
    const auto* p = c.data<decltype(tag)>();
    std::copy(p, p + numel(), out.begin());
  });
  return out;
}

bool Tensor::requires_grad() const { return impl_->requires_grad; }

Tensor& Tensor::set_requires_grad(bool on) {
  if (!is_leaf()) {
    throw Error(ErrorKind::Domain, "requires_grad can only be set on a leaf tensor");
  }
  impl_->requires_grad = on;
  return *this;
}

bool Tensor::is_leaf() const { return impl_->grad_fn == nullptr; }
Tensor Tensor::grad() const { return impl_->grad; }
void Tensor::set_grad(Tensor grad) const { impl_->grad = std::move(grad); }
void Tensor::zero_grad() const { impl_->grad = Tensor(); }
void Tensor::backward(bool retain_graph) const { run_backward(*this, Tensor(), retain_graph); }
const std::shared_ptr<Node>& Tensor::grad_fn() const { return impl_->grad_fn; }

Tensor Tensor::detach() const {
  auto impl = std::make_shared<TensorImpl>();
  impl->storage = impl_->storage;
  impl->offset = impl_->offset;
  impl->shape = impl_->shape;
  impl->strides = impl_->strides;
  impl->dtype = impl_->dtype;
  return Tensor(std::move(impl));
}

Tensor Tensor::clone() const {
  Tensor out = empty(shape(), dtype());
  copy_into(out, *this);
  return out;
}

Tensor Tensor::contiguous() const {
  if (is_contiguous()) return *this;
  return contiguous_copy(*this);
}

Tensor Tensor::to(DType target) const {
  if (target == dtype()) return *this;
  Tensor src = contiguous();
  Tensor out = empty(shape(), target);
  dispatch(dtype(), [&](auto s) {
    dispatch(target, [&](auto t) {
      const auto* p = src.data<decltype(s)>();
      auto* q = out.data<decltype(t)>();
      const std::int64_t n = numel();  // hoisted: stores may alias the shape
      for (std::int64_t i = 0; i < n; ++i) q[i] = static_cast<decltype(t)>(p[i]);
    });
  });
  return out;
}

Tensor empty(const Shape& shape, DType dtype) {
  auto impl = std::make_shared<TensorImpl>();
  std::size_t bytes = 0;
  if (__builtin_mul_overflow(static_cast<std::size_t>(std::max<std::int64_t>(shape.numel(), 1)),
                             dtype_size(dtype), &bytes)) {
    throw Error(ErrorKind::Limit, "a tensor of shape " + shape.str() + " needs more bytes than " +
                                      "memory can address");
  }
  impl->storage = std::make_shared<Storage>(bytes);
  impl->shape = shape;
  impl->strides = contiguous_strides(shape);
  impl->dtype = dtype;
  return Tensor(std::move(impl));
}

Tensor full(const Shape& shape, double value, DType dtype) {
  Tensor t = empty(shape, dtype);
  dispatch(dtype, [&](auto tag) {
    using T = decltype(tag);
    std::fill_n(t.data<T>(), shape.numel(), static_cast<T>(value));
  });
  return t;
}

Tensor zeros(const Shape& shape, DType dtype) {
  Tensor t = empty(shape, dtype);
  std::memset(t.impl()->storage->data, 0,
              static_cast<std::size_t>(shape.numel()) * dtype_size(dtype));
  return t;
}

Tensor ones(const Shape& shape, DType dtype) { return full(shape, 1.0, dtype); }
Tensor scalar(double value, DType dtype) { return full(Shape{}, value, dtype); }

Tensor from_vector(const std::vector<double>& values, const Shape& shape, DType dtype) {
  if (static_cast<std::int64_t>(values.size()) != shape.numel()) {
    throw Error(ErrorKind::Domain, std::to_string(values.size()) +
                                       " values do not fill a tensor of shape " + shape.str());
  }
  Tensor t = empty(shape, dtype);
  dispatch(dtype, [&](auto tag) {
    using T = decltype(tag);
    std::transform(values.begin(), values.end(), t.data<T>(),
                   [](double v) { return static_cast<T>(v); });
  });
  return t;
}

Tensor randn(const Shape& shape, Generator& gen, DType dtype, double stddev) {
  Tensor t = empty(shape, dtype);
  dispatch(dtype, [&](auto tag) {
    using T = decltype(tag);
    T* p = t.data<T>();
    const std::int64_t n = shape.numel();  // hoisted: stores may alias the shape
    for (std::int64_t i = 0; i < n; ++i) p[i] = static_cast<T>(stddev * gen.normal());
  });
  return t;
}

Tensor rand_uniform(const Shape& shape, double low, double high, Generator& gen, DType dtype) {
  Tensor t = empty(shape, dtype);
  dispatch(dtype, [&](auto tag) {
    using T = decltype(tag);
    T* p = t.data<T>();
    const std::int64_t n = shape.numel();  // hoisted: stores may alias the shape
    for (std::int64_t i = 0; i < n; ++i) {
      p[i] = static_cast<T>(low + (high - low) * gen.uniform());
    }
  });
  return t;
}

Tensor make_view(const Tensor& base, const Shape& shape, const Shape& strides,
                 std::int64_t offset) {
  auto impl = std::make_shared<TensorImpl>();
  impl->storage = base.impl()->storage;
  impl->offset = offset;
  impl->shape = shape;
  impl->strides = strides;
  impl->dtype = base.dtype();
  return Tensor(std::move(impl));
}

}  // namespace leibniz::tensor
