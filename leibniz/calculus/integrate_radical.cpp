// Square roots of quadratics: P(x)·q^(k/2) with q = A·x² + B·x + C (rational
// coefficients), P a polynomial, k ≥ −1 odd. Writing the integrand as P̃/√q,
// ∫ P̃/√q dx = R(x)·√q + λ·∫ dx/√q with deg R = deg P̃ − 1 (the coefficients come from
// P̃ = R'·q + R·q'/2 + λ, solved from the top degree down), and ∫ dx/√q is an arcsin
// (A < 0) or a logarithm (A > 0) after completing the square.
#include "leibniz/calculus/integrate_rules.h"
#include "leibniz/expr/builders.h"

namespace leibniz::integration {
namespace {

std::optional<std::vector<Number>> rational_coefficients(Integrator& in, const Expr& e) {
  const auto coefficients = polynomial_coefficients(in, e);
  if (!coefficients) return std::nullopt;
  std::vector<Number> result;
  for (const Expr& c : *coefficients) {
    if (!c.is_number() || !c.number().is_exact()) return std::nullopt;
    result.push_back(c.number());
  }
  while (result.size() > 1 && result.back().is_zero()) result.pop_back();
  return result;
}

// ∫ dx/√q for q = A·x² + B·x + C; null when q < 0 everywhere.
Expr inverse_root_integral(const Expr& x, const Expr& q, const Number& A, const Number& B,
                           const Number& C) {
  const Number D = B * B - Number(4) * A * C;
  const Expr linear = add(mul(number(Number(2) * A), x), number(B));  // q' = 2Ax + B
  if (A.is_negative()) {
    if (!D.is_positive()) return {};
    // q = −A·(r² − t²), t = x + B/(2A): arcsin(−(2Ax + B)/√D)/√(−A).
    return div(func(Fn::Asin, div(neg(linear), sqrt_number(D))), sqrt_number(-A));
  }
  // ln|t + √(t² + m)|/√A with t = x + B/(2A), t² + m = q/A; positive when D < 0.
  const Expr t = add(x, number(B / (Number(2) * A)));
  const Expr argument = add(t, div(sqrt(q), sqrt_number(A)));
  const Expr log = D.is_negative() ? func(Fn::Ln, argument) : ln_abs(argument);
  return div(log, sqrt_number(A));
}

}  // namespace

Expr radical_rule(Integrator& in, const Expr& e) {
  const std::span<const Expr> factors = e.is(Kind::Mul) ? e.args() : std::span<const Expr>(&e, 1);
  for (std::size_t i = 0; i < factors.size(); ++i) {
    const Expr& f = factors[i];
    if (!f.is(Kind::Pow) || !f.exponent().is_number() || !f.exponent().number().is_exact())
      continue;
    const mpq_class& k2 = f.exponent().number().exact();
    // The lift below is a machine integer: refuse exponents past one, never wrap.
    if (k2.get_den() != 2 || k2 < -1 || !k2.get_num().fits_slong_p()) continue;
    const auto q = rational_coefficients(in, f.base());
    if (!q || q->size() != 3) continue;
    std::vector<Expr> rest;
    for (std::size_t j = 0; j < factors.size(); ++j) {
      if (j != i) rest.push_back(factors[j]);
    }
    // P̃ = P·q^((k+1)/2), so that the integrand is P̃/√q.
    const long lift = (k2.get_num().get_si() + 1) / 2;
    const auto p = rational_coefficients(in, mul(mul(rest), pow(f.base(), lift)));
    if (!p) continue;
    const Number &C = (*q)[0], &B = (*q)[1], &A = (*q)[2];
    const long n = static_cast<long>(p->size()) - 1;  // deg P̃
    // r_{j−1} = (P̃_j − (j + ½)·B·r_j − (j + 1)·C·r_{j+1})/(j·A), from j = n down to 1.
    std::vector<Number> r(static_cast<std::size_t>(n) + 2, Number(0));
    for (long j = n; j >= 1; --j) {
      const Number value =
          (*p)[j] - (Number(j) + Number::rational(1, 2)) * B * r[j] - Number(j + 1) * C * r[j + 1];
      r[j - 1] = value / (Number(j) * A);
    }
    const Number lambda = (*p)[0] - Number::rational(1, 2) * B * r[0] - C * r[1];
    const Expr& x = in.var();
    Expr base_integral;
    if (!lambda.is_zero()) {
      base_integral = inverse_root_integral(x, f.base(), A, B, C);
      if (base_integral.is_null()) continue;
    }
    std::vector<Expr> r_terms;
    for (long j = 0; j < n; ++j) r_terms.push_back(mul(number(r[j]), pow(x, j)));
    const Expr R = add(r_terms);
    Expr result = mul(R, sqrt(f.base()));
    if (!lambda.is_zero()) result = add(result, mul(number(lambda), base_integral));
    in.step(Rule::RootOfQuadratic, e, result, {{"q", f.base()}, {"R", R}, {"λ", number(lambda)}});
    return result;
  }
  return {};
}

}  // namespace leibniz::integration
