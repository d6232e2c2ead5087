// Rational functions of exponentials: when x occurs only in e^(c·x + b) with rational c
// (or c·L with one symbolic L for all: e^(c·k·x), and bᵘ as e^(u·ln b): 2^x and 4^x, a^x)
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

// The rate of b^(α·x + β) (b free of x; e^(α·x + β) when b = e) as c·L: α·ln b split
// into its rational coefficient c and the rest L, shared by every power of the integrand
// (1 for e^(c·x), ln 2 for 2^x and 4^x, ln a for a^x).
struct Rate {
  mpq_class c;
  Expr rest;
};

// ln b for b free of x, a whole number b = rᵏ written k·ln r with r no perfect power
// (ln 4 = 2·ln 2), so that 2^x and 4^x share ln 2.
Expr log_of_base(const Expr& b) {
  if (b.is_number() && b.number().is_exact() && b.number().exact().get_den() == 1 &&
      b.number().exact() > 1) {
    const mpz_class n = b.number().exact().get_num();
    for (unsigned long k = mpz_sizeinbase(n.get_mpz_t(), 2); k >= 2; --k) {
      mpz_class root;
      if (mpz_root(root.get_mpz_t(), n.get_mpz_t(), k) != 0) {
        return mul(integer(static_cast<long>(k)), func(Fn::Ln, number(Number(mpq_class(root)))));
      }
    }
  }
  return func(Fn::Ln, b);
}

std::optional<Rate> rate_of(Integrator& in, const Expr& power) {
  if (!power.is(Kind::Pow) || in.depends(power.base())) return std::nullopt;
  const auto linear = linear_in(in, power.exponent());
  if (!linear) return std::nullopt;
  const Expr alpha = power.base().is_e() ? linear->a : mul(linear->a, log_of_base(power.base()));
  const auto [c, rest] = split_coefficient(alpha);
  if (!c.is_exact()) return std::nullopt;
  return Rate{c.exact(), rest};
}

// The rational rates c of every power b^(α·x + β) in e, whose rates share one L (set when
// null); false when x occurs anywhere else or the rates do not share L.
bool collect_rates(Integrator& in, const Expr& e, std::vector<mpq_class>& rates, Expr& shared) {
  if (!in.depends(e)) return true;
  if (e == in.var()) return false;
  if (e.is(Kind::Pow) && !in.depends(e.base())) {
    const auto rate = rate_of(in, e);
    if (!rate) return false;
    if (shared.is_null()) shared = rate->rest;
    if (rate->rest != shared) return false;
    rates.push_back(rate->c);
    return true;
  }
  for (const Expr& a : e.args()) {
    if (!collect_rates(in, a, rates, shared)) return false;
  }
  return true;
}

// e with b^(α·x + β) replaced by b^β·u^(c/g).
Expr in_powers_of(Integrator& in, const Expr& e, const mpq_class& g, const Expr& u) {
  if (!in.depends(e)) return e;
  if (e.is(Kind::Pow) && !in.depends(e.base())) {
    const mpq_class power = rate_of(in, e)->c / g;
    const Expr shift = pow(e.base(), linear_in(in, e.exponent())->b);
    return mul(shift, pow(u, power.get_num().get_si()));
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
  Expr shared;
  if (!collect_rates(in, rewritten, rates, shared)) {
    return rewritten == e ? Expr() : hyperbolic_products(in, e, rewritten);
  }
  if (rates.empty()) {
    // The exponentials cancelled: eˣ/(cosh x + sinh x) = 1.
    if (rewritten == e) return {};
    return in.rewritten<Rule::Rewrite>(
        {"hyperbolic-exponential", "sinh u = (eᵘ − e⁻ᵘ)/2, cosh u = (eᵘ + e⁻ᵘ)/2"}, e, rewritten);
  }
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
  // du = g·L·u·dx; u = b^(g·x) when L = ln b (2^x, not e^(x·ln 2)).
  const Expr rate = mul(number(Number(g)), shared);
  const Expr h = div(in_powers_of(in, rewritten, g, u), mul(rate, u));
  const bool base_log = shared.is(Kind::Func) && shared.fn() == Fn::Ln;
  const Expr eu = base_log ? pow(shared.arg(0), gx) : exp(mul(gx, shared));
  const std::size_t index =
      in.open<Rule::Substitution>(e, {.value = eu, .dx = div(integer(1), mul(rate, u))});
  return in.integrate_substituted(index, h, u, eu, [&](Expr back) {
    if (base_log) {
      // ln|b^(g·x)| = g·x·ln b (b > 0, as b^x is real for every x only then).
      back = rewrite(back, [&](const Expr& y) -> std::optional<Expr> {
        if (!y.is(Kind::Func) || y.fn() != Fn::Ln) return std::nullopt;
        const Expr& inner =
            y.arg(0).is(Kind::Func) && y.arg(0).fn() == Fn::Abs ? y.arg(0).arg(0) : y.arg(0);
        if (inner != eu) return std::nullopt;
        return mul(gx, shared);
      });
    }
    return rewritten == e ? back : in_hyperbolic_form(in, back);
  });
}

}  // namespace leibniz::integration
