// Substitution u = xⁿ when the integrand is x^k·f(xⁿ) with n dividing k + 1: x^k dx =
// u^((k + 1)/n − 1) du/n. It is Chebyshev's second case for binomials x^m·(a + b·xⁿ)^p
// ((m + 1)/n an integer: the root of a + b·u is then one of a linear base), and also
// covers x⁵·e^(x²), x⁴/√(x¹⁰ − 2), x/(1 − x² + √(1 − x²)).
#include <gmpxx.h>

#include <numeric>

#include "leibniz/calculus/diff.h"
#include "leibniz/calculus/integrate_rules.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/substitute.h"

namespace leibniz::integration {
namespace {

// The exponent of var in a factor var^k (k a machine integer), or nullopt.
std::optional<long> monomial_exponent(const Expr& f, const Expr& var) {
  if (f == var) return 1;
  if (f.is(Kind::Pow) && f.base() == var && f.exponent().is_integer() &&
      f.exponent().number().exact().get_num().fits_slong_p()) {
    return f.exponent().number().exact().get_num().get_si();
  }
  return std::nullopt;
}

// The gcd of the exponents k of every occurrence of var in e (each as var^k, k an
// integer; a bare var is k = 1); 0 when var does not occur, 1 when some occurrence is
// not such a power.
long exponent_gcd(Integrator& in, const Expr& e) {
  if (!in.depends(e)) return 0;
  if (const auto k = monomial_exponent(e, in.var())) return std::abs(*k);
  if (e.is(Kind::Pow) && e.base() == in.var()) return 1;
  long g = 0;
  for (const Expr& a : e.args()) {
    g = std::gcd(g, exponent_gcd(in, a));
    if (g == 1) return 1;
  }
  return g;
}

}  // namespace

Expr monomial_substitution_rule(Integrator& in, const Expr& e) {
  const Expr& x = in.var();
  long k = 0;
  std::vector<Expr> rest;
  const std::span<const Expr> factors = e.is(Kind::Mul) ? e.args() : std::span<const Expr>(&e, 1);
  for (const Expr& f : factors) {
    if (const auto power = monomial_exponent(f, x)) {
      k += *power;
    } else {
      rest.push_back(f);
    }
  }
  const Expr inner = mul(rest);
  const long g = exponent_gcd(in, inner);
  if (g < 2 || g > 1000) return {};
  long n = g;
  while (n >= 2 && (g % n != 0 || (k + 1) % n != 0)) --n;
  if (n < 2) return {};
  const Expr u = in.fresh_symbol(e);
  const Expr in_u = rewrite(inner, [&](const Expr& f) -> std::optional<Expr> {
    if (const auto power = monomial_exponent(f, x)) return pow(u, *power / n);
    return std::nullopt;
  });
  const Expr h = mul({in_u, pow(u, (k + 1) / n - 1), rational(1, n)});
  const Expr value = pow(x, n);
  const std::size_t index = in.open<Rule::Substitution>(
      e, {.row = {"monomial", "x^(n−1)·f(xⁿ) dx = f(u) du/n with u = xⁿ"},
          .value = value,
          .du_dx = diff(value, x)});
  return in.integrate_substituted(index, h, u, value);
}

}  // namespace leibniz::integration
