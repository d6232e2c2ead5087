// ∫_a^b by the fundamental theorem where it is safe, by quadrature otherwise.
#include "leibniz/numeric/definite.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

#include "leibniz/calculus/integrate.h"
#include "leibniz/calculus/simplify.h"
#include "leibniz/core/error.h"
#include "leibniz/eval/precise.h"
#include "leibniz/eval/program.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"
#include "leibniz/expr/substitute.h"
#include "leibniz/expr/symbols.h"
#include "leibniz/numeric/quadrature.h"

namespace leibniz {
namespace {

// Steps of the scan for singular points, and the growth |f| ~ |x − r|^-p measured near r:
// p = 1 exactly for 1/x and tan, where ∫ diverges, and p < 1 converges; but a logarithmic
// factor shifts the measured p by a few hundredths either way (1/(x ln²x) converges at a
// measured 0.92, 1/(x ln x) diverges at 0.96), so between the two bounds leibniz does not
// decide.
constexpr int kScanSteps = 2000;
constexpr double kDivergentExponent = 0.9999;
constexpr double kUndecidedExponent = 0.9;
constexpr mpfr_prec_t kPrecise = precise::kHighBits;

double closed_form_value(const Expr& e) { return Program(e, {}).run({}); }

// The inverse functions at the values that give a closed form back (atan(1) = π/4), and
// |c| for a closed-form number c. (sin, cos and tan at rational multiples of π already
// fold when they are built: functions.h.)
Expr special_values(const Expr& e) {
  if (e.args().empty()) return e;
  std::vector<Expr> args;
  for (const Expr& a : e.args()) args.push_back(special_values(a));
  Expr rebuilt = rebuild(e, std::move(args));
  if (!rebuilt.is(Kind::Func)) return rebuilt;
  const Expr& u = rebuilt.arg(0);
  if (rebuilt.fn() == Fn::Abs) {  // |c| for a closed-form number c: c or −c
    try {
      const double value = closed_form_value(u);
      if (value > 0) return u;
      if (value < 0) return neg(u);
    } catch (const Error&) {
      return rebuilt;  // not a closed form (a symbol remains) or undefined
    }
  }
  thread_local const std::vector<std::pair<Expr, Expr>> inverse_values = [] {
    const std::pair<const char*, const char*> table[] = {
        {"atan(1)", "pi/4"},         {"atan(-1)", "-pi/4"},
        {"atan(sqrt(3))", "pi/3"},   {"atan(sqrt(3)/3)", "pi/6"},
        {"asin(1)", "pi/2"},         {"asin(-1)", "-pi/2"},
        {"asin(1/2)", "pi/6"},       {"asin(-1/2)", "-pi/6"},
        {"acos(0)", "pi/2"},         {"acos(-1)", "pi"},
        {"acos(1/2)", "pi/3"},       {"acos(-1/2)", "2*pi/3"},
        {"acot(1)", "pi/4"},         {"acot(0)", "pi/2"},
        {"acot(-1)", "3*pi/4"},      {"acot(sqrt(3))", "pi/6"},
        {"acot(sqrt(3)/3)", "pi/3"}, {"acot(-sqrt(3))", "5*pi/6"},
        {"asec(2)", "pi/3"},         {"asec(1)", "0"},
        {"acsc(1)", "pi/2"},         {"acsc(2)", "pi/6"}};
    std::vector<std::pair<Expr, Expr>> parsed;  // per thread, as every Expr (docs/threads.md)
    for (const auto& [from, to] : table) parsed.emplace_back(parse_text(from), parse_text(to));
    return parsed;
  }();
  for (const auto& [from, to] : inverse_values) {
    if (from == rebuilt) return to;
  }
  return rebuilt;
}

Expr at(const Expr& e, const Expr& var, const Expr& value) {
  Substitution values;
  values.emplace(var.node(), value);
  return simplify(special_values(substitute(e, values)));
}

// f(x) in doubles, or where doubles fail (1 - cos(x) is 0 for |x| < 1e-8, so
// 1/(1 - cos(x))^(1/4) would divide by 0) in 256 bits; Error{Domain} where f is undefined.
double value_at(const Expr& e, const Expr& var, const Program& integrand, double x) {
  const double point[] = {x};
  try {
    return integrand.run(point);
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::Domain) throw;
    const double precise = precise::evaluate_quick(e, std::span(&var, 1), point, kPrecise);
    if (std::isfinite(precise)) return precise;
    throw;
  }
}

// The interval [a, b] in the notation of the notes, for messages.
std::string interval_text(const Bound& a, const Bound& b) {
  auto text = [](const Bound& x) {
    return x.infinity != 0 ? std::string(x.infinity > 0 ? "∞" : "−∞") : print_unicode(x.value);
  };
  return fmt::format("[{}, {}]", text(a), text(b));
}

// r as a small multiple of π or a small fraction when it is one (to 1e-10 relative),
// or null; 0 only for 0 itself.
Expr simple_form(double r) {
  if (std::fabs(r) < 1e-300) return integer(0);
  const double tolerance = 1e-10 * std::fabs(r);
  for (long q = 1; q <= 12; ++q) {
    const long k = std::lround(r * q / M_PI), n = std::lround(r * q);
    if (k != 0 && std::labs(k) <= 1000 && std::fabs(r - k * M_PI / q) <= tolerance) {
      return mul(rational(k, q), pi_constant());
    }
    if (n != 0 && std::labs(n) <= 100000 &&
        std::fabs(r - static_cast<double>(n) / q) <= tolerance) {
      return rational(n, q);
    }
  }
  return {};
}

std::string point_text(double r) {
  const Expr simple = simple_form(r);
  return simple.is_null() ? fmt::format("{:.6g}", r) : print_unicode(simple);
}

// Where to look for singularities: 2000 even steps over [lo, hi] (over [-1e6, 1e6] of an
// infinite interval, plus magnitudes 1e-3 … 1e6 there), the bounds included.
std::vector<double> scan_grid(double lo, double hi) {
  const double l = std::max(lo, -1e6), h = std::min(hi, 1e6);
  std::vector<double> grid;
  for (int i = 0; i <= kScanSteps; ++i) grid.push_back(l + (h - l) * i / kScanSteps);
  if (std::isinf(lo) || std::isinf(hi)) {
    for (int k = -30; k <= 60; ++k) {
      for (double m : {std::pow(10.0, k / 10.0), -std::pow(10.0, k / 10.0)}) {
        if (m > l && m < h) grid.push_back(m);
      }
    }
  }
  std::ranges::sort(grid);
  grid.erase(std::unique(grid.begin(), grid.end()), grid.end());
  return grid;
}

// ln|v| in doubles, for any v MPFR holds (-inf at 0).
double log_abs(const precise::Real& v) {
  if (mpfr_zero_p(v.get())) return -std::numeric_limits<double>::infinity();
  long exponent = 0;
  const double mantissa = mpfr_get_d_2exp(&exponent, v.get(), MPFR_RNDN);
  return std::log(std::fabs(mantissa)) + static_cast<double>(exponent) * std::log(2.0);
}

enum class Growth { Integrable, Divergent, Undecided };

// How |f| grows on the sides of r inside [lo, hi]: like 1/|x − r| or faster, where ∫
// diverges, or clearly slower. The exponent p of |f| ~ |x − r|^-p comes from two points
// 1e-9 and 1e-12 away, evaluated in 256 bits (a removable 0/0 or ln|x − r| has p ≈ 0,
// 1/√x has p = 1/2).
Growth growth_near(const Expr& e, const Expr& var, double r, double lo, double hi, double& p) {
  const double scale = std::max(std::fabs(r), 1.0);
  Growth growth = Growth::Integrable;
  for (int side : {-1, 1}) {
    const double near[] = {r + side * 1e-9 * scale}, nearer[] = {r + side * 1e-12 * scale};
    if (near[0] <= lo || near[0] >= hi || nearer[0] == r) continue;
    const auto f1 = precise::evaluate_side(e, std::span(&var, 1), near);
    const auto f2 = precise::evaluate_side(e, std::span(&var, 1), nearer);
    if (f1.overflow || f2.overflow) return Growth::Divergent;  // beyond MPFR's range: e^(1/x)
    if (!f1.defined() || !f2.defined()) continue;  // undefined there: reported by the scan
    // By logarithms: e^x at 710 is beyond a double, not unbounded.
    const double v1 = log_abs(*f1.high), v2 = log_abs(*f2.high);
    if (v2 < std::log(1e6) || v2 <= v1) continue;
    const double side_p = (v2 - v1) / std::log((near[0] - r) / (nearer[0] - r));
    if (side_p >= kDivergentExponent) {
      p = side_p;
      return Growth::Divergent;
    }
    if (side_p >= kUndecidedExponent) {
      p = side_p;
      growth = Growth::Undecided;
    }
  }
  return growth;
}

// The points of [lo, hi] where the integrand's abs, roots, logarithms, denominators or
// poles change behaviour (the pieces quadrature works on, never evaluating them). Throws
// Error{Domain} when the integral diverges at one, or the integrand is undefined on a
// piece of the interval.
std::vector<double> singular_points(const Expr& e, const Expr& var, const Program& integrand,
                                    double lo, double hi, const std::string& interval) {
  const std::vector<double> grid = scan_grid(lo, hi);
  const std::vector<Expr> kinks = precise::breakpoint_functions(e);
  std::vector<double> points;
  for (double r : precise::breakpoints(kinks, std::span(&var, 1), {0.0}, 0, grid, 256, true)) {
    if (r > lo && r < hi) points.push_back(r);
  }
  std::vector<double> suspects = points;
  if (std::isfinite(lo)) suspects.push_back(lo);
  if (std::isfinite(hi)) suspects.push_back(hi);
  // A divergence anywhere is reported before a growth leibniz cannot judge.
  std::optional<Error> undecided;
  for (double r : suspects) {
    double p = 0;
    switch (growth_near(e, var, r, lo, hi, p)) {
      case Growth::Divergent:
        throw Error(ErrorKind::Domain,
                    fmt::format("the integrand is unbounded near {} = {} (inside {}); the "
                                "integral diverges",
                                var.name(), point_text(r), interval));
      case Growth::Undecided:
        undecided.emplace(
            ErrorKind::Unsupported,
            fmt::format("near {} = {} the integrand grows like |{} - {}|^-{:.3g}, too close to "
                        "1/|{} - {}| for leibniz to decide whether the integral over {} converges",
                        var.name(), point_text(r), var.name(), point_text(r), p, var.name(),
                        point_text(r), interval));
        break;
      case Growth::Integrable: break;
    }
  }
  if (undecided) throw *undecided;
  // Undefined on a piece (√x on [-1, 1]), not just at an isolated point (sin(x)/x at 0).
  for (double x : grid) {
    if (x <= lo || x >= hi) continue;
    try {
      value_at(e, var, integrand, x);
    } catch (const Error& error) {
      if (error.kind() != ErrorKind::Domain) throw;
      const double step = 1e-9 * std::max(1.0, std::fabs(x));
      const double left[] = {x - step}, right[] = {x + step};
      const double at_left = precise::evaluate_quick(e, std::span(&var, 1), left, kPrecise),
                   at_right = precise::evaluate_quick(e, std::span(&var, 1), right, kPrecise);
      if (std::isfinite(at_left) && std::isfinite(at_right)) continue;
      if (std::isinf(at_left) && std::isinf(at_right)) {  // defined, but no double holds it
        throw Error(ErrorKind::Limit,
                    fmt::format("the integrand is beyond the range of a double at {} = {} "
                                "(inside {}), where the integral is computed in doubles",
                                var.name(), point_text(x), interval));
      }
      throw Error(ErrorKind::Domain,
                  fmt::format("the integrand is undefined at {} = {} (inside {}): {}", var.name(),
                              point_text(x), interval, error.what()));
    }
  }
  return points;
}

// Whether F is continuous on [lo, hi] (the fundamental theorem needs it): an elementary
// F can only jump or blow up where one of its breakpoints is, so it is looked at there,
// 1e-8 and 1e-14 away on each side (in 256 bits): it must settle on one value from
// both sides (√x does, ln|x|, 1/x and atan(1/x) do not).
bool continuous_on(const Expr& F, const Expr& var, double lo, double hi) {
  const std::vector<Expr> kinks = precise::breakpoint_functions(F);
  for (double r :
       precise::breakpoints(kinks, std::span(&var, 1), {0.0}, 0, scan_grid(lo, hi), 256, true)) {
    if (r < lo || r > hi) continue;
    const double scale = std::max(1.0, std::fabs(r));
    std::vector<double> limits;  // F just left and just right of r, inside [lo, hi]
    for (int side : {-1, 1}) {
      const double near[] = {r + side * 1e-8 * scale}, nearer[] = {r + side * 1e-14 * scale};
      if (nearer[0] < lo || nearer[0] > hi || nearer[0] == r) continue;
      const auto f1 = precise::evaluate_side(F, std::span(&var, 1), near);
      const auto f2 = precise::evaluate_side(F, std::span(&var, 1), nearer);
      if (!f1.defined() || !f2.defined()) return false;
      const double v1 = f1.high->to_double(), v2 = f2.high->to_double();
      if (!std::isfinite(v1) || !std::isfinite(v2)) return false;
      if (std::fabs(v2 - v1) > 1e-3 * std::max(1.0, std::fabs(v2))) return false;
      limits.push_back(v2);
    }
    if (limits.size() == 2 &&
        std::fabs(limits[0] - limits[1]) > 1e-6 * std::max({1.0, std::fabs(limits[0])})) {
      return false;
    }
  }
  return true;
}

// F(b) − F(a) when F is continuous on [a, b] and defined at both bounds; null otherwise.
Expr by_fundamental_theorem(const Expr& var, const Expr& F, const Bound& a, const Bound& b) {
  try {
    const double lo = std::min(a.to_double(), b.to_double());
    const double hi = std::max(a.to_double(), b.to_double());
    if (!continuous_on(F, var, lo, hi)) return {};
    return simplify(sub(at(F, var, b.value), at(F, var, a.value)));
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::Domain) throw;
    return {};
  }
}

// Whether f is undefined at the exact point c, or one of its breakpoint functions is 0
// there (in 256 bits: cos(π/2) of 1/sqrt(cos(x)), which doubles make 6e-17).
bool singular_at(const Expr& e, const Expr& var, const Expr& c) {
  auto at_c = [&](const Expr& g) {
    Substitution values;
    values.emplace(var.node(), c);
    return precise::evaluate_quick(substitute(g, values), {}, {}, kPrecise);
  };
  try {
    if (!std::isfinite(at_c(e))) return true;
    for (const Expr& g : precise::breakpoint_functions(e)) {
      const double value = at_c(g);
      if (std::isnan(value) || std::fabs(value) < 1e-60) return true;
    }
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::Domain) throw;
    return true;  // substitute folded it to a division by 0
  }
  return false;
}

// A finite bound's exact value, or null for ±∞.
Expr bound_form(const Bound& b) { return b.infinity != 0 ? Expr() : b.value; }

// f at u in 256 bits (for the pieces next to a singular point); Error{Domain} where it
// has no finite real value.
double precise_value(const Expr& e, const Expr& var, double u) {
  const double point[] = {u};
  const double value = precise::evaluate_quick(e, std::span(&var, 1), point, kPrecise);
  if (!std::isfinite(value)) throw Error(ErrorKind::Domain, "it has no finite real value there");
  return value;
}

// ∫ over [cuts[0], cuts.back()] as the sum over the pieces between cuts. Next to a
// singular cut c with an exact form (0, π/2, 1/2) the integrand is shifted, f(c ± u) for
// u from 0, and evaluated in 256 bits: doubles would misplace c by an ulp and lose f to
// cancellation there (1/sqrt(cos(x)) at π/2: about 1e-8), unseen by the error estimate.
// Next to a singular cut without one, what an ulp around it can hold is added to the
// error estimate.
QuadratureResult by_pieces(const Expr& e, const Expr& var, const std::vector<double>& cuts,
                           const std::vector<Expr>& exact, const std::vector<bool>& singular,
                           double& where) {
  QuadratureResult total{0, 0, 0, true};
  QuadratureOptions options;
  options.max_evaluations =
      std::max(15'000, options.max_evaluations / static_cast<int>(2 * cuts.size()));
  const Program plain(e, std::span(&var, 1));
  // ∫ over [start, end]; with an origin, as ∫ f(origin + direction·u) du from 0.
  auto integrate_piece = [&](const Expr& origin, int direction, double start, double end) {
    QuadratureResult piece;
    if (origin.is_null()) {
      piece = quadrature(
          [&](double x) {
            where = x;
            return value_at(e, var, plain, x);
          },
          start, end, options);
    } else {
      Substitution values;
      values.emplace(var.node(), direction > 0 ? add(origin, var) : sub(origin, var));
      const Expr shifted = substitute(e, values);
      const double offset = closed_form_value(origin);
      piece = quadrature(
          [&](double u) {
            where = offset + direction * u;
            return precise_value(shifted, var, u);
          },
          0, end - start, options);
    }
    total.value += piece.value;
    total.error += piece.error;
    total.evaluations += piece.evaluations;
    total.converged &= piece.converged;
  };
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
    const double lo = cuts[i], hi = cuts[i + 1];
    const Expr left = singular[i] ? exact[i] : Expr();
    const Expr right = singular[i + 1] ? exact[i + 1] : Expr();
    if (std::isinf(lo) || std::isinf(hi) || (left.is_null() && right.is_null())) {
      integrate_piece(Expr(), 0, lo, hi);
      continue;
    }
    const double middle = lo + (hi - lo) / 2;
    integrate_piece(left, 1, lo, middle);
    integrate_piece(right, -1, middle, hi);
  }
  for (std::size_t i = 0; i < cuts.size(); ++i) {
    if (!singular[i] || !exact[i].is_null() || std::isinf(cuts[i])) continue;
    // ∫ over r ± ε of |x - r|^-p is ε·|f(r ± ε)|/(1 - p), p < 0.9.
    const double r = cuts[i], epsilon = 8 * std::max(std::fabs(r), 1e-300) * 0x1p-52;
    for (double x : {r - epsilon, r + epsilon}) {
      if (x < cuts.front() || x > cuts.back()) continue;
      const double point[] = {x};
      const double size =
          std::fabs(precise::evaluate_quick(e, std::span(&var, 1), point, kPrecise));
      total.error += std::isfinite(size) ? 200 * epsilon * size : kInfinity;
    }
  }
  const QuadratureOptions tolerance;
  total.converged &= total.error <= std::max(tolerance.absolute_tolerance,
                                             tolerance.relative_tolerance * std::fabs(total.value));
  return total;
}

}  // namespace

Bound Bound::parse(std::string_view text) {
  std::string t;
  for (char c : text) {
    if (c != ' ') t += c;
  }
  if (t == "inf" || t == "+inf" || t == "oo" || t == "+oo" || t == "infinity" || t == "∞") {
    return {Expr(), 1};
  }
  if (t == "-inf" || t == "-oo" || t == "-infinity" || t == "-∞") return {Expr(), -1};
  return {parse_text(text), 0};
}

double Bound::to_double() const {
  if (infinity != 0) return infinity * kInfinity;
  return closed_form_value(value);
}

std::string Bound::text() const {
  if (infinity != 0) return infinity > 0 ? "inf" : "-inf";
  return print_text(value);
}

namespace {

// ∫_a^b with a bound or a parameter that is a symbol (--from a --to b): F(b) − F(a) is
// right only where F is continuous between the bounds, which symbols do not show; so only
// when neither f nor F has a point where it can break (a pole, a root's or a logarithm's
// edge, |u|).
DefiniteIntegral with_symbolic_bounds(const Expr& e, const Expr& var, const Bound& a,
                                      const Bound& b, bool numeric_only) {
  if (numeric_only || a.infinity != 0 || b.infinity != 0) {
    throw Error(ErrorKind::Request,
                "numeric integration and infinite bounds need numbers as the other bound");
  }
  const Expr F = integrate(e, var);
  for (const Expr& g : {e, F}) {
    const std::vector<Expr> breaks = precise::breakpoint_functions(g);
    if (!breaks.empty()) {
      throw Error(ErrorKind::Unsupported,
                  fmt::format("with symbolic bounds leibniz answers F(b) - F(a) only when the "
                              "integrand and F = {} are continuous everywhere, and {} may break "
                              "where {} = 0; give numbers as bounds",
                              print_text(F), print_text(g), print_text(breaks.front())));
    }
  }
  DefiniteIntegral result;
  result.antiderivative = F;
  result.exact = simplify(sub(at(F, var, b.value), at(F, var, a.value)));
  result.value = std::numeric_limits<double>::quiet_NaN();  // no number: it has symbols
  result.method = "fundamental theorem";
  return result;
}

}  // namespace

DefiniteIntegral definite_integral(const Expr& e, const Expr& var, const Bound& a, const Bound& b,
                                   bool numeric_only) {
  // A symbol in a bound, or a parameter in the integrand (∫_0^π c·sin(x) dx): a formula.
  bool symbolic = std::ranges::any_of(free_symbols(e), [&](const Expr& s) { return s != var; });
  for (const Bound* bound : {&a, &b}) {
    symbolic |= bound->infinity == 0 && !free_symbols(bound->value).empty();
  }
  if (symbolic) return with_symbolic_bounds(e, var, a, b, numeric_only);
  const Program integrand(e, std::span(&var, 1));
  const double from = a.to_double(), to = b.to_double();
  const double lo = std::min(from, to), hi = std::max(from, to);
  const std::string interval = interval_text(a, b);
  // Quadrature on the pieces between the singular points, which it never evaluates.
  std::vector<double> cuts{lo};
  for (double r : singular_points(e, var, integrand, lo, hi, interval)) cuts.push_back(r);
  cuts.push_back(hi);
  // The singular cuts: the interior ones, and a bound where f has no finite value.
  std::vector<Expr> exact_cuts{bound_form(from <= to ? a : b)};
  std::vector<bool> singular{false};
  for (std::size_t i = 1; i + 1 < cuts.size(); ++i) {
    exact_cuts.push_back(simple_form(cuts[i]));
    singular.push_back(true);
  }
  exact_cuts.push_back(bound_form(from <= to ? b : a));
  singular.push_back(false);
  for (std::size_t i : {std::size_t{0}, cuts.size() - 1}) {
    singular[i] = !exact_cuts[i].is_null() && singular_at(e, var, exact_cuts[i]);
  }
  double where = 0;
  QuadratureResult q{0, 0, 0, true};
  try {
    q = by_pieces(e, var, cuts, exact_cuts, singular, where);
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::Domain) throw;
    // At ±∞ itself (the change of variable of an infinite interval ran out of room): the
    // quadrature could not finish, which is not a fact about the domain.
    if (std::isfinite(where)) {
      throw Error(ErrorKind::Domain,
                  fmt::format("the integrand is undefined at {} = {} (inside {}): {}", var.name(),
                              point_text(where), interval, error.what()));
    }
    q.converged = false;
  }
  if (from > to) q.value = -q.value;
  const bool finite = a.infinity == 0 && b.infinity == 0;
  // Bounds that doubles round together or apart (10^20 and 10^20 + 1): the quadrature
  // ran over another interval, so it is no answer and no witness.
  bool faithful = true;
  if (finite) {
    const double width = closed_form_value(simplify(sub(b.value, a.value)));
    faithful = std::fabs((to - from) - width) <= 1e-9 * std::fabs(width);
    if (!faithful) q.converged = false;
  }
  DefiniteIntegral result;
  result.value = q.value;
  result.error = q.error;
  result.converged = q.converged;
  result.method = "Gauss–Kronrod quadrature";
  Expr F;
  if (!numeric_only && finite) {
    try {
      F = integrate(e, var);
    } catch (const Error& error) {
      if (error.kind() != ErrorKind::Unsupported) throw;
    }
  }
  const Expr exact = F.is_null() ? Expr() : by_fundamental_theorem(var, F, a, b);
  if (!exact.is_null()) {
    const double value = closed_form_value(exact);
    const double scale = std::max(1.0, std::fabs(value));
    // Converged quadrature is an independent witness, and must agree.
    const bool witnessed = q.error <= 1e-4 * scale &&
                           std::fabs(value - q.value) <= std::max(1e-7 * scale, 10 * q.error);
    if (!q.converged || witnessed) {
      result.exact = exact;
      result.antiderivative = F;
      result.value = value;
      result.error = 0;
      result.converged = true;
      result.method = "fundamental theorem";
      return result;
    }
  }
  if (!faithful) {
    throw Error(ErrorKind::Limit,
                fmt::format("the bounds of {} are too close for their size to integrate "
                            "numerically (doubles round the width of the interval), and no "
                            "antiderivative is known",
                            interval));
  }
  if (!q.converged) {
    throw Error(ErrorKind::Limit,
                fmt::format("numerical integration over {} did not converge: the error estimate "
                            "is still {:.1e} after {} evaluations of the integrand",
                            interval, q.error, q.evaluations));
  }
  return result;
}

}  // namespace leibniz
