// ∫ a/q for an irreducible quartic q = L·(t⁴ + P·t² + Q·t + R), t = x + s, by Ferrari:
// when the resolvent cubic z³ + 2P·z² + (P² − 4R)·z − Q² has a rational root z > 0,
// β = √z is real and q splits over ℝ into conjugates with coefficients in ℚ(β),
//   S₁ = t² + β·t + γ,  S₂ = t² − β·t + δ,  γ, δ = (P + z ∓ Q/β)/2.
// Partial fractions over ℚ(β): a/q = c/S₁ + c̄/S₂ with c = a·S₂⁻¹ mod S₁ linear, and each
// quadratic gives the textbook's ln and arctan (or ln) terms, with nested square roots
// such as √(10 + 2√5) for x⁴ + x³ + x² + x + 1.
#include <flint/fmpq_poly.h>
#include <flint/fmpz_poly.h>
#include <flint/fmpz_poly_factor.h>

#include <optional>

#include "leibniz/calculus/integrate_rational.h"
#include "leibniz/expr/builders.h"

namespace leibniz::integration {
namespace {

// u + v·√n in ℚ(√n).
struct Surd {
  Number u, v;
};

class SurdField {
 public:
  explicit SurdField(const Number& n) : z_(n), root_(sqrt_number(n)) {}
  Surd add(const Surd& a, const Surd& b) const { return {a.u + b.u, a.v + b.v}; }
  Surd sub(const Surd& a, const Surd& b) const { return {a.u - b.u, a.v - b.v}; }
  Surd mul(const Surd& a, const Surd& b) const {
    return {a.u * b.u + a.v * b.v * z_, a.u * b.v + a.v * b.u};
  }
  Surd inverse(const Surd& a) const {
    const Number norm = a.u * a.u - a.v * a.v * z_;  // ≠ 0: β is irrational
    return {a.u / norm, -a.v / norm};
  }
  Surd conjugate(const Surd& a) const { return {a.u, -a.v}; }
  int sign(const Surd& a) const {
    const int su = a.u.is_zero() ? 0 : (a.u.is_positive() ? 1 : -1);
    const int sv = a.v.is_zero() ? 0 : (a.v.is_positive() ? 1 : -1);
    if (su == 0 || sv == 0 || su == sv) return su != 0 ? su : sv;
    // Opposite signs: the larger of u² and v²·z wins.
    return (a.u * a.u - a.v * a.v * z_).is_positive() ? su : sv;
  }
  Expr to_expr(const Surd& a) const {
    return leibniz::add(number(a.u), leibniz::mul(number(a.v), root_));
  }
  // √a for a > 0.
  Expr root_of(const Surd& a) const {
    return a.v.is_zero() ? sqrt_number(a.u) : leibniz::sqrt(to_expr(a));
  }

 private:
  Number z_;
  Expr root_;
};

// A positive rational root of the resolvent cubic, if any.
std::optional<Number> positive_rational_root(const Number& P, const Number& Q, const Number& R) {
  QPoly cubic;
  const Number coefficients[] = {-(Q * Q), P * P - Number(4) * R, Number(2) * P, Number(1)};
  for (long k = 0; k < 4; ++k) {
    mpq_class c = coefficients[k].exact();
    fmpq_poly_set_coeff_mpq(cubic.raw(), k, c.get_mpq_t());
  }
  fmpz_poly_t integer;
  fmpz_poly_init(integer);
  fmpq_poly_get_numerator(integer, cubic.raw());
  fmpz_poly_factor_t factors;
  fmpz_poly_factor_init(factors);
  fmpz_poly_factor(factors, integer);
  std::optional<Number> root;
  for (slong i = 0; i < factors->num && !root; ++i) {
    if (fmpz_poly_degree(factors->p + i) != 1) continue;
    QPoly linear;
    fmpq_poly_set_fmpz_poly(linear.raw(), factors->p + i);
    const Number candidate = -linear.coefficient(0) / linear.coefficient(1);
    if (candidate.is_positive()) root = candidate;
  }
  fmpz_poly_factor_clear(factors);
  fmpz_poly_clear(integer);
  return root;
}

// The least κ > 0 with κ·(2s + b) free of denominators (t = x + s).
Number clearing_factor(const Surd& b, const Number& s) {
  mpz_class kappa = (b.u + Number(2) * s).exact().get_den();
  mpz_lcm(kappa.get_mpz_t(), kappa.get_mpz_t(), b.v.exact().get_den_mpz_t());
  return Number(mpq_class(kappa));
}

// ∫ (c1·t + d1)/(t² + b·t + g) dt over ℝ, coefficients in ℚ(β), no real double root.
// With κ clearing b's denominators, 4κ²·(t² + b·t + g) = (κ·(2t + b))² + κ²·(4g − b²):
// atan(κ·(2t + b)/√(κ²·(4g − b²))), as x⁴ + x³ + x² + x + 1 gives atan((4x + 1 − √5)/√(10 + 2√5)).
Expr quadratic_over_field(const SurdField& K, const Surd& c1, const Surd& d1, const Surd& b,
                          const Surd& g, const Expr& t, const Number& s) {
  const Surd half{Number(1) / Number(2), Number(0)};
  const Surd kappa{clearing_factor(b, s), Number(0)};
  const Expr quadratic = add({pow(t, 2), mul(K.to_expr(b), t), K.to_expr(g)});
  const Expr log_term = mul(K.to_expr(K.mul(half, c1)), ln_abs(quadratic));
  // The rest e/(t² + b·t + g), e = d1 − c1·b/2, = 4κ²·e/(y² + M) with y = κ·(2t + b),
  // dy = 2κ·dt, M = κ²·(4g − b²): 2κ·e·∫ dy/(y² + M).
  const Surd e = K.sub(d1, K.mul(c1, K.mul(half, b)));
  const Surd M =
      K.mul(K.mul(kappa, kappa), K.sub(K.mul(Surd{Number(4), Number(0)}, g), K.mul(b, b)));
  const Expr y = mul(number(kappa.u), add(mul(integer(2), t), K.to_expr(b)));
  const Expr scale = mul(integer(2), mul(number(kappa.u), K.to_expr(e)));
  if (K.sign(M) > 0) {
    const Expr w = K.root_of(M);
    return add(log_term, mul(div(scale, w), func(Fn::Atan, div(y, w))));
  }
  const Expr w = K.root_of(K.sub(Surd{Number(0), Number(0)}, M));
  return add(log_term, mul(div(scale, mul(integer(2), w)), ln_abs(div(sub(y, w), add(y, w)))));
}

}  // namespace

Expr split_quartic_term(Integrator& in, const QPoly& q, const QPoly& a, const Expr& x) {
  if (q.degree() != 4) return {};
  QPoly depressed, top;
  const Number s = depress(q, a, depressed, top);
  const Number P = depressed.coefficient(2), Q = depressed.coefficient(1),
               R = depressed.coefficient(0);
  const auto z = positive_rational_root(P, Q, R);
  if (!z || z->exact_root(2)) return {};  // a square z would factor q over ℚ
  // √z = c·√n/den(z) with n = num(z)·den(z) / c², so that the coefficients of √n
  // are those a textbook prints (√(5/4) is √5/2).
  const mpz_class denominator = z->exact().get_den();
  mpz_class n = z->exact().get_num() * denominator, c = 1;
  for (unsigned long f = 2; f < 10000 && f * f <= n; ++f) {
    while (n % (f * f) == 0) {
      n /= f * f;
      c *= f;
    }
  }
  const SurdField K{Number(mpq_class(n))};
  const Surd beta{Number(0), Number(mpq_class(c, denominator))};
  const Surd gamma = K.sub(Surd{(P + *z) / Number(2), Number(0)},
                           K.mul(Surd{Q / (Number(2) * *z), Number(0)}, beta));
  const Surd delta = K.conjugate(gamma);
  // Reduce a(t)/L modulo S₁: t² ≡ −β·t − γ; the power tᵏ ≡ p0 + p1·t.
  const Number L = q.coefficient(4);
  Surd p0{Number(1), Number(0)}, p1{Number(0), Number(0)};
  Surd r0{Number(0), Number(0)}, r1{Number(0), Number(0)};
  for (long k = 0; k <= top.degree(); ++k) {
    const Surd ak{top.coefficient(k) / L, Number(0)};
    r0 = K.add(r0, K.mul(ak, p0));
    r1 = K.add(r1, K.mul(ak, p1));
    const Surd next0 = K.sub(Surd{Number(0), Number(0)}, K.mul(p1, gamma));
    p1 = K.sub(p0, K.mul(p1, beta));
    p0 = next0;
  }
  // S₂ ≡ m·t + k mod S₁ with m = −2β, k = δ − γ; (m·t + k)⁻¹ = (−m·t + k − m·β)/N,
  // N = k·(k − m·β) + m²·γ.
  const Surd m = K.mul(Surd{Number(-2), Number(0)}, beta), k = K.sub(delta, gamma);
  const Surd km = K.sub(k, K.mul(m, beta));
  const Surd N = K.add(K.mul(k, km), K.mul(K.mul(m, m), gamma));
  const Surd inverse1 = K.mul(K.sub(Surd{Number(0), Number(0)}, m), K.inverse(N));
  const Surd inverse0 = K.mul(km, K.inverse(N));
  // c = (r0 + r1·t)(inverse0 + inverse1·t) mod S₁.
  const Surd top_coefficient = K.mul(r1, inverse1);
  const Surd c1 =
      K.sub(K.add(K.mul(r0, inverse1), K.mul(r1, inverse0)), K.mul(top_coefficient, beta));
  const Surd d1 = K.sub(K.mul(r0, inverse0), K.mul(top_coefficient, gamma));
  const Expr t = s.is_zero() ? x : add(x, number(s));
  const Expr result = add(
      quadratic_over_field(K, c1, d1, beta, gamma, t, s),
      quadratic_over_field(K, K.conjugate(c1), K.conjugate(d1), K.conjugate(beta), delta, t, s));
  const Expr root = K.to_expr(beta);
  in.step<Rule::PartialFractions>(
      div(to_expr(a, x), to_expr(q, x)), result,
      {.row = {"ferrari-quartic",
               "a quartic t⁴ + P·t² + Q·t + R (t = x + s) whose resolvent cubic "
               "z³ + 2P·z² + (P² − 4R)·z − Q² has a rational root z > 0 splits over ℝ into "
               "t² ± √z·t + (P + z ∓ Q/√z)/2; partial fractions over ℚ(√z)"},
       .t = t,
       .z = number(*z),
       .S1 = add({pow(t, 2), mul(root, t), K.to_expr(gamma)}),
       .S2 = add({pow(t, 2), neg(mul(root, t)), K.to_expr(delta)})});
  return result;
}

}  // namespace leibniz::integration
