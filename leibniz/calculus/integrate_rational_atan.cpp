// Rioboo's conversion of a complex logarithm into real arctangents (Bronstein, Symbolic
// Integration I, §2.8, LogToAtan): for A, B real polynomials with gcd 1,
//   d/dx i·ln((A + i·B)/(A − i·B)) = d/dx 2·Σ atan(Pₖ)   (log_to_atan returns Σ atan(Pₖ))
// with every Pₖ a polynomial, so the sum is continuous on the real line (2·atan(A/B)
// would jump at the real roots of B). Here A ∈ ℚ[x] and B ∈ s·ℚ[x] with s = √d: every
// polynomial of the Euclidean algorithm is then s⁰ or s¹ times a rational one, so the
// arithmetic stays in FLINT's ℚ[x].
#include <flint/fmpq_poly.h>

#include <utility>
#include <vector>

#include "leibniz/calculus/integrate_rational.h"
#include "leibniz/expr/builders.h"

namespace leibniz::integration {
namespace {

// s^odd · p, s = √d.
struct Graded {
  QPoly p;
  bool odd = false;
};

// s⁻¹ = s/d: the factor 1/d a rational part takes when a power s^(−1) is written s¹.
void divide_by(QPoly& p, const Number& d) {
  mpq_class value = d.exact();
  fmpq_poly_scalar_div_mpq(p.raw(), p.raw(), value.get_mpq_t());
}

// u ← v and v ← u (the old value of u is not needed after).
void exchange(Graded& u, Graded& v) {
  fmpq_poly_swap(u.p.raw(), v.p.raw());
  std::swap(u.odd, v.odd);
}

Graded times(const Graded& u, const Graded& v, const Number& d) {
  Graded product;
  fmpq_poly_mul(product.p.raw(), u.p.raw(), v.p.raw());
  product.odd = u.odd != v.odd;
  if (u.odd && v.odd) {
    mpq_class value = d.exact();
    fmpq_poly_scalar_mul_mpq(product.p.raw(), product.p.raw(), value.get_mpq_t());
  }
  return product;
}

// s^(−k)·p for a power s^k: s⁰·p, or s¹·(p/d).
Graded over_power(const QPoly& p, bool odd, const Number& d) {
  Graded result{p, odd};
  if (odd) divide_by(result.p, d);
  return result;
}

// atan(s^odd·p), written −atan(−s^odd·p) when p's leading coefficient is negative.
Expr atan_of(Graded& g, const Expr& root, const Expr& x) {
  const bool negative = g.p.degree() >= 0 && g.p.coefficient(g.p.degree()).is_negative();
  if (negative) fmpq_poly_neg(g.p.raw(), g.p.raw());
  const Expr p = to_expr(g.p, x);
  const Expr atan = func(Fn::Atan, g.odd ? mul(root, p) : p);
  return negative ? neg(atan) : atan;
}

}  // namespace

Expr log_to_atan(const QPoly& a, const QPoly& v, const Number& d, const Expr& x) {
  const Expr root = sqrt_number(d);
  Graded A{a, false}, B{v, true};
  std::vector<Expr> atans;
  for (;;) {
    QPoly quotient, remainder;
    fmpq_poly_divrem(quotient.raw(), remainder.raw(), A.p.raw(), B.p.raw());
    if (remainder.degree() < 0) {
      // B | A: 2·atan(A/B), A/B = s^(a−b)·quotient and s^(−1) = s/d.
      Graded value{quotient, A.odd != B.odd};
      if (B.odd && !A.odd) divide_by(value.p, d);
      atans.push_back(atan_of(value, root, x));
      break;
    }
    if (A.p.degree() < B.p.degree()) {
      // i·ln((A + iB)/(A − iB)) = i·ln((−B + iA)/(−B − iA)).
      fmpq_poly_neg(B.p.raw(), B.p.raw());
      exchange(A, B);
      continue;
    }
    // S·P + T·Q = G for A = s^a·P, B = s^b·Q: D = s^(−b)·T, C = −s^(−a)·S give
    // B·D − A·C = G; then 2·atan((A·D + B·C)/G) + LogToAtan(D, C).
    QPoly G, S, T;
    fmpq_poly_xgcd(G.raw(), S.raw(), T.raw(), A.p.raw(), B.p.raw());
    if (G.degree() != 0) return {};  // A, B coprime: never
    Graded D = over_power(T, B.odd, d), C = over_power(S, A.odd, d);
    fmpq_poly_neg(C.p.raw(), C.p.raw());
    Graded argument = times(A, D, d);
    const Graded second = times(B, C, d);
    fmpq_poly_add(argument.p.raw(), argument.p.raw(), second.p.raw());
    fmpq_poly_div(argument.p.raw(), argument.p.raw(), G.raw());
    atans.push_back(atan_of(argument, root, x));
    exchange(A, D);
    exchange(B, C);
  }
  return add(atans);
}

}  // namespace leibniz::integration
