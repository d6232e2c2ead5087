#include "leibniz/app/tour.h"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <ostream>
#include <sstream>
#include <vector>

#include "leibniz/app/check_request.h"
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

struct Example {
  const char* name;    // f, g
  const char* f;       // the function, in leibniz's syntax
  const char* wrt;     // the variable
  const char* answer;  // the answer key's correct result
};

// A formula as the notes write it, without putting it in canonical form:
// "(3*x)*(4*y^2)" -> "(3x)(4y²)".
std::string as_written(std::string_view text) {
  static const char* const kSuperscript[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '*') continue;
    if (c == '^' && i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
      while (i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
        out += kSuperscript[text[++i] - '0'];
      }
      continue;
    }
    out += c;
  }
  return out;
}

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
  void example(const Example& e) {
    const Expr f = parse_text(e.f);
    Trace trace;
    const Expr v = symbol(e.wrt);
    const Expr df = derivative(f, std::span(&v, 1), &trace);
    const bool agrees = df == parse_text(e.answer);
    ok_ &= agrees;
    out_ << fmt::format("  {}(x, y) = {}\n", e.name, as_written(e.f));
    std::istringstream steps(steps_text(trace.steps()));
    for (std::string line; std::getline(steps, line);) out_ << "      " << line << "\n";
    out_ << fmt::format("      ∂{}/∂{} = {}  {}\n", e.name, e.wrt, print_unicode(df),
                        agrees ? "✓ (answer key)" : "✗ answer key disagrees");
  }

  void rules() {
    heading("1. Power rule", "∂/∂x xⁿ = n·xⁿ⁻¹");
    general_form("x^n", "n*x^(n - 1)");
    example({"f", "x^3", "x", "3*x^2"});
    example({"g", "y^4", "y", "4*y^3"});
    heading("2. Constant multiple rule", "∂/∂x (c·g) = c·∂g/∂x");
    general_form("c*g(x, y)", "c*diff(g(x, y), x)");
    example({"f", "5*x^2", "x", "10*x"});
    example({"g", "7*y^3", "y", "21*y^2"});
    heading("3. Sum rule", "∂/∂x (g + h) = ∂g/∂x + ∂h/∂x");
    general_form("g(x, y) + h(x, y)", "diff(g(x, y), x) + diff(h(x, y), x)");
    example({"f", "x^2 + y^2", "x", "2*x"});
    example({"g", "3*x^3 + 4*y", "y", "4"});
    heading("4. Product rule", "∂/∂x (g·h) = g·∂h/∂x + h·∂g/∂x");
    general_form("g(x, y)*h(x, y)", "g(x, y)*diff(h(x, y), x) + h(x, y)*diff(g(x, y), x)");
    example({"f", "x^2*y^3", "x", "2*x*y^3"});
    example({"g", "(3*x)*(4*y^2)", "y", "24*x*y"});
    heading("5. Quotient rule", "∂/∂x (g/h) = (h·∂g/∂x − g·∂h/∂x)/h²");
    general_form("g(x, y)/h(x, y)",
                 "(h(x, y)*diff(g(x, y), x) - g(x, y)*diff(h(x, y), x))/h(x, y)^2");
    example({"f", "x^2/y", "x", "2*x/y"});
    example({"g", "y^2/x", "y", "2*y/x"});
  }

  // The notes' chain of "Simplifying this" lines: each is checked against the
  // correct derivative; the first that breaks is named.
  // The notes' lines, checked by `leibniz check` against the true derivative.
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
      out_ << fmt::format("      = {}  {}\n", as_written(lines[i]), verdict);
    }
  }

  void product_rule_errata() {
    out_ << "\n  The notes' longer example: f(x, y) = u·v with u = x² + y², v = x²y + y²x\n"
            "  (each line the notes write is checked by leibniz check against ∂f/∂x)\n";
    const Expr f = parse_text("(x^2 + y^2)*(x^2*y + y^2*x)");
    const Expr u = parse_text("x^2 + y^2"), v = parse_text("x^2*y + y^2*x");
    for (const char* wrt : {"x", "y"}) {
      const Expr df = derivative_of(f, wrt);
      out_ << fmt::format("    ∂u/∂{0} = {1}    ∂v/∂{0} = {2}\n", wrt,
                          print_unicode(derivative_of(u, wrt)),
                          print_unicode(derivative_of(v, wrt)));
      out_ << fmt::format("    ∂f/∂{0} = u·∂v/∂{0} + v·∂u/∂{0}, and the notes simplify:\n", wrt);
      const char* product = "(x^2 + y^2)*(x^2*y + y^2*x)";
      if (std::string_view(wrt) == "x") {
        check_lines(
            product, wrt,
            {"(x^2 + y^2)(2xy + y^2) + (x^2y + y^2x)(2x)",
             "(x^2 + y^2)(2xy + y^2) + 2x(x^2y + y^2x)",
             "2x^3y + x^2y^2 + 2xy^3 + y^4 + 2x^3y + 2xy^3", "4x^3y + x^2y^2 + 4xy^3 + y^4"});
        out_ << "      (erratum: 2x(x²y + y²x) is 2x³y + 2x²y², not 2x³y + 2xy³)\n";
      } else {
        check_lines(product, wrt,
                    {"(x^2 + y^2)(x^2 + 2yx) + (x^2y + y^2x)(2y)",
                     "(x^2 + y^2)(x^2 + 2yx) + 2y(x^2y + y^2x)",
                     "x^4 + 2x^3y + x^2y^2 + 2yx^2 + 2y^2x^2 + 2y^3x",
                     "x^4 + 2x^3y + x^2y^2 + 2x^2y + 2x^2y^2 + 2y^3x",
                     "x^4 + 2x^3y + 3x^2y^2 + 2yx^2 + 2y^3x"});
        out_ << "      (erratum: expanding (x² + y²)(x² + 2yx) loses 2xy³ and invents 2yx²)\n";
      }
      const char* answer = std::string_view(wrt) == "x" ? "4*x^3*y + 3*x^2*y^2 + 2*x*y^3 + y^4"
                                                        : "x^4 + 2*x^3*y + 3*x^2*y^2 + 4*x*y^3";
      const bool agrees = df == parse_text(answer);
      ok_ &= agrees;
      out_ << fmt::format("    correct: ∂f/∂{} = {}  {}\n", wrt, print_unicode(df),
                          agrees ? "✓ (answer key)" : "✗ answer key disagrees");
    }
  }

  void chain_rule() {
    heading("6. Chain rule", "∂z/∂x = ∂z/∂g·∂g/∂x + ∂z/∂h·∂h/∂x");
    general_form("z(g(x, y), h(x, y))",
                 "diff(z(g(x, y), h(x, y)), g(x, y))*diff(g(x, y), x) + "
                 "diff(z(g(x, y), h(x, y)), h(x, y))*diff(h(x, y), x)");
    const Expr u = parse_text("x^2 + y^2");
    out_ << fmt::format("  let u = {}, then f = eᵘ:  ∂u/∂x = {},  ∂f/∂u = eᵘ\n", print_unicode(u),
                        print_unicode(derivative_of(u, "x")));
    example({"f", "e^(x^2 + y^2)", "x", "2*x*e^(x^2 + y^2)"});
  }

  // Each row of the notes' derivative table: leibniz's derivative, the notes' claim,
  // and a central finite difference at a point of the domain.
  void derivative_table() {
    out_ << "\nThe derivative table (each row also checked by central finite differences)\n";
    struct Row {
      const char* f;
      const char* notes;
      double at;
      const char* remark;
    };
    const std::array<Row, 18> rows = {{
        {"n", "0", 0.7, ""},
        {"x", "1", 0.7, ""},
        {"x^n", "n*x^(n-1)", 0.7, ""},
        {"e^x", "e^x", 0.7, ""},
        {"ln(x)", "1/x", 0.7, ""},
        {"n^x", "n^x*ln(n)", 0.7, ""},
        {"sin(x)", "cos(x)", 0.7, ""},
        {"cos(x)", "-sin(x)", 0.7, ""},
        {"tan(x)", "sec(x)^2", 0.7, ""},
        {"cot(x)", "-csc(x)^2", 0.7, ""},
        {"sec(x)", "sec(x)*tan(x)", 0.7, ""},
        {"csc(x)", "-csc(x)*cot(x)", 0.7, ""},
        {"asin(x)", "1/sqrt(1-x^2)", 0.7, ""},
        {"acos(x)", "-1/sqrt(1-x^2)", 0.7, ""},
        {"atan(x)", "1/(1+x^2)", 0.7, ""},
        {"acot(x)", "-1/(1+x^2)", 0.7, ""},
        {"asec(x)", "1/(x*sqrt(x^2-1))", 1.7,
         "for x > 1, the notes' domain; |x| makes it hold for x < -1"},
        {"acsc(x)", "-1/(x*sqrt(x^2-1))", 1.7,
         "for x > 1, the notes' domain; |x| makes it hold for x < -1"},
    }};
    const std::vector<Expr> vars{symbol("x"), symbol("n")};
    for (const Row& row : rows) {
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
      std::string verdict = same ? "✓" : same_here ? "✓ " + std::string(row.remark) : "✗";
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
