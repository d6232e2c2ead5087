#include "leibniz/python/fast_function.h"

namespace py = pybind11;

namespace leibniz::python {

void set_python_error() noexcept {
  try {
    throw;
  } catch (py::error_already_set& raised) {
    raised.restore();
  } catch (...) {
    // As pybind11::cpp_function::dispatcher: the module's translators, then the global ones.
    if (py::detail::apply_exception_translators(
            py::detail::get_local_internals().registered_exception_translators)) {
      return;
    }
    if (py::detail::apply_exception_translators(
            py::detail::get_internals().registered_exception_translators)) {
      return;
    }
    PyErr_SetString(PyExc_SystemError, "an exception escaped the exception translators");
  }
}

void add_fast_function(py::module_& module, PyMethodDef& definition) {
  const py::object function = py::reinterpret_steal<py::object>(
      PyCFunction_NewEx(&definition, nullptr, module.attr("__name__").ptr()));
  if (!function) throw py::error_already_set();
  module.add_object(definition.ml_name, function);
}

}  // namespace leibniz::python
