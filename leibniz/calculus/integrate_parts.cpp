// Integration by parts, ∫ u dv = u·v − ∫ v du: a polynomial times exp, aⁿ, sin, cos,
// sinh or cosh (u = the polynomial, again until it is gone); ln, arcsin, arctan, … times
// anything integrable (u = the logarithm or inverse function); and e^(ax)·sin(bx),
// e^(ax)·cos(bx), where parts twice gives back the integral and one solves for it.
#include "leibniz/calculus/diff.h"
#include "leibniz/calculus/integrate_rules.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/functions.h"

namespace leibniz::integration {
namespace {

bool is_trig(const Expr& f, Fn fn) { return f.is(Kind::Func) && f.fn() == fn; }

// c^(linear) with c free of x: the rate k with d/dx c^u = k·c^u.
std::optional<Expr> exponential_rate(Integrator& in, const Expr& f) {
  if (!f.is(Kind::Pow) || in.depends(f.base())) return std::nullopt;
  const auto linear = linear_in(in, f.exponent());
  if (!linear) return std::nullopt;
  return f.base().is_e() ? linear->a : mul(linear->a, func(Fn::Ln, f.base()));
}

// ∫ c^u·sin(v) and ∫ c^u·cos(v), u and v linear, k = (c^u)'/c^u, p = v':
// ∫ E sin v = E(k sin v − p cos v)/(k² + p²), ∫ E cos v = E(k cos v + p sin v)/(k² + p²).
Expr exponential_times_trig(Integrator& in, const Expr& e) {
  if (!e.is(Kind::Mul) || e.args().size() != 2) return {};
  for (int i = 0; i < 2; ++i) {
    const Expr& E = e.arg(i);
    const Expr& T = e.arg(1 - i);
    const auto k = exponential_rate(in, E);
    if (!k || !(is_trig(T, Fn::Sin) || is_trig(T, Fn::Cos))) continue;
    const auto linear = linear_in(in, T.arg(0));
    if (!linear) continue;
    const Expr& p = linear->a;
    const Expr s = func(Fn::Sin, T.arg(0)), c = func(Fn::Cos, T.arg(0));
    const Expr numerator =
        T.fn() == Fn::Sin ? sub(mul(*k, s), mul(p, c)) : add(mul(*k, c), mul(p, s));
    const Expr result = div(mul(E, numerator), add(pow(*k, 2), pow(p, 2)));
    in.step(Rule::PartsTwice, e, result, {{"u", T}, {"dv", E}});
    return result;
  }
  return {};
}

// u·v − ∫ v·du with v = ∫ dv found first.
Expr by_parts(Integrator& in, const Expr& e, const Expr& u, const Expr& dv) {
  const Expr du = diff(u, in.var());
  const std::size_t index = in.open(Rule::Parts, e, {{"u", u}, {"dv", dv}, {"du/dx", du}});
  const Expr v = in.antiderivative(dv);
  if (v.is_null()) {
    in.abandon(index);
    return {};
  }
  in.add_part(index, "v", v);
  const Expr rest = in.antiderivative(mul(v, du));
  if (rest.is_null()) {
    in.abandon(index);
    return {};
  }
  return in.finish(index, sub(mul(u, v), rest));
}

bool is_transcendental_dv(Integrator& in, const Expr& f) {
  if (exponential_rate(in, f)) return true;
  return f.is(Kind::Func) && function_info(f.fn()).parts == PartsRole::Dv &&
         linear_in(in, f.arg(0)).has_value();
}

// ln u, the inverse trigonometric functions (the rows with PartsRole::U), and powers of ln.
bool is_logarithmic(const Expr& f) {
  if (f.is(Kind::Pow) && f.exponent().is_integer() && f.exponent().number().is_positive()) {
    return is_logarithmic(f.base());
  }
  return f.is(Kind::Func) && function_info(f.fn()).parts == PartsRole::U;
}

}  // namespace

Expr parts_rule(Integrator& in, const Expr& e) {
  if (Expr r = exponential_times_trig(in, e); !r.is_null()) return r;
  const std::span<const Expr> factors = e.is(Kind::Mul) ? e.args() : std::span<const Expr>(&e, 1);
  // A polynomial times one transcendental factor: u = the polynomial.
  for (std::size_t i = 0; i < factors.size(); ++i) {
    if (!is_transcendental_dv(in, factors[i])) continue;
    std::vector<Expr> rest;
    for (std::size_t j = 0; j < factors.size(); ++j) {
      if (j != i) rest.push_back(factors[j]);
    }
    const Expr polynomial = mul(rest);
    if (!in.depends(polynomial) || !polynomial_coefficients(in, polynomial)) continue;
    if (Expr r = by_parts(in, e, polynomial, factors[i]); !r.is_null()) return r;
  }
  // A logarithm or inverse function times the rest: u = the logarithm.
  for (std::size_t i = 0; i < factors.size(); ++i) {
    if (!is_logarithmic(factors[i])) continue;
    std::vector<Expr> rest;
    for (std::size_t j = 0; j < factors.size(); ++j) {
      if (j != i) rest.push_back(factors[j]);
    }
    if (Expr r = by_parts(in, e, factors[i], mul(rest)); !r.is_null()) return r;
  }
  return {};
}

}  // namespace leibniz::integration
