// Internal to the rational-function integrator (integrate_rational*.cpp): the
// antiderivative of A/q^j for an irreducible factor q of degree ≥ 3, over the polynomials
// of expr/rational_polynomial.h.
#pragma once

#include <optional>

#include "leibniz/calculus/integrate_rules.h"
#include "leibniz/core/number.h"
#include "leibniz/expr/expr.h"
#include "leibniz/expr/rational_polynomial.h"

namespace leibniz::integration {

/// q(x − s) with s = (coefficient of x^(d−1) of monic q)/d: no term in x^(d−1).
/// Returns s; `shifted` is the monic depressed polynomial, `top` is a(x − s).
Number depress(const QPoly& q, const QPoly& a, QPoly& shifted, QPoly& top);

/// ∫ a/q^j dx for q irreducible over ℚ of degree ≥ 3 and deg a < j·deg q: Hermite
/// reduction down to j = 1, then the logarithmic part (a multiple of q'/q, or q a
/// quartic even about a point). Null when the logarithmic part is out of reach.
Expr irreducible_term(Integrator& in, const QPoly& q, const QPoly& a, long j, const Expr& x);

/// The minimal polynomial over ℚ of the Rothstein–Trager roots a(α)/q′(α) (α a root of
/// the irreducible q): a primitive integer polynomial in t (z when x is named t).
Expr log_part_polynomial(const QPoly& q, const QPoly& a, const Expr& x);

/// ∫ a/q for q irreducible when those roots lie in a quadratic field ℚ(√D): q splits
/// there into conjugates U ± √D·V; the answer is real logarithms for D > 0, ln|q| and
/// arctangents of polynomials for D < 0. Null otherwise.
Expr quadratic_field_term(Integrator& in, const QPoly& q, const QPoly& a, const Expr& x);

/// ∫ a/q for an irreducible quartic q whose resolvent cubic has a rational root z > 0
/// (Ferrari): q splits over ℝ into two quadratics with coefficients in ℚ(√z), giving ln
/// and arctan terms with nested roots. Null otherwise.
Expr split_quartic_term(Integrator& in, const QPoly& q, const QPoly& a, const Expr& x);

/// ∫ a/q for an irreducible binomial q = L·(tⁿ + C), t = x + s, deg a < n: over the
/// roots R·e^(iθ) of tⁿ = −C, ln and arctan terms with cos θ and sin θ (θ a rational
/// multiple of π). Null for other q.
Expr binomial_term(Integrator& in, const QPoly& q, const QPoly& a, const Expr& x);

/// Half a real form of i·ln((A + i·s·V)/(A − i·s·V)), s = √d (d > 0, A and V coprime):
/// Σ atan(Pₖ) with Pₖ polynomials in x, continuous on ℝ, whose derivative is half that
/// of the logarithm (Rioboo). Null if A and V are not coprime.
Expr log_to_atan(const QPoly& a, const QPoly& v, const Number& d, const Expr& x);

/// ∫ N/D for N, D polynomials in x with symbolic coefficients, D of degree 1 or α·x² + γ:
/// long division, then ln and, when γ/α = ±s² visibly, atan or ln terms. Null otherwise.
Expr parametric_rational(Integrator& in, const Expr& e, const Expr& numerator,
                         const Expr& denominator);

/// s with s² = r, real for real parameters, when r shows it: a², 4·a²/b⁴, 8 (2·√2), an
/// expanded square a² + 2ab + b² (a + b). Null otherwise.
Expr visible_square_root(const Expr& r);

/// ∫ N/D by partial fractions over ℚ(a, b, …) for D a product of powers of factors of
/// degree 1 or 2 in x (symbolic coefficients); a quadratic's ∫ dx/f only when the sign of
/// its 4αγ − β² shows, else null with the case split noted as the obstacle.
Expr symbolic_partial_fractions(Integrator& in, const Expr& e, const Expr& numerator,
                                const Expr& denominator);

}  // namespace leibniz::integration
