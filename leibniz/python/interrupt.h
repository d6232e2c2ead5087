// Ctrl-C inside a computation that runs without the GIL. Python's own SIGINT handler only
// notes the signal; its KeyboardInterrupt is raised when Python code next runs. A long C++
// computation calls poll() from its loop: at most every 50 ms it takes the GIL and lets
// Python run its pending signal handlers. Once one raised, poll() answers true (the
// computation stops as it would on the CLI's Ctrl-C) and rethrow() raises the exception
// again once the computation has returned and the GIL is back.
#pragma once

#include <pybind11/pybind11.h>

#include <chrono>
#include <memory>

namespace leibniz::python {

class PythonSignals {
 public:
  /// Called without the GIL, from the thread that released it. True once a signal
  /// handler raised (KeyboardInterrupt for Ctrl-C).
  bool poll();
  /// Called with the GIL: raises what a signal handler raised, if one did.
  void rethrow();

 private:
  std::chrono::steady_clock::time_point last_poll_{};
  std::unique_ptr<pybind11::error_already_set> raised_;
};

}  // namespace leibniz::python
