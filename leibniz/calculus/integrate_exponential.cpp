// Rational functions of exponentials: when x occurs only in e^(c·x + b) with rational c
// (and in sinh, cosh, tanh, coth, sech, csch of such arguments, written with exponentials), u =
// e^(g·x) for g the greatest common divisor of the rates makes every e^(c·x) a power u^(c/g) and dx
// = du/(g·u): a rational function of u (∫ 1/(1 + e^x) = x − ln(e^x + 1)).
#include <fmt/format.h>
#include <gmpxx.h>

#include "leibniz/calculus/expand.h"
#include "leibniz/calculus/integrate_rules.h"
#include "leibniz/calculus/simplify.h"
#include "leibniz/core/error.h"
#include "leibniz/core/limits.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/print.h"
#include "leibniz/expr/substitute.h"

namespace leibniz::integration {
namespace {

// Writing an answer back in sinh and cosh is only an attempt: its expansion stays small.
constexpr std::size_t kHyperbolicBudget = 500;

// sinh, cosh and tanh of an argument that depends on x, as exponentials.
Expr hyperbolic_as_exponentials(Integrator& in, const Expr& e) {
  if (e.args().empty() || !in.depends(e)) return e;
  std::vector<Expr> args;
  args.reserve(e.args().size());
  for (const Expr& a : e.args()) args.push_back(hyperbolic_as_exponentials(in, a));
  const Expr rebuilt = rebuild(e, std::move(args));
  if (!rebuilt.is(Kind::Func)) return rebuilt;
  const Expr plus = exp(rebuilt.arg(0)), minus = exp(neg(rebuilt.arg(0)));
  switch (rebuilt.fn()) {
    case Fn::Sinh: return div(sub(plus, minus), integer(2));
    case Fn::Cosh: return div(add(plus, minus), integer(2));
    case Fn::Tanh: return div(sub(plus, minus), add(plus, minus));
    case Fn::Coth: return div(add(plus, minus), sub(plus, minus));
    case Fn::Sech: return div(integer(2), add(plus, minus));
    case Fn::Csch: return div(integer(2), sub(plus, minus));
    default: return rebuilt;
  }
}

// The rates c of every e^(c·x + b) in e; false when x occurs anywhere else or a rate is
// not rational.
bool collect_rates(Integrator& in, const Expr& e, std::vector<mpq_class>& rates) {
  if (!in.depends(e)) return true;
  if (e == in.var()) return false;
  if (e.is(Kind::Pow) && e.base().is_e()) {
    const auto linear = linear_in(in, e.exponent());
    if (!linear || !linear->a.is_number() || !linear->a.number().is_exact()) return false;
    rates.push_back(linear->a.number().exact());
    return true;
  }
  for (const Expr& a : e.args()) {
    if (!collect_rates(in, a, rates)) return false;
  }
  return true;
}

// e with e^(c·x + b) replaced by e^b·u^(c/g).
Expr in_powers_of(Integrator& in, const Expr& e, const mpq_class& g, const Expr& u) {
  if (!in.depends(e)) return e;
  if (e.is(Kind::Pow) && e.base().is_e()) {
    const auto linear = linear_in(in, e.exponent());
    const mpq_class power = linear->a.number().exact() / g;
    return mul(exp(linear->b), pow(u, power.get_num().get_si()));
  }
  std::vector<Expr> args;
  args.reserve(e.args().size());
  for (const Expr& a : e.args()) args.push_back(in_powers_of(in, a, g, u));
  return rebuild(e, std::move(args));
}

// The answer of a hyperbolic integrand written back in sinh and cosh, e^(±k·x) =
// cosh(k·x) ± sinh(k·x) and expanded, when that leaves no exponential and is no larger
// (sinh(x)² gives sinh(2x)/4 − x/2, not e^(2x)/8 − x/2 − e^(−2x)/8).
Expr in_hyperbolic_form(Integrator& in, const Expr& f) {
  bool exponential_left = false;
  auto walk = [&](auto&& self, const Expr& x) -> Expr {
    if (x.args().empty() || !in.depends(x)) return x;
    if (x.is(Kind::Func) && x.fn() == Fn::Ln) {  // ln(e^u) = ln|e^u| = u
      const Expr& inner =
          x.arg(0).is(Kind::Func) && x.arg(0).fn() == Fn::Abs ? x.arg(0).arg(0) : x.arg(0);
      if (inner.is(Kind::Pow) && inner.base().is_e()) return inner.exponent();
    }
    // 1/(e^(2y) + 1) = (1 − tanh y)/2.
    if (x.is(Kind::Pow) && x.exponent().is_integer() && x.exponent().number().is_minus_one() &&
        x.base().is(Kind::Add) && x.base().args().size() == 2 && x.base().args()[0] == integer(1) &&
        x.base().args()[1].is(Kind::Pow) && x.base().args()[1].base().is_e()) {
      const auto linear = linear_in(in, x.base().args()[1].exponent());
      if (linear && linear->b.is_zero()) {
        const Expr y = div(mul(linear->a, in.var()), integer(2));
        return div(sub(integer(1), func(Fn::Tanh, y)), integer(2));
      }
    }
    if (x.is(Kind::Pow) && x.base().is_e()) {
      const auto linear = linear_in(in, x.exponent());
      if (!linear || !linear->b.is_zero() || !linear->a.is_number()) {
        exponential_left = true;
        return x;
      }
      const Number k = linear->a.number().abs();
      const Expr kx = mul(number(k), in.var());
      const Expr sinh = func(Fn::Sinh, kx);
      return add(func(Fn::Cosh, kx), linear->a.number().is_negative() ? neg(sinh) : sinh);
    }
    std::vector<Expr> args;
    args.reserve(x.args().size());
    for (const Expr& a : x.args()) args.push_back(self(self, a));
    return rebuild(x, std::move(args));
  };
  Expr hyperbolic;
  try {
    TermBudget budget(kHyperbolicBudget);
    hyperbolic = expand(walk(walk, f));
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::Limit) throw;
    return f;
  }
  // Terms free of x are a constant of integration: dropped.
  if (hyperbolic.is(Kind::Add)) {
    std::vector<Expr> terms;
    for (const Expr& t : hyperbolic.args()) {
      if (in.depends(t)) terms.push_back(t);
    }
    hyperbolic = add(terms);
  }
  if (exponential_left || tree_size(hyperbolic) > tree_size(f)) return f;
  return hyperbolic;
}

// True when every sinh and cosh of x in e is a factor to a positive whole power and there
// is no tanh, coth, sech or csch: written with exponentials and expanded, e is a sum of
// exponentials times the rest, with no exponential below a fraction bar.
bool hyperbolic_factors_only(Integrator& in, const Expr& e) {
  if (!in.depends(e)) return true;
  if (e.is(Kind::Func)) {
    if (e.fn() == Fn::Tanh || e.fn() == Fn::Coth || e.fn() == Fn::Sech || e.fn() == Fn::Csch) {
      return false;
    }
    if (e.fn() == Fn::Sinh || e.fn() == Fn::Cosh) return true;
  }
  if (e.is(Kind::Pow) && !in.depends(e.exponent()) && e.exponent().is_integer() &&
      e.base().is(Kind::Func) && (e.base().fn() == Fn::Sinh || e.base().fn() == Fn::Cosh)) {
    return e.exponent().number().is_positive();
  }
  for (const Expr& a : e.args()) {
    if (!hyperbolic_factors_only(in, a)) return false;
  }
  return true;
}

// sinh and cosh times what is not a function of exponentials alone (sinh x·sin x,
// cosh x·cos 2x): the exponentials expanded out, each term by the other rules (eˣ·sin x
// by parts twice), the answer written back in sinh and cosh.
Expr hyperbolic_products(Integrator& in, const Expr& e, const Expr& rewritten) {
  if (!hyperbolic_factors_only(in, e)) return {};
  Expr expanded;
  try {
    TermBudget budget(kHyperbolicBudget);
    expanded = expand(rewritten);
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::Limit) throw;
    return {};
  }
  if (!expanded.is(Kind::Add)) return {};
  const std::size_t index = in.open<Rule::Rewrite>(
      e, {.row = {"hyperbolic-exponential", "sinh u = (eᵘ − e⁻ᵘ)/2, cosh u = (eᵘ + e⁻ᵘ)/2"},
          .rewritten = expanded});
  const Expr f = in.antiderivative(expanded);
  if (f.is_null()) {
    in.abandon(index);
    return {};
  }
  return in.finish(index, in_hyperbolic_form(in, f));
}

}  // namespace

Expr exponential_rule(Integrator& in, const Expr& e) {
  const Expr rewritten = hyperbolic_as_exponentials(in, e);
  std::vector<mpq_class> rates;
  if (!collect_rates(in, rewritten, rates)) {
    return rewritten == e ? Expr() : hyperbolic_products(in, e, rewritten);
  }
  if (rates.empty()) return {};
  // gcd of rationals: gcd of the numerators over lcm of the denominators.
  mpz_class numerator = 0, denominator = 1;
  for (const mpq_class& c : rates) {
    numerator = gcd(numerator, c.get_num());
    denominator = lcm(denominator, c.get_den());
  }
  const mpq_class g(numerator, denominator);
  for (const mpq_class& c : rates) {
    const mpq_class power = c / g;
    if (abs(power.get_num()) > 1000) return {};  // a rational function of too high a degree
  }
  const Expr& x = in.var();
  const Expr u = in.fresh_symbol(e);
  const Expr gx = mul(number(Number(g)), x);
  const Expr h = div(in_powers_of(in, rewritten, g, u), mul(number(Number(g)), u));
  const Expr eu = exp(gx);
  const std::size_t index = in.open<Rule::Substitution>(
      e, {.value = eu, .dx = div(integer(1), mul(number(Number(g)), u))});
  const Expr f = in.antiderivative_in(h, u);
  if (f.is_null()) {
    in.abandon(index);
    return {};
  }
  Substitution values;
  values.emplace(u.node(), eu);
  const Expr back = substitute(f, values);
  return in.finish(index, rewritten == e ? back : in_hyperbolic_form(in, back));
}

}  // namespace leibniz::integration
