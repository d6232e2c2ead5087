#include "leibniz/numeric/check.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>
#include <random>

#include "leibniz/calculus/simplify.h"
#include "leibniz/core/error.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/substitute.h"
#include "leibniz/expr/symbols.h"
#include "leibniz/numeric/finite_difference.h"
#include "leibniz/numeric/program.h"

namespace leibniz {
namespace {

constexpr int kIntegerPoints = 6;
constexpr int kRandomPoints = 24;
constexpr int kEnoughPoints = 8;

struct Value {
  std::optional<Expr> exact;  // an exact number, when the point is exact and the value too
  std::optional<double> approx;
  std::string text() const {
    if (exact) return exact->number().to_string();
    return approx ? fmt::format("{}", *approx) : "undefined";
  }
};

Value value_at(const Expr& e, const Program& program, const std::vector<Expr>& vars,
               const std::vector<Expr>& exact_point, const std::vector<double>& point) {
  Value v;
  if (!exact_point.empty()) {
    try {
      Substitution values;
      for (std::size_t i = 0; i < vars.size(); ++i) values.emplace(vars[i].node(), exact_point[i]);
      const Expr x = simplify(substitute(e, values));
      if (x.is_number() && x.number().is_exact()) v.exact = x;
    } catch (const Error& error) {
      if (error.kind() != ErrorKind::Domain) throw;
    }
  }
  try {
    v.approx = program.run(point);
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::Domain) throw;
  }
  return v;
}

}  // namespace

EqualityCheck check_equal(const Expr& left, const Expr& right) {
  EqualityCheck result;
  result.difference = simplify(sub(left, right));
  if (result.difference.is_zero()) {
    result.verdict = Verdict::Holds;
    result.method = "symbolic";
    return result;
  }
  // The symbols of both sides: a symbol can cancel from their sum (x = -x).
  const std::vector<Expr> on_left = free_symbols(left), on_right = free_symbols(right);
  std::vector<Expr> vars;
  std::ranges::set_union(on_left, on_right, std::back_inserter(vars),
                         [](const Expr& a, const Expr& b) { return a.name() < b.name(); });
  const Program lp(left, vars), rp(right, vars);
  std::mt19937 rng(12345);
  std::uniform_real_distribution<double> uniform(-3, 3);
  int agreeing = 0, one_sided = 0;
  std::string one_sided_example;
  for (int k = 0; k < kIntegerPoints + kRandomPoints; ++k) {
    std::vector<Expr> exact_point;
    std::vector<double> point;
    // Small distinct integers first (readable counterexamples), then random reals.
    for (std::size_t i = 0; i < vars.size(); ++i) {
      if (k < kIntegerPoints) {
        const long n = static_cast<long>(i) + 1 + k / 2;
        const long value = k % 2 == 0 ? n : -n;
        exact_point.push_back(integer(value));
        point.push_back(static_cast<double>(value));
      } else {
        point.push_back(uniform(rng));
      }
    }
    const Value a = value_at(left, lp, vars, exact_point, point);
    const Value b = value_at(right, rp, vars, exact_point, point);
    if (!a.approx && !b.approx) continue;
    if (!a.approx || !b.approx) {
      ++one_sided;
      if (one_sided_example.empty()) {
        std::string at;
        for (std::size_t i = 0; i < vars.size(); ++i) {
          at += fmt::format("{}{} = {}", i ? ", " : "", vars[i].name(),
                            exact_point.empty() ? fmt::format("{:.4g}", point[i])
                                                : exact_point[i].number().to_string());
        }
        one_sided_example = fmt::format("at {} the left side is {} and the right side is {}", at,
                                        a.text(), b.text());
      }
      continue;
    }
    const bool differ = a.exact && b.exact ? *a.exact != *b.exact
                                           : relative_error(*a.approx, *b.approx) > kCheckTolerance;
    if (differ) {
      result.verdict = Verdict::Fails;
      result.method = "a counterexample";
      for (std::size_t i = 0; i < vars.size(); ++i) {
        result.point.emplace_back(vars[i].name(), exact_point.empty()
                                                      ? fmt::format("{}", point[i])
                                                      : exact_point[i].number().to_string());
      }
      result.left_value = a.text();
      result.right_value = b.text();
      return result;
    }
    ++agreeing;
  }
  if (one_sided > 0) {
    result.reason = "the sides are defined on different domains: " + one_sided_example;
  } else if (agreeing < kEnoughPoints) {
    result.reason = fmt::format("only {} of {} points could be evaluated", agreeing,
                                kIntegerPoints + kRandomPoints);
  } else {
    result.verdict = Verdict::Holds;
    result.method =
        fmt::format("numeric: {} points agree within a relative {:g}", agreeing, kCheckTolerance);
  }
  return result;
}

}  // namespace leibniz
