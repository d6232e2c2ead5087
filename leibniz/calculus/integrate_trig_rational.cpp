// Rational functions of sin u and cos u (u = a·x + b, tan, cot, sec, csc rewritten) by
// Bioche's rules: written as N(s, c)/D(s, c) with common factors cancelled, an integrand
// odd in s takes w = cos u, one odd in c takes w = sin u, and one unchanged by
// (s, c) → (−s, −c) takes w = tan u, and any other w = tan(u/2) (Weierstrass); each
// leaves a rational function of w (∫ 1/(csc x − sin x) = ∫ sin x/cos²x = 1/cos x).
#include <fmt/format.h>

#include "leibniz/calculus/cancel.h"
#include "leibniz/calculus/expand.h"
#include "leibniz/calculus/integrate_rules.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/print.h"
#include "leibniz/expr/substitute.h"

namespace leibniz::integration {
namespace {

struct SinCosForm {
  Expr u;          // the common argument
  Expr rewritten;  // in the symbols s = sin u, c = cos u
};

// The integrand in s and c, or nullopt when x occurs outside sin, cos, tan, cot, sec, csc
// of one linear argument.
std::optional<SinCosForm> in_sin_cos(Integrator& in, const Expr& e, const Expr& s, const Expr& c) {
  Expr u;
  bool ok = true;
  auto walk = [&](auto&& self, const Expr& x) -> Expr {
    if (!ok || !in.depends(x)) return x;
    if (x == in.var()) {
      ok = false;
      return x;
    }
    if (x.is(Kind::Func)) {
      const Fn fn = x.fn();
      const bool trig = fn == Fn::Sin || fn == Fn::Cos || fn == Fn::Tan || fn == Fn::Cot ||
                        fn == Fn::Sec || fn == Fn::Csc;
      if (!trig || (!u.is_null() && x.arg(0) != u) || !linear_in(in, x.arg(0))) {
        ok = false;
        return x;
      }
      u = x.arg(0);
      switch (fn) {
        case Fn::Sin: return s;
        case Fn::Cos: return c;
        case Fn::Tan: return div(s, c);
        case Fn::Cot: return div(c, s);
        case Fn::Sec: return div(integer(1), c);
        default: return div(integer(1), s);
      }
    }
    if (x.is(Kind::Pow) && !x.exponent().is_integer()) {
      ok = false;
      return x;
    }
    std::vector<Expr> args;
    args.reserve(x.args().size());
    for (const Expr& a : x.args()) args.push_back(self(self, a));
    return rebuild(x, std::move(args));
  };
  Expr rewritten = walk(walk, e);
  if (!ok || u.is_null()) return std::nullopt;
  return SinCosForm{u, rewritten};
}

// The degree of symbol v in a monomial.
long degree_in(const Expr& term, const Expr& v) {
  if (term == v) return 1;
  if (term.is(Kind::Pow) && term.base() == v && term.exponent().is_integer()) {
    return term.exponent().number().to_long().value_or(0);
  }
  if (term.is(Kind::Mul)) {
    long d = 0;
    for (const Expr& f : term.args()) d += degree_in(f, v);
    return d;
  }
  return 0;
}

// The parity (0 or 1) shared by the degrees in v (in s and c together when v2 is given)
// of every term of an expanded polynomial; nullopt when mixed.
std::optional<long> parity(const Expr& p, const Expr& v, const Expr& v2 = Expr()) {
  const std::span<const Expr> terms = p.is(Kind::Add) ? p.args() : std::span<const Expr>(&p, 1);
  std::optional<long> result;
  for (const Expr& t : terms) {
    long d = degree_in(t, v) + (v2.is_null() ? 0 : degree_in(t, v2));
    d = ((d % 2) + 2) % 2;
    if (result && *result != d) return std::nullopt;
    result = d;
  }
  return result;
}

struct Quotient {
  Expr top;
  Expr bottom;
};

Quotient as_quotient(const Expr& e) {
  std::vector<Expr> top, bottom;
  const std::span<const Expr> factors = e.is(Kind::Mul) ? e.args() : std::span<const Expr>(&e, 1);
  for (const Expr& f : factors) {
    if (f.is(Kind::Pow) && f.exponent().is_integer() && f.exponent().number().is_negative()) {
      bottom.push_back(pow(f.base(), neg(f.exponent())));
    } else {
      top.push_back(f);
    }
  }
  return {expand(mul(top)), expand(mul(bottom))};
}

Expr substituted(const Expr& e, const Expr& from, const Expr& to) {
  Substitution values;
  values.emplace(from.node(), to);
  return substitute(e, values);
}

}  // namespace

Expr trig_rational_rule(Integrator& in, const Expr& e) {
  const Expr w = in.fresh_symbol(e);
  const Expr s = symbol(w.name() + "_sin"), c = symbol(w.name() + "_cos");
  const auto form = in_sin_cos(in, e, s, c);
  if (!form) return {};
  const auto cancelled = cancel(form->rewritten);
  if (!cancelled) return {};
  const Quotient q = as_quotient(*cancelled);
  const Expr a = linear_in(in, form->u)->a;
  const Expr one = integer(1);
  Expr h, g;
  const auto ps_top = parity(q.top, s), ps_bottom = parity(q.bottom, s);
  const auto pc_top = parity(q.top, c), pc_bottom = parity(q.bottom, c);
  const auto p_top = parity(q.top, s, c), p_bottom = parity(q.bottom, s, c);
  if (ps_top && ps_bottom && *ps_top != *ps_bottom) {
    // Odd in s: dx = −dw/(a·s), w = cos u, s² = 1 − w².
    const Expr even = div(q.top, mul(s, q.bottom));
    h = neg(div(substituted(substituted(even, s, sqrt(sub(one, pow(w, 2)))), c, w), a));
    g = func(Fn::Cos, form->u);
  } else if (pc_top && pc_bottom && *pc_top != *pc_bottom) {
    // Odd in c: dx = dw/(a·c), w = sin u, c² = 1 − w².
    const Expr even = div(q.top, mul(c, q.bottom));
    h = div(substituted(substituted(even, c, sqrt(sub(one, pow(w, 2)))), s, w), a);
    g = func(Fn::Sin, form->u);
  } else if (p_top && p_bottom && *p_top == *p_bottom) {
    // Even under (s, c) → (−s, −c): s = w·c, c² = 1/(1 + w²), dx = dw/(a·(1 + w²)).
    const Expr in_w = expand(substituted(*cancelled, s, mul(w, c)));
    const Quotient r = as_quotient(in_w);
    const long lift = parity(r.top, c).value_or(0);
    const Expr root = pow(add(one, pow(w, 2)), rational(-1, 2));
    const Expr top = substituted(mul(r.top, pow(c, lift)), c, root);
    const Expr bottom = substituted(mul(r.bottom, pow(c, lift)), c, root);
    h = div(top, mul(a, mul(bottom, add(one, pow(w, 2)))));
    g = func(Fn::Tan, form->u);
  } else {
    // Weierstrass: w = tan(u/2), s = 2w/(1 + w²), c = (1 − w²)/(1 + w²), dx = 2·dw/(a·(1 + w²)).
    const Expr w2 = add(one, pow(w, 2));
    const Expr in_w = substituted(substituted(*cancelled, s, div(mul(integer(2), w), w2)), c,
                                  div(sub(one, pow(w, 2)), w2));
    h = div(mul(integer(2), in_w), mul(a, w2));
    g = func(Fn::Tan, div(form->u, integer(2)));
  }
  if (in.depends(h)) return {};
  const std::size_t index =
      in.open(fmt::format("Bioche's rule: substitution w = {}", print_text(g)), e, {{"w", g}});
  const Expr f = in.antiderivative_in(h, w);
  if (f.is_null()) {
    in.abandon(index);
    return {};
  }
  // atan(tan v) = v up to a constant on each interval where tan v is defined.
  const Expr back = substituted(f, w, g);
  return in.finish(index, g.fn() == Fn::Tan ? replace(back, func(Fn::Atan, g), g.arg(0)) : back);
}

}  // namespace leibniz::integration
