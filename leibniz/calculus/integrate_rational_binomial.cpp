// ∫ a/q for an irreducible binomial q = L·(tⁿ + C), t = x + s (x⁸ + 1, x⁵ − 2): the roots
// of tⁿ = A (A = −C) are ρ = R·e^(iθ), R = |A|^(1/n), θ = 2πk/n (A > 0) or (2k + 1)π/n
// (A < 0). The residue of tʲ/(tⁿ − A) at ρ is ρʲ⁺¹/(n·A), so each conjugate pair gives
//   α·ln(t² − 2R·cos θ·t + R²) − 2β·atan((t − R·cos θ)/(R·sin θ))
// with α + iβ the pair's residue, and a real root ρ = ±R gives its residue times ln|t − ρ|
// (Gradshteyn–Ryzhik 2.142–2.145, with cos θ and sin θ as they print them).
#include <flint/fmpq_poly.h>

#include <utility>
#include <vector>

#include "leibniz/calculus/integrate_rational.h"
#include "leibniz/expr/builders.h"

namespace leibniz::integration {
namespace {

// cos(π·r) and sin(π·r) with the angle reduced into [0, π/2] (cos(5π/8) is −cos(3π/8)).
std::pair<Expr, Expr> cos_sin(Number r) {
  const Number one(1), two(2), half = Number(1) / Number(2);
  while (!(r - two).is_negative()) r = r - two;
  while (r.is_negative()) r = r + two;
  bool negate_cos = false, negate_sin = false;
  if ((one - r).is_negative()) {
    r = two - r;
    negate_sin = true;
  }
  if ((half - r).is_negative()) {
    r = one - r;
    negate_cos = true;
  }
  const Expr angle = mul(number(r), pi_constant());
  const Expr c = func(Fn::Cos, angle), s = func(Fn::Sin, angle);
  return {negate_cos ? neg(c) : c, negate_sin ? neg(s) : s};
}

}  // namespace

Expr binomial_term(Integrator& in, const QPoly& q, const QPoly& a, const Expr& x) {
  QPoly depressed, top;
  const Number s = depress(q, a, depressed, top);
  const long n = q.degree();
  for (long k = 1; k < n; ++k) {
    if (!depressed.coefficient(k).is_zero()) return {};
  }
  const Number L = q.coefficient(n), A = -depressed.coefficient(0);
  const Expr t = s.is_zero() ? x : add(x, number(s));
  const Expr R = root_number(A.abs(), n);
  // θ/π for root k: 2k/n or (2k + 1)/n.
  const long offset = A.is_positive() ? 0 : 1;
  std::vector<Expr> terms;
  for (long k = 0; 2 * k + offset <= n; ++k) {
    const Number theta = Number(2 * k + offset) / Number(n);
    const bool real = theta.is_zero() || theta == Number(1);
    // The residue Σⱼ aⱼ·ρʲ⁺¹/(n·A·L), its real and imaginary parts.
    std::vector<Expr> re, im;
    for (long j = 0; j <= top.degree(); ++j) {
      const Number c = top.coefficient(j);
      if (c.is_zero()) continue;
      const Expr size = mul(number(c / (Number(n) * A * L)), pow(R, j + 1));
      const auto [c_phase, s_phase] = cos_sin(theta * Number(j + 1));
      re.push_back(mul(size, c_phase));
      im.push_back(mul(size, s_phase));
    }
    if (real) {
      const Expr root = theta.is_zero() ? R : neg(R);
      terms.push_back(mul(add(re), ln_abs(sub(t, root))));
      continue;
    }
    const auto [c_theta, s_theta] = cos_sin(theta);
    const Expr cosine = mul(R, c_theta), sine = mul(R, s_theta);
    const Expr quadratic = add({pow(t, 2), neg(mul({integer(2), cosine, t})), pow(R, 2)});
    terms.push_back(mul(add(re), func(Fn::Ln, quadratic)));
    terms.push_back(neg(mul({integer(2), add(im), func(Fn::Atan, div(sub(t, cosine), sine))})));
  }
  const Expr result = add(terms);
  in.step<Rule::PartialFractions>(
      div(to_expr(a, x), to_expr(q, x)), result,
      {.row = {"binomial",
               "a binomial tⁿ − A (t = x + s): its roots ρ = R·e^(iθ), R = |A|^(1/n), pair "
               "into real quadratics t² − 2R·cos θ·t + R², and the residue of tʲ/(tⁿ − A) at "
               "ρ is ρʲ⁺¹/(n·A)"},
       .t = t,
       .n = integer(n),
       .A = number(A),
       .R = R});
  return result;
}

}  // namespace leibniz::integration
