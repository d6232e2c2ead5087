// Integration by parts, ∫ u dv = u·v − ∫ v du: a polynomial times exp, aⁿ, sin, cos,
// sinh or cosh (u = the polynomial, again until it is gone, or in one tabular step from
// degree 4); a polynomial times trigonometric or hyperbolic factors (x·sec²x); ln,
// arcsin, arctan, … times anything integrable (u = the logarithm or inverse function);
// e^(ax)·sin(bx), e^(ax)·cos(bx), where parts twice gives back the integral and one
// solves for it (powers of sin and cos linearized first); and sums whose terms fail
// alone but whose leftover integrals cancel after one integration by parts.
#include "leibniz/calculus/cancel.h"
#include "leibniz/calculus/check.h"
#include "leibniz/calculus/diff.h"
#include "leibniz/calculus/expand.h"
#include "leibniz/calculus/integrate_rules.h"
#include "leibniz/calculus/simplify.h"
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
    in.step<Rule::PartsTwice>(e, result, {.u = T, .dv = E});
    return result;
  }
  return {};
}

// From this degree on, a polynomial times e^(ax+b), sin or cos is integrated by the
// tabular method in one step instead of degree-many nested integrations by parts.
constexpr long kTabularFromDegree = 4;

// Tabular integration by parts, ∫ P·f with P a polynomial of degree ≥ kTabularFromDegree:
// f = c^u (k = its rate): c^u·Σⱼ (−1)ʲ·P⁽ʲ⁾/kʲ⁺¹; f = sin u or cos u (a = u′):
// ∫ P cos u = sin u·Σ_even (−1)^(j/2)·P⁽ʲ⁾/aʲ⁺¹ + cos u·Σ_odd (−1)^((j−1)/2)·P⁽ʲ⁾/aʲ⁺¹ and
// ∫ P sin u = −cos u·(the even sum) + sin u·(the odd sum).
Expr tabular(Integrator& in, const Expr& e, const Expr& polynomial, const Expr& f) {
  const auto coefficients = polynomial_coefficients(in, polynomial);
  if (!coefficients || static_cast<long>(coefficients->size()) - 1 < kTabularFromDegree) return {};
  std::vector<Expr> derivatives{polynomial};
  while (true) {
    Expr next = diff(derivatives.back(), in.var());
    if (next.is_zero()) break;
    derivatives.push_back(next);
  }
  Expr result;
  if (const auto k = exponential_rate(in, f)) {
    std::vector<Expr> terms;
    for (std::size_t j = 0; j < derivatives.size(); ++j) {
      const Expr term = div(derivatives[j], pow(*k, static_cast<long>(j) + 1));
      terms.push_back(j % 2 == 0 ? term : neg(term));
    }
    result = mul(f, add(terms));
  } else if (is_trig(f, Fn::Sin) || is_trig(f, Fn::Cos)) {
    const Expr a = linear_in(in, f.arg(0))->a;
    std::vector<Expr> even, odd;
    for (std::size_t j = 0; j < derivatives.size(); ++j) {
      const Expr term = div(derivatives[j], pow(a, static_cast<long>(j) + 1));
      (j % 2 == 0 ? even : odd).push_back(j % 4 < 2 ? term : neg(term));
    }
    const Expr s = func(Fn::Sin, f.arg(0)), c = func(Fn::Cos, f.arg(0));
    result = f.fn() == Fn::Cos ? add(mul(s, add(even)), mul(c, add(odd)))
                               : add(neg(mul(c, add(even))), mul(s, add(odd)));
  } else {
    return {};
  }
  in.step<Rule::PartsTabular>(e, result, {.u = polynomial, .dv = f});
  return result;
}

// Powers of sin and cos beyond this total are not linearized.
constexpr long kMaxLinearizedPower = 24;

// c^u·sinᵐv·cosⁿv (m, n ≥ 0, m + n ≥ 2, v linear): the trigonometric part linearized into
// Σ aₖ·cos(k·v) + bₖ·sin(k·v) by product-to-sum, then each c^u·cos(k·v), c^u·sin(k·v) as
// above (∫ eˣ·sin²x = eˣ/2 − ∫ eˣ·cos 2x/2).
Expr exponential_times_trig_power(Integrator& in, const Expr& e) {
  if (!e.is(Kind::Mul)) return {};
  Expr exponential, v;
  long m = 0, n = 0;
  for (const Expr& f : e.args()) {
    if (!in.depends(f)) return {};
    if (exponential.is_null() && exponential_rate(in, f)) {
      exponential = f;
      continue;
    }
    const Expr& g = f.is(Kind::Pow) ? f.base() : f;
    const auto k = f.is(Kind::Pow) && f.exponent().is_integer() ? f.exponent().number().to_long()
                                                                : std::optional<long>(1);
    if (!k || *k < 1 || !(is_trig(g, Fn::Sin) || is_trig(g, Fn::Cos))) return {};
    if (!v.is_null() && g.arg(0) != v) return {};
    v = g.arg(0);
    (g.fn() == Fn::Sin ? m : n) += *k;
  }
  if (exponential.is_null() || v.is_null() || m + n < 2 || m + n > kMaxLinearizedPower ||
      !linear_in(in, v)) {
    return {};
  }
  // cos_part[k], sin_part[k]: coefficients of cos(k·v), sin(k·v).
  std::vector<Number> cos_part{Number(1)}, sin_part{Number(0)};
  auto times = [&](bool by_sin) {
    const std::size_t size = cos_part.size() + 1;
    std::vector<Number> c(size, Number(0)), s(size, Number(0));
    auto add_cos = [&](long k, const Number& a) {
      c[static_cast<std::size_t>(std::abs(k))] = c[static_cast<std::size_t>(std::abs(k))] + a;
    };
    auto add_sin = [&](long k, const Number& b) {
      s[static_cast<std::size_t>(std::abs(k))] =
          s[static_cast<std::size_t>(std::abs(k))] + (k < 0 ? -b : b);
    };
    const Number half = Number::rational(1, 2);
    for (std::size_t i = 0; i < cos_part.size(); ++i) {
      const long k = static_cast<long>(i);
      const Number a = cos_part[i] * half, b = sin_part[i] * half;
      if (by_sin) {  // cos kv·sin v, sin kv·sin v
        add_sin(k + 1, a);
        add_sin(k - 1, -a);
        add_cos(k - 1, b);
        add_cos(k + 1, -b);
      } else {  // cos kv·cos v, sin kv·cos v
        add_cos(k + 1, a);
        add_cos(k - 1, a);
        add_sin(k + 1, b);
        add_sin(k - 1, b);
      }
    }
    cos_part = std::move(c);
    sin_part = std::move(s);
  };
  for (long i = 0; i < m; ++i) times(true);
  for (long i = 0; i < n; ++i) times(false);
  std::vector<Expr> terms;
  for (std::size_t k = 0; k < cos_part.size(); ++k) {
    const Expr kv = mul(integer(static_cast<long>(k)), v);
    if (!cos_part[k].is_zero()) {
      terms.push_back(mul(number(cos_part[k]), k == 0 ? integer(1) : func(Fn::Cos, kv)));
    }
    if (k > 0 && !sin_part[k].is_zero())
      terms.push_back(mul(number(sin_part[k]), func(Fn::Sin, kv)));
  }
  const Expr form = expand(mul(exponential, add(terms)));
  return in.rewritten<Rule::TrigIdentity>(
      {"product-to-sum-powers", "product to sum: sinᵐ·cosⁿ as a sum of sin(k·v) and cos(k·v)"}, e,
      form);
}

// True when b is the base of an even root in e (b^(1/2), b^(3/4)): b ≥ 0 where e is defined.
bool under_even_root(const Expr& e, const Expr& b) {
  if (e.is(Kind::Pow) && e.base() == b && e.exponent().is_number() &&
      e.exponent().number().is_exact() &&
      mpz_even_p(e.exponent().number().exact().get_den().get_mpz_t()) != 0) {
    return true;
  }
  return std::any_of(e.args().begin(), e.args().end(),
                     [&](const Expr& a) { return under_even_root(a, b); });
}

// u·v − ∫ v·du with v = ∫ dv found first.
// With cancel_rest, v·du is first cancelled to one fraction (common factors of v and du).
// (√b)² in v·du is b when b is under an even root of the integrand, which is defined only
// where b ≥ 0 (x·acos x·√(1 − x²): v·du = (√(1 − x²))²/3).
Expr by_parts(Integrator& in, const Expr& e, const Expr& u, const Expr& dv,
              bool cancel_rest = false) {
  const Expr du = diff(u, in.var());
  const std::size_t index = in.open<Rule::Parts>(e, {.u = u, .dv = dv, .du_dx = du});
  const Expr v = in.antiderivative(dv);
  if (v.is_null()) {
    in.abandon(index);
    return {};
  }
  Expr v_du = fold_kept_roots(mul(v, du), [&](const Expr& b) { return under_even_root(e, b); });
  if (cancel_rest) {
    if (const auto cancelled = cancel(v_du)) v_du = *cancelled;
  }
  const Expr rest = in.antiderivative(v_du);
  if (rest.is_null()) {
    in.abandon(index);
    return {};
  }
  return in.finish<Rule::Parts>(index, sub(mul(u, v), rest),
                                {.u = u, .dv = dv, .du_dx = du, .v = v});
}

bool is_transcendental_dv(Integrator& in, const Expr& f) {
  if (exponential_rate(in, f)) return true;
  return f.is(Kind::Func) && function_info(f.fn()).parts == PartsRole::Dv &&
         linear_in(in, f.arg(0)).has_value();
}

// An expression in which x occurs only inside trigonometric (or hyperbolic) functions of
// linear arguments (sec²x, sec x·tan x, tan²x, 1/(1 + cos x), cosh²x), possibly times one
// exponential
// (e^(2x)·sin x): dv when a polynomial is u.
bool is_trigonometric_dv(Integrator& in, const Expr& f) {
  int exponentials = 0, trigonometric = 0;
  bool ok = true;
  auto walk = [&](auto&& self, const Expr& x, bool top) -> void {
    if (!ok || !in.depends(x)) return;
    if (top && exponential_rate(in, x) && ++exponentials == 1) return;
    if (x == in.var()) {
      ok = false;
      return;
    }
    if (x.is(Kind::Func)) {
      switch (x.fn()) {
        case Fn::Sin:
        case Fn::Cos:
        case Fn::Tan:
        case Fn::Cot:
        case Fn::Sec:
        case Fn::Csc:
        case Fn::Sinh:
        case Fn::Cosh:
        case Fn::Tanh:
        case Fn::Coth:
        case Fn::Sech:
        case Fn::Csch:
          ok = ok && linear_in(in, x.arg(0)).has_value();
          ++trigonometric;
          return;
        default: ok = false; return;
      }
    }
    if (x.is(Kind::Pow) && !x.exponent().is_integer()) {
      ok = false;
      return;
    }
    for (const Expr& a : x.args()) self(self, a, top && x.is(Kind::Mul));
  };
  walk(walk, f, true);
  return ok && trigonometric > 0;
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
  if (Expr r = exponential_times_trig_power(in, e); !r.is_null()) return r;
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
    if (Expr r = tabular(in, e, polynomial, factors[i]); !r.is_null()) return r;
    if (Expr r = by_parts(in, e, polynomial, factors[i]); !r.is_null()) return r;
  }
  // A polynomial times trigonometric factors: u = the polynomial (x·sec²x, x·sec x·tan x).
  std::vector<Expr> polynomial, trigonometric;
  for (const Expr& f : factors) {
    (in.depends(f) && !polynomial_coefficients(in, f) ? trigonometric : polynomial).push_back(f);
  }
  if (!trigonometric.empty() && in.depends(mul(polynomial)) &&
      is_trigonometric_dv(in, mul(trigonometric))) {
    if (Expr r = by_parts(in, e, mul(polynomial), mul(trigonometric)); !r.is_null()) return r;
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
  // A polynomial times an exponential over a power of a polynomial: dv = that reciprocal
  // power, whose v often cancels against du (∫ x·eˣ/(1 + x)² = eˣ/(1 + x)).
  std::vector<Expr> reciprocal, others;
  int exponentials = 0;
  for (const Expr& f : factors) {
    if (f.is(Kind::Pow) && f.exponent().is_integer() && f.exponent().number().is_negative() &&
        in.depends(f) && polynomial_coefficients(in, f.base())) {
      reciprocal.push_back(f);
    } else if (exponential_rate(in, f)) {
      ++exponentials;
      others.push_back(f);
    } else if (!in.depends(f) || polynomial_coefficients(in, f)) {
      others.push_back(f);
    } else {
      return {};
    }
  }
  if (reciprocal.size() == 1 && exponentials == 1) {
    return by_parts(in, e, mul(others), reciprocal[0], true);
  }
  return {};
}

namespace {

// Where simplify may leave a zero unseen: sin² + cos² inside a product.
bool may_hide_a_zero(const Expr& e) {
  if (e.is(Kind::Func) && (e.fn() == Fn::Sin || e.fn() == Fn::Cos)) return true;
  return std::any_of(e.args().begin(), e.args().end(), may_hide_a_zero);
}

}  // namespace

// A sum some of whose terms have no elementary antiderivative on their own, but whose
// non-elementary parts cancel: ∫ (cos x·ln x + sin x/x) = sin x·ln x, since parts on
// cos x·ln x (u = ln x) leaves −∫ sin x/x. For each failing term f·g (u = f, dv = g with
// ∫ g found), v·u′ must cancel the rest of the failing terms.
Expr parts_cancelling_rule(Integrator& in, const Expr& e) {
  if (!e.is(Kind::Add)) return {};
  std::vector<Expr> found, failing;
  for (const Expr& t : e.args()) {
    Expr f = in.antiderivative(t);
    if (f.is_null()) {
      failing.push_back(t);
    } else {
      found.push_back(f);
    }
  }
  if (failing.empty() || failing.size() > 4) return {};
  for (std::size_t i = 0; i < failing.size(); ++i) {
    const Expr& term = failing[i];
    const std::span<const Expr> factors =
        term.is(Kind::Mul) ? term.args() : std::span<const Expr>(&term, 1);
    // u one factor and dv the others; then dv the exponential factor and u all the others
    // (∫ eˣ·(1 + sin x)/(1 + cos x): u = sin x/(1 + cos x), whose u′ = 1/(1 + cos x)).
    struct Choice {
      Expr u, dv;
      bool exponential_dv;
    };
    std::vector<Choice> choices;
    for (std::size_t k = 0; k < factors.size(); ++k) {
      std::vector<Expr> others;
      for (std::size_t j = 0; j < factors.size(); ++j) {
        if (j != k) others.push_back(factors[j]);
      }
      choices.push_back({factors[k], mul(others), false});
      if (factors.size() > 2 && exponential_rate(in, factors[k])) {
        choices.push_back({mul(others), factors[k], true});
      }
    }
    for (const auto& [u, dv, exponential_dv] : choices) {
      if (!in.depends(u) || factors.size() < 2) continue;
      const Expr v = in.antiderivative(dv);
      if (v.is_null()) continue;
      std::vector<Expr> remaining{neg(mul(v, diff(u, in.var())))};
      for (std::size_t j = 0; j < failing.size(); ++j) {
        if (j != i) remaining.push_back(failing[j]);
      }
      // Only an exact cancellation: integrating what is left over would start a new
      // search for every choice of u, and those multiply.
      // simplify leaves sin² + cos² in a product (eˣ·(1 − sin²x − cos²x)): with dv the
      // exponential, the equality check decides then (the others keep the exact test:
      // it is cheaper, and they are tried far more often).
      const Expr left_over = simplify(add(remaining));
      if (!left_over.is_zero() &&
          (!exponential_dv || !may_hide_a_zero(left_over) ||
           check_equal(left_over, integer(0), {.symbolic = false}).verdict != Verdict::Holds)) {
        continue;
      }
      found.push_back(mul(u, v));
      const Expr result = add(found);
      in.step<Rule::PartsCancelling>(e, result, {.u = u, .dv = dv, .v = v});
      return result;
    }
  }
  return {};
}

}  // namespace leibniz::integration
