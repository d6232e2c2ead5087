// Tensor: an n-dimensional float32/float64 array with shape and strides over shared
// storage, and the handle through which reverse-mode autodiff sees it.
//
// A short tour:
//   Generator gen(1);
//   Tensor w = randn({3, 2}, gen, DType::F64).set_requires_grad(true);
//   Tensor x = from_vector({1, 2, 3, 4, 5, 6}, {2, 3}, DType::F64);
//   Tensor loss = sum(tanh(matmul(x, w)));   // ops record themselves on the graph
//   loss.backward();                         // w.grad() now holds d loss / d w
// Copies of a Tensor share its data (like a shared_ptr); clone() copies the data.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "leibniz/tensor/dtype.h"
#include "leibniz/tensor/random.h"
#include "leibniz/tensor/shape.h"

namespace leibniz::tensor {

class Node;
struct TensorImpl;

class Tensor {
 public:
  Tensor() = default;
  explicit Tensor(std::shared_ptr<TensorImpl> impl) : impl_(std::move(impl)) {}

  bool defined() const { return impl_ != nullptr; }
  const Shape& shape() const;
  const Shape& strides() const;
  std::size_t dim() const { return shape().size(); }
  /// Size of dimension d (negative counts from the end).
  std::int64_t size(std::int64_t d) const;
  std::int64_t numel() const { return shape().numel(); }
  DType dtype() const;
  bool is_contiguous() const;

  /// Pointer to the first element (the view's offset applied); T must match dtype().
  template <typename T>
  T* data() const;
  /// The value of a one-element tensor.
  double item() const;
  /// The element at a multi-index.
  double at(std::initializer_list<std::int64_t> index) const;
  /// All elements in row-major order, as doubles.
  std::vector<double> to_vector() const;

  // Autodiff.
  bool requires_grad() const;
  /// Marks a leaf as a parameter whose gradient backward() fills.
  Tensor& set_requires_grad(bool on);
  bool is_leaf() const;
  /// The gradient accumulated by backward() (undefined until then).
  Tensor grad() const;
  void set_grad(Tensor grad) const;
  void zero_grad() const;
  /// Reverse sweep from this scalar: accumulates d this / d leaf into every leaf's grad().
  /// The graph is freed afterwards unless retain_graph.
  void backward(bool retain_graph = false) const;
  /// The same data, cut off from the graph.
  Tensor detach() const;
  const std::shared_ptr<Node>& grad_fn() const;

  Tensor clone() const;
  /// This tensor if its elements are row-major and dense, else a dense copy.
  Tensor contiguous() const;
  Tensor to(DType dtype) const;

  TensorImpl* impl() const { return impl_.get(); }
  const std::shared_ptr<TensorImpl>& impl_ptr() const { return impl_; }

 private:
  std::shared_ptr<TensorImpl> impl_;
};

/// Storage shared by a tensor and its views.
struct Storage {
  Storage(std::size_t n_bytes);
  /// Memory that belongs to someone else (a NumPy array): never freed here, kept alive by
  /// `owner` for as long as this storage lives.
  Storage(void* borrowed, std::size_t n_bytes, std::shared_ptr<void> owner);
  ~Storage();
  Storage(const Storage&) = delete;
  Storage& operator=(const Storage&) = delete;
  void* data;
  std::size_t bytes;
  std::shared_ptr<void> owner;  // set for borrowed memory
};

struct TensorImpl {
  std::shared_ptr<Storage> storage;
  std::int64_t offset = 0;  // in elements
  Shape shape;
  Shape strides;
  DType dtype = DType::F32;
  bool requires_grad = false;
  std::shared_ptr<Node> grad_fn;  // null for leaves
  Tensor grad;
};

/// Uninitialised contiguous tensor.
Tensor empty(const Shape& shape, DType dtype = DType::F32);
Tensor zeros(const Shape& shape, DType dtype = DType::F32);
Tensor ones(const Shape& shape, DType dtype = DType::F32);
Tensor full(const Shape& shape, double value, DType dtype = DType::F32);
/// A tensor holding `values` in row-major order; throws when their count does not fit `shape`.
Tensor from_vector(const std::vector<double>& values, const Shape& shape, DType dtype = DType::F32);
Tensor scalar(double value, DType dtype = DType::F32);
/// Independent standard normals (times `stddev`) from `gen`.
Tensor randn(const Shape& shape, Generator& gen, DType dtype = DType::F32, double stddev = 1.0);
/// Independent uniforms on [low, high) from `gen`.
Tensor rand_uniform(const Shape& shape, double low, double high, Generator& gen,
                    DType dtype = DType::F32);
/// A view of `base`'s storage with its own shape, strides and offset (no autodiff record).
Tensor make_view(const Tensor& base, const Shape& shape, const Shape& strides, std::int64_t offset);

}  // namespace leibniz::tensor
