#include "leibniz/python/errors.h"

#include <string>

#include "leibniz/core/error.h"
#include "leibniz/python/engine_call.h"
#include "leibniz/python/expr_object.h"

namespace py = pybind11;

namespace leibniz::python {
namespace {

void raise_error(const Error& error) {
  raise_pending_interrupt();  // a Ctrl-C that stopped the engine is KeyboardInterrupt
  const py::object error_class = py::module_::import("leibniz._errors").attr("Error");
  const std::string input = take_input();
  const py::object pos = error.pos() ? py::object(py::int_(*error.pos())) : py::none();
  const py::object instance =
      error_class(std::string(kind_name(error.kind())), std::string(error.what()), pos,
                  input.empty() ? py::object(py::none()) : py::object(py::str(input)));
  PyErr_SetObject(error_class.ptr(), instance.ptr());
}

}  // namespace

void register_error_translator() {
  py::register_exception_translator([](std::exception_ptr failure) {
    try {
      if (failure) std::rethrow_exception(failure);
    } catch (const Error& error) {
      try {
        raise_error(error);
      } catch (py::error_already_set& raised) {
        raised.restore();
      }
    }
  });
}

}  // namespace leibniz::python
