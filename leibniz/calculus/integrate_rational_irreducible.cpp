// ∫ a/q^j for an irreducible factor q of degree ≥ 3 of a rational function's
// denominator. Hermite reduction takes j down to 1 with rational terms; for j = 1 the
// Rothstein–Trager resultant's roots b(α)/q'(α) are rational only when a = c·q' (q is
// irreducible over ℚ), giving c·ln|q|; otherwise a quartic that is even about a point,
// t⁴ + B·t² + C with t = x + s, splits over ℝ into two quadratics with coefficients in a
// quadratic (or biquadratic) field, giving real ln and arctan terms as textbooks print;
// a pure cubic t³ + C splits over ℝ at its real root ∛(−C); roots in a real quadratic
// field split q over it (integrate_rational_roots.cpp). Other cases are left, with the
// minimal polynomial of the resultant's roots named as the reason.
#include <flint/fmpq_poly.h>
#include <fmt/format.h>

#include "leibniz/calculus/integrate_rational.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/print.h"
#include "leibniz/expr/root_sum.h"
#include "leibniz/expr/substitute.h"

namespace leibniz::integration {
namespace {

bool is_zero(const QPoly& p) { return p.degree() < 0; }

Expr n(const Number& value) { return number(value); }

// √r as an expression: exact for a rational r > 0, n^(p/2) for r = n^p with n > 0
// (√√2 = 2^(1/4)), else r^(1/2).
Expr root_of(const Expr& r) {
  if (r.is_number() && r.number().is_exact() && r.number().is_positive()) {
    return sqrt_number(r.number());
  }
  if (r.is(Kind::Pow) && r.base().is_number() && r.base().number().is_positive() &&
      r.exponent().is_number() && r.exponent().number().is_exact()) {
    return pow(r.base(), number(r.exponent().number() / Number(2)));
  }
  return sqrt(r);
}

// ∫ dt/(t² − r) for a real r ≠ 0 whose sign is known.
Expr inverse_square_difference(const Expr& t, const Expr& r, bool r_positive) {
  if (!r_positive) {
    const Expr w = root_of(neg(r));
    return div(func(Fn::Atan, div(t, w)), w);
  }
  const Expr w = root_of(r);
  return div(ln_abs(div(sub(t, w), add(t, w))), mul(integer(2), w));
}

// ∫ (a0 + a2·t²)/(t⁴ + B·t² + C) dt, the quartic irreducible over ℚ.
Expr even_quartic_even_part(const Number& a0, const Number& a2, const Number& B, const Number& C,
                            const Expr& t) {
  const Number delta = B * B - Number(4) * C;
  if (!delta.is_negative()) {
    // (t² − r₁)(t² − r₂), r = (−B ± √Δ)/2, Δ not a square (else q would factor over ℚ).
    const Expr root_delta = sqrt_number(delta);
    const Expr r1 = div(add(n(-B), root_delta), integer(2));
    const Expr r2 = div(sub(n(-B), root_delta), integer(2));
    const bool r1_positive = B.is_negative() || C.is_negative();
    const bool r2_positive = B.is_negative() && C.is_positive();
    const Expr p1 = div(add(n(a0), mul(n(a2), r1)), root_delta);
    const Expr p2 = neg(div(add(n(a0), mul(n(a2), r2)), root_delta));
    return add(mul(p1, inverse_square_difference(t, r1, r1_positive)),
               mul(p2, inverse_square_difference(t, r2, r2_positive)));
  }
  // C > B²/4 ≥ 0: (t² + α·t + β)(t² − α·t + β) with β = √C, α = √(2β − B) and
  // m = 4β − α² = 2β + B > 0. Then (t² − β)/q = (ln(q₂/q₁))′/(2α) and
  // (t² + β)/q = (1/q₁ + 1/q₂)/2.
  Expr beta, alpha, root_m;
  if (const auto exact = C.exact_root(2)) {
    beta = n(*exact);
    alpha = sqrt_number(Number(2) * *exact - B);
    root_m = sqrt_number(Number(2) * *exact + B);
  } else {
    beta = sqrt_number(C);
    alpha = sqrt(sub(mul(integer(2), beta), n(B)));
    root_m = sqrt(add(mul(integer(2), beta), n(B)));
  }
  const Expr k1 = div(add(n(a2), div(n(a0), beta)), integer(2));
  Expr k2 = div(sub(n(a2), div(n(a0), beta)), integer(2));
  Expr slope = div(integer(2), root_m), shift = div(alpha, root_m);
  if (const auto exact = C.exact_root(2)) {
    // 2/√m and α/√m with the root in the numerator: atan(√2·x + 1), not atan(2x/√2 + 1).
    const Number m = Number(2) * *exact + B;
    slope = mul(integer(2), sqrt_number(Number(1) / m));
    shift = sqrt_number((Number(2) * *exact - B) / m);
  }
  const Expr atans =
      add(func(Fn::Atan, add(mul(slope, t), shift)), func(Fn::Atan, sub(mul(slope, t), shift)));
  const Expr t2 = pow(t, 2);
  Expr q1 = add({t2, mul(alpha, t), beta}), q2 = add({t2, neg(mul(alpha, t)), beta});
  if (k2.is_number() && k2.number().is_negative()) {
    // A positive coefficient in front of the logarithm: −k·ln(q₂/q₁) = k·ln(q₁/q₂).
    k2 = neg(k2);
    std::swap(q1, q2);
  }
  return add(mul(div(k1, root_m), atans),
             mul(div(k2, mul(integer(2), alpha)), func(Fn::Ln, div(q2, q1))));
}

// ∫ a/q for a quartic q = L·(t⁴ + B·t² + C) with t = x + s; null for other quartics.
Expr quartic_term(Integrator& in, const QPoly& q, const QPoly& a, const Expr& x) {
  QPoly monic, shift, even, top;
  fmpq_poly_make_monic(monic.raw(), q.raw());
  const Number s = monic.coefficient(3) / Number(4);
  // x = t − s.
  fmpq_poly_set_coeff_si(shift.raw(), 1, 1);
  mpq_class minus_s = -s.exact();
  fmpq_poly_set_coeff_mpq(shift.raw(), 0, minus_s.get_mpq_t());
  fmpq_poly_compose(even.raw(), monic.raw(), shift.raw());
  if (!even.coefficient(1).is_zero() || !even.coefficient(3).is_zero()) return {};
  fmpq_poly_compose(top.raw(), a.raw(), shift.raw());
  const Number L = q.coefficient(4);
  const Number B = even.coefficient(2), C = even.coefficient(0);
  const Expr t = s.is_zero() ? x : add(x, n(s));

  std::vector<Expr> terms;
  // The odd part t·(a1 + a3·t²)/q: u = t², ½∫ (a1 + a3·u)/(u² + B·u + C) du.
  const Number a1 = top.coefficient(1), a3 = top.coefficient(3);
  if (!a1.is_zero() || !a3.is_zero()) {
    const Expr u = in.fresh_symbol(x);
    const Expr h =
        div(add(n(a1), mul(n(a3), u)), mul(integer(2), add({pow(u, 2), mul(n(B), u), n(C)})));
    const Expr f = in.antiderivative_in(h, u);
    if (f.is_null()) return {};
    Substitution values;
    values.emplace(u.node(), pow(t, 2));
    terms.push_back(substitute(f, values));
  }
  const Number a0 = top.coefficient(0), a2 = top.coefficient(2);
  if (!a0.is_zero() || !a2.is_zero()) terms.push_back(even_quartic_even_part(a0, a2, B, C, t));
  const Expr result = div(add(terms), n(L));
  in.step<Rule::PartialFractions>(
      div(to_expr(a, x), to_expr(q, x)), result,
      {.row = {"even-quartic",
               "an even quartic t⁴ + B·t² + C (t = x + s) over its real quadratic factors"},
       .t = t,
       .B = n(B),
       .C = n(C)});
  return result;
}

// ∫ a/q for a cubic q = L·(t³ + C) with t = x + s; null for other cubics. With r = ∛(−C)
// real, t³ − r³ = (t − r)(t² + r·t + r²) and, for a = a0 + a1·t + a2·t²,
// ∫ = (a2/3)·ln|t³ + C| + A·ln|t − r| − (A/2)·ln(t² + r·t + r²)
//     − (a0 − a1·r)/(√3·r²)·atan((2t + r)/(√3·r)),  A = (a0 + a1·r)/(3r²).
Expr pure_cubic_term(Integrator& in, const QPoly& q, const QPoly& a, const Expr& x) {
  QPoly depressed, top;
  const Number s = depress(q, a, depressed, top);
  if (!depressed.coefficient(1).is_zero()) return {};
  const Number L = q.coefficient(3), C = depressed.coefficient(0);
  const Expr t = s.is_zero() ? x : add(x, n(s));
  const Number a0 = top.coefficient(0), a1 = top.coefficient(1), a2 = top.coefficient(2);
  // r = σ·ρ with ρ = ∛|C| > 0 (irrational: q is irreducible) and σ the sign of −C.
  const Number magnitude = C.is_negative() ? -C : C;
  const bool negative_root = C.is_positive();
  const Expr rho = root_number(magnitude, 3);
  const Expr rho2 = pow(rho, 2);
  const Expr r = negative_root ? neg(rho) : rho;
  const Expr root3 = sqrt_number(Number(3));
  const Expr A = div(add(n(a0), mul(n(a1), r)), mul(integer(3), rho2));
  const Expr quadratic = add({pow(t, 2), mul(r, t), rho2});
  // atan((2t + r)/(√3·r)) = σ·atan((2t + r)/(√3·ρ)).
  Expr atan_coefficient = div(sub(n(a0), mul(n(a1), r)), mul(root3, rho2));
  if (!negative_root) atan_coefficient = neg(atan_coefficient);
  std::vector<Expr> terms{
      mul(A, ln_abs(sub(t, r))), neg(mul(div(A, integer(2)), func(Fn::Ln, quadratic))),
      mul(atan_coefficient, func(Fn::Atan, div(add(mul(integer(2), t), r), mul(root3, rho))))};
  if (!a2.is_zero()) {
    terms.push_back(mul(n(a2 / Number(3)), ln_abs(add(pow(t, 3), n(C)))));
  }
  const Expr result = div(add(terms), n(L));
  in.step<Rule::PartialFractions>(div(to_expr(a, x), to_expr(q, x)), result,
                                  {.row = {"pure-cubic",
                                           "a pure cubic t³ + C (t = x + s) over its real root "
                                           "r = ∛(−C): t³ − r³ = (t − r)(t² + r·t + r²)"},
                                   .t = t,
                                   .C = n(C),
                                   .r = r});
  return result;
}

// ∫ a/q = Σ a(α)/q′(α)·ln(x − α) over the roots α of q (distinct: q is irreducible),
// kept as a sum over the roots (root_sum.h) when no closed form above applies: q′ is
// invertible modulo q, and c = a·(q′)⁻¹ mod q takes the value a(α)/q′(α) at each root.
Expr root_sum_term(Integrator& in, const QPoly& q, const QPoly& a, const Expr& x) {
  if (!root_sum_in_reach(q)) return {};
  QPoly derivative, g, s, inverse, c;
  fmpq_poly_derivative(derivative.raw(), q.raw());
  fmpq_poly_xgcd(g.raw(), s.raw(), inverse.raw(), q.raw(), derivative.raw());
  fmpq_poly_mul(c.raw(), a.raw(), inverse.raw());
  fmpq_poly_rem(c.raw(), c.raw(), q.raw());
  const Expr result = root_sum(q, c, x);
  in.step<Rule::PartialFractions>(
      div(to_expr(a, x), to_expr(q, x)), result,
      {.row = {"root-sum",
               "over the roots α of q, which leibniz does not write in closed form: "
               "∫ a/q dx = Σ a(α)/q′(α)·ln(x − α), a real sum (ln|x − α| for a real root)"}});
  return result;
}

}  // namespace

Number depress(const QPoly& q, const QPoly& a, QPoly& shifted, QPoly& top) {
  QPoly monic, shift;
  fmpq_poly_make_monic(monic.raw(), q.raw());
  const long d = q.degree();
  const Number s = monic.coefficient(d - 1) / Number(d);
  fmpq_poly_set_coeff_si(shift.raw(), 1, 1);
  mpq_class minus_s = -s.exact();
  fmpq_poly_set_coeff_mpq(shift.raw(), 0, minus_s.get_mpq_t());
  fmpq_poly_compose(shifted.raw(), monic.raw(), shift.raw());
  fmpq_poly_compose(top.raw(), a.raw(), shift.raw());
  return s;
}

Expr irreducible_term(Integrator& in, const QPoly& q, const QPoly& a, long j, const Expr& x) {
  QPoly numerator(a), derivative;
  fmpq_poly_derivative(derivative.raw(), q.raw());
  std::vector<Expr> rational_part;
  // Hermite: a = S·q + T·q′ (q squarefree, so gcd(q, q′) = 1), and
  // ∫ a/q^j = −T/((j − 1)·q^(j−1)) + ∫ (S + T′/(j − 1))/q^(j−1).
  for (; j > 1; --j) {
    QPoly g, s, t, T, S, product, remainder, next;
    fmpq_poly_xgcd(g.raw(), s.raw(), t.raw(), q.raw(), derivative.raw());
    fmpq_poly_mul(T.raw(), numerator.raw(), t.raw());
    fmpq_poly_rem(T.raw(), T.raw(), q.raw());
    fmpq_poly_mul(product.raw(), T.raw(), derivative.raw());
    fmpq_poly_sub(product.raw(), numerator.raw(), product.raw());
    fmpq_poly_divrem(S.raw(), remainder.raw(), product.raw(), q.raw());
    fmpq_poly_derivative(next.raw(), T.raw());
    fmpq_poly_scalar_div_si(next.raw(), next.raw(), j - 1);
    fmpq_poly_add(next.raw(), next.raw(), S.raw());
    if (!is_zero(T)) {
      const Expr term = neg(div(to_expr(T, x), mul(integer(j - 1), pow(to_expr(q, x), j - 1))));
      in.step<Rule::Reduction>(
          div(to_expr(numerator, x), pow(to_expr(q, x), j)), term,
          {.row = {"hermite",
                   "Hermite: the rational part −T/((j − 1)·qʲ⁻¹) of ∫ a/qʲ with a = S·q + T·q′ "
                   "(∫ (S + T′/(j − 1))/qʲ⁻¹ remains)"},
           .T = to_expr(T, x),
           .S = to_expr(S, x)});
      rational_part.push_back(term);
    }
    fmpq_poly_swap(numerator.raw(), next.raw());
  }
  if (!is_zero(numerator)) {
    // a = c·q′: c·ln|q|.
    const Number c =
        numerator.coefficient(numerator.degree()) / derivative.coefficient(derivative.degree());
    QPoly multiple;
    mpq_class cq = c.exact();
    fmpq_poly_scalar_mul_mpq(multiple.raw(), derivative.raw(), cq.get_mpq_t());
    if (fmpq_poly_equal(multiple.raw(), numerator.raw())) {
      rational_part.push_back(mul(number(c), ln_abs(to_expr(q, x))));
    } else {
      Expr log_part = q.degree() == 3   ? pure_cubic_term(in, q, numerator, x)
                      : q.degree() == 4 ? quartic_term(in, q, numerator, x)
                                        : Expr{};
      if (log_part.is_null()) log_part = quadratic_field_term(in, q, numerator, x);
      if (log_part.is_null()) log_part = split_quartic_term(in, q, numerator, x);
      if (log_part.is_null()) log_part = binomial_term(in, q, numerator, x);
      if (log_part.is_null() && in.root_sums_allowed()) {
        log_part = root_sum_term(in, q, numerator, x);
      }
      if (log_part.is_null()) {
        if (root_sum_in_reach(q)) in.note_roots_needed();
        in.note_obstacle(fmt::format(
            "the logarithmic part of ∫ {} needs the roots of {}, which leibniz does not write "
            "in closed form",
            print_text(div(to_expr(numerator, x), to_expr(q, x))),
            print_text(log_part_polynomial(q, numerator, x))));
        return {};
      }
      rational_part.push_back(log_part);
    }
  }
  return add(rational_part);
}

}  // namespace leibniz::integration
