#include "leibniz/core/limits.h"

#include <fmt/format.h>

#include "leibniz/core/error.h"

namespace leibniz {
namespace {

using Clock = std::chrono::steady_clock;
Clock::time_point g_deadline = Clock::time_point::max();
double g_budget_seconds = 0;
std::uint32_t g_ticks = 0;

}  // namespace

Limits& limits() {
  static Limits instance;
  return instance;
}

TimeBudget::TimeBudget(double seconds) : previous_(g_deadline) {
  g_budget_seconds = seconds;
  g_deadline = Clock::now() +
               std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

TimeBudget::~TimeBudget() { g_deadline = previous_; }

void check_time() {
  if (g_deadline != Clock::time_point::max() && Clock::now() > g_deadline) {
    throw Error(ErrorKind::Limit, fmt::format("the computation took longer than the time limit "
                                              "of {} s",
                                              g_budget_seconds));
  }
}

void tick() {
  if ((++g_ticks & 0xFFFu) == 0) check_time();
}

}  // namespace leibniz
