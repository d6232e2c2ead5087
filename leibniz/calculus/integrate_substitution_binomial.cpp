// Chebyshev's third case for binomials x^m·(a + b·xⁿ)^(r/n) (m an integer, (m + 1 + r)/n
// = k an integer; the root's index is n): s = x/(a + b·xⁿ)^(1/n), an odd function of x
// wherever the root is real, so x = s·(a + b·xⁿ)^(1/n), a + b·xⁿ = a/(1 − b·sⁿ) and
// ∫ x^m·(a + b·xⁿ)^(r/n) dx = aᵏ·∫ s^m·(1 − b·sⁿ)^(−k−1) ds, a rational function of s
// (∫ (3 + 4x⁴)^(1/4)/x² dx, ∫ dx/(x²·(1 + x²)^(3/2))). A factor R(xⁿ), rational in xⁿ,
// stays rational: xⁿ = a·sⁿ/(1 − b·sⁿ) (∫ dx/((x³ − 1)·(x³ + 2)^(1/3)) = ∫ ds/(3s³ − 1)).
// The second case, (m + 1)/n an integer, is u = xⁿ (integrate_substitution_monomial.cpp).
#include <gmpxx.h>

#include "leibniz/calculus/diff.h"
#include "leibniz/calculus/integrate_rules.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/substitute.h"

namespace leibniz::integration {
namespace {

constexpr long kMaxBinomialIndex = 12;
constexpr long kMaxBinomialPower = 40;

// f = P(xⁿ)^k (k an integer) written in y = xⁿ; null when f is not such a power.
Expr in_powers_of_x(Integrator& in, const Expr& f, long n, const Expr& y) {
  Expr base = f;
  long k = 1;
  if (f.is(Kind::Pow) && f.exponent().is_integer()) {
    const auto power = f.exponent().number().to_long();
    if (!power || *power > kMaxBinomialPower || *power < -kMaxBinomialPower) return {};
    base = f.base();
    k = *power;
  }
  const auto c = polynomial_coefficients(in, base);
  if (!c) return {};
  std::vector<Expr> terms;
  for (std::size_t i = 0; i < c->size(); ++i) {
    if ((*c)[i].is_zero()) continue;
    if (static_cast<long>(i) % n != 0) return {};
    terms.push_back(mul((*c)[i], pow(y, static_cast<long>(i) / n)));
  }
  return pow(add(terms), k);
}

}  // namespace

Expr binomial_third_case_rule(Integrator& in, const Expr& e) {
  const Expr& x = in.var();
  const std::span<const Expr> factors = e.is(Kind::Mul) ? e.args() : std::span<const Expr>(&e, 1);
  long m = 0;
  Expr binomial;
  std::vector<Expr> others;  // R(xⁿ), rational in xⁿ: x = s·(a/(1 − b·sⁿ))^(1/n) keeps it rational
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
      others.push_back(f);
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
  std::vector<Expr> h_factors{mul(constant), pow(a, k), pow(s, m), pow(one_minus, -k - 1)};
  const Expr x_to_the_n = div(mul(a, pow(s, n)), one_minus);
  for (const Expr& f : others) {
    const Expr in_s = in_powers_of_x(in, f, n, x_to_the_n);
    if (in_s.is_null()) return {};
    h_factors.push_back(in_s);
  }
  const Expr h = mul(h_factors);
  const Expr value = mul(x, pow(binomial.base(), rational(-1, n)));
  // (a/(1 − b·sⁿ))^(1/n), not a^(1/n)·…: a < 0 under an even root has no real value.
  const Expr x_of_s = mul(s, pow(div(a, one_minus), rational(1, n)));
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
