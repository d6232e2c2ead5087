// ∫_a^b by the fundamental theorem where it is safe, by quadrature otherwise.
#include "leibniz/numeric/definite.h"

#include <fmt/format.h>

#include <cmath>
#include <utility>
#include <vector>

#include "leibniz/calculus/integrate.h"
#include "leibniz/calculus/simplify.h"
#include "leibniz/core/error.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"
#include "leibniz/expr/substitute.h"
#include "leibniz/numeric/program.h"
#include "leibniz/numeric/quadrature.h"

namespace leibniz {
namespace {

// Points of [a, b] where the integrand must be finite before F(b) − F(a) is trusted.
constexpr int kContinuitySamples = 64;

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
  static const auto* const kInverse = [] {
    const std::pair<const char*, const char*> table[] = {
        {"atan(1)", "pi/4"},       {"atan(-1)", "-pi/4"},
        {"atan(sqrt(3))", "pi/3"}, {"atan(sqrt(3)/3)", "pi/6"},
        {"asin(1)", "pi/2"},       {"asin(-1)", "-pi/2"},
        {"asin(1/2)", "pi/6"},     {"asin(-1/2)", "-pi/6"},
        {"acos(0)", "pi/2"},       {"acos(-1)", "pi"},
        {"acos(1/2)", "pi/3"},     {"acos(-1/2)", "2*pi/3"},
        {"acot(1)", "pi/4"},       {"acot(0)", "pi/2"},
        {"asec(2)", "pi/3"},       {"asec(1)", "0"},
        {"acsc(1)", "pi/2"},       {"acsc(2)", "pi/6"}};
    auto* parsed = new std::vector<std::pair<Expr, Expr>>;  // never destroyed, as Exprs
    for (const auto& [from, to] : table) parsed->emplace_back(parse_text(from), parse_text(to));
    return parsed;
  }();
  for (const auto& [from, to] : *kInverse) {
    if (from == rebuilt) return to;
  }
  return rebuilt;
}

Expr at(const Expr& e, const Expr& var, const Expr& value) {
  Substitution values;
  values.emplace(var.node(), value);
  return simplify(special_values(substitute(e, values)));
}

// F(b) − F(a), or null when F or the integrand is undefined somewhere on [a, b] or the
// difference disagrees with quadrature (a jump in F).
Expr by_fundamental_theorem(const Expr& var, const Expr& F, const Bound& a, const Bound& b,
                            const Program& integrand, const QuadratureResult& q) {
  try {
    const double lo = a.to_double(), hi = b.to_double();
    for (int i = 1; i < kContinuitySamples; ++i) {
      const double x = lo + (hi - lo) * i / kContinuitySamples;
      const double point[] = {x};
      integrand.run(point);
    }
    const Expr exact = simplify(sub(at(F, var, b.value), at(F, var, a.value)));
    const double value = closed_form_value(exact);
    const double scale = std::max(1.0, std::fabs(value));
    // Quadrature is the independent witness: it must be accurate and agree.
    if (q.error > 1e-4 * scale ||
        std::fabs(value - q.value) > std::max(1e-7 * scale, 10 * q.error)) {
      return {};
    }
    return exact;
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::Domain) throw;
    return {};
  }
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

DefiniteIntegral definite_integral(const Expr& e, const Expr& var, const Bound& a, const Bound& b,
                                   bool numeric_only) {
  const Program integrand(e, std::span(&var, 1));
  double where = 0;
  auto f = [&](double x) {
    where = x;
    const double point[] = {x};
    return integrand.run(point);
  };
  QuadratureResult q;
  try {
    q = quadrature(f, a.to_double(), b.to_double());
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::Domain) throw;
    throw Error(ErrorKind::Domain, fmt::format("the integrand is undefined at {} = {}: {}",
                                               var.name(), where, error.what()));
  }
  DefiniteIntegral result;
  result.value = q.value;
  result.error = q.error;
  result.converged = q.converged;
  result.method = "Gauss–Kronrod quadrature";
  if (numeric_only || a.infinity != 0 || b.infinity != 0) return result;
  Expr F;
  try {
    F = integrate(e, var);
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::Unsupported) throw;
    return result;
  }
  const Expr exact = by_fundamental_theorem(var, F, a, b, integrand, q);
  if (exact.is_null()) return result;
  result.exact = exact;
  result.antiderivative = F;
  result.value = closed_form_value(exact);
  result.error = 0;
  result.converged = true;
  result.method = "fundamental theorem";
  return result;
}

}  // namespace leibniz
