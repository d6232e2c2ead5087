#include "leibniz/python/bindings.h"

namespace leibniz::python {

void bind_tensors(pybind11::module_& /*module*/) {}

}  // namespace leibniz::python
