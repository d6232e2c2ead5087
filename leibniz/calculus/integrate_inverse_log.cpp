// Logarithms that are inverse hyperbolic functions: ln(u + √(u² + 1)) = arsinh u on the
// whole real line, and ln(u + √(u² − 1)) = arcosh u where it is defined (for u ≤ −1 the
// argument is negative, so both sides are defined exactly for u ≥ 1). Integrands written
// with such logarithms (x·ln(x + √(1 + x²))) are rewritten first; parts then takes
// u = arsinh, whose derivative 1/√(u² + 1) needs no simplifying.
#include "leibniz/calculus/expand.h"
#include "leibniz/calculus/integrate_rules.h"
#include "leibniz/expr/builders.h"

namespace leibniz::integration {
namespace {

// arsinh(A) or arcosh(A) for ln(A + √B) with B − A² = ±1 (A depending on x), else null.
Expr as_inverse_hyperbolic(Integrator& in, const Expr& ln) {
  const Expr& sum = ln.arg(0);
  if (!sum.is(Kind::Add) || sum.args().size() != 2) return {};
  for (int k = 0; k < 2; ++k) {
    const Expr& root = sum.arg(k);
    const Expr& a = sum.arg(1 - k);
    if (!root.is(Kind::Pow) || root.exponent() != rational(1, 2) || !in.depends(a)) continue;
    const Expr gap = expand(sub(root.base(), pow(a, 2)));
    if (gap == integer(1)) return func(Fn::Asinh, a);
    if (gap == integer(-1)) return func(Fn::Acosh, a);
  }
  return {};
}

}  // namespace

Expr inverse_hyperbolic_log_rule(Integrator& in, const Expr& e) {
  bool changed = false;
  const Expr form = rewrite(e, [&](const Expr& x) -> std::optional<Expr> {
    if (!x.is(Kind::Func) || x.fn() != Fn::Ln || !in.depends(x)) return std::nullopt;
    Expr inverse = as_inverse_hyperbolic(in, x);
    if (inverse.is_null()) return std::nullopt;
    changed = true;
    return inverse;
  });
  if (!changed) return {};
  return in.rewritten<Rule::Rewrite>(
      {"inverse-hyperbolic-log", "ln(u + √(u² + 1)) = arsinh u, ln(u + √(u² − 1)) = arcosh u"}, e,
      form);
}

}  // namespace leibniz::integration
