#include "leibniz/python/engine_call.h"

#include <atomic>
#include <csignal>
#include <thread>

#include "leibniz/python/expr_object.h"

namespace leibniz::python {
namespace {

std::atomic<bool> g_interrupted{false};
struct sigaction g_python_handler {};
std::thread::id g_main_thread;

// Async-signal-safe: sets the flag, then lets Python's handler note the signal as usual.
extern "C" void on_sigint(int signal, siginfo_t* info, void* context) {
  g_interrupted.store(true, std::memory_order_relaxed);
  if ((g_python_handler.sa_flags & SA_SIGINFO) != 0) {
    g_python_handler.sa_sigaction(signal, info, context);
  } else if (g_python_handler.sa_handler != SIG_IGN && g_python_handler.sa_handler != SIG_DFL) {
    g_python_handler.sa_handler(signal);
  }
}

}  // namespace

void install_interrupt_handler() {
  g_main_thread = std::this_thread::get_id();
  struct sigaction action {};
  action.sa_sigaction = on_sigint;
  action.sa_flags = SA_SIGINFO | SA_RESTART;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, &g_python_handler);
}

EngineCall::EngineCall()
    : watching_(std::this_thread::get_id() == g_main_thread),
      released_(std::in_place),
      budget_(limits().seconds) {
  release_foreign_expressions();
  if (watching_) {
    // A SIGINT that came while Python code ran is Python's: it raises it on its own.
    g_interrupted.store(false, std::memory_order_relaxed);
    watch_interrupt(&g_interrupted);
  }
}

EngineCall::~EngineCall() {
  if (watching_) watch_interrupt(nullptr);
}

void raise_pending_interrupt() {
  if (!g_interrupted.exchange(false)) return;
  if (PyErr_CheckSignals() != 0) throw pybind11::error_already_set();
}

}  // namespace leibniz::python
