// leibniz.Tensor: the C++ tensor with its autodiff, NumPy's memory shared both ways
// (tensor_numpy.h), operators and methods named as in PyTorch. The nn layers, optimizers
// and training are bound in tensor_nn.cpp and tensor_train.cpp.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <optional>
#include <type_traits>
#include <vector>

#include "leibniz/core/error.h"
#include "leibniz/python/bindings.h"
#include "leibniz/python/tensor_bindings.h"
#include "leibniz/python/tensor_numpy.h"
#include "leibniz/tensor/autograd.h"
#include "leibniz/tensor/ops_activation.h"
#include "leibniz/tensor/ops_elementwise.h"
#include "leibniz/tensor/ops_linalg.h"
#include "leibniz/tensor/ops_reduce.h"
#include "leibniz/tensor/ops_softmax.h"
#include "leibniz/tensor/ops_view.h"

namespace py = pybind11;

namespace leibniz::python {
namespace {

using tensor::DType;
using tensor::Tensor;

tensor::Shape shape_of(const std::vector<std::int64_t>& dims) {
  if (dims.size() > tensor::kMaxDims) {
    throw Error(ErrorKind::Limit, "a tensor has at most 6 dimensions");
  }
  return tensor::Shape(std::span<const std::int64_t>(dims));
}

py::tuple shape_tuple(const tensor::Shape& shape) {
  py::tuple out(shape.size());
  for (std::size_t d = 0; d < shape.size(); ++d) out[d] = shape[d];
  return out;
}

// The dims of reshape(2, 3) or reshape((2, 3)).
std::vector<std::int64_t> dims_of(const py::args& args) {
  if (args.size() == 1 && !py::isinstance<py::int_>(args[0])) {
    return args[0].cast<std::vector<std::int64_t>>();
  }
  return args.cast<std::vector<std::int64_t>>();
}

// t[i], t[a:b], t[i, a:b, ...]: views (select and slice, recorded for backward).
Tensor index(const Tensor& t, const py::object& key) {
  const py::tuple keys = py::isinstance<py::tuple>(key) ? py::tuple(key) : py::make_tuple(key);
  if (keys.size() > t.dim()) throw py::index_error("too many indices for the tensor");
  Tensor out = t;
  std::int64_t dim = 0;  // of `out`: a selected dimension is gone
  for (const auto& k : keys) {
    const std::int64_t n = out.shape()[static_cast<std::size_t>(dim)];
    if (py::isinstance<py::slice>(k)) {
      py::ssize_t start = 0, stop = 0, step = 0, length = 0;
      if (!py::reinterpret_borrow<py::slice>(k).compute(n, &start, &stop, &step, &length)) {
        throw py::error_already_set();
      }
      if (step != 1) throw py::index_error("tensor slices take steps of 1");
      out = tensor::slice(out, dim, start, start + length);
      ++dim;
    } else {
      std::int64_t i = k.cast<std::int64_t>();
      if (i < -n || i >= n) {
        throw py::index_error("index " + std::to_string(i) + " is out of range for size " +
                              std::to_string(n));
      }
      out = tensor::select(out, dim, i < 0 ? i + n : i);
    }
  }
  return out;
}

// The buffer protocol: numpy.asarray(t) and memoryview(t) see the tensor's own memory.
py::buffer_info buffer_of(const Tensor& t) {
  const auto item = static_cast<py::ssize_t>(tensor::dtype_size(t.dtype()));
  std::vector<py::ssize_t> shape, strides;
  for (std::size_t d = 0; d < t.dim(); ++d) {
    shape.push_back(static_cast<py::ssize_t>(t.shape()[d]));
    strides.push_back(static_cast<py::ssize_t>(t.strides()[d]) * item);
  }
  return tensor::dispatch(t.dtype(), [&](auto tag) {
    using T = decltype(tag);
    return py::buffer_info(t.data<T>(), item, py::format_descriptor<T>::format(),
                           static_cast<py::ssize_t>(t.dim()), shape, strides);
  });
}

std::string repr(const Tensor& t) {
  std::string body = py::str(py::repr(array_view_of(t))).cast<std::string>();
  // "array([1., 2.], dtype=float32)" -> "leibniz.Tensor([1., 2.], dtype=float32)"
  if (body.rfind("array(", 0) == 0) body = body.substr(6, body.size() - 7);
  if (body.find("dtype=") == std::string::npos) {
    body += ", dtype=" + std::string(tensor::dtype_name(t.dtype()));
  }
  if (t.requires_grad()) body += ", requires_grad=True";
  return "leibniz.Tensor(" + body + ")";
}

// Element-wise arithmetic with a tensor, a number or an array on either side; `op` takes
// (Tensor, Tensor), (Tensor, double) and (double, Tensor).
template <class Op>
void bind_arithmetic(py::class_<Tensor>& cls, const char* name, const char* reflected, Op op) {
  cls.def(
      name, [op](const Tensor& a, const Tensor& b) { return op(a, b); }, py::is_operator());
  cls.def(
      name, [op](const Tensor& a, double b) { return op(a, b); }, py::is_operator());
  cls.def(
      name, [op](const Tensor& a, const py::array& b) { return op(a, tensor_view_of(b)); },
      py::is_operator());
  cls.def(
      reflected, [op](const Tensor& a, double b) { return op(b, a); }, py::is_operator());
  cls.def(
      reflected, [op](const Tensor& a, const py::array& b) { return op(tensor_view_of(b), a); },
      py::is_operator());
}

void bind_tensor_class(py::module_& m) {
  py::class_<Tensor> cls(m, "Tensor", py::buffer_protocol(), R"(An n-dimensional float32 or
float64 array with reverse-mode autodiff.

Tensor(data, dtype=None, requires_grad=False): a NumPy array of float32 or float64 is
shared, not copied (writes through either are seen by the other); lists and numbers become
float32 unless dtype says otherwise. t.numpy() and numpy.asarray(t) share the tensor's memory.)");
  cls.def(py::init([](const py::object& data, const py::object& dtype, bool requires_grad) {
            Tensor t =
                py::isinstance<Tensor>(data) ? data.cast<Tensor>() : tensor_from(data, dtype);
            if (py::isinstance<Tensor>(data) && !dtype.is_none()) t = t.to(tensor_dtype(dtype));
            if (requires_grad) t = t.detach().set_requires_grad(true);
            return t;
          }),
          py::arg("data"), py::kw_only(), py::arg("dtype") = py::none(),
          py::arg("requires_grad") = false);
  cls.def_buffer(&buffer_of);
  cls.attr("__array_ufunc__") = py::none();  // array (op) tensor: NumPy defers to the tensor
  cls.def("numpy", &array_view_of, "An array sharing this tensor's memory (no copy).");
  cls.def("tolist", [](const Tensor& t) { return array_view_of(t).attr("tolist")(); });
  cls.def("item", &Tensor::item);
  cls.def_property_readonly("shape", [](const Tensor& t) { return shape_tuple(t.shape()); });
  cls.def_property_readonly("dtype", [](const Tensor& t) { return numpy_dtype(t.dtype()); });
  cls.def_property_readonly("ndim", &Tensor::dim);
  cls.def_property_readonly("size", &Tensor::numel);
  cls.def("__len__", [](const Tensor& t) {
    if (t.dim() == 0) throw py::type_error("len() of a 0-d tensor");
    return t.shape()[0];
  });
  cls.def("__repr__", &repr);
  cls.def("__getitem__", &index);
  cls.def("__float__", &Tensor::item);

  // Autodiff.
  cls.def_property(
      "requires_grad", &Tensor::requires_grad, [](Tensor& t, bool on) { t.set_requires_grad(on); },
      "Whether backward() fills this leaf's .grad.");
  cls.def_property_readonly("grad", [](const Tensor& t) -> std::optional<Tensor> {
    Tensor g = t.grad();
    return g.defined() ? std::optional<Tensor>(g) : std::nullopt;
  });
  cls.def_property_readonly("is_leaf", &Tensor::is_leaf);
  cls.def("backward", &Tensor::backward, py::arg("retain_graph") = false,
          "Reverse sweep from this scalar: every leaf that requires grad gets d this / d leaf "
          "added to its .grad.");
  cls.def("zero_grad", &Tensor::zero_grad);
  cls.def("detach", &Tensor::detach);
  cls.def("clone", &Tensor::clone);
  cls.def("contiguous", &Tensor::contiguous);
  cls.def("is_contiguous", &Tensor::is_contiguous);
  cls.def("astype",
          [](const Tensor& t, const py::object& dtype) { return t.to(tensor_dtype(dtype)); });

  // Shapes.
  cls.def("reshape", [](const Tensor& t, const py::args& dims) {
    return tensor::reshape(t, shape_of(dims_of(dims)));
  });
  cls.def("transpose", &tensor::transpose, py::arg("dim0") = 0, py::arg("dim1") = 1);
  cls.def_property_readonly("T", [](const Tensor& t) { return tensor::transpose(t, 0, 1); });
  cls.def("unsqueeze", &tensor::unsqueeze, py::arg("dim"));

  // Arithmetic.
  bind_arithmetic(cls, "__add__", "__radd__", [](const auto& a, const auto& b) { return a + b; });
  bind_arithmetic(cls, "__sub__", "__rsub__", [](const auto& a, const auto& b) { return a - b; });
  bind_arithmetic(cls, "__mul__", "__rmul__", [](const auto& a, const auto& b) { return a * b; });
  bind_arithmetic(cls, "__truediv__", "__rtruediv__", [](const auto& a, const auto& b) {
    if constexpr (std::is_same_v<std::decay_t<decltype(a)>, double>) {
      return tensor::scalar(a, b.dtype()) / b;  // number / tensor
    } else {
      return a / b;
    }
  });
  cls.def("__neg__", [](const Tensor& t) { return -t; });
  cls.def("__pow__", [](const Tensor& t, double p) { return tensor::pow(t, p); });
  cls.def("__matmul__", &tensor::matmul, py::is_operator());
  cls.def(
      "__matmul__",
      [](const Tensor& a, const py::array& b) { return tensor::matmul(a, tensor_view_of(b)); },
      py::is_operator());
  cls.def(
      "__rmatmul__",
      [](const Tensor& b, const py::array& a) { return tensor::matmul(tensor_view_of(a), b); },
      py::is_operator());
  cls.def("matmul", &tensor::matmul);

  // Reductions and element-wise functions.
  cls.def(
      "sum",
      [](const Tensor& t, std::optional<std::int64_t> dim, bool keepdim) {
        return dim ? tensor::sum(t, *dim, keepdim) : tensor::sum(t);
      },
      py::arg("dim") = py::none(), py::arg("keepdim") = false);
  cls.def(
      "mean",
      [](const Tensor& t, std::optional<std::int64_t> dim, bool keepdim) {
        return dim ? tensor::mean(t, *dim, keepdim) : tensor::mean(t);
      },
      py::arg("dim") = py::none(), py::arg("keepdim") = false);
  cls.def(
      "max",
      [](const Tensor& t, std::optional<std::int64_t> dim, bool keepdim) {
        return dim ? tensor::max(t, *dim, keepdim) : tensor::max(t);
      },
      py::arg("dim") = py::none(), py::arg("keepdim") = false);
  for (auto [name, fn] : element_functions()) cls.def(name, fn);
  cls.def("pow", &tensor::pow, py::arg("exponent"));
  cls.def("softmax", &tensor::softmax, py::arg("dim") = -1);
  cls.def("log_softmax", &tensor::log_softmax, py::arg("dim") = -1);
}

// Guards of the `with leibniz.no_grad():` block.
struct NoGrad {
  std::optional<tensor::NoGradGuard> guard;
};

void bind_creation(py::module_& m) {
  m.def("from_numpy", &tensor_view_of, py::arg("array"),
        "A tensor sharing the array's memory (float32 or float64; no copy).");
  m.def("matmul", &tensor::matmul);
  m.def("concat", &tensor::concat, py::arg("tensors"), py::arg("dim") = 0);
  auto creator = [&m](const char* name, auto make) {
    m.def(
        name,
        [make](const std::vector<std::int64_t>& shape, const py::object& dtype,
               bool requires_grad) {
          Tensor t = make(shape_of(shape), tensor_dtype(dtype));
          if (requires_grad) t.set_requires_grad(true);
          return t;
        },
        py::arg("shape"), py::kw_only(), py::arg("dtype") = "float32",
        py::arg("requires_grad") = false);
  };
  creator("zeros", [](const tensor::Shape& s, DType d) { return tensor::zeros(s, d); });
  creator("ones", [](const tensor::Shape& s, DType d) { return tensor::ones(s, d); });
  m.def(
      "full",
      [](const std::vector<std::int64_t>& shape, double value, const py::object& dtype) {
        return tensor::full(shape_of(shape), value, tensor_dtype(dtype));
      },
      py::arg("shape"), py::arg("value"), py::kw_only(), py::arg("dtype") = "float32");

  py::class_<tensor::Generator>(m, "Generator",
                                "A seeded random stream (the one `leibniz train --seed` uses).")
      .def(py::init<std::uint64_t>(), py::arg("seed") = 1)
      .def("uniform", &tensor::Generator::uniform)
      .def("normal", &tensor::Generator::normal);
  m.def(
      "randn",
      [](const std::vector<std::int64_t>& shape, tensor::Generator& gen, const py::object& dtype,
         double std) { return tensor::randn(shape_of(shape), gen, tensor_dtype(dtype), std); },
      py::arg("shape"), py::arg("generator"), py::kw_only(), py::arg("dtype") = "float32",
      py::arg("std") = 1.0);
  m.def(
      "rand",
      [](const std::vector<std::int64_t>& shape, tensor::Generator& gen, double low, double high,
         const py::object& dtype) {
        return tensor::rand_uniform(shape_of(shape), low, high, gen, tensor_dtype(dtype));
      },
      py::arg("shape"), py::arg("generator"), py::kw_only(), py::arg("low") = 0.0,
      py::arg("high") = 1.0, py::arg("dtype") = "float32");

  py::class_<NoGrad>(m, "no_grad",
                     "with leibniz.no_grad(): nothing inside is recorded for "
                     "backward().")
      .def(py::init<>())
      .def("__enter__", [](NoGrad& g) { g.guard.emplace(); })
      .def("__exit__", [](NoGrad& g, const py::args&) { g.guard.reset(); });
}

}  // namespace

std::vector<std::pair<const char*, Tensor (*)(const Tensor&)>> element_functions() {
  return {{"exp", &tensor::exp},       {"log", &tensor::log},   {"sqrt", &tensor::sqrt},
          {"square", &tensor::square}, {"abs", &tensor::abs},   {"sigmoid", &tensor::sigmoid},
          {"tanh", &tensor::tanh},     {"relu", &tensor::relu}, {"softplus", &tensor::softplus},
          {"gelu", &tensor::gelu}};
}

void bind_tensors(py::module_& m) {
  bind_tensor_class(m);
  bind_creation(m);
  bind_nn(m);
  bind_training(m);
}

}  // namespace leibniz::python
