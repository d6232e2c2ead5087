#include "leibniz/python/interrupt.h"

namespace py = pybind11;

namespace leibniz::python {

bool PythonSignals::poll() {
  if (raised_) return true;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_poll_ < std::chrono::milliseconds(50)) return false;
  last_poll_ = now;
  py::gil_scoped_acquire gil;
  if (PyErr_CheckSignals() != 0) raised_ = std::make_unique<py::error_already_set>();
  return raised_ != nullptr;
}

void PythonSignals::rethrow() {
  if (!raised_) return;
  py::error_already_set error = std::move(*raised_);
  raised_.reset();
  throw error;
}

}  // namespace leibniz::python
