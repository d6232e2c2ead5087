#include "leibniz/app/check_request.h"

#include <fmt/format.h>

#include "leibniz/calculus/diff.h"
#include "leibniz/core/error.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/domain_witnesses.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/parse_latex.h"
#include "leibniz/expr/print.h"
#include "leibniz/expr/symbols.h"

namespace leibniz::app {
namespace {

Differentiate latex_differentiate() {
  return [](const Expr& e, const Expr& var) { return derivative(e, std::span(&var, 1)); };
}

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  const auto last = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(first, last - first + 1));
}

// The sides of one claim; errors point into the claim.
std::vector<ClaimSide> text_sides(const std::string& claim) {
  std::vector<ClaimSide> sides;
  std::size_t start = 0;
  while (true) {
    const std::size_t eq = claim.find('=', start);
    const std::size_t end = eq == std::string::npos ? claim.size() : eq;
    DomainWitnesses as_written;
    Expr value = parse_part(claim, start, end, Syntax::Text);
    sides.push_back({std::move(value), trim(std::string_view(claim).substr(start, end - start)),
                     Expr(), as_written.list()});
    if (eq == std::string::npos) break;
    start = eq + 1;
  }
  return sides;
}

// An indefinite integral is one antiderivative of many: each \int f \, dx stands for
// F + C with a constant of its own (a symbol no input can name). A side where every
// such C is added with a coefficient free of x is equal up to those constants, so a
// link holding one compares derivatives by x; x \int 1 \, dx = x^2 + 3 has no constant
// that makes it hold, and is refused rather than compared.
constexpr std::string_view kConstantPrefix = "#C";

bool is_integral_constant(const Expr& s) { return s.name().starts_with(kConstantPrefix); }

// What a LaTeX side needs defined, read from the side alone; nothing when it reads only
// in its chain (an integral's constant).
std::vector<Expr> written_domain(const std::string& source) {
  DomainWitnesses as_written;
  try {
    parse_input(source, Syntax::Latex);
  } catch (const Error&) {
    return {};
  }
  return as_written.list();
}

std::vector<ClaimSide> latex_sides(const std::string& claim, bool& up_to_constant) {
  int constants = 0;
  const Integrate integral = [&constants](const Expr& f, const Expr& var, const Expr& lower,
                                          const Expr& upper) {
    const Expr F = latex_integral(f, var, lower, upper);
    if (!lower.is_null()) return F;
    return add(F, symbol(fmt::format("{}{}", kConstantPrefix, constants++)));
  };
  const std::vector<LatexSide> parsed =
      parse_latex_chain(claim, latex_differentiate(), integral, declared_functions());
  Expr var;
  for (const LatexSide& s : parsed) {
    if (s.indefinite_variable.is_null()) continue;
    if (!var.is_null() && var != s.indefinite_variable) {
      throw Error(ErrorKind::Unsupported,
                  "indefinite integrals over two variables: each is known only up to its own "
                  "constant",
                  s.pos);
    }
    var = s.indefinite_variable;
  }
  up_to_constant = up_to_constant || !var.is_null();
  std::vector<ClaimSide> sides;
  for (const LatexSide& s : parsed) {
    if (s.value.is_null()) continue;
    bool holds_constant = false;
    for (const Expr& c : free_symbols(s.value)) {
      if (!is_integral_constant(c)) continue;
      holds_constant = true;
      const Expr coefficient = derivative(s.value, std::span(&c, 1));
      for (const Expr& t : free_symbols(coefficient)) {
        if (t == var || is_integral_constant(t)) {
          throw Error(ErrorKind::Unsupported,
                      "an indefinite integral inside a product, power or function: its "
                      "constant of integration does not cancel; write the claim as "
                      "A = \\int f \\, dx",
                      s.pos);
        }
      }
    }
    sides.push_back({s.value, s.source, holds_constant ? var : Expr(), written_domain(s.source)});
  }
  return sides;
}

// The sides of one claim; errors point into the claim. The syntax is never guessed
// from a failure: text, unless asked for LaTeX or the claim holds LaTeX markup (a
// backslash or braces, which the text syntax has not), as for every command.
std::vector<ClaimSide> sides_of(const std::string& claim, bool latex, bool& up_to_constant) {
  if (latex || detect_syntax(claim) == Syntax::Latex) return latex_sides(claim, up_to_constant);
  return text_sides(claim);
}

const char* verdict_name(Verdict v) {
  switch (v) {
    case Verdict::Holds: return "holds";
    case Verdict::Fails: return "fails";
    case Verdict::Unknown: return "unknown";
  }
  return "unknown";
}

std::string point_text(const EqualityCheck& c) {
  std::string out;
  for (const auto& [name, value] : c.point)
    out += fmt::format("{}{} = {}", out.empty() ? "" : ", ", name, value);
  return out;
}

// The claim policy (docs/checking.md): the sides are equal wherever both are defined, on
// domains that differ at most at isolated points. Where only one side is defined on a
// stretch (x < 0 in ln(x^2) = 2*ln(x)), the claim is true only under an assumption the
// user did not state: unknown, with the reason.
EqualityCheck check_claim(const Expr& left, const Expr& right, std::vector<Expr> left_domain = {},
                          std::vector<Expr> right_domain = {}) {
  constexpr int kIsolatedPoints = 2;
  CheckOptions options;
  options.left_domain = std::move(left_domain);
  options.right_domain = std::move(right_domain);
  EqualityCheck c = check_equal(left, right, options);
  if (c.verdict == Verdict::Holds && c.one_sided_points > kIsolatedPoints) {
    c.verdict = Verdict::Unknown;
    c.reason =
        fmt::format("the sides are equal where both are defined ({}), but their domains differ: {}",
                    c.method, c.domain);
  }
  return c;
}

}  // namespace

CheckReport run_check(const std::vector<std::string>& claims,
                      const std::optional<std::string>& derivative_of,
                      const std::vector<std::string>& wrt, bool latex) {
  CheckReport report;
  bool up_to_constant = false;
  for (const std::string& claim : claims) {
    for (ClaimSide& s : sides_of(claim, latex, up_to_constant))
      report.sides.push_back(std::move(s));
  }
  if (up_to_constant && (claims.size() > 1 || derivative_of)) {
    throw Error(ErrorKind::Unsupported,
                "an indefinite integral is checked only in a claim of its own: A = \\int f \\, dx");
  }
  if (report.sides.empty()) throw Error(ErrorKind::Request, "nothing to check");
  if (derivative_of) {
    const Expr f = parse_input(*derivative_of, latex ? Syntax::Latex : Syntax::Auto);
    report.derivative = run_diff(f, wrt);
    for (std::size_t i = 0; i < report.sides.size(); ++i) {
      report.links.push_back(
          {i, std::nullopt,
           check_claim(report.sides[i].value, *report.derivative, report.sides[i].domain)});
    }
  } else {
    if (report.sides.size() < 2) {
      throw Error(ErrorKind::Request,
                  "a claim needs two sides (A = B) or --is-derivative-of EXPR --wrt VAR");
    }
    for (std::size_t i = 0; i + 1 < report.sides.size(); ++i) {
      const ClaimSide &a = report.sides[i], &b = report.sides[i + 1];
      const Expr& var = a.integral_variable.is_null() ? b.integral_variable : a.integral_variable;
      const std::span<const Expr> by(&var, 1);
      report.links.push_back({i, i + 1,
                              var.is_null()
                                  ? check_claim(a.value, b.value, a.domain, b.domain)
                                  : check_equal(derivative(a.value, by), derivative(b.value, by))});
    }
  }
  bool unknown = false;
  for (std::size_t k = 0; k < report.links.size(); ++k) {
    const Verdict v = report.links[k].check.verdict;
    if (v == Verdict::Fails && !report.first_broken) report.first_broken = k;
    unknown |= v == Verdict::Unknown;
  }
  report.verdict = report.first_broken ? Verdict::Fails
                   : unknown           ? Verdict::Unknown
                                       : Verdict::Holds;
  return report;
}

int check_exit_status(const CheckReport& report) {
  switch (report.verdict) {
    case Verdict::Holds: return 0;
    case Verdict::Fails: return 1;
    case Verdict::Unknown: return 3;
  }
  return 3;
}

std::string check_text(const CheckReport& r) {
  std::string out;
  if (r.derivative) out += fmt::format("the derivative is {}\n", print_unicode(*r.derivative));
  for (const CheckLink& link : r.links) {
    const EqualityCheck& c = link.check;
    const std::string& left = r.sides[link.left].source;
    const std::string subject = link.right
                                    ? fmt::format("{} = {}", left, r.sides[*link.right].source)
                                    : fmt::format("line {}: {}", link.left + 1, left);
    const std::string other = link.right ? "the right side" : "the derivative";
    const std::string self = link.right ? "the left side" : "this line";
    switch (c.verdict) {
      case Verdict::Holds:
        if (c.domain.empty()) {
          out += fmt::format("✓ {}\n    holds ({})\n", subject, c.method);
        } else {
          out += fmt::format(
              "✓ {}\n    holds where both sides are defined ({})\n    the domains differ: {}\n",
              subject, c.method, c.domain);
        }
        break;
      case Verdict::Fails:
        out += fmt::format("✗ {}\n    does not hold: the difference is {}\n", subject,
                           print_unicode(c.difference));
        out += fmt::format("    {}{} is {}, {} is {}\n",
                           c.point.empty() ? "" : "at " + point_text(c) + ": ", self, c.left_value,
                           other, c.right_value);
        break;
      case Verdict::Unknown:
        out += fmt::format("? {}\n    unknown: {}\n", subject, c.reason);
        break;
    }
  }
  if (r.first_broken) {
    const CheckLink& link = r.links[*r.first_broken];
    out += link.right ? fmt::format("the first link that breaks: {} = {}\n",
                                    r.sides[link.left].source, r.sides[*link.right].source)
                      : fmt::format("the first wrong line is line {}\n", link.left + 1);
  }
  return out;
}

nlohmann::ordered_json check_json(const CheckReport& r) {
  nlohmann::ordered_json links = nlohmann::ordered_json::array();
  for (const CheckLink& link : r.links) {
    const EqualityCheck& c = link.check;
    nlohmann::ordered_json j{
        {"left", r.sides[link.left].source},
        {"right", link.right ? nlohmann::ordered_json(r.sides[*link.right].source)
                             : nlohmann::ordered_json(print_text(*r.derivative))},
        {"verdict", verdict_name(c.verdict)},
        {"difference", print_text(c.difference)}};
    if (c.verdict == Verdict::Fails) {
      nlohmann::ordered_json point = nlohmann::ordered_json::object();
      for (const auto& [name, value] : c.point) point[name] = value;
      j["point"] = point;
      j["left_value"] = c.left_value;
      j["right_value"] = c.right_value;
    } else if (c.verdict == Verdict::Holds) {
      j["method"] = c.method;
      if (!c.domain.empty()) j["domain"] = c.domain;
    } else {
      j["reason"] = c.reason;
    }
    links.push_back(j);
  }
  nlohmann::ordered_json out{{"ok", true}, {"verdict", verdict_name(r.verdict)}};
  if (r.derivative) out["derivative"] = print_text(*r.derivative);
  out["links"] = links;
  out["first_broken"] =
      r.first_broken ? nlohmann::ordered_json(*r.first_broken) : nlohmann::ordered_json(nullptr);
  return out;
}

}  // namespace leibniz::app
