// The notes' integral table, row by row: leibniz's answer, checked by differentiation,
// and where it differs from the notes' (ln|x| for ln x), why.
#include "leibniz/app/tour_integrals.h"

#include <fmt/format.h>

#include <ostream>

#include "leibniz/app/lecture_notes.h"
#include "leibniz/calculus/diff.h"
#include "leibniz/calculus/integrate.h"
#include "leibniz/calculus/simplify.h"
#include "leibniz/core/error.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"

namespace leibniz::app {

bool run_integral_tour(std::ostream& out) {
  out << "\nThe integral table (each answer differentiated back to its integrand)\n";
  const Expr x = symbol("x");
  bool ok = true;
  for (const lecture::IntegralRow& row : lecture::integral_table()) {
    const Expr f = parse_text(row.integrand);
    std::string verdict;
    Expr F;
    try {
      F = integrate(f, x);
      const bool checked = simplify(sub(diff(F, x), f)).is_zero();
      const bool notes_agree = F == parse_text(row.notes);
      verdict = notes_agree ? "✓" : fmt::format("✓ ({})", row.erratum);
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
