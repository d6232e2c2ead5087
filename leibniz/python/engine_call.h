// One call into the engine from Python: the GIL released so that other Python threads
// run, the request's time budget (limits().seconds, as app::answer gives every request),
// and on the main thread Ctrl-C: the SIGINT handler sets a flag the engine's limits
// watch (watch_interrupt), and the Error{Limit} "interrupted" it throws becomes
// KeyboardInterrupt when Python runs its own handler (raise_pending_interrupt). Training,
// which has no time limit, stops at the same flag (interrupt_flag, TrainConfig::stop):
// this is the module's one home for Ctrl-C.
#pragma once

#include <pybind11/pybind11.h>

#include <atomic>
#include <optional>

#include "leibniz/core/limits.h"

namespace leibniz::python {

/// Chains a handler in front of Python's SIGINT handler (once, at import, on the main
/// thread) that also sets the flag the engine watches.
void install_interrupt_handler();

/// The scope of one engine call; construct it with the GIL held, after converting the
/// arguments, and let it end before touching Python objects again.
class EngineCall {
 public:
  enum class Budget { Request, None };  ///< limits().seconds, or no time limit (training)
  explicit EngineCall(Budget budget = Budget::Request);
  ~EngineCall();
  EngineCall(const EngineCall&) = delete;
  EngineCall& operator=(const EngineCall&) = delete;

  /// The flag a SIGINT sets during this call; null when no Ctrl-C is watched (not the main
  /// thread, or SIGINT ignored or left to the default).
  const std::atomic<bool>* interrupt_flag() const;

 private:
  bool watching_;
  // The GIL, released as pybind11::gil_scoped_release does without its thread-local
  // look-up (the module's internals exist once it is imported): a tenth of a small call.
  PyThreadState* released_;
  std::optional<TimeBudget> budget_;
};

/// Called with the GIL after an engine call failed with an Error: if a SIGINT stopped it,
/// runs Python's signal handlers so that KeyboardInterrupt (or what the handler raises) is
/// the Python exception, and throws error_already_set.
void raise_pending_interrupt();

}  // namespace leibniz::python
