// The check every antiderivative passes before it is returned: its derivative
// simplifies to the integrand, or else agrees with it at random points where both are
// defined. A failure is a bug in a rule, reported as an internal error.
#include <fmt/format.h>

#include <cmath>
#include <random>
#include <set>

#include "leibniz/calculus/diff.h"
#include "leibniz/calculus/integrate.h"
#include "leibniz/calculus/simplify.h"
#include "leibniz/core/error.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/functions.h"
#include "leibniz/expr/print.h"

namespace leibniz {
namespace {

constexpr int kTries = 80;
constexpr int kAgreementsNeeded = 4;
constexpr double kTolerance = 1e-6;

void collect_symbols(const Expr& e, std::set<std::string>& names) {
  if (e.is(Kind::Symbol)) names.insert(e.name());
  for (const Expr& a : e.args()) collect_symbols(a, names);
}

// The value of e with vars[i] = point[i]; NaN where it is undefined or not finite.
// (The numeric layer's Program sits above calculus, so the check has its own walk.)
double evaluate_at(const Expr& e, std::span<const Expr> vars, std::span<const double> point) {
  const double nan = std::nan("");
  switch (e.kind()) {
    case Kind::Number: return e.number().to_double();
    case Kind::Constant: return e.is_e() ? std::exp(1.0) : std::acos(-1.0);
    case Kind::Symbol:
      for (std::size_t i = 0; i < vars.size(); ++i) {
        if (vars[i] == e) return point[i];
      }
      return nan;
    case Kind::Add: {
      double sum = 0;
      for (const Expr& t : e.args()) sum += evaluate_at(t, vars, point);
      return sum;
    }
    case Kind::Mul: {
      double product = 1;
      for (const Expr& f : e.args()) product *= evaluate_at(f, vars, point);
      return product;
    }
    case Kind::Pow: {
      const double base = evaluate_at(e.base(), vars, point);
      const Expr& n = e.exponent();
      double result = 0;
      if (n.is_number() && n.number().is_exact() && !n.number().is_integer() && base < 0) {
        // A real root of a negative number: defined for odd denominators.
        const mpq_class& q = n.number().exact();
        if (q.get_den() % 2 == 0) return nan;
        const double magnitude = std::pow(-base, q.get_d());
        result = q.get_num() % 2 == 0 ? magnitude : -magnitude;
      } else {
        result = std::pow(base, evaluate_at(n, vars, point));
      }
      return std::isfinite(result) ? result : nan;
    }
    case Kind::Func: {
      std::vector<double> args;
      for (const Expr& a : e.args()) {
        args.push_back(evaluate_at(a, vars, point));
        if (std::isnan(args.back())) return nan;
      }
      try {
        const double result = function_value(e.fn(), args);
        return std::isfinite(result) ? result : nan;
      } catch (const Error& error) {
        if (error.kind() != ErrorKind::Domain) throw;
        return nan;
      }
    }
  }
  return nan;
}

[[noreturn]] void fail(const Expr& integrand, const Expr& antiderivative, const Expr& var,
                       const std::string& why) {
  throw Error(ErrorKind::Internal,
              fmt::format("the antiderivative {} of {} with respect to {} failed its check: {}",
                          print_text(antiderivative), print_text(integrand), var.name(), why));
}

}  // namespace

void check_antiderivative(const Expr& integrand, const Expr& antiderivative, const Expr& var) {
  const Expr derivative = diff(antiderivative, var);
  if (simplify(sub(derivative, integrand)).is_zero()) return;

  std::set<std::string> names;
  collect_symbols(integrand, names);
  collect_symbols(antiderivative, names);
  names.insert(var.name());
  std::vector<Expr> vars{var};
  for (const std::string& name : names) {
    if (name != var.name()) vars.push_back(symbol(name));
  }

  // The variable ranges over the places where first-course integrands live: both
  // signs, inside and outside [-1, 1]; other symbols (constants) are positive.
  std::mt19937 random(20240605);
  std::uniform_real_distribution<double> parameter(0.5, 2.5);
  const std::uniform_real_distribution<double> ranges[] = {
      std::uniform_real_distribution<double>(-0.95, 0.95),
      std::uniform_real_distribution<double>(0.1, 3.0),
      std::uniform_real_distribution<double>(1.05, 4.0),
      std::uniform_real_distribution<double>(-4.0, -1.05),
      std::uniform_real_distribution<double>(-3.0, 3.0)};
  int agreements = 0;
  std::vector<double> point(vars.size());
  for (int i = 0; i < kTries; ++i) {
    auto range = ranges[i % std::size(ranges)];
    point[0] = range(random);
    for (std::size_t j = 1; j < point.size(); ++j) point[j] = parameter(random);
    const double expected = evaluate_at(integrand, vars, point);
    if (std::isnan(expected)) continue;
    const double actual = evaluate_at(derivative, vars, point);
    const double scale = std::max({1.0, std::fabs(expected), std::fabs(actual)});
    if (std::isnan(actual) || std::fabs(actual - expected) > kTolerance * scale) {
      fail(integrand, antiderivative, var,
           fmt::format("at {} = {} its derivative is {} but the integrand is {}", var.name(),
                       point[0], actual, expected));
    }
    ++agreements;
  }
  if (agreements < kAgreementsNeeded) {
    fail(integrand, antiderivative, var, "no points were found where both sides are defined");
  }
}

}  // namespace leibniz
