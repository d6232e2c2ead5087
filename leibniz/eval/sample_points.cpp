// Where a claim is sampled: wide ranges of both signs, and both sides of every place
// where one of its abs, roots, logarithms, denominators or poles changes behaviour.
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <random>

#include "leibniz/eval/precise.h"

namespace leibniz::precise {
namespace {

constexpr std::size_t kMaxBreakpoints = 24;  // per line, the nearest to 0 (tan has a million)
constexpr int kRandomPoints = 30;

// ±10^(k/10) for magnitudes 1e-3 … 1e6, sparser ±10^k out to 1e-12 and 1e30, and 0,
// sorted: where breakpoints are looked for (abs(x - 10^7) has one far out).
const std::vector<double>& scan_grid() {
  static const std::vector<double> grid = [] {
    std::vector<double> g{0};
    auto both = [&g](double m) {
      g.push_back(m);
      g.push_back(-m);
    };
    for (int k = -30; k <= 60; ++k) both(std::pow(10.0, k / 10.0));
    for (int k = -12; k <= -4; ++k) both(std::pow(10.0, k));
    for (int k = 7; k <= 30; ++k) both(std::pow(10.0, k));
    std::ranges::sort(g);
    return g;
  }();
  return grid;
}

// Sampled on every line: round-ish magnitudes 1e-3 … 1e6 and their negatives.
constexpr double kLineValues[] = {1e-3, 0.0173, 0.1,  0.37,  0.83, 1.5,   2.7,   4.1,
                                  7.3,  13.9,   31.4, 171.2, 1e3,  2.3e4, 3.1e5, 1e6};

// Another variable's value while one varies: mixed signs and sizes, none special.
constexpr double kBaseValues[] = {0.7, -1.3, 2.1, -0.45, 3.7, 1.9, -2.6, 0.55};

// A point of [lo, hi] where g changes sign or definedness, by bisection.
double bisect(const Expr& g, std::span<const Expr> vars, std::vector<double> point, std::size_t i,
              double lo, double hi) {
  auto state = [&](double x) {
    point[i] = x;
    const double y = evaluate_quick(g, vars, point);
    return std::isnan(y) ? 2 : (y > 0) - (y < 0);
  };
  const int at_lo = state(lo);
  for (int step = 0; step < 200; ++step) {
    const double mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    const int s = state(mid);
    if (s == 0) return mid;
    (s == at_lo ? lo : hi) = mid;
  }
  return lo + (hi - lo) / 2;
}

bool periodic(const Expr& g) {
  if (g.is(Kind::Func) && (g.fn() == Fn::Sin || g.fn() == Fn::Cos || g.fn() == Fn::Tan)) {
    return true;
  }
  return std::ranges::any_of(g.args(), periodic);
}

// Where |g| is smallest on [lo, hi] (one dip), by golden-section search in 256 bits (in
// doubles 1 - cos(x) is 0 on a whole neighbourhood of 0).
double lowest(const Expr& g, std::span<const Expr> vars, std::vector<double> point, std::size_t i,
              double lo, double hi) {
  auto size = [&](double x) {
    point[i] = x;
    const double y = std::fabs(evaluate_quick(g, vars, point, kHighBits));
    return std::isnan(y) ? std::numeric_limits<double>::infinity() : y;
  };
  const double ratio = (std::sqrt(5.0) - 1) / 2;
  for (int step = 0; step < 100 && lo < hi; ++step) {
    const double a = hi - ratio * (hi - lo), b = lo + ratio * (hi - lo);
    if (a <= lo || b >= hi || a >= b) break;
    if (size(a) < size(b)) {
      hi = b;
    } else {
      lo = a;
    }
  }
  return lo + (hi - lo) / 2;
}

// r, or a nearby simple number (0, a fraction p/q or a multiple of π/q for q ≤ 12,
// within 1e-6) where one of the kinks is at least as close to 0 in 256 bits: a
// breakpoint located in doubles is off by rounding, and 0 reads better than -8e-25.
double snapped(std::span<const Expr> kinks, std::span<const Expr> vars, std::vector<double> point,
               std::size_t i, double r) {
  std::vector<double> candidates{0};
  for (int q = 1; q <= 12; ++q) {
    candidates.push_back(std::round(r * q) / q);
    candidates.push_back(std::round(r * q / M_PI) * M_PI / q);
  }
  auto size = [&](const Expr& g, double x) {
    point[i] = x;
    return std::fabs(evaluate_quick(g, vars, point, kHighBits));
  };
  for (double c : candidates) {
    if (c == r || std::fabs(c - r) > 1e-6 * std::max(1.0, std::fabs(r))) continue;
    for (const Expr& g : kinks) {
      const double at_c = size(g, c), at_r = size(g, r);
      if (!std::isnan(at_c) && !std::isnan(at_r) && at_c <= at_r) return c;
    }
  }
  return r;
}

}  // namespace

std::vector<double> breakpoints(std::span<const Expr> kinks, std::span<const Expr> vars,
                                const std::vector<double>& base, std::size_t i,
                                std::span<const double> grid, std::size_t at_most,
                                bool periodic_dips) {
  std::vector<double> found;
  std::vector<double> point = base;
  for (const Expr& g : kinks) {
    // Zeros of even multiplicity are looked for in algebraic kinks ((x - 3)² under a
    // root); a periodic one (cos u of tan u) dips everywhere and has simple zeros.
    const bool dips = periodic_dips || !periodic(g);
    std::vector<double> values;
    for (double x : grid) {
      point[i] = x;
      values.push_back(evaluate_quick(g, vars, point));
    }
    for (std::size_t j = 0; j < grid.size(); ++j) {
      if (values[j] == 0) found.push_back(grid[j]);
      if (dips && j > 0 && j + 1 < grid.size()) {
        // A zero of even multiplicity, (x - 3)², shows as a dip without a sign change.
        const double before = std::fabs(values[j - 1]), here = std::fabs(values[j]),
                     after = std::fabs(values[j + 1]);
        if (here < before && here < after && values[j - 1] * values[j + 1] > 0) {
          const double r = lowest(g, vars, base, i, grid[j - 1], grid[j + 1]);
          point[i] = r;
          const double low = std::fabs(evaluate_quick(g, vars, point, kHighBits));
          if (low <= 1e-9 * std::min(before, after)) {
            found.push_back(r);
          }
        }
      }
      if (j + 1 == grid.size()) break;
      const double a = values[j], b = values[j + 1];
      const bool sign_change = !std::isnan(a) && !std::isnan(b) && a * b < 0;
      const bool domain_edge = std::isnan(a) != std::isnan(b);
      if (sign_change || domain_edge) {
        found.push_back(bisect(g, vars, base, i, grid[j], grid[j + 1]));
      }
    }
  }
  for (double& r : found) r = snapped(kinks, vars, base, i, r);
  std::ranges::sort(found, [](double a, double b) { return std::fabs(a) < std::fabs(b); });
  if (found.size() > at_most) found.resize(at_most);
  std::ranges::sort(found);
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

namespace {

// Values of one variable: the line values, each breakpoint and both its sides (near and
// nearer), between neighbouring breakpoints, and beyond the outermost.
std::vector<double> line_values(const std::vector<double>& breaks) {
  std::vector<double> xs;
  for (double m : kLineValues) {
    xs.push_back(m);
    xs.push_back(-m);
  }
  for (std::size_t k = 0; k < breaks.size(); ++k) {
    const double r = breaks[k], scale = std::max(std::fabs(r), 1e-3);
    // The breakpoint itself too: a step is neither of its sides there (sign(0) = 0).
    xs.push_back(r);
    for (double h : {1e-7, 1e-3, 0.1}) {
      xs.push_back(r - h * scale);
      xs.push_back(r + h * scale);
    }
    if (k + 1 < breaks.size()) xs.push_back(r + (breaks[k + 1] - r) / 2);
  }
  if (!breaks.empty()) {
    xs.push_back(breaks.front() - 1 - std::fabs(breaks.front()));
    xs.push_back(breaks.back() + 1 + std::fabs(breaks.back()));
  }
  return xs;
}

}  // namespace

namespace {

// Where one of the kinks comes closest to 0 along variable i without a breakpoint on
// the scanned line: the centre of a bump, such as x = 5 for relu(1 - (x-5)^2 - (y-5)^2),
// whose kink meets 0 only on lines through it.
std::optional<double> deepest_dip(std::span<const Expr> kinks, std::span<const Expr> vars,
                                  const std::vector<double>& base, std::size_t i) {
  const std::vector<double>& grid = scan_grid();
  std::optional<double> best;
  double best_size = std::numeric_limits<double>::infinity();
  std::vector<double> point = base;
  for (const Expr& g : kinks) {
    std::vector<double> sizes;
    for (double x : grid) {
      point[i] = x;
      const double y = evaluate_quick(g, vars, point);
      sizes.push_back(std::isnan(y) ? std::numeric_limits<double>::infinity() : std::fabs(y));
    }
    for (std::size_t j = 1; j + 1 < grid.size(); ++j) {
      if (!(sizes[j] < sizes[j - 1] && sizes[j] < sizes[j + 1])) continue;
      const double r = lowest(g, vars, base, i, grid[j - 1], grid[j + 1]);
      point[i] = r;
      const double size = std::fabs(evaluate_quick(g, vars, point));
      if (size < best_size) {
        best_size = size;
        best = r;
      }
    }
  }
  return best;
}

}  // namespace

std::vector<std::vector<double>> sample_points(std::span<const Expr> kinks,
                                               std::span<const Expr> vars) {
  std::vector<std::vector<double>> points;
  if (vars.empty()) return {{}};
  std::vector<double> base(vars.size());
  for (std::size_t j = 0; j < vars.size(); ++j) base[j] = kBaseValues[j % std::size(kBaseValues)];
  for (std::size_t i = 0; i < vars.size(); ++i) {
    for (double x :
         line_values(breakpoints(kinks, vars, base, i, scan_grid(), kMaxBreakpoints, false))) {
      std::vector<double> p = base;
      p[i] = x;
      points.push_back(std::move(p));
    }
  }
  // Again along each variable through the centre of the kinks' dips, where a bump of
  // several variables rises above 0.
  if (vars.size() > 1) {
    std::vector<double> centre = base;
    for (std::size_t i = 0; i < vars.size(); ++i) {
      if (const auto r = deepest_dip(kinks, vars, base, i)) centre[i] = *r;
    }
    if (centre != base) {
      for (std::size_t i = 0; i < vars.size(); ++i) {
        for (double x : line_values(
                 breakpoints(kinks, vars, centre, i, scan_grid(), kMaxBreakpoints, false))) {
          std::vector<double> p = centre;
          p[i] = x;
          points.push_back(std::move(p));
        }
      }
    }
  }
  // Random points: every variable at once, half of moderate size, half log-uniform.
  std::mt19937 rng(20261129);
  std::uniform_real_distribution<double> moderate(-4, 4), exponent(-3, 6);
  std::bernoulli_distribution coin;
  for (int k = 0; k < kRandomPoints; ++k) {
    std::vector<double> p(vars.size());
    for (double& x : p) {
      x = k % 2 == 0 ? moderate(rng) : std::pow(10.0, exponent(rng)) * (coin(rng) ? 1 : -1);
    }
    points.push_back(std::move(p));
  }
  return points;
}

}  // namespace leibniz::precise
