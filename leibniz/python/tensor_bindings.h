// The parts of leibniz.Tensor's binding (tensors.cpp) that other tensor_*.cpp files share.
#pragma once

#include <pybind11/pybind11.h>

#include <utility>
#include <vector>

#include "leibniz/tensor/tensor.h"

namespace leibniz::python {

/// The element-wise functions by their Python name (tensor methods and leibniz.nn functions).
std::vector<std::pair<const char*, tensor::Tensor (*)(const tensor::Tensor&)>> element_functions();

/// leibniz.nn (layers, activations, losses) and leibniz.optim (SGD, Adam).
void bind_nn(pybind11::module_& module);

/// leibniz.train, leibniz.load and leibniz.Model (predict, save), the CLI's train and predict.
void bind_training(pybind11::module_& module);

}  // namespace leibniz::python
