#include "leibniz/app/tour.h"

#ifdef LEIBNIZ_HAS_INTEGRAL_TOUR
#include "leibniz/app/tour_integrals.h"
#endif
#ifdef LEIBNIZ_HAS_NETWORK_TOUR
#include "leibniz/app/tour_networks.h"
#endif

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <ostream>
#include <vector>

#include "leibniz/calculus/diff.h"
#include "leibniz/calculus/simplify.h"
#include "leibniz/core/error.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"
#include "leibniz/numeric/finite_difference.h"
#include "leibniz/numeric/program.h"

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
#ifdef LEIBNIZ_HAS_INTEGRAL_TOUR
    ok_ &= run_integral_tour(out_);
#endif
#ifdef LEIBNIZ_HAS_NETWORK_TOUR
    ok_ &= run_network_tour(out_);
#endif
    out_ << "\n" << (ok_ ? "Every result agrees with the answer key."
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

  void example(const Example& e) {
    const Expr f = parse_text(e.f);
    const Expr df = derivative_of(f, e.wrt);
    const bool agrees = df == parse_text(e.answer);
    ok_ &= agrees;
    out_ << fmt::format("  {}(x, y) = {}\n      ∂{}/∂{} = {}  {}\n", e.name, as_written(e.f),
                        e.name, e.wrt, print_unicode(df), agrees ? "✓" : "✗ answer key disagrees");
  }

  void rules() {
    heading("1. Power rule", "∂/∂x xⁿ = n·xⁿ⁻¹");
    example({"f", "x^3", "x", "3*x^2"});
    example({"g", "y^4", "y", "4*y^3"});
    heading("2. Constant multiple rule", "∂/∂x (c·g) = c·∂g/∂x");
    example({"f", "5*x^2", "x", "10*x"});
    example({"g", "7*y^3", "y", "21*y^2"});
    heading("3. Sum rule", "∂/∂x (g + h) = ∂g/∂x + ∂h/∂x");
    example({"f", "x^2 + y^2", "x", "2*x"});
    example({"g", "3*x^3 + 4*y", "y", "4"});
    heading("4. Product rule", "∂/∂x (g·h) = g·∂h/∂x + h·∂g/∂x");
    example({"f", "x^2*y^3", "x", "2*x*y^3"});
    example({"g", "(3*x)*(4*y^2)", "y", "24*x*y"});
    heading("5. Quotient rule", "∂/∂x (g/h) = (h·∂g/∂x − g·∂h/∂x)/h²");
    example({"f", "x^2/y", "x", "2*x/y"});
    example({"g", "y^2/x", "y", "2*y/x"});
  }

  // The notes' chain of "Simplifying this" lines: each is checked against the
  // correct derivative; the first that breaks is named.
  void check_lines(const Expr& correct, const std::vector<const char*>& lines) {
    bool broken = false;
    for (const char* line : lines) {
      const Expr claim = parse_text(line);
      const Expr difference = simplify(sub(claim, correct));
      if (difference.is_zero()) {
        out_ << fmt::format("      = {}  ✓\n", as_written(line));
      } else if (!broken) {
        broken = true;
        out_ << fmt::format("      = {}  ✗ the first wrong line: it is off by {}\n",
                            as_written(line), print_unicode(difference));
      } else {
        out_ << fmt::format("      = {}  ✗ (carries the error on)\n", as_written(line));
      }
    }
  }

  void product_rule_errata() {
    out_ << "\n  The notes' longer example: f(x, y) = u·v with u = x² + y², v = x²y + y²x\n";
    const Expr f = parse_text("(x^2 + y^2)*(x^2*y + y^2*x)");
    const Expr u = parse_text("x^2 + y^2"), v = parse_text("x^2*y + y^2*x");
    for (const char* wrt : {"x", "y"}) {
      const Expr df = derivative_of(f, wrt);
      out_ << fmt::format("    ∂u/∂{0} = {1}    ∂v/∂{0} = {2}\n", wrt,
                          print_unicode(derivative_of(u, wrt)),
                          print_unicode(derivative_of(v, wrt)));
      out_ << fmt::format("    ∂f/∂{0} = u·∂v/∂{0} + v·∂u/∂{0}, and the notes simplify:\n", wrt);
      if (std::string_view(wrt) == "x") {
        check_lines(df, {"(x^2 + y^2)*(2*x*y + y^2) + (x^2*y + y^2*x)*(2*x)",
                         "(x^2 + y^2)*(2*x*y + y^2) + 2*x*(x^2*y + y^2*x)",
                         "2*x^3*y + x^2*y^2 + 2*x*y^3 + y^4 + 2*x^3*y + 2*x*y^3",
                         "4*x^3*y + x^2*y^2 + 4*x*y^3 + y^4"});
        out_ << "      (erratum: 2x(x²y + y²x) is 2x³y + 2x²y², not 2x³y + 2xy³)\n";
      } else {
        check_lines(df, {"(x^2 + y^2)*(x^2 + 2*y*x) + (x^2*y + y^2*x)*(2*y)",
                         "(x^2 + y^2)*(x^2 + 2*y*x) + 2*y*(x^2*y + y^2*x)",
                         "x^4 + 2*x^3*y + x^2*y^2 + 2*y*x^2 + 2*y^2*x^2 + 2*y^3*x",
                         "x^4 + 2*x^3*y + x^2*y^2 + 2*x^2*y + 2*x^2*y^2 + 2*y^3*x",
                         "x^4 + 2*x^3*y + 3*x^2*y^2 + 2*y*x^2 + 2*y^3*x"});
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
        {"asec(x)", "1/(x*sqrt(x^2-1))", 1.7, "for x > 1, the notes' domain; |x| makes it hold for x < -1"},
        {"acsc(x)", "-1/(x*sqrt(x^2-1))", 1.7, "for x > 1, the notes' domain; |x| makes it hold for x < -1"},
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
      const bool same_here = relative_error(Program(notes, vars).run(point), exact) < 1e-12;
      const bool fd_ok = relative_error(exact, fd) < 1e-6;
      ok_ &= fd_ok && (same || same_here);
      std::string verdict = same ? "✓" : same_here ? "✓ " + std::string(row.remark) : "✗";
      out_ << fmt::format("  d/dx {:<7} = {:<20} at x = {}: {:9.6f}, finite difference {:9.6f}  {}\n",
                          print_unicode(f), print_unicode(df), row.at, exact, fd, verdict);
    }
  }

  std::ostream& out_;
  bool ok_ = true;
};

}  // namespace

bool run_tour(std::ostream& out) { return Tour(out).run(); }

}  // namespace leibniz::app
