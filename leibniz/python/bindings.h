// The parts of the Python module, each binding one area into leibniz._leibniz.
#pragma once

#include <pybind11/pybind11.h>

namespace leibniz::python {

/// Expr, symbols, the symbolic operations, check, steps, backprop, batch and leibniz.Error.
void bind_symbolic(pybind11::module_& module);

/// leibniz.Tensor (NumPy buffers without copies), autodiff, nn layers, optimizers, train
/// and predict.
void bind_tensors(pybind11::module_& module);

}  // namespace leibniz::python
