#include "leibniz/python/engine_call.h"

#include <atomic>
#include <chrono>
#include <csignal>

#include "leibniz/python/expr_object.h"

namespace leibniz::python {
namespace {

std::atomic<bool> g_interrupted{false};
struct sigaction g_python_handler {};
std::uint64_t g_main_thread = 0;  // 0: no thread (thread numbers start at 1)

// Async-signal-safe: sets the flag, then lets Python's handler note the signal as usual.
extern "C" void on_sigint(int signal, siginfo_t* info, void* context) {
  g_interrupted.store(true, std::memory_order_relaxed);
  if ((g_python_handler.sa_flags & SA_SIGINFO) != 0) {
    g_python_handler.sa_sigaction(signal, info, context);
  } else if (g_python_handler.sa_handler != SIG_IGN && g_python_handler.sa_handler != SIG_DFL) {
    g_python_handler.sa_handler(signal);
  }
}

// Puts on_sigint in front of the handler SIGINT has, unless it is there already or
// Ctrl-C is ignored or left to the default (then the engine need not watch for it).
// Python's signal.signal() installs its own handler again, so the calls look again, but at
// most every kRecheck: the system call would be a tenth of a small call's cost.
bool chain_now();

constexpr auto kRecheck = std::chrono::milliseconds(100);
std::chrono::steady_clock::time_point g_checked;
bool g_chained = false;

bool chain_interrupt_handler() {
  const auto now = std::chrono::steady_clock::now();
  if (now - g_checked < kRecheck) return g_chained;
  g_checked = now;
  g_chained = chain_now();
  return g_chained;
}

bool chain_now() {
  struct sigaction current {};
  sigaction(SIGINT, nullptr, &current);
  if ((current.sa_flags & SA_SIGINFO) != 0 && current.sa_sigaction == on_sigint) return true;
  if ((current.sa_flags & SA_SIGINFO) == 0 &&
      (current.sa_handler == SIG_IGN || current.sa_handler == SIG_DFL)) {
    return false;
  }
  // The flags of the handler replaced: Python's has no SA_RESTART, so that a blocking read
  // returns EINTR and Python runs its handler (Ctrl-C at input() raises at once).
  struct sigaction action = current;
  action.sa_sigaction = on_sigint;
  action.sa_flags = current.sa_flags | SA_SIGINFO;
  sigaction(SIGINT, &action, &g_python_handler);
  return true;
}

}  // namespace

void install_interrupt_handler() {
  // Python runs signal handlers on its main thread only: imported elsewhere, no watching.
  const auto main_ident = pybind11::module_::import("threading")
                              .attr("main_thread")()
                              .attr("ident")
                              .cast<unsigned long>();
  if (main_ident != PyThread_get_thread_ident()) return;
  g_main_thread = this_thread_number();
  g_checked = std::chrono::steady_clock::now();
  g_chained = chain_now();
}

EngineCall::EngineCall(Budget budget)
    : watching_(this_thread_number() == g_main_thread && chain_interrupt_handler()),
      released_(PyEval_SaveThread()) {
  if (budget == Budget::Request) budget_.emplace(limits().seconds);
  release_foreign_expressions();
  if (watching_) {
    // A SIGINT that came while Python code ran is Python's: it raises it on its own.
    g_interrupted.store(false, std::memory_order_relaxed);
    watch_interrupt(&g_interrupted);
  }
}

EngineCall::~EngineCall() {
  if (watching_) watch_interrupt(nullptr);
  budget_.reset();
  PyEval_RestoreThread(released_);
}

const std::atomic<bool>* EngineCall::interrupt_flag() const {
  return watching_ ? &g_interrupted : nullptr;
}

void raise_pending_interrupt() {
  if (!g_interrupted.exchange(false)) return;
  if (PyErr_CheckSignals() != 0) throw pybind11::error_already_set();
}

}  // namespace leibniz::python
