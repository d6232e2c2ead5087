// Rational functions P/Q with rational coefficients: polynomial division, then partial
// fractions over the factors of Q (FLINT's factoring over the integers): linear
// factors give ln and power terms, quadratic factors ln and arctan terms (or ln of a
// quotient when their roots are real), repeated quadratics the reduction formula.
#include "leibniz/calculus/integrate_rational.h"

#include <flint/fmpz_poly.h>
#include <flint/fmpz_poly_factor.h>
#include <fmt/format.h>

#include "leibniz/calculus/cancel.h"
#include "leibniz/calculus/diff.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/print.h"

namespace leibniz::integration {
namespace {

std::optional<QPoly> to_qpoly(Integrator& in, const Expr& e) {
  const auto coefficients = polynomial_coefficients(in, e);
  if (!coefficients) return std::nullopt;
  QPoly p;
  for (std::size_t k = 0; k < coefficients->size(); ++k) {
    const Expr& c = (*coefficients)[k];
    if (!c.is_number() || !c.number().is_exact()) return std::nullopt;
    fmpq_poly_set_coeff_mpq(p.raw(), static_cast<slong>(k), c.number().exact().get_mpq_t());
  }
  return p;
}

// ∫ (b·x + c)/p^j dx for p = α·x + β.
Expr linear_term(const QPoly& p, const Number& c, long j, const Expr& x) {
  const Expr px = to_expr(p, x);
  const Expr alpha = number(p.coefficient(1));
  if (j == 1) return mul(div(number(c), alpha), ln_abs(px));
  return div(mul(number(c), pow(px, 1 - j)), mul(alpha, integer(1 - j)));
}

// ∫ dx/p for p = α·x² + β·x + γ with no rational root; Δ = 4αγ − β².
Expr quadratic_base(const Number& alpha, const Number& beta, const Number& delta, const Expr& x) {
  const Expr linear = add(mul(number(alpha * Number(2)), x), number(beta));
  if (delta.is_positive()) {
    const Expr root = sqrt_number(delta);
    return mul(div(integer(2), root), func(Fn::Atan, div(linear, root)));
  }
  const Expr root = sqrt_number(-delta);
  return mul(pow(root, -1), ln_abs(div(sub(linear, root), add(linear, root))));
}

// ∫ (b·x + c)/p^j dx for an irreducible quadratic p = α·x² + β·x + γ:
// b·x + c = b/(2α)·p' + (c − bβ/(2α)); ∫ p'/p^j is ln p or p^(1−j)/(1−j); ∫ 1/p^j by
// the reduction formula in t = x + β/(2α), p = α(t² + m):
// I_j = t/(2m(j−1)(t² + m)^(j−1)) + (2j − 3)/(2m(j−1))·I_{j−1}.
Expr quadratic_term(const QPoly& p, const Number& b, const Number& c, long j, const Expr& x) {
  const Expr px = to_expr(p, x);
  const Number gamma = p.coefficient(0), beta = p.coefficient(1), alpha = p.coefficient(2);
  const Number half_slope = b / (Number(2) * alpha);
  const Number rest = c - b * beta / (Number(2) * alpha);
  Expr log_part;
  if (!half_slope.is_zero()) {
    log_part = j == 1 ? mul(number(half_slope), ln_abs(px))
                      : div(mul(number(half_slope), pow(px, 1 - j)), integer(1 - j));
  } else {
    log_part = integer(0);
  }
  if (rest.is_zero()) return log_part;
  const Number delta = Number(4) * alpha * gamma - beta * beta;
  const Number m = delta / (Number(4) * alpha * alpha);
  // ∫ dt/(t² + m)^j = Σₖ cₖ·t/(t² + m)^(k−1) + c₁·∫ dt/(t² + m), the reduction formula
  // unrolled from the top into one flat sum (j in the hundreds stays linear); ∫ 1/p^j =
  // α^(−j)·that.
  const Expr t = add(x, number(beta / (Number(2) * alpha)));
  const Expr t2m = div(px, number(alpha));  // t² + m
  std::vector<Expr> terms{log_part};
  Number carried = rest * alpha.pow(-j);
  for (long k = j; k >= 2; --k) {
    const Number scale = Number(2) * m * Number(k - 1);
    if (beta.is_zero() && alpha == Number(1)) {
      // The scale stays with the power (x/(2·x² + 2)): simplify, after a substitution
      // u = √((x + 1)/(1 − x)), cancels that shape and not x/(x² + 1).
      terms.push_back(mul(number(carried), div(t, mul(number(scale), pow(t2m, k - 1)))));
    } else {
      // t/(t² + m)^(k−1) = α^(k−1)·(2α·x + β)/(2α·p^(k−1)), p as the integrand has it.
      terms.push_back(mul({number(carried / scale * alpha.pow(k - 2) / Number(2)),
                           add(mul(number(Number(2) * alpha), x), number(beta)), pow(px, 1 - k)}));
    }
    carried = carried * Number(2 * k - 3) / scale;
  }
  terms.push_back(mul(number(carried * alpha), quadratic_base(alpha, beta, delta, x)));
  return add(terms);
}

// ∫ P/Q with Q = B(x^d) and P = x^(d−1)·T(x^d), d ≥ 2: u = x^d gives (1/d)·∫ T(u)/B(u) du,
// of lower degree (∫ x²/(1 + x⁶) = atan(x³)/3). Null when no such d exists.
Expr power_substitution(Integrator& in, const Expr& e, const QPoly& top, const QPoly& bottom) {
  auto exponents_fit = [](const QPoly& p, long d, long residue) {
    for (long k = 0; k <= p.degree(); ++k) {
      if (!p.coefficient(k).is_zero() && k % d != residue) return false;
    }
    return true;
  };
  for (long d = bottom.degree(); d >= 2; --d) {
    if (!exponents_fit(bottom, d, 0) || !exponents_fit(top, d, d - 1)) continue;
    const Expr& x = in.var();
    const Expr u = in.fresh_symbol(e);
    std::vector<Expr> numerator, denominator;
    for (long k = d - 1; k <= top.degree(); k += d) {
      numerator.push_back(mul(number(top.coefficient(k)), pow(u, (k - d + 1) / d)));
    }
    for (long k = 0; k <= bottom.degree(); k += d) {
      denominator.push_back(mul(number(bottom.coefficient(k)), pow(u, k / d)));
    }
    const Expr g = pow(x, d);
    const Expr h = div(add(numerator), mul(integer(d), add(denominator)));
    const std::size_t index = in.open<Rule::Substitution>(e, {.value = g, .du_dx = diff(g, x)});
    const Expr f = in.antiderivative_in(h, u);
    if (f.is_null()) {
      in.abandon(index);
      return {};
    }
    return in.finish(index, replace(f, u, g));
  }
  return {};
}

// ∫ P/Q for Q a binomial L·(tⁿ + C) whose factors over ℚ are out of reach one by one
// (x⁷ + 1 = (x + 1)·Φ₁₄(x)): over the roots of Q at once. Null for other Q.
Expr whole_binomial(Integrator& in, const Expr& e, const QPoly& bottom, const QPoly& quotient,
                    const QPoly& remainder) {
  const std::size_t index = in.open<Rule::PartialFractions>(e);
  const Expr term = binomial_term(in, bottom, remainder, in.var());
  if (term.is_null()) {
    in.abandon(index);
    return {};
  }
  QPoly integral_of_quotient;
  fmpq_poly_integral(integral_of_quotient.raw(), quotient.raw());
  return in.finish(index, add(to_expr(integral_of_quotient, in.var()), term));
}

// ∫ c·q^(−j) for an irreducible quadratic q, before cancel expands and factors q^j (its
// degree in the hundreds for ∫ dx/(x² + 1)^200): the reduction formula directly.
Expr inverse_power_of_quadratic(Integrator& in, const Expr& e) {
  const bool scaled = e.is(Kind::Mul) && e.args().size() == 2 && e.args()[0].is_number();
  const Expr& power = scaled ? e.args()[1] : e;
  if (!power.is(Kind::Pow) || !power.exponent().is_integer()) return {};
  const std::optional<long> minus_j = power.exponent().number().to_long();
  if (!minus_j || *minus_j > -2) return {};
  const auto q = to_qpoly(in, power.base());
  if (!q || q->degree() != 2) return {};
  const Number c = scaled ? e.args()[0].number() : Number(1);
  const Number beta = q->coefficient(1);
  const Number discriminant = beta * beta - Number(4) * q->coefficient(2) * q->coefficient(0);
  if (!c.is_exact() || !discriminant.is_negative()) return {};  // real roots: the general way
  const Expr result = quadratic_term(*q, Number(0), c, -*minus_j, in.var());
  in.step<Rule::PartialFractions>(
      e, result, {.decomposition = e, .denominator = pow(power.base(), -*minus_j)});
  return result;
}

}  // namespace

Expr rational_rule(Integrator& in, const Expr& e) {
  if (Expr r = inverse_power_of_quadratic(in, e); !r.is_null()) return r;
  const std::optional<Expr> cancelled = cancel(e);
  if (!cancelled) return {};
  const Fraction fraction = split_fraction(*cancelled);
  const auto top = to_qpoly(in, fraction.numerator);
  const auto bottom = to_qpoly(in, fraction.denominator);
  if (!top || !bottom) return parametric_rational(in, e, fraction.numerator, fraction.denominator);
  if (bottom->degree() < 0) return {};
  const Expr& x = in.var();

  QPoly quotient, remainder;
  fmpq_poly_divrem(quotient.raw(), remainder.raw(), top->raw(), bottom->raw());
  QPoly integral_of_quotient;
  fmpq_poly_integral(integral_of_quotient.raw(), quotient.raw());
  if (bottom->degree() == 0 || remainder.degree() < 0) {
    const Expr result = to_expr(integral_of_quotient, x);
    in.step<Rule::Polynomial>(e, result);
    return result;
  }

  // Q = lc · Π qᵢ^eᵢ with each qᵢ primitive over the integers.
  fmpz_poly_t integer_bottom;
  fmpz_poly_init(integer_bottom);
  fmpq_poly_get_numerator(integer_bottom, bottom->raw());
  fmpz_poly_factor_t factors;
  fmpz_poly_factor_init(factors);
  fmpz_poly_factor(factors, integer_bottom);
  std::vector<std::pair<QPoly, long>> pieces;
  bool high_degree = false;
  for (slong i = 0; i < factors->num; ++i) {
    QPoly q;
    fmpq_poly_set_fmpz_poly(q.raw(), factors->p + i);
    if (q.degree() > 2) high_degree = true;
    pieces.emplace_back(q, factors->exp[i]);
  }
  fmpz_poly_factor_clear(factors);
  fmpz_poly_clear(integer_bottom);
  if (high_degree) {
    if (Expr r = power_substitution(in, e, *top, *bottom); !r.is_null()) return r;
  }

  std::vector<Expr> decomposition{to_expr(quotient, x)};
  std::vector<Expr> antiderivative{to_expr(integral_of_quotient, x)};
  // Open before the terms: an irreducible factor of degree ≥ 3 records its own steps.
  const std::size_t index = in.open<Rule::PartialFractions>(e);
  for (const auto& [q, multiplicity] : pieces) {
    // R/Q = Σᵢ Cᵢ/qᵢ^eᵢ with Cᵢ = R·(Q/qᵢ^eᵢ)⁻¹ mod qᵢ^eᵢ; then Cᵢ in powers of qᵢ.
    QPoly power, cofactor, unused, g, s, t, c;
    fmpq_poly_pow(power.raw(), q.raw(), static_cast<ulong>(multiplicity));
    fmpq_poly_divrem(cofactor.raw(), unused.raw(), bottom->raw(), power.raw());
    fmpq_poly_xgcd(g.raw(), s.raw(), t.raw(), cofactor.raw(), power.raw());
    fmpq_poly_mul(c.raw(), remainder.raw(), s.raw());
    fmpq_poly_rem(c.raw(), c.raw(), power.raw());
    const Expr qx = to_expr(q, x);
    if (q.degree() > 2) {
      // Hermite reduction on Cᵢ/qᵢ^eᵢ whole: the logarithmic part is then that of one
      // numerator over qᵢ (split by powers first, each part alone can need more roots).
      const Expr term = irreducible_term(in, q, c, multiplicity, x);
      if (term.is_null()) {
        in.abandon(index);
        return whole_binomial(in, e, *bottom, quotient, remainder);
      }
      decomposition.push_back(div(to_expr(c, x), pow(qx, multiplicity)));
      antiderivative.push_back(term);
      continue;
    }
    for (long j = multiplicity; j >= 1; --j) {
      QPoly next, a;
      fmpq_poly_divrem(next.raw(), a.raw(), c.raw(), q.raw());
      fmpq_poly_swap(c.raw(), next.raw());
      if (a.degree() < 0) continue;
      decomposition.push_back(div(to_expr(a, x), pow(qx, j)));
      antiderivative.push_back(q.degree() == 1
                                   ? linear_term(q, a.coefficient(0), j, x)
                                   : quadratic_term(q, a.coefficient(1), a.coefficient(0), j, x));
    }
  }
  return in.finish<Rule::PartialFractions>(
      index, add(antiderivative),
      {.decomposition = add(decomposition), .denominator = fraction.denominator});
}

}  // namespace leibniz::integration
