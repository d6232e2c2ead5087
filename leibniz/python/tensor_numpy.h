// Tensors and NumPy arrays sharing memory: a tensor made from an array views the array's
// buffer (the array is kept alive by the tensor's storage), and an array made from a
// tensor views the tensor's storage (kept alive by the array's base object). Nothing is
// copied either way.
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include "leibniz/tensor/tensor.h"

namespace leibniz::python {

/// A tensor viewing `array`'s memory. The array must hold float32 or float64 (else
/// TypeError naming its dtype), be writable and aligned, with strides that are
/// non-negative multiples of its item size (else leibniz.Error{domain} saying why).
tensor::Tensor tensor_view_of(const pybind11::array& array);

/// A tensor from any Python data: an array as tensor_view_of; anything else (lists,
/// numbers) through numpy.array as float32, or as `dtype` when given (a conversion
/// copies).
tensor::Tensor tensor_from(const pybind11::handle& data, const pybind11::object& dtype);

/// An array viewing the tensor's elements (its shape and strides), writable; the tensor's
/// storage lives as long as the array.
pybind11::array array_view_of(const tensor::Tensor& t);

/// NumPy's dtype of a tensor dtype, and back ("float32", np.float64, ...; TypeError otherwise).
pybind11::dtype numpy_dtype(tensor::DType dtype);
tensor::DType tensor_dtype(const pybind11::handle& dtype);

}  // namespace leibniz::python
