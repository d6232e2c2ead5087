#include "leibniz/core/limits.h"

#include <fmt/format.h>

#include <mutex>

#include "leibniz/core/error.h"

namespace leibniz {
namespace {

using Clock = std::chrono::steady_clock;

// The defaults change rarely (the CLI, before any work) and are read once per thread, so
// a mutex costs nothing and makes a late change safe.
std::mutex g_defaults_mutex;
Limits g_defaults;

// Per thread, constant-initialised and trivially destructible: reading them is one
// thread-pointer-relative load, with no guard and nothing to run at thread exit. The hot
// ones are initial-exec: in the dlopened Python module the default model calls
// __tls_get_addr on each use; these few bytes fit the static TLS kept for such modules.
struct ThreadLimits {
  Limits limits;
  bool copied_defaults = false;
};
[[gnu::tls_model("initial-exec")]] thread_local ThreadLimits t_limits;

struct ThreadClock {
  Clock::time_point deadline = Clock::time_point::max();
  double budget_seconds = 0;
  std::uint32_t ticks = 0;
};
[[gnu::tls_model("initial-exec")]] thread_local ThreadClock t_clock;

[[gnu::tls_model("initial-exec")]] thread_local const std::atomic<bool>* t_interrupt = nullptr;

}  // namespace

Limits default_limits() {
  const std::lock_guard lock(g_defaults_mutex);
  return g_defaults;
}

void set_default_limits(const Limits& defaults) {
  {
    const std::lock_guard lock(g_defaults_mutex);
    g_defaults = defaults;
  }
  t_limits.limits = defaults;
  t_limits.copied_defaults = true;
}

Limits& limits() {
  if (!t_limits.copied_defaults) [[unlikely]] {
    t_limits.limits = default_limits();
    t_limits.copied_defaults = true;
  }
  return t_limits.limits;
}

TimeBudget::TimeBudget(double seconds)
    : previous_deadline_(t_clock.deadline), previous_seconds_(t_clock.budget_seconds) {
  t_clock.budget_seconds = seconds;
  t_clock.deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                        std::chrono::duration<double>(seconds));
}

TimeBudget::~TimeBudget() {
  t_clock.deadline = previous_deadline_;
  t_clock.budget_seconds = previous_seconds_;
}

void watch_interrupt(const std::atomic<bool>* flag) { t_interrupt = flag; }

void check_time() {
  if (t_interrupt != nullptr && t_interrupt->load(std::memory_order_relaxed)) {
    throw Error(ErrorKind::Limit, "interrupted");
  }
  if (t_clock.deadline != Clock::time_point::max() && Clock::now() > t_clock.deadline) {
    throw Error(ErrorKind::Limit, fmt::format("the computation took longer than the time limit "
                                              "of {} s",
                                              t_clock.budget_seconds));
  }
}

void tick() {
  if ((++t_clock.ticks & 0xFFFu) == 0) check_time();
}

}  // namespace leibniz
