// Half-integer powers of P = a + b·sin v or a + b·cos v with a² = b², a > 0 (v = α·x + β):
// P is 2a·sin² or 2a·cos² of a half angle, so √P is |…| of a half-angle function, and the
// reduction formulas keep the sign right instead (Gradshteyn–Ryzhik 2.551, Rubi):
//   ∫ Pⁿ dv = −b·cos v·Pⁿ⁻¹/n + a(2n − 1)/n·∫ Pⁿ⁻¹ dv   (sin; + b·sin v·Pⁿ⁻¹/n for cos),
// run down to n = 1/2, where the remaining integral's coefficient is 0
// (∫ √(1 + sin 2x) = −cos 2x/√(1 + sin 2x)), or up from n < 0 to n = −1/2,
//   ∫ dv/√P = ∓(2/√(2a))·atanh(b·cos v/(√(2a)·√P))   (sin: −, with cos v; cos: +, with sin v).
// Each step differentiates back exactly because b²·cos²v = a² − b²·sin²v = (a − b·sin v)·P.
#include "leibniz/calculus/integrate_rules.h"
#include "leibniz/expr/builders.h"

namespace leibniz::integration {
namespace {

// Reductions past this |n| would give long answers; larger powers are left to the others.
constexpr long kMaxHalfPower = 41;  // n = ±41/2

struct HalfAnglePower {
  Expr a, b;    // numbers, a > 0, a² = b²
  Expr v;       // the linear argument
  Fn fn;        // Sin or Cos
  Number n;     // a half-integer
  Linear rate;  // v = α·x + β
};

std::optional<HalfAnglePower> as_half_angle_power(Integrator& in, const Expr& e) {
  if (!e.is(Kind::Pow) || !e.exponent().is_number() || !e.exponent().number().is_exact()) {
    return std::nullopt;
  }
  const mpq_class& n = e.exponent().number().exact();
  if (n.get_den() != 2 || abs(n.get_num()) > kMaxHalfPower) return std::nullopt;
  const Expr& p = e.base();
  if (!p.is(Kind::Add) || p.args().size() != 2 || !p.arg(0).is_number()) return std::nullopt;
  const auto [k, f] = split_coefficient(p.arg(1));
  if (!f.is(Kind::Func) || (f.fn() != Fn::Sin && f.fn() != Fn::Cos)) return std::nullopt;
  const auto rate = linear_in(in, f.arg(0));
  const Number& a = p.arg(0).number();
  if (!rate || !a.is_exact() || !k.is_exact() || !a.is_positive() || a * a != k * k) {
    return std::nullopt;
  }
  return HalfAnglePower{p.arg(0), number(k), f.arg(0), f.fn(), Number(n), *rate};
}

}  // namespace

Expr trig_half_angle_rule(Integrator& in, const Expr& e) {
  const auto h = as_half_angle_power(in, e);
  if (!h) return {};
  const bool is_sin = h->fn == Fn::Sin;
  const Expr p = e.base();
  const Expr& alpha = h->rate.a;
  const Expr n = number(h->n);
  const Expr two_a = mul(integer(2), h->a);
  if (h->n == Number(mpq_class(-1, 2))) {
    // The partner of f: cos v for sin (with a minus sign), sin v for cos.
    const Expr partner = func(is_sin ? Fn::Cos : Fn::Sin, h->v);
    const Expr y = div(mul(h->b, partner), mul(sqrt(two_a), sqrt(p)));
    const Expr result =
        div(mul(integer(is_sin ? -2 : 2), func(Fn::Atanh, y)), mul(sqrt(two_a), alpha));
    in.step<Rule::Reduction>(
        e, result,
        {.row = is_sin ? RuleRow{"half-angle-root-sin",
                                 "∫ dv/√(a + b·sin v) = −(2/√(2a))·atanh(b·cos v/(√(2a)·√(a + "
                                 "b·sin v))), a² = b²"}
                       : RuleRow{"half-angle-root-cos",
                                 "∫ dv/√(a + b·cos v) = (2/√(2a))·atanh(b·sin v/(√(2a)·√(a + "
                                 "b·cos v))), a² = b²"},
         .n = n});
    return result;
  }
  // The boundary term −b·cos v·Pᵐ/n (sin) or b·sin v·Pᵐ/n (cos) of the step from n to n − 1.
  const auto boundary = [&](const Expr& m) {
    const Expr partner = is_sin ? neg(func(Fn::Cos, h->v)) : func(Fn::Sin, h->v);
    return mul(h->b, mul(partner, pow(p, m)));
  };
  const bool down = h->n.is_positive();
  const std::size_t index = in.open<Rule::Reduction>(
      e, {.row = is_sin ? RuleRow{"half-angle-power-sin",
                                  "∫ (a + b·sin v)ⁿ dv = −b·cos v·(a + b·sin v)ⁿ⁻¹/n + a(2n − "
                                  "1)/n·∫ (a + b·sin v)ⁿ⁻¹ dv, a² = b²"}
                        : RuleRow{"half-angle-power-cos",
                                  "∫ (a + b·cos v)ⁿ dv = b·sin v·(a + b·cos v)ⁿ⁻¹/n + a(2n − "
                                  "1)/n·∫ (a + b·cos v)ⁿ⁻¹ dv, a² = b²"},
          .n = n});
  Expr result;
  if (down) {
    // n ≥ 1/2: the remaining integral's coefficient a(2n − 1)/n is 0 at n = 1/2.
    const Expr first = div(boundary(sub(n, integer(1))), mul(n, alpha));
    const Expr coefficient = div(mul(h->a, sub(mul(integer(2), n), integer(1))), n);
    if (coefficient.is_zero()) {
      result = first;
    } else {
      const Expr lower = in.antiderivative(pow(p, sub(n, integer(1))));
      if (lower.is_null()) {
        in.abandon(index);
        return {};
      }
      result = add(first, mul(coefficient, lower));
    }
  } else {
    // n ≤ −3/2: the formula read backwards, from n + 1 to n:
    // ∫ Pⁿ = ((n + 1)·∫ Pⁿ⁺¹ − boundary(n))/(a(2n + 1)).
    const Expr denominator = mul(h->a, add(mul(integer(2), n), integer(1)));
    const Expr higher = in.antiderivative(pow(p, add(n, integer(1))));
    if (higher.is_null()) {
      in.abandon(index);
      return {};
    }
    result = div(add(neg(div(boundary(n), alpha)), mul(add(n, integer(1)), higher)), denominator);
  }
  return in.finish(index, result);
}

}  // namespace leibniz::integration
