// Reading the LaTeX of ordinary lecture notes (spec §2): \frac, \sqrt, x^{n},
// e^{x^2+y^2}, \cdot, \times, \left( \right), \sin x, \sin^2 x, \sin^{-1} x, \ln x,
// \log_2 x, \operatorname{arccot} x, \sigma(z), subscripts w_1, w_{P_1 x_1}, h_{\theta},
// implicit products of single letters (2xy^3), x^\circ, \frac{d}{dx} and
// \frac{\partial}{\partial x} applied to the term that follows, and \int f \, dx.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "leibniz/expr/expr.h"
#include "leibniz/expr/parse_latex_names.h"

namespace leibniz {

/// Differentiates expr by var; \frac{\partial}{\partial x} needs it, and the expr layer
/// cannot see calculus, so the caller passes it in.
using Differentiate = std::function<Expr(const Expr& expr, const Expr& var)>;

/// Integrates f by var: an antiderivative when lower and upper are null (\int f \, dx),
/// else the value of the definite integral (\int_a^b f \, dx). Supplied by the caller,
/// as Differentiate is.
using Integrate =
    std::function<Expr(const Expr& f, const Expr& var, const Expr& lower, const Expr& upper)>;

/// Parses one LaTeX expression. Errors (Error{Parse}) carry 0-based offsets into `input`;
/// a derivative without `differentiate` or an integral without `integrate` is
/// Error{Unsupported}. `functions` are the names the request declares as undefined
/// functions (spec §1 v2): \psi(x), \mathrm{net}(x), h(x) are calls of them; f, g, F, G
/// and \operatorname{name} before a parenthesis always are.
Expr parse_latex(std::string_view input, const Differentiate& differentiate = {},
                 const Integrate& integrate = {}, const std::vector<std::string>& functions = {});

/// One side of a chain of equalities "A = B = C".
struct LatexSide {
  Expr value;          ///< null for a label such as \frac{\partial f}{\partial x}
  std::string source;  ///< the side's LaTeX, trimmed
  std::size_t pos;     ///< its offset in the input
  /// The variable of an indefinite integral in the side (\int f \, dx), else null: such a
  /// side is one antiderivative of many, known only up to a constant.
  Expr indefinite_variable;
};

/// Splits a display formula at its top-level '=' signs and parses each side.
std::vector<LatexSide> parse_latex_chain(std::string_view input,
                                         const Differentiate& differentiate = {},
                                         const Integrate& integrate = {},
                                         const std::vector<std::string>& functions = {});

}  // namespace leibniz
