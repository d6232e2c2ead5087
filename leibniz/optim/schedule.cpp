#include "leibniz/optim/schedule.h"

#include <cmath>
#include <numbers>
#include <string>

#include "leibniz/core/error.h"

namespace leibniz::optim {

double Schedule::lr_at(std::int64_t epoch) const {
  switch (kind) {
    case ScheduleKind::Constant: return base_lr;
    case ScheduleKind::Step:
      return base_lr *
             std::pow(gamma, static_cast<double>(epoch / std::max<std::int64_t>(step_size, 1)));
    case ScheduleKind::Cosine: {
      double frac = std::min(1.0, static_cast<double>(epoch) /
                                      static_cast<double>(std::max<std::int64_t>(total_epochs, 1)));
      return min_lr + (base_lr - min_lr) * (1 + std::cos(std::numbers::pi * frac)) / 2;
    }
  }
  return base_lr;
}

ScheduleKind parse_schedule(std::string_view name) {
  if (name == "constant") return ScheduleKind::Constant;
  if (name == "step") return ScheduleKind::Step;
  if (name == "cosine") return ScheduleKind::Cosine;
  throw Error(ErrorKind::Request, "unknown learning-rate schedule '" + std::string(name) +
                                      "' (expected constant, step or cosine)");
}

}  // namespace leibniz::optim
