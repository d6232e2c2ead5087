// The documented bounds on input and work (README "Limits"): exceeding one throws an
// Error of kind Limit instead of exhausting memory, the stack or the user's patience.
// Limits and the time budget are per thread (docs/threads.md): each thread starts from a
// copy of the process-wide defaults, and a budget acts on the thread that opened it.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>

namespace leibniz {

struct Limits {
  std::size_t max_input_chars = 1'000'000;    ///< characters of one expression
  std::size_t max_nesting = 1'000;            ///< parentheses, signs and powers inside each other
  std::size_t max_depth = 4'000;              ///< depth of any expression built
  std::size_t max_terms = 2'000'000;          ///< terms of an expanded polynomial
  std::size_t max_number_bits = 1'000'000;    ///< size of one exact number
  std::size_t max_printed_nodes = 5'000'000;  ///< nodes of a result written out as a tree
  double seconds = 10.0;                      ///< wall-clock time for one request
};

/// The process-wide defaults a thread's limits() start from (a copy made at the thread's
/// first use of limits()).
Limits default_limits();
/// Sets the defaults and the calling thread's limits (the CLI's --timeout). Threads that
/// already use their limits keep them: set the defaults before starting workers.
void set_default_limits(const Limits& defaults);

/// The calling thread's limits; changing them changes no other thread's.
Limits& limits();

/// Lowers the calling thread's limits().max_terms for the scope, for work that is only an
/// attempt.
class TermBudget {
 public:
  explicit TermBudget(std::size_t max_terms) : saved_(limits().max_terms) {
    if (max_terms < saved_) limits().max_terms = max_terms;
  }
  ~TermBudget() { limits().max_terms = saved_; }
  TermBudget(const TermBudget&) = delete;
  TermBudget& operator=(const TermBudget&) = delete;

 private:
  std::size_t saved_;
};

/// Starts the time budget of one request on the calling thread; the budget ends when the
/// scope does.
class TimeBudget {
 public:
  explicit TimeBudget(double seconds);
  ~TimeBudget();
  TimeBudget(const TimeBudget&) = delete;
  TimeBudget& operator=(const TimeBudget&) = delete;

 private:
  std::chrono::steady_clock::time_point previous_deadline_;
  double previous_seconds_;
};

/// Cheap check called from inner loops; looks at the clock every few thousand calls
/// and throws Error{Limit} once the calling thread's TimeBudget is spent.
void tick();

/// Looks at the clock now, and at the interrupt flag (watch_interrupt).
void check_time();

/// Makes check_time() on the calling thread throw Error{Limit} "interrupted" once *flag is
/// set, by a signal handler or another thread (the Python module's Ctrl-C); null stops
/// watching. The flag must outlive the watch.
void watch_interrupt(const std::atomic<bool>* flag);

}  // namespace leibniz
