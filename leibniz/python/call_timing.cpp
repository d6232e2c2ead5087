// leibniz._leibniz._time_cpp_diff: the C++ side of bench/python/symbolic.py's call
// overhead, timed inside the module so that it runs the very engine build Python calls.
#include "leibniz/python/call_timing.h"

#include <chrono>
#include <string>
#include <vector>

#include "leibniz/app/operations.h"
#include "leibniz/python/expr_object.h"

namespace py = pybind11;

namespace leibniz::python {

void bind_call_timing(py::module_& module) {
  module.def(
      "_time_cpp_diff",
      [](py::handle expr, const std::string& var, long calls) {
        const Expr e = to_expr(expr);
        const std::vector<std::string> wrt{var};
        const auto start = std::chrono::steady_clock::now();
        for (long i = 0; i < calls; ++i) {
          // leibniz::diff(e, var) is this call. Its result dies before the next one, as in a
          // Python loop: a live one would make the next result's nodes cheaper to make.
          const Expr result = app::run_diff(e, wrt);
        }
        const std::chrono::duration<double> spent = std::chrono::steady_clock::now() - start;
        return spent.count() / static_cast<double>(calls);
      },
      py::arg("expr"), py::arg("var"), py::arg("calls"),
      "Seconds per call of the C++ leibniz::diff(e, var) (app::run_diff), averaged over `calls` "
      "calls.");
}

}  // namespace leibniz::python
