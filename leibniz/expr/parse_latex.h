// Reading the LaTeX of ordinary lecture notes (spec §2): \frac, \sqrt, x^{n},
// e^{x^2+y^2}, \cdot, \times, \left( \right), \sin x, \ln x, \operatorname{arccot} x,
// \sigma(z), subscripts w_1, w_{P_1 x_1}, h_{t-1}, implicit products of single letters
// (2xy^3), and \frac{\partial}{\partial x}(...) meaning "differentiate".
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "leibniz/expr/expr.h"

namespace leibniz {

/// Differentiates expr by var; \frac{\partial}{\partial x} needs it, and the expr layer
/// cannot see calculus, so the caller passes it in.
using Differentiate = std::function<Expr(const Expr& expr, const Expr& var)>;

/// Parses one LaTeX expression. Errors (Error{Parse}) carry 0-based offsets into `input`.
Expr parse_latex(std::string_view input, const Differentiate& differentiate = {});

/// One side of a chain of equalities "A = B = C".
struct LatexSide {
  Expr value;          ///< null for a label such as \frac{\partial f}{\partial x}
  std::string source;  ///< the side's LaTeX, trimmed
  std::size_t pos;     ///< its offset in the input
};

/// Splits a display formula at its top-level '=' signs and parses each side.
std::vector<LatexSide> parse_latex_chain(std::string_view input,
                                         const Differentiate& differentiate = {});

/// A variable name for a subscripted LaTeX name: w_1 -> w1, w_{P_1 x_1} -> w_P1x1,
/// h_{t-1} -> h_tm1.
std::string latex_variable_name(std::string_view base, std::string_view subscript);

}  // namespace leibniz
