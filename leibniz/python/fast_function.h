// Functions of the module that CPython calls through METH_FASTCALL (an array of the
// arguments) instead of pybind11's generic dispatcher (an argument tuple, the overload loop,
// a type caster per argument, the keep-alive support): for calls whose cost is mostly the
// call itself, such as lz.diff of a small expression.
#pragma once

#include <pybind11/pybind11.h>

namespace leibniz::python {

/// Sets the Python exception for the C++ exception being handled, through the translators
/// pybind11's dispatcher would use (a leibniz::Error becomes leibniz.Error).
void set_python_error() noexcept;

/// Runs body (returning a pybind11::object) and hands the result to CPython; an exception
/// becomes the Python exception and null.
template <class Body>
PyObject* guarded(Body&& body) noexcept {
  try {
    return body().release().ptr();
  } catch (...) {
    set_python_error();
    return nullptr;
  }
}

/// Adds the function `definition` describes (METH_FASTCALL; it must outlive the module) to
/// the module as a built-in function.
void add_fast_function(pybind11::module_& module, PyMethodDef& definition);

}  // namespace leibniz::python
