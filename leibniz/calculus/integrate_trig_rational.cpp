// Rational functions of sin u and cos u (u = a·x + b, tan, cot, sec, csc rewritten, whole
// multiples of u expanded) by
// Bioche's rules: written as N(s, c)/D(s, c) with common factors cancelled, an integrand
// odd in s takes w = cos u, one odd in c takes w = sin u, and one unchanged by
// (s, c) → (−s, −c) takes w = tan u, and any other w = tan(u/2) (Weierstrass); each
// leaves a rational function of w (∫ 1/(csc x − sin x) = ∫ sin x/cos²x = 1/cos x).
// Rational functions of sinh u and cosh u (tanh, coth, sech, csch rewritten) are their twins, with
// sinh² = cosh² − 1: odd in sinh takes w = cosh u, odd in cosh w = sinh u, even under
// (s, c) → (−s, −c) w = tanh u (∫ tanh²x = x − tanh x); the others are left to the
// exponential rule, which writes e^u as cosh u + sinh u.
#include <fmt/format.h>
#include <gmpxx.h>

#include <algorithm>
#include <tuple>
#include <utility>

#include "leibniz/calculus/cancel.h"
#include "leibniz/calculus/expand.h"
#include "leibniz/calculus/integrate_rules.h"
#include "leibniz/calculus/simplify.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/print.h"
#include "leibniz/expr/substitute.h"

namespace leibniz::integration {
namespace {

// A factor the rule does not read as a rational function of s and c (a root, a power with
// a symbolic exponent, another function: √(cos u), ln(sin u)) stands for one symbol; its
// content, in s and c, decides which substitutions may carry it (w = cos u when it is free
// of s, as in sin³u·√(cos u)).
struct OpaqueFactor {
  Expr symbol;
  Expr content;  // in s and c
};

struct SinCosForm {
  Expr u;          // the common argument
  Expr rewritten;  // in the symbols s = sin u, c = cos u (or sinh u, cosh u) and the opaque ones
  std::vector<OpaqueFactor> opaque;
};

// Which functions the rule reads as s and c.
enum class Family { Trigonometric, Hyperbolic };

bool is_member(Integrator& in, const Expr& x, Family family) {
  if (!x.is(Kind::Func) || !linear_in(in, x.arg(0))) return false;
  const Fn fn = x.fn();
  if (family == Family::Hyperbolic) {
    return fn == Fn::Sinh || fn == Fn::Cosh || fn == Fn::Tanh || fn == Fn::Coth || fn == Fn::Sech ||
           fn == Fn::Csch;
  }
  return fn == Fn::Sin || fn == Fn::Cos || fn == Fn::Tan || fn == Fn::Cot || fn == Fn::Sec ||
         fn == Fn::Csc;
}

// The common argument u of the trigonometric functions in e: their argument when all
// share one linear argument, else g·x when every argument is k·g·x with k a whole number
// up to kMaxMultiple (sin 2x and cos x: u = x); null otherwise.
constexpr long kMaxMultiple = 12;
Expr common_argument(Integrator& in, const Expr& e, Family family) {
  std::vector<Expr> arguments;
  auto walk = [&](auto&& self, const Expr& x) -> void {
    if (!in.depends(x)) return;
    if (is_member(in, x, family)) {
      if (std::find(arguments.begin(), arguments.end(), x.arg(0)) == arguments.end()) {
        arguments.push_back(x.arg(0));
      }
      return;
    }
    for (const Expr& a : x.args()) self(self, a);
  };
  walk(walk, e);
  if (arguments.empty()) return {};
  if (arguments.size() == 1) return linear_in(in, arguments[0]) ? arguments[0] : Expr();
  mpz_class numerator = 0, denominator = 1;
  for (const Expr& a : arguments) {
    const auto linear = linear_in(in, a);
    if (!linear || !linear->b.is_zero() || !linear->a.is_number() ||
        !linear->a.number().is_exact()) {
      return {};
    }
    numerator = gcd(numerator, linear->a.number().exact().get_num());
    denominator = lcm(denominator, linear->a.number().exact().get_den());
  }
  const mpq_class g(numerator, denominator);
  for (const Expr& a : arguments) {
    if (abs(linear_in(in, a)->a.number().exact() / g) > kMaxMultiple) return {};
  }
  return mul(number(Number(g)), in.var());
}

// sin(k·u) and cos(k·u) as polynomials in s = sin u, c = cos u (k a whole number):
// sin(k·u) = s·cos((k − 1)u) + c·sin((k − 1)u), cos(k·u) = c·cos((k − 1)u) − s·sin((k − 1)u);
// cosh(k·u) = c·cosh((k − 1)u) + s·sinh((k − 1)u).
std::pair<Expr, Expr> multiple_angle(long k, const Expr& s, const Expr& c, Family family) {
  const bool negative = k < 0;
  Expr sin_k = integer(0), cos_k = integer(1);
  for (long j = 0; j < (negative ? -k : k); ++j) {
    const Expr next_sin = add(mul(s, cos_k), mul(c, sin_k));
    cos_k = family == Family::Hyperbolic ? add(mul(c, cos_k), mul(s, sin_k))
                                         : sub(mul(c, cos_k), mul(s, sin_k));
    sin_k = next_sin;
  }
  return {negative ? neg(sin_k) : sin_k, cos_k};
}

// The integrand in s and c, or nullopt when x occurs outside sin, cos, tan, cot, sec, csc
// (sinh, cosh, tanh) of whole multiples of one linear argument.
std::optional<SinCosForm> in_sin_cos(Integrator& in, const Expr& e, const Expr& s, const Expr& c,
                                     Family family) {
  const Expr u = common_argument(in, e, family);
  if (u.is_null()) return std::nullopt;
  const Expr rate = linear_in(in, u)->a;
  bool ok = true;
  std::vector<OpaqueFactor> opaque;
  auto walk = [&](auto&& self, const Expr& x) -> Expr {
    if (!ok || !in.depends(x)) return x;
    if (x == in.var()) {
      ok = false;
      return x;
    }
    if (is_member(in, x, family)) {
      Expr sin_k = s, cos_k = c;
      if (x.arg(0) != u) {
        const Number k = linear_in(in, x.arg(0))->a.number() / rate.number();
        std::tie(sin_k, cos_k) = multiple_angle(*k.to_long(), s, c, family);
      }
      switch (x.fn()) {
        case Fn::Sin:
        case Fn::Sinh: return sin_k;
        case Fn::Cos:
        case Fn::Cosh: return cos_k;
        case Fn::Tan:
        case Fn::Tanh: return div(sin_k, cos_k);
        case Fn::Cot:
        case Fn::Coth: return div(cos_k, sin_k);
        case Fn::Sec:
        case Fn::Sech: return div(integer(1), cos_k);
        default: return div(integer(1), sin_k);
      }
    }
    const std::size_t inner = opaque.size();
    std::vector<Expr> args;
    args.reserve(x.args().size());
    for (const Expr& a : x.args()) args.push_back(self(self, a));
    Expr rebuilt = rebuild(x, std::move(args));
    if (x.is(Kind::Func) || (x.is(Kind::Pow) && !x.exponent().is_integer())) {
      // Opaque factors inside this one are part of its content: ln|cos u − 1| is one.
      Substitution contents;
      for (std::size_t k = inner; k < opaque.size(); ++k) {
        contents.emplace(opaque[k].symbol.node(), opaque[k].content);
      }
      if (!contents.empty()) rebuilt = substitute(rebuilt, contents);
      opaque.resize(inner);
      const Expr stand_in = symbol(fmt::format("{}_opaque{}", s.name(), opaque.size()));
      opaque.push_back({stand_in, std::move(rebuilt)});
      return stand_in;
    }
    return rebuilt;
  };
  Expr rewritten = walk(walk, e);
  if (!ok) return std::nullopt;
  return SinCosForm{u, rewritten, std::move(opaque)};
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

// Numerator and denominator, each expanded.
Quotient as_quotient(const Expr& e) {
  const Fraction f = split_fraction(e);
  return {expand(f.numerator), expand(f.denominator)};
}

Expr substituted(const Expr& e, const Expr& from, const Expr& to) {
  Substitution values;
  values.emplace(from.node(), to);
  return substitute(e, values);
}

// top/(v·bottom) for a quotient odd in v, with v only to even powers above and below
// (so that v² can be replaced): the odd one of top and bottom multiplied by v, expanded.
Expr even_quotient(const Quotient& q, const Expr& v, long top_parity) {
  if (top_parity == 1) return div(expand(mul(q.top, v)), expand(mul(pow(v, 2), q.bottom)));
  return div(q.top, expand(mul(v, q.bottom)));
}

struct BiocheSubstitution {
  Expr h;                    // the integrand in w (with dx written in dw)
  Expr g;                    // w as a function of x
  bool weierstrass = false;  // w = tan(u/2)
};

bool holds(const Expr& e, const Expr& v) {
  if (e == v) return true;
  return std::any_of(e.args().begin(), e.args().end(), [&](const Expr& a) { return holds(a, v); });
}

// h with each opaque symbol replaced by its content in w.
Expr opaque_in_w(const Expr& h, const std::vector<OpaqueFactor>& in_w) {
  Substitution values;
  for (const OpaqueFactor& o : in_w) values.emplace(o.symbol.node(), o.content);
  return substitute(h, values);
}

// True when e holds a root of b (b^(1/2), b^(3/2)).
bool holds_a_root_of(const Expr& e, const Expr& b) {
  if (e.is(Kind::Pow) && e.base() == b && !e.exponent().is_integer()) return true;
  return std::any_of(e.args().begin(), e.args().end(),
                     [&](const Expr& a) { return holds_a_root_of(a, b); });
}

// The opaque factors in w, with v (s or c) replaced by root = √(1 − w²) (or √(w² ∓ 1)) and
// the other function by w: each must hold v only to even powers, so that the root folds
// away (√(5 cos²u + sin²u) = √(1 + 4w²) with w = sin u); nullopt otherwise.
std::optional<std::vector<OpaqueFactor>> opaque_through(const std::vector<OpaqueFactor>& opaque,
                                                        const Expr& v, const Expr& root,
                                                        const Expr& other, const Expr& w) {
  std::vector<OpaqueFactor> result;
  for (const OpaqueFactor& o : opaque) {
    const Expr in_w = fold_kept_roots(substituted(substituted(o.content, v, root), other, w),
                                      [&](const Expr& b) { return b == root.base(); });
    if (holds_a_root_of(in_w, root.base())) return std::nullopt;
    result.push_back({o.symbol, in_w});
  }
  return result;
}

// The substitutions Bioche's rules allow for N(s, c)/D(s, c), in their order of preference:
// w = cos u when the integrand is odd in s, w = sin u when it is odd in c, w = tan u when it
// is even under (s, c) → (−s, −c); w = tan(u/2) (Weierstrass) always for sin and cos. For
// sinh and cosh only the three rules (w = cosh, sinh, tanh). Opaque factors allow w = cos u
// when they hold sin u only to even powers, w = sin u in the reverse case, and w = tan u when
// they are functions of tan u; not Weierstrass's.
std::vector<BiocheSubstitution> bioche(Integrator& in, const Expr& cancelled, const Quotient& q,
                                       const SinCosForm& form, const Expr& w, const Expr& s,
                                       const Expr& c, Family family) {
  const bool hyperbolic = family == Family::Hyperbolic;
  const Expr& u = form.u;
  const Expr a = linear_in(in, u)->a;
  const Expr one = integer(1);
  std::vector<BiocheSubstitution> found;
  // The identity between s and c: s² + c² = 1, or c² − s² = 1.
  const Expr one_minus_w2 = sub(one, pow(w, 2)), w2_minus_one = sub(pow(w, 2), one);
  const auto ps_top = parity(q.top, s), ps_bottom = parity(q.bottom, s);
  const auto pc_top = parity(q.top, c), pc_bottom = parity(q.bottom, c);
  const auto p_top = parity(q.top, s, c), p_bottom = parity(q.bottom, s, c);
  const Expr s_of_w = sqrt(hyperbolic ? w2_minus_one : one_minus_w2);         // s² ≥ 0
  const Expr c_of_w = sqrt(hyperbolic ? add(one, pow(w, 2)) : one_minus_w2);  // c² ≥ 0
  const auto opaque_by_cos = opaque_through(form.opaque, s, s_of_w, c, w);
  if (ps_top && ps_bottom && *ps_top != *ps_bottom && opaque_by_cos) {
    // Odd in s: w = cos u, dx = −dw/(a·s), s² = 1 − w² (w = cosh u, dx = dw/(a·s),
    // s² = w² − 1).
    const Expr even = even_quotient(q, s, *ps_top);
    const Expr h = div(fold_kept_roots(substituted(substituted(even, s, s_of_w), c, w),
                                       [&](const Expr& b) { return b == s_of_w.base(); }),
                       a);
    found.push_back({opaque_in_w(hyperbolic ? h : neg(h), *opaque_by_cos),
                     func(hyperbolic ? Fn::Cosh : Fn::Cos, u)});
  }
  const auto opaque_by_sin = opaque_through(form.opaque, c, c_of_w, s, w);
  if (pc_top && pc_bottom && *pc_top != *pc_bottom && opaque_by_sin) {
    // Odd in c: w = sin u, dx = dw/(a·c), c² = 1 − w² (w = sinh u, c² = 1 + w²).
    const Expr even = even_quotient(q, c, *pc_top);
    const Expr h = div(fold_kept_roots(substituted(substituted(even, c, c_of_w), s, w),
                                       [&](const Expr& b) { return b == c_of_w.base(); }),
                       a);
    found.push_back({opaque_in_w(h, *opaque_by_sin), func(hyperbolic ? Fn::Sinh : Fn::Sin, u)});
  }
  // Opaque factors go with w = tan u when they are functions of tan u alone: ln(tan u).
  std::vector<OpaqueFactor> of_tan;
  for (const OpaqueFactor& o : form.opaque) {
    const auto in_w = cancel(substituted(o.content, s, mul(w, c)));
    if (!in_w || holds(*in_w, c)) return found;
    of_tan.push_back({o.symbol, *in_w});
  }
  if (p_top && p_bottom && *p_top == *p_bottom) {
    // Even under (s, c) → (−s, −c): s = w·c, c² = 1/(1 + w²), dx = dw/(a·(1 + w²))
    // (w = tanh u: c² = 1/(1 − w²), dx = dw/(a·(1 − w²))).
    const Expr in_w = expand(substituted(cancelled, s, mul(w, c)));
    const Quotient r = as_quotient(in_w);
    const long lift = parity(r.top, c).value_or(0);
    const Expr one_over_c2 = hyperbolic ? one_minus_w2 : add(one, pow(w, 2));
    const Expr root = pow(one_over_c2, rational(-1, 2));
    const Expr top = substituted(mul(r.top, pow(c, lift)), c, root);
    const Expr bottom = substituted(mul(r.bottom, pow(c, lift)), c, root);
    // 1 − tanh²u > 0: (1 − w²)^(−1/2) to an even power folds.
    const auto positive = [&](const Expr& b) { return b == one_over_c2; };
    found.push_back({opaque_in_w(div(fold_kept_roots(top, positive),
                                     mul(a, mul(fold_kept_roots(bottom, positive), one_over_c2))),
                                 of_tan),
                     func(hyperbolic ? Fn::Tanh : Fn::Tan, u)});
  }
  if (hyperbolic || !form.opaque.empty()) return found;
  // Weierstrass: w = tan(u/2), s = 2w/(1 + w²), c = (1 − w²)/(1 + w²), dx = 2·dw/(a·(1 + w²)).
  const Expr w2 = add(one, pow(w, 2));
  const Expr in_w =
      substituted(substituted(cancelled, s, div(mul(integer(2), w), w2)), c, div(one_minus_w2, w2));
  found.push_back(
      {div(mul(integer(2), in_w), mul(a, w2)), func(Fn::Tan, div(u, integer(2))), true});
  return found;
}

// True when d is a constant times a power of w.
bool is_monomial(const Expr& d, const Expr& w) {
  const std::span<const Expr> factors = d.is(Kind::Mul) ? d.args() : std::span<const Expr>(&d, 1);
  return std::all_of(factors.begin(), factors.end(), [&](const Expr& f) {
    return !holds(f, w) || f == w || (f.is(Kind::Pow) && f.base() == w);
  });
}

// The substitutions in the order they are tried: the simplest integral in w first, its
// integrand, cancelled, the smallest (1/(sin u·cos u) is 1/w with w = tan u, 1/(w·(1 − w²))
// with w = sin u), Bioche's order on a tie; the next when one fails (tan u/(1 + 5 tan²u)^(5/2)
// is a radical of a rational function of w = cos u, and w/((1 + w²)·(1 + 5w²)^(5/2)) with
// w = tan u). Weierstrass's w = tan(u/2) answers may jump where tan(u/2) has a pole: it
// competes only when it leaves a polynomial in w and 1/w (∫ 1/sin u = ln|tan(u/2)|), and is
// otherwise the last resort.
std::vector<BiocheSubstitution> in_order(Integrator& in, std::vector<BiocheSubstitution> candidates,
                                         const Expr& w) {
  std::vector<std::pair<double, BiocheSubstitution>> sized;
  for (BiocheSubstitution& candidate : candidates) {
    if (in.depends(candidate.h)) continue;
    if (const auto cancelled = cancel(candidate.h)) candidate.h = *cancelled;
    if (candidate.weierstrass && candidates.size() > 1 &&
        !is_monomial(split_fraction(candidate.h).denominator, w)) {
      continue;
    }
    sized.emplace_back(tree_size(candidate.h), std::move(candidate));
  }
  std::stable_sort(sized.begin(), sized.end(),
                   [](const auto& l, const auto& r) { return l.first < r.first; });
  std::vector<BiocheSubstitution> result;
  for (auto& [size, candidate] : sized) result.push_back(std::move(candidate));
  return result;
}

Expr by_substitution(Integrator& in, const Expr& e, const BiocheSubstitution& chosen, const Expr& w,
                     Family family) {
  const Expr& g = chosen.g;
  const std::size_t index = in.open<Rule::Substitution>(
      e, {.row = {"bioche", "Bioche's rule"}, .variable = "w", .value = g});
  return in.integrate_substituted(index, chosen.h, w, g, [&](const Expr& back) {
    // atan(tan v) = v up to a constant on each interval where tan v is defined.
    if (g.fn() == Fn::Tan) return replace(back, func(Fn::Atan, g), g.arg(0));
    const Expr hyperbolic = g.fn() == Fn::Tanh ? tanh_logarithms(back) : back;
    return family == Family::Hyperbolic ? reciprocal_hyperbolic_form(hyperbolic, e) : hyperbolic;
  });
}

Expr rational_in_family(Integrator& in, const Expr& e, Family family) {
  const Expr w = in.fresh_symbol(e);
  const Expr s = symbol(w.name() + "_sin"), c = symbol(w.name() + "_cos");
  const auto form = in_sin_cos(in, e, s, c, family);
  if (!form) return {};
  const auto cancelled = cancel(form->rewritten);
  if (!cancelled) return {};
  const Quotient q = as_quotient(*cancelled);
  if (q.bottom.is_number() && form->opaque.empty()) {
    // Polynomials in sinh and cosh are the exponential rule's (products to sums).
    if (family == Family::Hyperbolic) return {};
    // A polynomial in sin u and cos u once cancelled: cos 2x/(cos x + sin x) = cos x − sin x.
    const Expr polynomial =
        substituted(substituted(*cancelled, s, func(Fn::Sin, form->u)), c, func(Fn::Cos, form->u));
    if (polynomial == e) return {};
    return in.rewritten<Rule::TrigIdentity>({"sin-cos", "rewrite in sin and cos, cancel"}, e,
                                            polynomial);
  }
  for (const BiocheSubstitution& chosen :
       in_order(in, bioche(in, *cancelled, q, *form, w, s, c, family), w)) {
    if (Expr f = by_substitution(in, e, chosen, w, family); !f.is_null()) return f;
  }
  return {};
}

}  // namespace

Expr trig_rational_rule(Integrator& in, const Expr& e) {
  if (Expr f = rational_in_family(in, e, Family::Trigonometric); !f.is_null()) return f;
  return rational_in_family(in, e, Family::Hyperbolic);
}

Expr tanh_logarithms(const Expr& f) {
  return rewrite(f, [](const Expr& x) -> std::optional<Expr> {
    if (!x.is(Kind::Func) || x.fn() != Fn::Ln) return std::nullopt;
    const Expr& inner =
        x.arg(0).is(Kind::Func) && x.arg(0).fn() == Fn::Abs ? x.arg(0).arg(0) : x.arg(0);
    if (!inner.is(Kind::Add) || inner.args().size() != 2) return std::nullopt;
    for (int k = 0; k < 2; ++k) {
      const Expr& t = inner.args()[k];
      const Expr& other = inner.args()[1 - k];
      if (!other.is_number()) continue;
      // tanh u + 1, tanh u − 1, 1 − tanh u (−1·tanh u + 1).
      const bool negated = t.is(Kind::Mul) && t.args().size() == 2 && t.args()[0] == integer(-1);
      const Expr& tanh = negated ? t.args()[1] : t;
      if (!tanh.is(Kind::Func) || tanh.fn() != Fn::Tanh) continue;
      const Expr ln_cosh = func(Fn::Ln, func(Fn::Cosh, tanh.arg(0)));
      if (!negated && other == integer(1)) return sub(tanh.arg(0), ln_cosh);
      if ((!negated && other == integer(-1)) || (negated && other == integer(1))) {
        return sub(neg(tanh.arg(0)), ln_cosh);
      }
    }
    return std::nullopt;
  });
}
}  // namespace leibniz::integration
