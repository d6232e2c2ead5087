// Rational functions of exponentials: when x occurs only in e^(c·x + b) with rational c
// (and in sinh, cosh, tanh of such arguments, written with exponentials), u = e^(g·x)
// for g the greatest common divisor of the rates makes every e^(c·x) a power u^(c/g)
// and dx = du/(g·u): a rational function of u (∫ 1/(1 + e^x) = x − ln(e^x + 1)).
#include <fmt/format.h>
#include <gmpxx.h>

#include "leibniz/calculus/integrate_rules.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/print.h"
#include "leibniz/expr/substitute.h"

namespace leibniz::integration {
namespace {

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

}  // namespace

Expr exponential_rule(Integrator& in, const Expr& e) {
  const Expr rewritten = hyperbolic_as_exponentials(in, e);
  std::vector<mpq_class> rates;
  if (!collect_rates(in, rewritten, rates) || rates.empty()) return {};
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
  const std::size_t index =
      in.open(fmt::format("substitution u = {}", print_text(eu)), e,
              {{"u", eu}, {"dx", div(integer(1), mul(number(Number(g)), u))}});
  const Expr f = in.antiderivative_in(h, u);
  if (f.is_null()) {
    in.abandon(index);
    return {};
  }
  Substitution values;
  values.emplace(u.node(), eu);
  return in.finish(index, substitute(f, values));
}

}  // namespace leibniz::integration
