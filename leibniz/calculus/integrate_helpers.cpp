// Helpers shared by the integration rules: recognising linear arguments and
// polynomials in the variable, positivity (for ln|u| = ln u), replacing a subexpression.
#include <span>
#include <unordered_map>

#include "leibniz/calculus/diff.h"
#include "leibniz/calculus/expand.h"
#include "leibniz/calculus/integrate_rules.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/functions.h"
#include "leibniz/expr/substitute.h"

namespace leibniz::integration {
namespace {

constexpr long kMaxPolynomialDegree = 1'000;

bool is_nonnegative(const Expr& e);

bool is_abs_node(const Expr& e) { return e.is(Kind::Func) && e.fn() == Fn::Abs; }

// e with ||v|| written |v|. u = |v| leaves ln||v|| from ∫ du/u, and an integrand that holds
// it escapes the search's cycle check (∫ asin(x)/(x·(1 − x²)^(3/2)) went 48 levels deep).
Expr without_nested_abs(const Expr& e) {
  return rewrite(e, [](const Expr& y) -> std::optional<Expr> {
    if (!is_abs_node(y) || !is_abs_node(y.arg(0))) return std::nullopt;
    return without_nested_abs(y.arg(0));
  });
}

}  // namespace

Expr Integrator::integrate_substituted(std::size_t index, const Expr& h, const Expr& u,
                                       const Expr& value,
                                       const std::function<Expr(const Expr&)>& tidy) {
  const Expr f = antiderivative_in(h, u);
  if (f.is_null()) {
    abandon(index);
    return {};
  }
  Substitution back;
  back.emplace(u.node(), value);
  const Expr in_var = without_nested_abs(substitute(f, back));
  return finish(index, tidy ? tidy(in_var) : in_var);
}

std::optional<Linear> linear_in(Integrator& in, const Expr& u) {
  if (u == in.var()) return Linear{integer(1), integer(0)};
  if (!in.depends(u) || !(u.is(Kind::Add) || u.is(Kind::Mul))) return std::nullopt;
  const Expr a = diff(u, in.var());
  if (a.is_zero() || in.depends(a)) return std::nullopt;
  const Expr b = expand(sub(u, mul(a, in.var())));
  if (in.depends(b)) return std::nullopt;
  return Linear{a, b};
}

std::optional<std::vector<Expr>> polynomial_coefficients(Integrator& in, const Expr& e) {
  const Expr expanded = in.depends(e) ? expand(e) : e;
  std::vector<std::vector<Expr>> by_degree;
  auto add_term = [&](long degree, Expr coefficient) {
    if (by_degree.size() <= static_cast<std::size_t>(degree)) by_degree.resize(degree + 1);
    by_degree[degree].push_back(std::move(coefficient));
  };
  const std::span<const Expr> terms =
      expanded.is(Kind::Add) ? expanded.args() : std::span<const Expr>(&expanded, 1);
  for (const Expr& term : terms) {
    long degree = 0;
    std::vector<Expr> rest;
    const std::span<const Expr> factors =
        term.is(Kind::Mul) ? term.args() : std::span<const Expr>(&term, 1);
    for (const Expr& f : factors) {
      if (!in.depends(f)) {
        rest.push_back(f);
      } else if (f == in.var()) {
        degree += 1;
      } else if (f.is(Kind::Pow) && f.base() == in.var() && f.exponent().is_integer() &&
                 f.exponent().number().is_positive()) {
        const auto k = f.exponent().number().to_long();
        if (!k || *k > kMaxPolynomialDegree) return std::nullopt;
        degree += *k;
      } else {
        return std::nullopt;
      }
    }
    add_term(degree, mul(rest));
  }
  std::vector<Expr> coefficients;
  coefficients.reserve(by_degree.size());
  for (auto& parts : by_degree) coefficients.push_back(add(parts));
  if (coefficients.empty()) coefficients.push_back(integer(0));
  return coefficients;
}

std::optional<PowersOfFactors> powers_of_factors(Integrator& in, const Expr& denominator) {
  PowersOfFactors split;
  for (const Expr& f :
       denominator.is(Kind::Mul) ? denominator.args() : std::span(&denominator, 1)) {
    if (!in.depends(f)) {
      split.constant.push_back(f);
      continue;
    }
    const bool power = f.is(Kind::Pow) && f.exponent().is_integer();
    const std::optional<long> m = power ? f.exponent().number().to_long() : 1L;
    if (!m) return std::nullopt;
    split.powers.emplace_back(power ? f.base() : f, *m);
  }
  return split;
}

std::optional<std::vector<Number>> exact_polynomial_coefficients(Integrator& in, const Expr& e) {
  const auto coefficients = polynomial_coefficients(in, e);
  if (!coefficients) return std::nullopt;
  std::vector<Number> result;
  for (const Expr& c : *coefficients) {
    if (!c.is_number() || !c.number().is_exact()) return std::nullopt;
    result.push_back(c.number());
  }
  while (result.size() > 1 && result.back().is_zero()) result.pop_back();
  return result;
}

Expr root_number(const Number& r, long k) {
  // ᵏ√(p/q) = ᵏ√(p·q^(k−1))/q; then n = p·q^(k−1) = rootᵏ·m with m free of k-th powers
  // (trial division, for the small numbers of first-course integrals).
  const mpz_class den = r.exact().get_den();
  mpz_class n = r.exact().get_num();
  for (long i = 1; i < k; ++i) n *= den;
  const Expr exponent = number(Number(mpq_class(1, k)));
  if (sgn(n) <= 0 || n > mpz_class(1'000'000'000'000L)) return pow(number(r), exponent);
  long rest = n.get_si(), root = 1;
  for (long d = 2; d * d <= rest; ++d) {
    long power = 1;
    for (long i = 0; i < k; ++i) power *= d;
    while (rest % power == 0) {
      rest /= power;
      root *= d;
    }
  }
  const Expr radical = k == 2 ? sqrt(integer(rest)) : pow(integer(rest), exponent);
  return div(mul(integer(root), radical), number(Number(mpq_class(den))));
}

Expr sqrt_number(const Number& r) { return root_number(r, 2); }

Expr ln_abs(const Expr& u) { return func(Fn::Ln, is_positive(u) ? u : func(Fn::Abs, u)); }

namespace {

bool is_nonnegative(const Expr& e) {
  if (is_positive(e)) return true;
  switch (e.kind()) {
    case Kind::Number: return !e.number().is_negative();
    case Kind::Pow: {
      const Expr& n = e.exponent();
      if (n.is_integer()) {
        const auto k = n.number().to_long();
        if (k && *k % 2 == 0) return true;
      }
      // u^(p/q) with q even is a real root: nonnegative where defined.
      if (n.is_number() && n.number().is_exact() && !n.number().is_integer() &&
          n.number().exact().get_den() % 2 == 0) {
        return true;
      }
      return is_nonnegative(e.base());
    }
    case Kind::Func: return function_info(e.fn()).sign != FunctionSign::Any;
    case Kind::Add:
      for (const Expr& t : e.args()) {
        if (!is_nonnegative(t)) return false;
      }
      return true;
    case Kind::Mul:
      for (const Expr& f : e.args()) {
        if (!is_nonnegative(f)) return false;
      }
      return true;
    default: return false;
  }
}

}  // namespace

bool is_positive(const Expr& e) {
  switch (e.kind()) {
    case Kind::Number: return e.number().is_positive();
    case Kind::Constant: return true;
    case Kind::Pow: return e.base().is_e() || is_positive(e.base());
    case Kind::Func: return function_info(e.fn()).sign == FunctionSign::Positive;
    case Kind::Add: {
      bool some_positive = false;
      for (const Expr& t : e.args()) {
        if (!is_nonnegative(t)) return false;
        some_positive = some_positive || is_positive(t);
      }
      return some_positive;
    }
    case Kind::Mul:
      for (const Expr& f : e.args()) {
        if (!is_positive(f)) return false;
      }
      return true;
    default: return false;
  }
}

Fraction split_fraction(const Expr& e) {
  std::vector<Expr> top, bottom;
  const std::span<const Expr> factors = e.is(Kind::Mul) ? e.args() : std::span<const Expr>(&e, 1);
  for (const Expr& f : factors) {
    if (f.is(Kind::Pow) && f.exponent().is_integer() && f.exponent().number().is_negative()) {
      bottom.push_back(pow(f.base(), neg(f.exponent())));
    } else {
      top.push_back(f);
    }
  }
  return {mul(top), mul(bottom)};
}

Expr fold_kept_roots(const Expr& e, const std::function<bool(const Expr&)>& nonnegative) {
  if (e.args().empty()) return e;
  std::vector<Expr> args;
  args.reserve(e.args().size());
  for (const Expr& a : e.args()) args.push_back(fold_kept_roots(a, nonnegative));
  if (e.is(Kind::Pow) && args[0].is(Kind::Pow) && nonnegative(args[0].base())) {
    return pow(args[0].base(), mul(args[0].exponent(), args[1]));
  }
  return rebuild(e, std::move(args));
}

Expr rewrite(const Expr& e, const std::function<std::optional<Expr>(const Expr&)>& rewrite_node) {
  std::unordered_map<const Node*, Expr> memo;
  auto walk = [&](auto&& self, const Expr& x) -> Expr {
    if (auto value = rewrite_node(x)) return *value;
    if (x.args().empty()) return x;
    if (auto it = memo.find(x.node()); it != memo.end()) return it->second;
    std::vector<Expr> args;
    args.reserve(x.args().size());
    for (const Expr& a : x.args()) args.push_back(self(self, a));
    Expr result = rebuild(x, std::move(args));
    memo.emplace(x.node(), result);
    return result;
  };
  return walk(walk, e);
}

Expr replace(const Expr& e, const Expr& from, const Expr& to) {
  return rewrite(e, [&](const Expr& x) { return x == from ? std::optional(to) : std::nullopt; });
}

}  // namespace leibniz::integration
