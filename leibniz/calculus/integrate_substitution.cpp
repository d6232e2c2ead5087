// Substitution: when the integrand is f(g(x))·g'(x) up to a constant factor, ∫ f(u) du
// with u = g(x), found by a nested integrator in u. A radical of a linear argument,
// √(a·x + b), is replaced whole: x = (u − b)/a.
#include <fmt/format.h>

#include <unordered_set>

#include "leibniz/calculus/diff.h"
#include "leibniz/calculus/integrate_rules.h"
#include "leibniz/calculus/simplify.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/print.h"
#include "leibniz/expr/substitute.h"

namespace leibniz::integration {
namespace {

constexpr std::size_t kMaxCandidates = 16;

// Inner parts that may be u: function arguments and calls, bases and exponents of
// powers, in the order met (outermost first).
std::vector<Expr> candidates(Integrator& in, const Expr& e) {
  std::vector<Expr> found;
  std::unordered_set<const Node*> seen;
  auto consider = [&](const Expr& g) {
    if (g == in.var() || !in.depends(g) || !seen.insert(g.node()).second) return;
    found.push_back(g);
  };
  auto walk = [&](auto&& self, const Expr& x) -> void {
    if (!in.depends(x) || x.args().empty()) return;
    switch (x.kind()) {
      case Kind::Func:
        consider(x);
        for (const Expr& a : x.args()) consider(a);
        break;
      case Kind::Pow:
        if (!x.exponent().is_integer()) consider(x);
        consider(x.base());
        consider(x.exponent());
        break;
      default: break;
    }
    for (const Expr& a : x.args()) self(self, a);
  };
  walk(walk, e);
  if (found.size() > kMaxCandidates) found.resize(kMaxCandidates);
  return found;
}

// ∫ e dx with u = g: the integrand in u, or null when x remains.
Expr in_terms_of(Integrator& in, const Expr& e, const Expr& g, const Expr& u) {
  const Expr dg = diff(g, in.var());
  if (dg.is_zero()) return {};
  Expr h = replace(div(e, dg), g, u);
  if (!in.depends(h)) return h;
  h = replace(simplify(div(e, dg)), g, u);
  if (!in.depends(h)) return h;
  return {};
}

Expr substitute_back(const Expr& f, const Expr& u, const Expr& g) {
  Substitution values;
  values.emplace(u.node(), g);
  return substitute(f, values);
}

// x = (u − b)/a for a radical √(a·x + b) (any non-integer power of it).
Expr linear_radical(Integrator& in, const Expr& e, const Expr& g, const Expr& u) {
  const auto linear = linear_in(in, g);
  if (!linear) return {};
  const Expr x_of_u = div(sub(u, linear->b), linear->a);
  Substitution values;
  values.emplace(in.var().node(), x_of_u);
  const Expr h = div(substitute(e, values), linear->a);
  const std::size_t index =
      in.open(Rule::Substitution, e, {{"u", g}, {"x", x_of_u}, {"dx", div(integer(1), linear->a)}});
  const Expr f = in.antiderivative_in(h, u);
  if (f.is_null()) {
    in.abandon(index);
    return {};
  }
  return in.finish(index, substitute_back(f, u, g));
}

}  // namespace

Expr substitution_rule(Integrator& in, const Expr& e) {
  const Expr u = in.fresh_symbol(e);
  for (const Expr& g : candidates(in, e)) {
    if (linear_in(in, g)) continue;
    const Expr h = in_terms_of(in, e, g, u);
    if (h.is_null()) continue;
    const std::size_t index =
        in.open(Rule::Substitution, e, {{"u", g}, {"du/dx", diff(g, in.var())}});
    const Expr f = in.antiderivative_in(h, u);
    if (f.is_null()) {
      in.abandon(index);
      continue;
    }
    return in.finish(index, substitute_back(f, u, g));
  }
  for (const Expr& g : candidates(in, e)) {
    if (!g.is(Kind::Pow) || g.exponent().is_integer()) continue;
    if (Expr r = linear_radical(in, e, g.base(), u); !r.is_null()) return r;
  }
  return {};
}

}  // namespace leibniz::integration
