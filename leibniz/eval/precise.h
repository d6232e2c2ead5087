// The precise evaluator of the eval layer (program.h is the fast one, in doubles): an
// expression's value at a point in MPFR at two precisions with an error bound carried
// through every operation, the one tolerance policy by which two values are judged equal
// (`compare`), where an expression changes behaviour (its breakpoints), and the points
// where a claim is sampled. The equality check (calculus/check.h, the one home of "equal
// at points") and definite integrals use it; see docs/architecture.md.
#pragma once

#include <mpfr.h>

#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "leibniz/expr/expr.h"

namespace leibniz::precise {

/// An MPFR number that owns its limbs.
class Real {
 public:
  explicit Real(mpfr_prec_t bits) { mpfr_init2(v_, bits); }
  Real(const Real& other) : Real(mpfr_get_prec(other.v_)) { mpfr_set(v_, other.v_, MPFR_RNDN); }
  Real& operator=(const Real& other) {
    if (this != &other) mpfr_set(v_, other.v_, MPFR_RNDN);
    return *this;
  }
  ~Real() { mpfr_clear(v_); }
  mpfr_ptr get() { return v_; }
  mpfr_srcptr get() const { return v_; }
  double to_double() const { return mpfr_get_d(v_, MPFR_RNDN); }

 private:
  mpfr_t v_;
};

/// The value of one side at one point: absent where the side is undefined (outside
/// the real domain); `overflow` when the value is beyond even MPFR's range.
struct SideValue {
  std::optional<Real> high, low;  ///< at kHighBits and kLowBits
  long double error = 0;          ///< a first-order bound on the error of `high`
  bool overflow = false;
  bool approximate = false;  ///< it holds a float (a decimal such as 0.1): ~16 digits
  bool defined() const { return high.has_value() && low.has_value(); }
  std::string text() const;  ///< 15 significant digits, or "undefined"
};

/// Texts of two values with as many digits as it takes to tell them apart.
std::pair<std::string, std::string> distinct_texts(const SideValue& a, const SideValue& b);

inline constexpr mpfr_prec_t kHighBits = 256, kLowBits = 192;

/// Evaluates e with vars[i] = point[i] (doubles, so every precision sees the same
/// point). Throws Error{Unsupported} for a node it cannot evaluate.
SideValue evaluate_side(const Expr& e, std::span<const Expr> vars, std::span<const double> point);

/// A quick double value (MPFR at 53 bits, or `bits`), NaN where undefined: for locating
/// breakpoints.
double evaluate_quick(const Expr& e, std::span<const Expr> vars, std::span<const double> point,
                      mpfr_prec_t bits = 53);

enum class Comparison { Agree, Differ, Undecided, Vague };

/// The sides' rounding error ("noise") is the gap between the two precisions plus an
/// error bound propagated through every operation. Differ when they differ by more than
/// a thousand times the noise and by more than 2^-96 (≈ 1e-29) relative; Vague (no
/// evidence either way) when the noise exceeds 2^-40 of max(|value|, 1); Agree when
/// they differ by at most four times the noise plus 2^-200 relative; else Undecided.
/// With `difference`, the value of simplify(A − B) at the same point: also Differ when it
/// is certainly not 0 and agrees with A − B within the noise, and never Agree then.
Comparison compare(const SideValue& a, const SideValue& b, const SideValue* difference = nullptr);

/// The arguments where the expression changes behaviour at a sign change or a domain
/// edge: of abs, ln, roots and fractional powers, denominators, asin/acos/asec/acsc
/// (±1), and cos/sin of the argument of tan/sec and cot/csc (their poles).
std::vector<Expr> breakpoint_functions(const Expr& e);

/// The zeros and domain edges of `kinks` along variable i through `base`, located
/// between neighbouring points of `grid` (sorted) by bisection, and zeros without a sign
/// change ((x - 3)²) at dips of |g|, for periodic kinks only with `periodic_dips` (on a
/// coarse grid cos dips everywhere): at most `at_most`, the nearest to 0, sorted.
std::vector<double> breakpoints(std::span<const Expr> kinks, std::span<const Expr> vars,
                                const std::vector<double>& base, std::size_t i,
                                std::span<const double> grid, std::size_t at_most,
                                bool periodic_dips);

/// The points where a claim over `vars` is sampled (after the small integers): along
/// each variable, the others fixed, magnitudes from 1e-3 to 1e6 of both signs and both
/// sides of every zero and domain edge of the `kinks` found there; then random points.
std::vector<std::vector<double>> sample_points(std::span<const Expr> kinks,
                                               std::span<const Expr> vars);

}  // namespace leibniz::precise
