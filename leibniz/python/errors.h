// leibniz.Error (python/leibniz/_errors.py, a ValueError with .kind, .pos and the caret
// message) for every leibniz::Error that reaches Python, from any binding of the module.
#pragma once

#include <pybind11/pybind11.h>

namespace leibniz::python {

void register_error_translator();

}  // namespace leibniz::python
