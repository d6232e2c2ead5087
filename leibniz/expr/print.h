// Printing an Expr: text that parses back to the same expression (spec §1), LaTeX in
// the notes' style, and Unicode math for a terminal.
#pragma once

#include <iosfwd>
#include <string>

#include "leibniz/expr/expr.h"

namespace leibniz {

/// 4*x^3*y + 3*x^2*y^2 - 2*x/y ; parses back to the same node.
std::string print_text(const Expr& e);
/// \frac{2 x}{y}, 2 x e^{x^{2} + y^{2}}, \sin\left(y\right)
std::string print_latex(const Expr& e);
/// 4x³y + 3x²y², 2x·e^(x² + y²), σ(w1·x + b1)
std::string print_unicode(const Expr& e);

/// print_text(e) and print_latex(e), for less than the two apart (an answer holds both).
struct TextAndLatex {
  std::string text;
  std::string latex;
};
TextAndLatex print_text_and_latex(const Expr& e);

/// Writes print_text(e); lets tests and logs show expressions.
std::ostream& operator<<(std::ostream& out, const Expr& e);

}  // namespace leibniz
