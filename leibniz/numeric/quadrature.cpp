// Adaptive G7–K15: the interval with the largest error estimate is split in two until
// the total estimate meets the tolerance. Nodes and weights: Kronrod (1965), as in
// QUADPACK's qk15 (Piessens et al. 1983).
#include "leibniz/numeric/quadrature.h"

#include <algorithm>
#include <cmath>
#include <queue>
#include <vector>

namespace leibniz {
namespace {

// Kronrod nodes on [0, 1] (the odd ones are the Gauss nodes), largest first.
constexpr double kNodes[8] = {
    0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
    0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
    0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
    0.207784955007898467600689403773245, 0.000000000000000000000000000000000};
constexpr double kKronrodWeights[8] = {
    0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
    0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
    0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
    0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
constexpr double kGaussWeights[4] = {
    0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
    0.381830050505118944950369775488975, 0.417959183673469387755102040816327};

struct Piece {
  double a, b, value, error;
  bool operator<(const Piece& other) const { return error < other.error; }
};

// Whether [a, b] is wide enough that every node of the rule lies strictly inside it
// (near a singular bound, rounding would otherwise put one on the bound itself).
bool has_room(double a, double b) {
  const double center = 0.5 * (a + b), half = 0.5 * (b - a);
  return a < center - half * kNodes[0] && center + half * kNodes[0] < b;
}

Piece gauss_kronrod(const std::function<double(double)>& f, double a, double b) {
  const double center = 0.5 * (a + b), half = 0.5 * (b - a);
  const double fc = f(center);
  double kronrod = fc * kKronrodWeights[7];
  double gauss = fc * kGaussWeights[3];
  for (int i = 0; i < 7; ++i) {
    const double dx = half * kNodes[i];
    const double sum = f(center - dx) + f(center + dx);
    kronrod += kKronrodWeights[i] * sum;
    if (i % 2 == 1) gauss += kGaussWeights[i / 2] * sum;
  }
  kronrod *= half;
  gauss *= half;
  return {a, b, kronrod, std::fabs(kronrod - gauss)};
}

QuadratureResult adaptive(const std::function<double(double)>& f, double a, double b,
                          const QuadratureOptions& options) {
  QuadratureResult result;
  std::priority_queue<Piece> pieces;
  pieces.push(gauss_kronrod(f, a, b));
  result.evaluations = 15;
  double value = pieces.top().value, error = pieces.top().error;
  while (true) {
    const double tolerance =
        std::max(options.absolute_tolerance, options.relative_tolerance * std::fabs(value));
    if (error <= tolerance) {
      result.converged = true;
      break;
    }
    if (result.evaluations + 30 > options.max_evaluations) break;
    const Piece worst = pieces.top();
    const double middle = 0.5 * (worst.a + worst.b);
    if (!has_room(worst.a, middle) || !has_room(middle, worst.b)) break;  // no room to split
    pieces.pop();
    const Piece left = gauss_kronrod(f, worst.a, middle), right = gauss_kronrod(f, middle, worst.b);
    result.evaluations += 30;
    value += left.value + right.value - worst.value;
    error += left.error + right.error - worst.error;
    pieces.push(left);
    pieces.push(right);
  }
  // Sum afresh: the running totals carry rounding from many updates.
  value = 0;
  error = 0;
  while (!pieces.empty()) {
    value += pieces.top().value;
    error += pieces.top().error;
    pieces.pop();
  }
  result.value = value;
  result.error = error;
  if (!std::isfinite(value) || !std::isfinite(error)) result.converged = false;
  return result;
}

}  // namespace

QuadratureResult quadrature(const std::function<double(double)>& f, double a, double b,
                            const QuadratureOptions& options) {
  if (a == b) return {0, 0, 0, true};
  if (a > b) {
    QuadratureResult r = quadrature(f, b, a, options);
    r.value = -r.value;
    return r;
  }
  const bool lower_infinite = std::isinf(a), upper_infinite = std::isinf(b);
  if (lower_infinite && upper_infinite) {
    // x = t/(1 − t²), dx = (1 + t²)/(1 − t²)² dt on (−1, 1).
    return adaptive(
        [&](double t) {
          const double s = 1 - t * t;
          return f(t / s) * (1 + t * t) / (s * s);
        },
        -1, 1, options);
  }
  if (upper_infinite) {
    // x = a + t/(1 − t), dx = dt/(1 − t)² on [0, 1).
    return adaptive(
        [&](double t) {
          const double s = 1 - t;
          return f(a + t / s) / (s * s);
        },
        0, 1, options);
  }
  if (lower_infinite) {
    // x = b − (1 − t)/t, dx = dt/t² on (0, 1].
    return adaptive([&](double t) { return f(b - (1 - t) / t) / (t * t); }, 0, 1, options);
  }
  return adaptive(f, a, b, options);
}

}  // namespace leibniz
