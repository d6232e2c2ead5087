// A rational function with one parameter a that is homogeneous in x and a, f(a·t) =
// a^(k−1)·g(t) with g free of a: x = a·t gives ∫ f dx = aᵏ·G(x/a), G = ∫ g dt a rational
// function with numbers for coefficients (∫ dx/(x⁴ + a⁴) from ∫ dt/(t⁴ + 1), x²/(a⁵ + x⁵)).
// The substitution is linear, so the answer holds for either sign of a (a ≠ 0).
#include <algorithm>

#include "leibniz/calculus/cancel.h"
#include "leibniz/calculus/integrate_rules.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/substitute.h"
#include "leibniz/expr/symbols.h"

namespace leibniz::integration {
namespace {

// True when e is a rational function of var: integer powers of the expressions in var,
// no function of var.
bool rational_in_var(Integrator& in, const Expr& e) {
  if (!in.depends(e) || e.args().empty()) return true;
  if (e.is(Kind::Pow)) return e.exponent().is_integer() && rational_in_var(in, e.base());
  if (!e.is(Kind::Add) && !e.is(Kind::Mul)) return false;
  for (const Expr& a : e.args()) {
    if (!rational_in_var(in, a)) return false;
  }
  return true;
}

Expr with_value(const Expr& e, const Expr& symbol, const Expr& value) {
  Substitution values;
  values.emplace(symbol.node(), value);
  return substitute(e, values);
}

}  // namespace

Expr scaling_rule(Integrator& in, const Expr& e) {
  if (!rational_in_var(in, e)) return {};
  std::vector<Expr> parameters;
  for (const Expr& s : free_symbols(e)) {
    if (s != in.var()) parameters.push_back(s);
  }
  if (parameters.size() != 1) return {};
  const Expr& a = parameters.front();
  const Expr t = in.fresh_symbol(e);
  const auto h = cancel(mul(with_value(e, in.var(), mul(a, t)), a));
  if (!h) return {};
  const Expr g = with_value(*h, a, integer(1));
  if (g.is_zero()) return {};
  const auto ratio = cancel(div(*h, g));
  if (!ratio) return {};
  const auto vars = free_symbols(*ratio);
  if (std::find(vars.begin(), vars.end(), t) != vars.end()) return {};
  const bool power_of_a =
      *ratio == a || ratio->is_number() ||
      (ratio->is(Kind::Pow) && ratio->base() == a && ratio->exponent().is_integer());
  if (!power_of_a) return {};
  const Expr x_over_a = div(in.var(), a);
  const std::size_t index = in.open<Rule::Substitution>(
      e, {.row = {"scaling", "x = a·t, f homogeneous in x and a: ∫ f(x) dx = aᵏ·∫ g(t) dt"},
          .value = x_over_a,
          .x = mul(a, t),
          .dx = a});
  const Expr G = in.antiderivative_in(g, t);
  if (G.is_null()) {
    in.abandon(index);
    return {};
  }
  return in.finish(index, mul(*ratio, with_value(G, t, x_over_a)));
}

}  // namespace leibniz::integration
