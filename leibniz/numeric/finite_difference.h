// Central finite differences, the independent check of every analytic derivative.
#pragma once

#include <cstddef>
#include <span>

#include "leibniz/eval/program.h"

namespace leibniz {

/// (f(p + h e_i) - f(p - h e_i)) / 2h with h scaled to |p_i|; O(h^2) error.
double central_difference(const Program& f, std::span<const double> point, std::size_t i);

/// |a - b| / max(1, |a|, |b|): the error measure of gradient checks.
double relative_error(double a, double b);

}  // namespace leibniz
