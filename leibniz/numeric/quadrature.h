// Adaptive Gauss–Kronrod quadrature (7-point Gauss, 15-point Kronrod) with an error
// estimate; infinite bounds by a change of variable onto a finite interval.
//
//   auto q = quadrature([](double x) { return std::exp(-x * x); }, -kInfinity, kInfinity);
//   // q.value ≈ √π, q.error ≈ 1e-15, q.converged
#pragma once

#include <functional>
#include <limits>

namespace leibniz {

inline constexpr double kInfinity = std::numeric_limits<double>::infinity();

struct QuadratureResult {
  double value = 0;
  double error = 0;        ///< estimated absolute error
  int evaluations = 0;     ///< calls of the integrand
  bool converged = false;  ///< the error estimate met the tolerance within the budget
};

struct QuadratureOptions {
  double absolute_tolerance = 1e-12;
  double relative_tolerance = 1e-10;
  int max_evaluations = 150'000;
};

/// ∫_a^b f(x) dx; a may be −∞ and b +∞. Never evaluates f at a finite bound, so
/// integrable singularities there (1/√x at 0) are fine. Exceptions of f propagate.
QuadratureResult quadrature(const std::function<double(double)>& f, double a, double b,
                            const QuadratureOptions& options = {});

}  // namespace leibniz
