#include "leibniz/calculus/check.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <optional>
#include <tuple>
#include <unordered_set>

#include "leibniz/calculus/simplify.h"
#include "leibniz/core/error.h"
#include "leibniz/eval/precise.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/print.h"
#include "leibniz/expr/substitute.h"
#include "leibniz/expr/symbols.h"

namespace leibniz {
namespace {

using precise::Comparison;
using precise::SideValue;

constexpr int kIntegerPoints = 6;
// Points where both sides must agree before a claim with variables holds by sampling.
constexpr int kEnoughPoints = 12;
constexpr std::array<std::array<double, 4>, 2> kHalfPoints{
    {{-0.5, -0.5, -0.5, -0.5}, {-2, 2, 0.5, -1.5}}};

// The exact value of e at an exact point, when it simplifies to an exact number.
std::optional<Expr> exact_value(const Expr& e, const std::vector<Expr>& vars,
                                const std::vector<Expr>& at) {
  try {
    Substitution values;
    for (std::size_t i = 0; i < vars.size(); ++i) values.emplace(vars[i].node(), at[i]);
    const Expr x = simplify(substitute(e, values));
    if (x.is_number() && x.number().is_exact()) return x;
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::Domain && error.kind() != ErrorKind::Limit) throw;
  }
  return std::nullopt;
}

// A point of whole numbers and doubles of fractions n/q that doubles cannot hold (a
// breakpoint snapped to 1/3 by eval/sample_points.cpp), exactly, with those coordinates'
// texts in `at`: sign(3*x - 1) is 0 at 1/3 but -1 at its double.
std::optional<std::vector<Expr>> fraction_point(const std::vector<double>& p,
                                                std::vector<std::string>& at) {
  std::vector<Expr> exact;
  bool fraction = false;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const double x = p[i];
    if (!(std::fabs(x) < 1e9)) return std::nullopt;
    if (const double scaled = std::ldexp(x, 12); scaled == std::round(scaled)) {
      exact.push_back(rational(static_cast<long>(scaled), 4096));  // a double already
      continue;
    }
    const std::size_t before = exact.size();
    for (long q : {3, 6, 7, 9, 11, 12}) {
      const double n = std::round(x * static_cast<double>(q));
      if (n / static_cast<double>(q) != x) continue;
      exact.push_back(rational(static_cast<long>(n), q));
      at[i] = print_text(exact.back());
      fraction = true;
      break;
    }
    if (exact.size() == before) return std::nullopt;
  }
  if (!fraction) return std::nullopt;
  return exact;
}

std::string describe(const std::vector<Expr>& vars, const std::vector<std::string>& at) {
  std::string out;
  for (std::size_t i = 0; i < vars.size(); ++i) {
    out += fmt::format("{}{} = {}", i ? ", " : "", vars[i].name(), at[i]);
  }
  return out;
}

// The witnesses that are not already nodes of the side (those the side's own value
// covers).
std::vector<Expr> lost_domain(const Expr& side, const std::vector<Expr>& witnesses) {
  if (witnesses.empty()) return {};
  std::unordered_set<const Node*> nodes;
  auto walk = [&](auto&& self, const Expr& e) -> void {
    if (!nodes.insert(e.node()).second) return;
    for (const Expr& a : e.args()) self(self, a);
  };
  walk(walk, side);
  std::vector<Expr> lost;
  for (const Expr& w : witnesses) {
    if (!w.is_number() && nodes.count(w.node()) == 0) lost.push_back(w);
  }
  return lost;
}

// The side's value at p, undefined where one of what it needs as written is.
SideValue side_at(const Expr& side, const std::vector<Expr>& domain, const std::vector<Expr>& vars,
                  const std::vector<double>& p) {
  SideValue v = precise::evaluate_side(side, vars, p);
  if (!v.defined()) return v;
  for (const Expr& w : domain) {
    SideValue needed;
    try {
      needed = precise::evaluate_side(w, vars, p);
    } catch (const Error&) {
      continue;  // a node without a numeric value (g(x)^2): no information
    }
    if (!needed.defined() && !needed.overflow) {
      v.high.reset();
      v.low.reset();
      return v;
    }
  }
  return v;
}

EqualityCheck decide(const Expr& left, const Expr& right, const Expr& difference,
                     const CheckOptions& options) {
  const bool use_difference = options.symbolic;
  EqualityCheck result;
  result.difference = difference;
  const bool proved = result.difference.is_zero();
  const std::vector<Expr> left_domain = lost_domain(left, options.left_domain);
  const std::vector<Expr> right_domain = lost_domain(right, options.right_domain);
  // The symbols of both sides: a symbol can cancel from their sum (x = -x), or from a
  // side as written (ln(y) - ln(y)).
  const auto by_name = [](const Expr& a, const Expr& b) { return a.name() < b.name(); };
  std::vector<Expr> vars;
  for (const auto* list : {&left_domain, &right_domain}) {
    for (const Expr& w : *list) {
      std::vector<Expr> merged;
      std::ranges::set_union(vars, free_symbols(w), std::back_inserter(merged), by_name);
      vars = std::move(merged);
    }
  }
  for (const Expr& side : {left, right}) {
    std::vector<Expr> merged;
    std::ranges::set_union(vars, free_symbols(side), std::back_inserter(merged), by_name);
    vars = std::move(merged);
  }

  // Small distinct integers first, exactly (readable counterexamples), then the samples.
  std::vector<std::vector<double>> points;
  for (int k = 0; k < kIntegerPoints && !vars.empty(); ++k) {
    std::vector<double> p;
    for (std::size_t i = 0; i < vars.size(); ++i) {
      const long n = static_cast<long>(i) + 1 + k / 2;
      p.push_back(static_cast<double>(k % 2 == 0 ? n : -n));
    }
    points.push_back(std::move(p));
  }
  std::vector<Expr> kinks = precise::breakpoint_functions(left);
  std::vector<Expr> others{right};
  others.insert(others.end(), left_domain.begin(), left_domain.end());
  others.insert(others.end(), right_domain.begin(), right_domain.end());
  for (const Expr& other : others) {
    for (const Expr& g : precise::breakpoint_functions(other)) {
      if (std::ranges::find(kinks, g) == kinks.end()) kinks.push_back(g);
    }
  }
  for (auto& p : precise::sample_points(kinks, vars)) points.push_back(std::move(p));
  // Halves where the samples are never integers: a negative base to a power whose
  // exponent becomes a whole number ((x^2)^z and x^(2*z) at x = -1/2, z = -1/2).
  for (const auto& pattern : kHalfPoints) {
    if (vars.empty()) break;
    std::vector<double> p;
    for (std::size_t i = 0; i < vars.size(); ++i) p.push_back(pattern[i % pattern.size()]);
    points.push_back(std::move(p));
  }

  // The difference as an expression (like terms cancel as it is built: x + e^-1000 − x is
  // e^-1000), evaluated too: it shows what A and B are too large to.
  auto compare_at = [&](const SideValue& a, const SideValue& b, const std::vector<double>& p) {
    if (proved || !use_difference || a.approximate || b.approximate) {
      return precise::compare(a, b);
    }
    const SideValue d = precise::evaluate_side(result.difference, vars, p);
    return precise::compare(a, b, &d);
  };
  int agreeing = 0, undecided = 0, vague = 0, one_sided = 0, tried = 0;
  bool approximate = false;  // a decimal number limits the agreement to ~16 digits
  bool decimals = false;     // ... and it was met at a point compared
  std::string one_sided_example;
  for (std::size_t k = 0; k < points.size(); ++k) {
    const std::vector<double>& p = points[k];
    std::vector<std::string> at;
    for (double x : p) at.push_back(fmt::format("{}", x));
    const SideValue a = side_at(left, left_domain, vars, p);
    const SideValue b = side_at(right, right_domain, vars, p);
    if (a.overflow || b.overflow) continue;
    ++tried;
    if (!a.defined() && !b.defined()) continue;
    std::optional<Expr> exact_a, exact_b;
    if (k < kIntegerPoints && !vars.empty()) {
      std::vector<Expr> exact_point;
      for (double x : p) exact_point.push_back(integer(static_cast<long>(x)));
      exact_a = exact_value(left, vars, exact_point);
      exact_b = exact_value(right, vars, exact_point);
    } else if (const auto exact_point = fraction_point(p, at)) {
      exact_a = exact_value(left, vars, *exact_point);
      exact_b = exact_value(right, vars, *exact_point);
    }
    // A side undefined as written has no value, whatever its folded form gives.
    if (!a.defined()) exact_a.reset();
    if (!b.defined()) exact_b.reset();
    auto text = [](const SideValue& v, const std::optional<Expr>& exact) {
      return exact ? exact->number().to_string() : v.text();
    };
    if (a.defined() != b.defined()) {
      if (one_sided++ == 0) {
        one_sided_example = fmt::format("at {} the left side is {} and the right side is {}",
                                        describe(vars, at), text(a, exact_a), text(b, exact_b));
      }
      continue;
    }
    decimals |= a.approximate || b.approximate;
    const Comparison c = exact_a && exact_b
                             ? (*exact_a == *exact_b ? Comparison::Agree : Comparison::Differ)
                             : compare_at(a, b, p);
    if (c == Comparison::Differ) {
      result.verdict = Verdict::Fails;
      result.method = "a counterexample";
      for (std::size_t i = 0; i < vars.size(); ++i)
        result.point.emplace_back(vars[i].name(), at[i]);
      std::tie(result.left_value, result.right_value) = precise::distinct_texts(a, b);
      if (exact_a) result.left_value = text(a, exact_a);
      if (exact_b) result.right_value = text(b, exact_b);
      if (result.left_value == result.right_value) {
        // Closer than 70 digits show (x and x + e^-1000): the right side is the left
        // minus the difference.
        const SideValue d = precise::evaluate_side(result.difference, vars, p);
        if (d.defined()) {
          const std::string size = d.text();
          if (!exact_a) result.left_value = a.text();
          result.right_value = result.left_value;
          result.right_value += mpfr_sgn(d.high->get()) < 0 ? " + " + size.substr(1) : " - " + size;
        }
      }
      return result;
    }
    if (c == Comparison::Agree) {
      ++agreeing;
      approximate |= a.approximate || b.approximate;
    }
    if (c == Comparison::Undecided) ++undecided;
    if (c == Comparison::Vague) ++vague;
  }
  const int needed = vars.empty() ? 1 : kEnoughPoints;
  if (proved) {
    result.verdict = Verdict::Holds;
    result.method = "symbolic";
  } else if (agreeing >= needed && undecided * 4 <= agreeing) {
    result.verdict = Verdict::Holds;
    const char* how =
        approximate ? "to the 16 digits of its decimal numbers" : "in 256-bit arithmetic";
    result.method = vars.empty() ? fmt::format("numeric: equal {}", how)
                                 : fmt::format(
                                       "numeric: {} points agree {}: magnitudes 1e-3 to "
                                       "1e6, both signs, both sides of each breakpoint",
                                       agreeing, how);
  } else if (agreeing == 0 && one_sided > 0) {
    result.reason = "no point was found where both sides are defined: " + one_sided_example;
  } else if (undecided > 0) {
    result.reason = fmt::format(
        "at {} of {} points the difference is too small to tell from the rounding of {}; {} agree",
        undecided, tried, decimals ? "the claim's 16-digit decimal numbers" : "256-bit arithmetic",
        agreeing);
  } else if (vague > 0) {
    result.reason = fmt::format(
        "only {} of {} points could be compared: at {} rounding leaves too few digits even "
        "with 256 bits",
        agreeing, tried, vague);
  } else {
    result.reason =
        fmt::format("only {} of {} points could be evaluated on both sides", agreeing, tried);
    if (one_sided > 0) result.reason += ": " + one_sided_example;
  }
  if (result.verdict == Verdict::Holds && one_sided > 0) result.domain = one_sided_example;
  result.one_sided_points = one_sided;
  return result;
}

}  // namespace

EqualityCheck check_equal(const Expr& left, const Expr& right, const CheckOptions& options) {
  const Expr difference = options.symbolic ? simplify(sub(left, right)) : sub(left, right);
  try {
    return decide(left, right, difference, options);
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::Unsupported) throw;
    // A node the evaluator does not know: only a proof can decide.
    EqualityCheck result;
    result.difference = difference;
    if (difference.is_zero()) {
      result.verdict = Verdict::Holds;
      result.method = "symbolic";
    } else {
      result.reason = error.what();
    }
    return result;
  }
}

}  // namespace leibniz
