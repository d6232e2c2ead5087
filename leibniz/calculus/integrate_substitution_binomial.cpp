// Chebyshev's third case for binomials x^m·(a + b·xⁿ)^(r/n) (m an integer, (m + 1 + r)/n
// = k an integer; the root's index is n): s = x/(a + b·xⁿ)^(1/n), an odd function of x
// wherever the root is real, so x = s·(a + b·xⁿ)^(1/n), a + b·xⁿ = a/(1 − b·sⁿ) and
// ∫ x^m·(a + b·xⁿ)^(r/n) dx = aᵏ·∫ s^m·(1 − b·sⁿ)^(−k−1) ds, a rational function of s
// (∫ (3 + 4x⁴)^(1/4)/x² dx, ∫ dx/(x²·(1 + x²)^(3/2))). The second case, (m + 1)/n an
// integer, is u = xⁿ (integrate_substitution_monomial.cpp).
#include <gmpxx.h>

#include "leibniz/calculus/diff.h"
#include "leibniz/calculus/integrate_rules.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/substitute.h"

namespace leibniz::integration {
namespace {

constexpr long kMaxBinomialIndex = 12;
constexpr long kMaxBinomialPower = 40;

}  // namespace

Expr binomial_third_case_rule(Integrator& in, const Expr& e) {
  const Expr& x = in.var();
  const std::span<const Expr> factors = e.is(Kind::Mul) ? e.args() : std::span<const Expr>(&e, 1);
  long m = 0;
  Expr binomial;
  for (const Expr& f : factors) {
    if (f == x) {
      m += 1;
    } else if (f.is(Kind::Pow) && f.base() == x && f.exponent().is_integer()) {
      const auto k = f.exponent().number().to_long();
      if (!k || *k > kMaxBinomialPower || *k < -kMaxBinomialPower) return {};
      m += *k;
    } else if (binomial.is_null() && f.is(Kind::Pow) && f.exponent().is_number() &&
               f.exponent().number().is_exact() && !f.exponent().number().is_integer()) {
      binomial = f;
    } else if (in.depends(f)) {
      return {};
    }
  }
  if (binomial.is_null()) return {};
  const mpq_class& p = binomial.exponent().number().exact();
  if (!p.get_den().fits_slong_p() || !p.get_num().fits_slong_p()) return {};
  const long n = p.get_den().get_si(), r = p.get_num().get_si();
  if (n > kMaxBinomialIndex || r > kMaxBinomialPower || r < -kMaxBinomialPower ||
      (m + 1 + r) % n != 0) {
    return {};
  }
  const auto c = polynomial_coefficients(in, binomial.base());
  if (!c || static_cast<long>(c->size()) != n + 1 || c->front().is_zero()) return {};
  for (long i = 1; i < n; ++i) {
    if (!(*c)[static_cast<std::size_t>(i)].is_zero()) return {};
  }
  const Expr &a = c->front(), &b = c->back();
  const long k = (m + 1 + r) / n;
  // The constant factors of e (those free of x) stay in front.
  std::vector<Expr> constant;
  for (const Expr& f : factors) {
    if (!in.depends(f)) constant.push_back(f);
  }
  const Expr s = in.fresh_symbol(e);
  const Expr one_minus = sub(integer(1), mul(b, pow(s, n)));
  const Expr h = mul({mul(constant), pow(a, k), pow(s, m), pow(one_minus, -k - 1)});
  const Expr value = mul(x, pow(binomial.base(), rational(-1, n)));
  const Expr x_of_s = mul({s, pow(a, rational(1, n)), pow(one_minus, rational(-1, n))});
  const std::size_t index = in.open<Rule::Substitution>(
      e, {.row = {"binomial-third",
                  "Chebyshev's third case, x^m·(a + b·xⁿ)^(r/n) with (m + 1 + r)/n an integer: "
                  "s = x/(a + b·xⁿ)^(1/n)"},
          .value = value,
          .x = x_of_s,
          .dx = diff(x_of_s, s)});
  return in.integrate_substituted(index, h, s, value);
}

}  // namespace leibniz::integration
