#include "leibniz/python/bindings.h"

namespace leibniz::python {

void bind_symbolic(pybind11::module_& /*module*/) {}

}  // namespace leibniz::python
