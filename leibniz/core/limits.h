// The documented bounds on input and work (README "Limits"): exceeding one throws an
// Error of kind Limit instead of exhausting memory, the stack or the user's patience.
#pragma once

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

/// The process-wide limits; the CLI may change them before work starts.
Limits& limits();

/// Lowers limits().max_terms for the scope, for work that is only an attempt.
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

/// Starts the time budget of one request; the budget ends when the scope does.
class TimeBudget {
 public:
  explicit TimeBudget(double seconds);
  ~TimeBudget();
  TimeBudget(const TimeBudget&) = delete;
  TimeBudget& operator=(const TimeBudget&) = delete;

 private:
  std::chrono::steady_clock::time_point previous_;
};

/// Cheap check called from inner loops; looks at the clock every few thousand calls
/// and throws Error{Limit} once the current TimeBudget is spent.
void tick();

/// Looks at the clock now.
void check_time();

}  // namespace leibniz
