// leibniz._leibniz: the extension behind `import leibniz` (python/leibniz/__init__.py).
#include "leibniz/python/bindings.h"

PYBIND11_MODULE(_leibniz, module) {
  module.doc() = "leibniz: calculus for AI (spec/interfaces.md section 7)";
  leibniz::python::bind_symbolic(module);
  leibniz::python::bind_tensors(module);
}
