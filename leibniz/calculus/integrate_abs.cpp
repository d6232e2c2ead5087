// Absolute values of one linear u = a·x + b: |u| = σ·u, with σ = ±1 the sign of u, a
// constant on each side of u = 0. ∫ f(x, |u|) dx is ∫ f(x, σ·u) dx with σ a constant, and
// σ = |u|/u in the answer, which then holds on both sides (x·asec x: its parts leave
// ∫ x²/(2|x|·√(x² − 1)) = σ·√(x² − 1)/2, so ∫ x·asec x = x²·asec x/2 − |x|·√(x² − 1)/(2x)).
// The answer is shifted by its value at u = 0 when that is a number, so that it is continuous
// there when the integrand is (∫ sin|x| = σ·(1 − cos x), not −σ·cos x).
#include <algorithm>
#include <string>

#include "leibniz/calculus/integrate_rules.h"
#include "leibniz/calculus/simplify.h"
#include "leibniz/core/error.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/substitute.h"

namespace leibniz::integration {
namespace {

bool is_absolute_value(const Expr& e) { return e.is(Kind::Func) && e.fn() == Fn::Abs; }

// The one argument u of the absolute values in e that depend on x, when it is linear in x
// and they all share it; null otherwise (none, several, or one not linear).
Expr shared_linear_argument(Integrator& in, const Expr& e) {
  Expr found;
  bool ok = true;
  auto walk = [&](auto&& self, const Expr& x) -> void {
    if (!ok || !in.depends(x)) return;
    if (is_absolute_value(x)) {
      if (found.is_null()) found = x.arg(0);
      ok = ok && x.arg(0) == found;
      return;
    }
    for (const Expr& a : x.args()) self(self, a);
  };
  walk(walk, e);
  if (!ok || found.is_null() || !linear_in(in, found)) return {};
  return found;
}

bool has_symbol(const Expr& e, const std::string& name) {
  if (e.is(Kind::Symbol)) return e.name() == name;
  return std::any_of(e.args().begin(), e.args().end(),
                     [&](const Expr& a) { return has_symbol(a, name); });
}

// σ, named "sigma" (or "sigma1", … when e holds that name already).
Expr sign_symbol(const Expr& e) {
  std::string name = "sigma";
  for (int k = 1; has_symbol(e, name); ++k) name = "sigma" + std::to_string(k);
  return symbol(name);
}

Expr with(const Expr& e, const Expr& from, const Expr& to) {
  Substitution values;
  values.emplace(from.node(), to);
  return substitute(e, values);
}

// F − F(x₀) at the zero x₀ of u when F(x₀) is a number for either sign σ; F otherwise.
Expr continuous_at_zero(Integrator& in, const Expr& f, const Linear& u, const Expr& sigma) {
  Expr at_zero;
  try {
    at_zero = simplify(with(f, in.var(), neg(div(u.b, u.a))));
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::Domain) throw;
    return f;
  }
  for (const Expr& sign : {integer(1), integer(-1)}) {
    const Expr value = with(at_zero, sigma, sign);
    if (!value.is_number() || !value.number().is_exact()) return f;
  }
  return at_zero.is_zero() ? f : sub(f, at_zero);
}

}  // namespace

Expr abs_rule(Integrator& in, const Expr& e) {
  const Expr u = shared_linear_argument(in, e);
  if (u.is_null() || !in.take_sign()) return {};
  const Expr sigma = sign_symbol(e);
  // |u|ⁿ = uⁿ for even n, σ·uⁿ for odd n; |u| = σ·u elsewhere.
  const Expr form = rewrite(e, [&](const Expr& x) -> std::optional<Expr> {
    if (x.is(Kind::Pow) && is_absolute_value(x.base()) && x.base().arg(0) == u &&
        x.exponent().is_integer()) {
      const auto n = x.exponent().number().to_long();
      if (!n) return std::nullopt;
      return *n % 2 == 0 ? pow(u, *n) : mul(sigma, pow(u, *n));
    }
    if (is_absolute_value(x) && x.arg(0) == u) return mul(sigma, u);
    return std::nullopt;
  });
  const std::size_t index = in.open<Rule::Rewrite>(
      e, {.row = {"abs-sign",
                  "|v| = sigma·v, sigma = ±1 the sign of v, constant on each side of v = 0"},
          .rewritten = form});
  const Expr f = in.antiderivative(form);
  if (f.is_null()) {
    in.abandon(index);
    return {};
  }
  const Expr shifted = continuous_at_zero(in, f, *linear_in(in, u), sigma);
  const Expr back = with(shifted, sigma, div(func(Fn::Abs, u), u));
  // σ² = 1: |u|ᵏ = uᵏ for even k.
  return in.finish(index, rewrite(back, [&](const Expr& x) -> std::optional<Expr> {
                     if (!x.is(Kind::Pow) || !is_absolute_value(x.base()) ||
                         !x.exponent().is_integer() ||
                         x.exponent().number().to_long().value_or(1) % 2 != 0) {
                       return std::nullopt;
                     }
                     return pow(x.base().arg(0), x.exponent());
                   }));
}

}  // namespace leibniz::integration
