// Substitution: when the integrand is f(g(x))·g'(x) up to a constant factor, ∫ f(u) du
// with u = g(x), found by a nested integrator in u (u = ln(a·x + b) also inverted). A
// radical of a linear argument, √(a·x + b), is replaced whole: x = (u − b)/a; roots of
// one linear or linear fractional base are rationalized, u = w^(1/n).
#include <fmt/format.h>
#include <gmpxx.h>

#include <unordered_map>
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

// e with every sin(2·v) written 2·sin v·cos v.
Expr double_angles_halved(const Expr& e) {
  if (e.args().empty()) return e;
  std::vector<Expr> args;
  args.reserve(e.args().size());
  for (const Expr& a : e.args()) args.push_back(double_angles_halved(a));
  Expr rebuilt = rebuild(e, std::move(args));
  if (rebuilt.is(Kind::Func) && rebuilt.fn() == Fn::Sin) {
    const auto [c, rest] = split_coefficient(rebuilt.arg(0));
    if (c == Number(2)) return mul({integer(2), func(Fn::Sin, rest), func(Fn::Cos, rest)});
  }
  return rebuilt;
}

// g′ written in g itself, for g = tan v, cot v, tanh v, coth v (v linear): tan′ = 1 + tan²,
// so that (1 + tan²x)·f(tan x) is f(u) du; null for any other g.
Expr derivative_in_itself(Integrator& in, const Expr& g) {
  if (!g.is(Kind::Func)) return {};
  const auto linear = linear_in(in, g.arg(0));
  if (!linear) return {};
  const Expr square = pow(g, 2), one = integer(1);
  switch (g.fn()) {
    case Fn::Tan: return mul(linear->a, add(one, square));
    case Fn::Cot: return neg(mul(linear->a, add(one, square)));
    case Fn::Tanh:
    case Fn::Coth: return mul(linear->a, sub(one, square));
    default: return {};
  }
}

// ∫ e dx with u = g: the integrand in u, or null when x remains.
Expr in_terms_of(Integrator& in, const Expr& e, const Expr& g, const Expr& u) {
  const Expr dg = diff(g, in.var());
  if (dg.is_zero()) return {};
  Expr h = replace(div(e, dg), g, u);
  if (!in.depends(h)) return h;
  h = replace(simplify(div(e, dg)), g, u);
  if (!in.depends(h)) return h;
  if (const Expr itself = derivative_in_itself(in, g); !itself.is_null()) {
    h = replace(div(e, itself), g, u);
    if (!in.depends(h)) return h;
  }
  // sin 2v = 2·sin v·cos v, so that g′ = 2·sin x·cos x divides sin 2x·e^(sin²x).
  if (const Expr halved = double_angles_halved(e); halved != e) {
    h = replace(simplify(div(halved, dg)), g, u);
    if (!in.depends(h)) return h;
  }
  // u = ln(a·x + b) inverts to x = (e^u − b)/a: ∫ sin(ln x) dx = ∫ sin(u)·e^u du.
  if (g.is(Kind::Func) && g.fn() == Fn::Ln) {
    if (const auto linear = linear_in(in, g.arg(0))) {
      Substitution values;
      values.emplace(in.var().node(), div(sub(exp(u), linear->b), linear->a));
      h = substitute(h, values);
      if (!in.depends(h)) return h;
    }
  }
  return {};
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
      in.open<Rule::Substitution>(e, {.value = g, .x = x_of_u, .dx = div(integer(1), linear->a)});
  return in.integrate_substituted(index, h, u, g, tanh_logarithms);
}

// True when a power of `base` to a non-integer exponent occurs in e.
bool holds_root_of(Integrator& in, const Expr& e, const Expr& base) {
  if (!in.depends(e)) return false;
  if (e.is(Kind::Pow) && e.base() == base && !e.exponent().is_integer()) return true;
  for (const Expr& a : e.args()) {
    if (holds_root_of(in, a, base)) return true;
  }
  return false;
}

// The least n with every exponent of `base` in e times n an integer, when every
// non-integer power in e whose base depends on x is a power of `base`, or a root of an
// expression holding one (√(x + √x): nested, left as a root of a polynomial in u for the
// other rules); 0 otherwise.
long common_root_index(Integrator& in, const Expr& e, const Expr& base) {
  long n = 1;
  bool ok = true;
  auto walk = [&](auto&& self, const Expr& x) -> void {
    if (!ok || !in.depends(x)) return;
    if (x.is(Kind::Pow) && !x.exponent().is_integer() && in.depends(x.base())) {
      if (x.base() != base && x.exponent().is_number() && holds_root_of(in, x.base(), base)) {
        self(self, x.base());
        return;
      }
      if (x.base() != base || !x.exponent().is_number() || !x.exponent().number().is_exact()) {
        ok = false;
        return;
      }
      const mpz_class q = x.exponent().number().exact().get_den();
      const mpz_class l = lcm(mpz_class(n), q);
      if (l > 12) {
        ok = false;
        return;
      }
      n = l.get_si();
      return;
    }
    for (const Expr& a : x.args()) self(self, a);
  };
  walk(walk, e);
  return ok && n > 1 ? n : 0;
}

// x as a function of w = base for a linear base a·x + b, (w − b)/a, or a linear
// fractional one (a·x + b)/(c·x + d), (d·w − b)/(a − c·w); null for any other base.
Expr inverse_of_root(Integrator& in, const Expr& base, const Expr& w) {
  if (const auto linear = linear_in(in, base)) return div(sub(w, linear->b), linear->a);
  // 1/(c·x + d): w = 1/(c·x + d) gives x = (1/w − d)/c.
  if (base.is(Kind::Pow) && base.exponent().is_integer() &&
      base.exponent().number().is_minus_one()) {
    if (const auto below = linear_in(in, base.base())) {
      return div(sub(div(integer(1), w), below->b), below->a);
    }
  }
  if (!base.is(Kind::Mul)) return {};
  std::vector<Expr> top, bottom;
  for (const Expr& f : base.args()) {
    if (f.is(Kind::Pow) && f.exponent().is_integer() && f.exponent().number().is_minus_one()) {
      bottom.push_back(f.base());
    } else {
      top.push_back(f);
    }
  }
  if (bottom.size() != 1) return {};
  const auto numerator = linear_in(in, mul(top)), denominator = linear_in(in, bottom[0]);
  if (!numerator || !denominator) return {};
  return div(sub(mul(denominator->b, w), numerator->b), sub(numerator->a, mul(denominator->a, w)));
}

// u = w^(1/n) for roots of one linear or linear fractional base w, n the least common
// index: x = (uⁿ − b)/a (or the fractional inverse), w^(p/q) = u^(n·p/q), a rational
// function of u (∫ 1/(x − √x) = 2·ln|√x − 1|, √((1 + x)/(1 − x))).
Expr rationalizing_root(Integrator& in, const Expr& e, const Expr& base, const Expr& u) {
  const long n = common_root_index(in, e, base);
  if (n == 0) return {};
  const Expr x_of_u = inverse_of_root(in, base, pow(u, n));
  if (x_of_u.is_null()) return {};
  const Expr in_u = rewrite(e, [&](const Expr& x) -> std::optional<Expr> {
    if (x == in.var()) return x_of_u;
    if (!in.depends(x)) return x;
    if (x.is(Kind::Pow) && x.base() == base && !x.exponent().is_integer()) {
      const mpq_class power = x.exponent().number().exact() * n;
      return pow(u, power.get_num().get_si());
    }
    return std::nullopt;
  });
  const Expr dx = diff(x_of_u, u);
  const Expr h = mul(in_u, dx);
  const Expr g = pow(base, rational(1, n));
  const std::size_t index = in.open<Rule::Substitution>(e, {.value = g, .x = x_of_u, .dx = dx});
  return in.integrate_substituted(index, h, u, g, tanh_logarithms);
}

}  // namespace

Expr substitution_rule(Integrator& in, const Expr& e) {
  const Expr u = in.fresh_symbol(e);
  for (const Expr& g : candidates(in, e)) {
    if (linear_in(in, g)) continue;
    const Expr h = in_terms_of(in, e, g, u);
    if (h.is_null()) continue;
    const std::size_t index =
        in.open<Rule::Substitution>(e, {.value = g, .du_dx = diff(g, in.var())});
    // u = tanh v leaves ln|tanh v ± 1|, written back as ±v − ln cosh v.
    if (Expr r = in.integrate_substituted(index, h, u, g, tanh_logarithms); !r.is_null()) return r;
  }
  for (const Expr& g : candidates(in, e)) {
    if (!g.is(Kind::Pow) || g.exponent().is_integer()) continue;
    if (Expr r = linear_radical(in, e, g.base(), u); !r.is_null()) return r;
    if (Expr r = rationalizing_root(in, e, g.base(), u); !r.is_null()) return r;
  }
  return {};
}

}  // namespace leibniz::integration
