// Powers and products of trigonometric functions of one linear argument u = a·x + b,
// as sinᵐu·cosⁿu (tan, cot, sec, csc rewritten): m odd, w = cos u; n odd, w = sin u;
// both even and non-negative, the power-reduction formulas; both even with negative
// powers, sin² = 1 − cos² (or the reverse) and then w = tan u (or w = cot u).
// Products of sin and cos of different arguments go to sums first. A lone sinⁿu or cosⁿu
// of high power goes by its reduction formula in closed form.
#include <fmt/format.h>

#include "leibniz/calculus/expand.h"
#include "leibniz/calculus/integrate_rules.h"
#include "leibniz/core/error.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/print.h"
#include "leibniz/expr/substitute.h"

namespace leibniz::integration {
namespace {

// sinⁿ and cosⁿ beyond this are a limit error: the answer would have over 1,500 terms
// (sin(x)^3000 is 1.9 MB of text and takes about 2 s, most of it the check).
constexpr long kMaxPower = 3'000;
// Powers in a product sinᵐu·cosⁿu, whose expansions grow with m·n.
constexpr long kMaxMixedPower = 1'000;
// From this even power on, a lone sinⁿu or cosⁿu is integrated by its reduction formula
// in closed form, one term per step of the formula, instead of by power reduction, whose
// answer grows into a long sum of powers of multiple angles. Odd powers keep w = cos u
// (a polynomial in cos u, as textbooks print it) up to kMaxMixedPower.
constexpr long kReductionFrom = 10;

bool by_reduction(long n) { return n % 2 == 0 ? n >= kReductionFrom : n > kMaxMixedPower; }

struct SinCos {
  Expr u;
  long m = 0;  // power of sin u
  long n = 0;  // power of cos u
};

// The integrand as sinᵐu·cosⁿu, or nullopt.
std::optional<SinCos> as_sin_cos(const Expr& e) {
  SinCos result;
  const std::span<const Expr> factors = e.is(Kind::Mul) ? e.args() : std::span<const Expr>(&e, 1);
  for (const Expr& f : factors) {
    Expr g = f;
    long k = 1;
    if (f.is(Kind::Pow)) {
      if (!f.exponent().is_integer()) return std::nullopt;
      const auto power = f.exponent().number().to_long();
      if (!power || *power > kMaxPower || *power < -kMaxPower) return std::nullopt;
      if (f != e && (*power > kMaxMixedPower || *power < -kMaxMixedPower)) return std::nullopt;
      g = f.base();
      k = *power;
    }
    if (!g.is(Kind::Func)) return std::nullopt;
    if (result.u.is_null()) result.u = g.arg(0);
    if (g.arg(0) != result.u) return std::nullopt;
    switch (g.fn()) {
      case Fn::Sin: result.m += k; break;
      case Fn::Cos: result.n += k; break;
      case Fn::Tan:
        result.m += k;
        result.n -= k;
        break;
      case Fn::Cot:
        result.m -= k;
        result.n += k;
        break;
      case Fn::Sec: result.n -= k; break;
      case Fn::Csc: result.m -= k; break;
      default: return std::nullopt;
    }
  }
  if (result.u.is_null()) return std::nullopt;
  return result;
}

// ∫ h(w) dw with w = g(u), back in x.
Expr with_substitution(Integrator& in, const Expr& e, const Expr& g, const Expr& h_of_w,
                       const Expr& w) {
  const std::size_t index = in.open<Rule::Substitution>(e, {.variable = "w", .value = g});
  return in.integrate_substituted(index, h_of_w, w, g);
}

// The integrand rewritten by a trigonometric identity, then integrated.
Expr rewritten(Integrator& in, const Expr& e, RuleRow identity, const Expr& form) {
  return in.rewritten<Rule::TrigIdentity>(identity, e, form);
}

// ∫ secᵏu du = secᵏ⁻²u·tan u/(k − 1) + (k − 2)/(k − 1)·∫ secᵏ⁻²u du, and
// ∫ cscᵏu du = −cscᵏ⁻²u·cot u/(k − 1) + (k − 2)/(k − 1)·∫ cscᵏ⁻²u du (parts with dv = sec²u).
Expr secant_reduction(Integrator& in, const Expr& e, const SinCos& sc, Fn fn) {
  const long k = fn == Fn::Sec ? -sc.n : -sc.m;
  const Expr& u = sc.u;
  const auto linear = linear_in(in, u);
  const Expr f = func(fn, u);
  const Expr partner = fn == Fn::Sec ? func(Fn::Tan, u) : neg(func(Fn::Cot, u));
  const std::size_t index = in.open<Rule::Reduction>(
      e, {.row = fn == Fn::Sec ? RuleRow{"sec",
                                         "∫ secᵏu du = secᵏ⁻²u·tan u/(k − 1) + (k − 2)/(k − 1)·∫ "
                                         "secᵏ⁻²u du"}
                               : RuleRow{"csc",
                                         "∫ cscᵏu du = −cscᵏ⁻²u·cot u/(k − 1) + (k − 2)/(k − 1)·∫ "
                                         "cscᵏ⁻²u du"},
          .k = integer(k)});
  const Expr lower = in.antiderivative(pow(f, k - 2));
  if (lower.is_null()) {
    in.abandon(index);
    return {};
  }
  const Expr first = div(mul(pow(f, k - 2), partner), mul(integer(k - 1), linear->a));
  return in.finish(index, add(first, mul(rational(k - 2, k - 1), lower)));
}

// ∫ sinⁿu du = −sinⁿ⁻¹u·cos u/n + (n − 1)/n·∫ sinⁿ⁻²u du, and
// ∫ cosⁿu du = cosⁿ⁻¹u·sin u/n + (n − 1)/n·∫ cosⁿ⁻²u du, applied until the power is 0
// (∫ du = u) or 1 (∫ sin u = −cos u, ∫ cos u = sin u): the closed form
// ∓partner·Σⱼ cⱼ·fⁿ⁻¹⁻²ʲ + c·(u or ∓partner), with cⱼ = Πᵢ<ⱼ (n − 1 − 2i)/(n − 2i)/(n − 2j).
Expr power_reduction_closed_form(Integrator& in, const Expr& e, Fn fn, long n, const Linear& linear,
                                 const Expr& u) {
  const Expr f = func(fn, u);
  // d/du f = sign·partner: (sin)′ = cos, (cos)′ = −sin.
  const Expr partner = fn == Fn::Sin ? neg(func(Fn::Cos, u)) : func(Fn::Sin, u);
  std::vector<Expr> sum;
  Number product(1);  // Πᵢ<ⱼ (n − 1 − 2i)/(n − 2i)
  long k = n;
  for (; k >= 2; k -= 2) {
    sum.push_back(mul(number(product / Number(k)), pow(f, k - 1)));
    product = product * Number(k - 1) / Number(k);
  }
  // ∫ du = u, written a·x (the rest is a constant), or ∫ f du = partner.
  const Expr tail = k == 0 ? mul(linear.a, in.var()) : partner;
  const Expr result = div(add(mul(partner, add(sum)), mul(number(product), tail)), linear.a);
  in.step<Rule::Reduction>(
      e, result,
      {.row =
           fn == Fn::Sin
               ? RuleRow{"sin", "∫ sinⁿu du = −sinⁿ⁻¹u·cos u/n + (n − 1)/n·∫ sinⁿ⁻²u du, repeated"}
               : RuleRow{"cos", "∫ cosⁿu du = cosⁿ⁻¹u·sin u/n + (n − 1)/n·∫ cosⁿ⁻²u du, repeated"},
       .n = integer(n)});
  return result;
}

// sinᵐu·cosⁿu with m and n odd takes w = cos u, w = sin u or, when m + n ≤ −2, w = tan u
// (sinᵐu·cosⁿu du = wᵐ(1 + w²)^(−(m+n)/2 − 1) dw/a): the one that leaves a polynomial in w
// and 1/w of the fewest terms (∫ 1/(sin u·cos u) = ln|tan u|, ∫ sin u/cos³u = tan²u/2,
// ∫ cos u/sin³u = −1/(2·sin²u)). w = cos u leaves such a polynomial only for m > 0, w = sin u
// only for n > 0, and w = tan u always.
Expr odd_odd_powers(Integrator& in, const Expr& e, const SinCos& sc, const Linear& linear,
                    const Expr& w) {
  const Expr& u = sc.u;
  const Expr one = integer(1);
  const Expr one_minus_w2 = sub(one, pow(w, 2));
  constexpr long kNotPolynomial = 1'000'000;
  const long by_cos = sc.m > 0 ? (sc.m + 1) / 2 : kNotPolynomial;
  const long by_sin = sc.n > 0 ? (sc.n + 1) / 2 : kNotPolynomial;
  const long by_tan = sc.m + sc.n <= -2 ? -(sc.m + sc.n) / 2 : kNotPolynomial;
  if (by_tan < by_cos && by_tan < by_sin) {
    const Expr h =
        div(mul(pow(w, sc.m), pow(add(one, pow(w, 2)), -(sc.m + sc.n) / 2 - 1)), linear.a);
    return with_substitution(in, e, func(Fn::Tan, u), h, w);
  }
  if (by_sin < by_cos) {
    const Expr h = div(mul(pow(one_minus_w2, (sc.n - 1) / 2), pow(w, sc.m)), linear.a);
    return with_substitution(in, e, func(Fn::Sin, u), h, w);
  }
  const Expr h = div(neg(mul(pow(one_minus_w2, (sc.m - 1) / 2), pow(w, sc.n))), linear.a);
  return with_substitution(in, e, func(Fn::Cos, u), h, w);
}

Expr sin_cos_powers(Integrator& in, const Expr& e, const SinCos& sc, const Linear& linear) {
  const Expr& u = sc.u;
  const Expr w = in.fresh_symbol(e);
  const Expr one = integer(1);
  const Expr one_minus_w2 = sub(one, pow(w, 2));
  const Expr s = func(Fn::Sin, u), c = func(Fn::Cos, u);
  if (sc.m == 0 && sc.n <= -3 && sc.n % 2 != 0) return secant_reduction(in, e, sc, Fn::Sec);
  if (sc.n == 0 && sc.m <= -3 && sc.m % 2 != 0) return secant_reduction(in, e, sc, Fn::Csc);
  if (sc.n == 0 && by_reduction(sc.m)) {
    return power_reduction_closed_form(in, e, Fn::Sin, sc.m, linear, u);
  }
  if (sc.m == 0 && by_reduction(sc.n)) {
    return power_reduction_closed_form(in, e, Fn::Cos, sc.n, linear, u);
  }
  // 1/sin u and 1/cos u are the table's csc u and sec u (−ln|csc u + cot u|, not
  // w = cos u's two logarithms).
  if ((sc.m == -1 && sc.n == 0) || (sc.m == 0 && sc.n == -1)) {
    const Expr form = func(sc.m == -1 ? Fn::Csc : Fn::Sec, u);
    if (form == e) return {};
    return rewritten(in, e, {"reciprocal", "1/sin u = csc u, 1/cos u = sec u"}, form);
  }
  if (sc.m % 2 != 0 && sc.n % 2 != 0) return odd_odd_powers(in, e, sc, linear, w);
  if (sc.m % 2 != 0) {  // sinᵐu du = −(1 − w²)^((m−1)/2)·wⁿ dw/a, w = cos u
    const Expr h = div(neg(mul(pow(one_minus_w2, (sc.m - 1) / 2), pow(w, sc.n))), linear.a);
    return with_substitution(in, e, c, h, w);
  }
  if (sc.n % 2 != 0) {  // w = sin u
    const Expr h = div(mul(pow(one_minus_w2, (sc.n - 1) / 2), pow(w, sc.m)), linear.a);
    return with_substitution(in, e, s, h, w);
  }
  if (sc.m >= 0 && sc.n >= 0) {  // sin²u = (1 − cos 2u)/2, cos²u = (1 + cos 2u)/2
    const Expr c2 = func(Fn::Cos, mul(integer(2), u));
    const Expr form = expand(mul(pow(div(sub(one, c2), integer(2)), sc.m / 2),
                                 pow(div(add(one, c2), integer(2)), sc.n / 2)));
    return rewritten(
        in, e,
        {"power-reduction", "power reduction: sin²u = (1 − cos 2u)/2, cos²u = (1 + cos 2u)/2"},
        form);
  }
  if (sc.m > 0) {
    const Expr form = expand(mul(pow(sub(one, pow(c, 2)), sc.m / 2), pow(c, sc.n)));
    return rewritten(in, e, {"sin-squared", "sin²u = 1 − cos²u"}, form);
  }
  if (sc.n > 0) {
    const Expr form = expand(mul(pow(sub(one, pow(s, 2)), sc.n / 2), pow(s, sc.m)));
    return rewritten(in, e, {"cos-squared", "cos²u = 1 − sin²u"}, form);
  }
  // m, n ≤ 0 and even: with w = tan u, sinᵐu·cosⁿu du = wᵐ(1 + w²)^(−(m+n)/2 − 1) dw/a.
  const Expr t = func(Fn::Tan, u);
  const Expr h = div(mul(pow(w, sc.m), pow(add(one, pow(w, 2)), -(sc.m + sc.n) / 2 - 1)), linear.a);
  return with_substitution(in, e, t, h, w);
}

// sin A·cos B = (sin(A + B) + sin(A − B))/2 and the like, for two factors of
// different linear arguments.
Expr product_to_sum(Integrator& in, const Expr& e) {
  if (!e.is(Kind::Mul) || e.args().size() != 2) return {};
  const Expr& f = e.arg(0);
  const Expr& g = e.arg(1);
  auto sin_or_cos = [](const Expr& h) {
    return h.is(Kind::Func) && (h.fn() == Fn::Sin || h.fn() == Fn::Cos);
  };
  if (!sin_or_cos(f) || !sin_or_cos(g) || f.arg(0) == g.arg(0)) return {};
  if (!linear_in(in, f.arg(0)) || !linear_in(in, g.arg(0))) return {};
  const Expr& A = f.fn() == Fn::Sin ? f.arg(0) : g.arg(0);
  const Expr& B = f.fn() == Fn::Sin ? g.arg(0) : f.arg(0);
  const Expr sum = add(A, B);
  Expr difference = sub(A, B);
  // sin(−d) = −sin d, cos(−d) = cos d: keep the argument's sign positive.
  const bool flipped = split_coefficient(difference).first.is_negative();
  if (flipped) difference = neg(difference);
  const Expr half = rational(1, 2);
  Expr form;
  if (f.fn() != g.fn()) {
    const Expr sin_difference = func(Fn::Sin, difference);
    form = mul(half, add(func(Fn::Sin, sum), flipped ? neg(sin_difference) : sin_difference));
  } else if (f.fn() == Fn::Sin) {
    form = mul(half, sub(func(Fn::Cos, difference), func(Fn::Cos, sum)));
  } else {
    form = mul(half, add(func(Fn::Cos, difference), func(Fn::Cos, sum)));
  }
  return rewritten(in, e, {"product-to-sum", "product to sum"}, form);
}

// A factor f(A)^±1 of a product read as one of tan, cot, sec, csc (1/sin A = csc A).
struct ShiftedFactor {
  Fn fn;
  Expr argument;
};

std::optional<ShiftedFactor> as_shifted_factor(const Expr& f) {
  const bool reciprocal = f.is(Kind::Pow) && f.exponent() == integer(-1);
  const Expr& g = reciprocal ? f.base() : f;
  if (!g.is(Kind::Func)) return std::nullopt;
  const auto inverse = [&](Fn fn, Fn flipped) { return reciprocal ? flipped : fn; };
  switch (g.fn()) {
    case Fn::Tan: return ShiftedFactor{inverse(Fn::Tan, Fn::Cot), g.arg(0)};
    case Fn::Cot: return ShiftedFactor{inverse(Fn::Cot, Fn::Tan), g.arg(0)};
    case Fn::Sec:
      return reciprocal ? std::nullopt : std::optional(ShiftedFactor{Fn::Sec, g.arg(0)});
    case Fn::Csc:
      return reciprocal ? std::nullopt : std::optional(ShiftedFactor{Fn::Csc, g.arg(0)});
    case Fn::Cos:
      return reciprocal ? std::optional(ShiftedFactor{Fn::Sec, g.arg(0)}) : std::nullopt;
    case Fn::Sin:
      return reciprocal ? std::optional(ShiftedFactor{Fn::Csc, g.arg(0)}) : std::nullopt;
    default: return std::nullopt;
  }
}

// Two factors of arguments A and B whose difference d = A − B is free of x, by the addition
// formulas (Demidovich): tan A·tan B = (tan A − tan B)/tan d − 1,
// cot A·cot B = cot d·(cot B − cot A) − 1, csc A·csc B = (cot B − cot A)/sin d,
// sec A·sec B = (tan A − tan B)/sin d, sec A·csc B = (tan A + cot B)/cos d.
Expr shifted_arguments(Integrator& in, const Expr& e) {
  if (!e.is(Kind::Mul) || e.args().size() != 2) return {};
  auto first = as_shifted_factor(e.arg(0)), second = as_shifted_factor(e.arg(1));
  if (!first || !second) return {};
  if (first->fn == Fn::Csc && second->fn == Fn::Sec) std::swap(first, second);
  const Expr& A = first->argument;
  const Expr& B = second->argument;
  const Expr d = sub(A, B);
  if (A == B || in.depends(d) || !linear_in(in, A) || !linear_in(in, B)) return {};
  const auto f = [](Fn fn, const Expr& v) { return func(fn, v); };
  const Expr one = integer(1);
  Expr form;
  std::string_view formula;
  if (first->fn == Fn::Tan && second->fn == Fn::Tan) {
    form = sub(div(sub(f(Fn::Tan, A), f(Fn::Tan, B)), f(Fn::Tan, d)), one);
    formula = "tan A·tan B = (tan A − tan B)/tan(A − B) − 1";
  } else if (first->fn == Fn::Cot && second->fn == Fn::Cot) {
    form = sub(mul(f(Fn::Cot, d), sub(f(Fn::Cot, B), f(Fn::Cot, A))), one);
    formula = "cot A·cot B = cot(A − B)·(cot B − cot A) − 1";
  } else if (first->fn == Fn::Csc && second->fn == Fn::Csc) {
    form = div(sub(f(Fn::Cot, B), f(Fn::Cot, A)), f(Fn::Sin, d));
    formula = "1/(sin A·sin B) = (cot B − cot A)/sin(A − B)";
  } else if (first->fn == Fn::Sec && second->fn == Fn::Sec) {
    form = div(sub(f(Fn::Tan, A), f(Fn::Tan, B)), f(Fn::Sin, d));
    formula = "1/(cos A·cos B) = (tan A − tan B)/sin(A − B)";
  } else if (first->fn == Fn::Sec && second->fn == Fn::Csc) {
    form = div(add(f(Fn::Tan, A), f(Fn::Cot, B)), f(Fn::Cos, d));
    formula = "1/(cos A·sin B) = (tan A + cot B)/cos(A − B)";
  } else {
    return {};
  }
  return rewritten(in, e, {"shifted-arguments", formula}, expand(form));
}

}  // namespace

Expr trig_rule(Integrator& in, const Expr& e) {
  if (Expr r = product_to_sum(in, e); !r.is_null()) return r;
  if (Expr r = shifted_arguments(in, e); !r.is_null()) return r;
  if (e.is(Kind::Pow) && e.exponent().is_integer() && e.base().is(Kind::Func) &&
      (e.base().fn() == Fn::Sin || e.base().fn() == Fn::Cos) &&
      Number(kMaxPower) < e.exponent().number() && linear_in(in, e.base().arg(0))) {
    throw Error(ErrorKind::Limit,
                fmt::format("the antiderivative of {} would have more than {} terms; leibniz "
                            "integrates powers of sin and cos up to {}",
                            print_text(e), kMaxPower / 2, kMaxPower));
  }
  const auto sc = as_sin_cos(e);
  if (!sc || (sc->m == 0 && sc->n == 0)) return {};
  const auto linear = linear_in(in, sc->u);
  if (!linear) return {};
  return sin_cos_powers(in, e, *sc, *linear);
}

}  // namespace leibniz::integration
