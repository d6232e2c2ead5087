#include "leibniz/python/tensor_numpy.h"

#include <fmt/format.h>

#include <memory>
#include <string>
#include <vector>

#include "leibniz/core/error.h"

namespace py = pybind11;

namespace leibniz::python {
namespace {

using tensor::DType;
using tensor::Tensor;

std::string dtype_text(const py::dtype& dtype) {
  return py::str(py::handle(dtype)).cast<std::string>();
}

[[noreturn]] void refuse_dtype(const py::dtype& dtype) {
  throw py::type_error(fmt::format(
      "leibniz tensors hold float32 or float64, not {} (convert with .astype(numpy.float64))",
      dtype_text(dtype)));
}

// A reference to a Python object that may be dropped on any thread, with or without the
// GIL (a tensor's storage can die inside a computation that released it).
std::shared_ptr<void> keep_alive(const py::handle& object) {
  object.inc_ref();
  return {object.ptr(), [](void* p) {
            py::gil_scoped_acquire gil;
            Py_DECREF(static_cast<PyObject*>(p));
          }};
}

}  // namespace

py::dtype numpy_dtype(DType dtype) {
  return dtype == DType::F32 ? py::dtype::of<float>() : py::dtype::of<double>();
}

DType tensor_dtype(const py::handle& dtype) {
  const py::dtype d = py::dtype::from_args(py::reinterpret_borrow<py::object>(dtype));
  if (d.equal(py::dtype::of<float>())) return DType::F32;
  if (d.equal(py::dtype::of<double>())) return DType::F64;
  refuse_dtype(d);
}

Tensor tensor_view_of(const py::array& array) {
  const DType dtype = tensor_dtype(array.dtype());
  const auto rank = static_cast<std::size_t>(array.ndim());
  if (rank > tensor::kMaxDims) {
    throw Error(ErrorKind::Limit,
                fmt::format("a tensor has at most {} dimensions; the array has {}",
                            tensor::kMaxDims, rank));
  }
  if (!array.writeable()) {
    throw Error(ErrorKind::Domain,
                "the array is read-only, and a tensor shares its memory and may write to it "
                "(pass a writable copy: numpy.array(a))");
  }
  if ((array.flags() & py::detail::npy_api::NPY_ARRAY_ALIGNED_) == 0) {
    throw Error(ErrorKind::Domain,
                "the array's elements are not aligned in memory (pass a copy: "
                "numpy.array(a))");
  }
  const auto item = static_cast<std::int64_t>(array.itemsize());
  tensor::Shape shape, strides;
  std::int64_t extent = item;  // bytes from the first element to the end of the last
  for (std::size_t d = 0; d < rank; ++d) {
    const auto n = static_cast<std::int64_t>(array.shape(static_cast<py::ssize_t>(d)));
    const auto stride = static_cast<std::int64_t>(array.strides(static_cast<py::ssize_t>(d)));
    shape.push_back(n);
    if (n <= 1) {  // the stride of a dimension of one element is never used
      strides.push_back(0);
      continue;
    }
    if (stride < 0 || stride % item != 0) {
      throw Error(ErrorKind::Domain,
                  fmt::format("the array's strides {} cannot be shared (a reversed view, or a "
                              "step that is not whole elements); pass numpy.ascontiguousarray(a)",
                              py::str(py::tuple(array.attr("strides"))).cast<std::string>()));
    }
    strides.push_back(stride / item);
    extent += (n - 1) * stride;
  }
  auto impl = std::make_shared<tensor::TensorImpl>();
  impl->storage = std::make_shared<tensor::Storage>(
      const_cast<void*>(array.data()), static_cast<std::size_t>(extent), keep_alive(array));
  impl->shape = shape;
  impl->strides = strides;
  impl->dtype = dtype;
  return Tensor(std::move(impl));
}

Tensor tensor_from(const py::handle& data, const py::object& dtype) {
  const py::module_ numpy = py::module_::import("numpy");
  if (py::isinstance<py::array>(data)) {
    auto array = py::reinterpret_borrow<py::array>(data);
    if (dtype.is_none()) return tensor_view_of(array);
    const py::dtype wanted = numpy_dtype(tensor_dtype(dtype));
    if (array.dtype().equal(wanted)) return tensor_view_of(array);
    return tensor_view_of(array.attr("astype")(wanted));  // asked for: a converted copy
  }
  const py::dtype wanted = numpy_dtype(dtype.is_none() ? DType::F32 : tensor_dtype(dtype));
  py::array array = numpy.attr("array")(data, wanted);
  return tensor_view_of(array);
}

py::array array_view_of(const Tensor& t) {
  const auto item = static_cast<py::ssize_t>(tensor::dtype_size(t.dtype()));
  std::vector<py::ssize_t> shape, strides;
  for (std::size_t d = 0; d < t.dim(); ++d) {
    shape.push_back(static_cast<py::ssize_t>(t.shape()[d]));
    strides.push_back(static_cast<py::ssize_t>(t.strides()[d]) * item);
  }
  auto* storage = new std::shared_ptr<tensor::Storage>(t.impl()->storage);
  py::capsule base(storage,
                   [](void* p) { delete static_cast<std::shared_ptr<tensor::Storage>*>(p); });
  const void* first =
      tensor::dispatch(t.dtype(), [&](auto tag) -> const void* { return t.data<decltype(tag)>(); });
  return py::array(numpy_dtype(t.dtype()), shape, strides, first, base);
}

}  // namespace leibniz::python
