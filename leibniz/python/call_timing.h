// leibniz._leibniz._time_cpp_diff: the C++ call bench/python/symbolic.py compares Python's
// call with.
#pragma once

#include <pybind11/pybind11.h>

namespace leibniz::python {

void bind_call_timing(pybind11::module_& module);

}  // namespace leibniz::python
