#include "leibniz/app/tour.h"

#include <fmt/format.h>

#include <cctype>
#include <ostream>
#include <sstream>
#include <vector>

#include "leibniz/app/check_request.h"
#include "leibniz/app/lecture_notes.h"
#include "leibniz/app/steps_format.h"
#include "leibniz/app/tour_integrals.h"
#include "leibniz/app/tour_networks.h"
#include "leibniz/calculus/diff.h"
#include "leibniz/calculus/simplify.h"
#include "leibniz/core/error.h"
#include "leibniz/eval/precise.h"
#include "leibniz/eval/program.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"
#include "leibniz/numeric/finite_difference.h"

namespace leibniz::app {
namespace {

class Tour {
 public:
  explicit Tour(std::ostream& out) : out_(out) {}

  bool run() {
    out_ << "Calculus for Artificial Intelligence: a guided tour with leibniz\n"
            "Every result below is computed now by leibniz and compared with the notes\n"
            "and their answer key (✓ agrees; ✗ the notes are wrong, with the correction).\n";
    rules();
    product_rule_errata();
    chain_rule();
    derivative_table();
    ok_ &= run_integral_tour(out_);
    ok_ &= run_network_tour(out_);
    out_ << "\n"
         << (ok_ ? "Every result agrees with the answer key."
                 : "SOME RESULTS DISAGREE WITH THE ANSWER KEY.")
         << "\n";
    return ok_;
  }

 private:
  void heading(const std::string& title, const std::string& rule) {
    out_ << "\n" << title << "\n  " << rule << "\n";
  }

  Expr derivative_of(const Expr& f, const char* wrt) {
    const Expr v = symbol(wrt);
    return derivative(f, std::span(&v, 1));
  }

  // The rule itself, derived by leibniz for functions it knows nothing about (spec §1:
  // g(x, y) is an undefined function), and compared with the rule as the notes state it.
  void general_form(const char* f, const char* rule) {
    const Expr df = derivative_of(parse_text(f), "x");
    const bool agrees = df == parse_text(rule);
    ok_ &= agrees;
    out_ << fmt::format("  in general: ∂/∂x ({}) = {}  {}\n", print_unicode(parse_text(f)),
                        print_unicode(df), agrees ? "✓ (the rule)" : "✗ the rule disagrees");
  }

  // The example, its derivation step by step (the same rule code that computes the
  // derivative records it), and the result against the answer key.
  void example(const lecture::Example& e) {
    const Expr f = parse_text(e.f);
    Trace trace;
    const Expr v = symbol(e.wrt);
    const Expr df = derivative(f, std::span(&v, 1), &trace);
    const bool agrees = df == parse_text(e.answer);
    ok_ &= agrees;
    out_ << fmt::format("  {}(x, y) = {}\n", e.name, lecture::as_written(e.f));
    std::istringstream steps(steps_text(trace.steps()));
    for (std::string line; std::getline(steps, line);) out_ << "      " << line << "\n";
    out_ << fmt::format("      ∂{}/∂{} = {}  {}\n", e.name, e.wrt, print_unicode(df),
                        agrees ? "✓ (answer key)" : "✗ answer key disagrees");
  }

  // The rules before the chain rule, each stated, derived in general and worked.
  void rule(std::size_t index) {
    const lecture::Rule& r = lecture::rules()[index];
    heading(fmt::format("{}. {}", index + 1, r.title), r.unicode);
    general_form(r.general.f, r.general.answer);
  }

  void rules() {
    for (std::size_t i = 0; i + 1 < lecture::rules().size(); ++i) {
      rule(i);
      for (const lecture::Example& e : lecture::rules()[i].examples) example(e);
    }
  }

  // The notes' "Simplifying this" lines, each checked by `leibniz check` against the true
  // derivative; the first that breaks is named.
  void check_lines(const char* f, const char* wrt, const std::vector<const char*>& lines) {
    const std::vector<std::string> claims(lines.begin(), lines.end());
    const CheckReport report = run_check(claims, std::string(f), {wrt}, /*latex=*/true);
    for (std::size_t i = 0; i < report.links.size(); ++i) {
      const EqualityCheck& c = report.links[i].check;
      std::string verdict = "✓";
      if (c.verdict == Verdict::Fails) {
        std::string at;
        for (const auto& [name, value] : c.point)
          at += (at.empty() ? "" : ", ") + name + " = " + value;
        verdict = report.first_broken == i
                      ? fmt::format("✗ the first wrong line: off by {} (at {}: {} instead of {})",
                                    print_unicode(c.difference), at, c.left_value, c.right_value)
                      : "✗ (carries the error on)";
      } else if (c.verdict == Verdict::Unknown) {
        verdict = "? " + c.reason;
      }
      out_ << fmt::format("      = {}  {}\n", lecture::as_written(lines[i]), verdict);
    }
  }

  // The notes' derivations of u·v, each line checked against the derivative.
  void product_rule_errata() {
    out_ << "\n  The notes' longer example: f(x, y) = u·v with u = x² + y², v = x²y + y²x\n"
            "  (each line the notes write is checked by leibniz check against ∂f/∂x)\n";
    const Expr u = parse_text("x^2 + y^2"), v = parse_text("x^2*y + y^2*x");
    for (const lecture::Derivation& d : lecture::derivations()) {
      if (*d.f == '\0' || std::string_view(d.rule) != "Product rule") continue;
      const Expr df = derivative_of(parse_text(d.f), d.wrt);
      out_ << fmt::format("    ∂u/∂{0} = {1}    ∂v/∂{0} = {2}\n", d.wrt,
                          print_unicode(derivative_of(u, d.wrt)),
                          print_unicode(derivative_of(v, d.wrt)));
      out_ << fmt::format("    ∂f/∂{0} = u·∂v/∂{0} + v·∂u/∂{0}, and the notes simplify:\n", d.wrt);
      check_lines(d.f, d.wrt, d.lines);
      out_ << fmt::format("      (erratum: {})\n", d.erratum);
      const bool agrees = df == parse_text(d.answer);
      ok_ &= agrees;
      out_ << fmt::format("    correct: ∂f/∂{} = {}  {}\n", d.wrt, print_unicode(df),
                          agrees ? "✓ (answer key)" : "✗ answer key disagrees");
    }
  }

  void chain_rule() {
    const std::size_t chain = lecture::rules().size() - 1;
    rule(chain);
    const Expr u = parse_text("x^2 + y^2");
    out_ << fmt::format("  let u = {}, then f = eᵘ:  ∂u/∂x = {},  ∂f/∂u = eᵘ\n", print_unicode(u),
                        print_unicode(derivative_of(u, "x")));
    for (const lecture::Example& e : lecture::rules()[chain].examples) example(e);
  }

  // Each row of the notes' derivative table: leibniz's derivative, the notes' claim,
  // and a central finite difference at a point of the domain.
  void derivative_table() {
    out_ << "\nThe derivative table (each row also checked by central finite differences)\n";
    const std::vector<Expr> vars{symbol("x"), symbol("n")};
    for (const lecture::DerivativeRow& row : lecture::derivative_table()) {
      const Expr f = parse_text(row.f);
      const Expr df = derivative_of(f, "x");
      const Expr notes = parse_text(row.notes);
      const double point[] = {row.at, 3};
      const double exact = Program(df, vars).run(point);
      const double fd = central_difference(Program(f, vars), point, 0);
      const bool same = simplify(sub(df, notes)).is_zero();
      // Equal at this point by the one tolerance policy of equality (eval/precise.h).
      const precise::SideValue ours = precise::evaluate_side(df, vars, point),
                               theirs = precise::evaluate_side(notes, vars, point);
      const bool same_here = ours.defined() && theirs.defined() &&
                             precise::compare(ours, theirs) == precise::Comparison::Agree;
      const bool fd_ok = relative_error(exact, fd) < 1e-6;
      ok_ &= fd_ok && (same || same_here);
      std::string verdict = same ? "✓" : same_here ? "✓ " + std::string(row.erratum) : "✗";
      out_ << fmt::format(
          "  d/dx {:<7} = {:<20} at x = {}: {:9.6f}, finite difference {:9.6f}  {}\n",
          print_unicode(f), print_unicode(df), row.at, exact, fd, verdict);
    }
  }

  std::ostream& out_;
  bool ok_ = true;
};

}  // namespace

bool run_tour(std::ostream& out) { return Tour(out).run(); }

}  // namespace leibniz::app
