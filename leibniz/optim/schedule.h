// Learning-rate schedules as pure functions of the epoch (0-based).
#pragma once

#include <cstdint>
#include <string_view>

namespace leibniz::optim {

enum class ScheduleKind { Constant, Step, Cosine };

struct Schedule {
  ScheduleKind kind = ScheduleKind::Constant;
  double base_lr = 0.01;
  std::int64_t step_size = 10;  ///< Step: multiply by gamma every step_size epochs
  double gamma = 0.1;
  std::int64_t total_epochs = 1;  ///< Cosine: anneal from base_lr to min_lr over these
  double min_lr = 0.0;

  /// The learning rate for `epoch`:
  ///   Step:   base * gamma^floor(epoch / step_size)
  ///   Cosine: min + (base - min) (1 + cos(pi epoch / total)) / 2   (Loshchilov and Hutter 2017)
  double lr_at(std::int64_t epoch) const;
};

/// "constant", "step", "cosine"; throws Error{Request} otherwise.
ScheduleKind parse_schedule(std::string_view name);

}  // namespace leibniz::optim
