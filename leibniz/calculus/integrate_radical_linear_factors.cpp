// Roots of products of two linear factors written as roots of their quotient, so that
// the substitution rule's u = ((L₁/L₂))^(1/n) rationalizes them:
//   (c·L₁^k₁·L₂^k₂)^(1/n) = L₂^m·(c·L₁/L₂ ... )  with m = (k₁ + k₂)/n an integer,
// precisely c^(1/n)·L₂^m·(L₁/L₂)^(k₁/n) for an odd n (real odd roots multiply), and
// |c|^(1/n)·|L₂|^m·(σ·L₁/L₂)^(k₁/n) for an even n and odd k₁, σ the sign of c, wherever
// the radicand is positive (there σ·L₁/L₂ ≥ 0). The radicand is factored over ℚ first,
// so x³ − 5x² + 3x + 9 = (x + 1)(x − 3)², and n-th powers come out of the root first
// (√((x + 1)(x − 3)²) = |x − 3|·√(x + 1)). Roots of two linear bases in one product are
// joined first when their indices are all odd (or all even, where both bases are ≥ 0):
// (x − 1)^(1/3)·(x + 2)^(2/3) = ((x − 1)(x + 2)²)^(1/3).
#include <gmpxx.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <vector>

#include "leibniz/calculus/cancel.h"
#include "leibniz/calculus/integrate_rules.h"
#include "leibniz/expr/builders.h"

namespace leibniz::integration {
namespace {

constexpr long kMaxRootIndex = 12;
constexpr long kMaxFactorPower = 40;

struct LinearPower {
  Expr base;  // linear in x
  long power;
};

// A radicand c·L₁^k₁·…: its factor free of x and its linear factors with their integer
// powers; nullopt when a factor over ℚ is not linear or a power is past the bound.
struct LinearFactors {
  Expr constant;
  std::vector<LinearPower> factors;
};

bool add_factors(Integrator& in, const Expr& product, long sign, std::vector<LinearPower>& out) {
  const std::span<const Expr> parts =
      product.is(Kind::Mul) ? product.args() : std::span<const Expr>(&product, 1);
  for (const Expr& f : parts) {
    if (!in.depends(f)) continue;
    Expr base = f;
    long k = 1;
    if (f.is(Kind::Pow) && f.exponent().is_integer()) {
      const auto power = f.exponent().number().to_long();
      if (!power || *power > kMaxFactorPower || *power < -kMaxFactorPower) return false;
      base = f.base();
      k = *power;
    }
    if (!linear_in(in, base)) return false;
    bool merged = false;
    for (LinearPower& known : out) {
      if (known.base == base) {
        known.power += sign * k;
        merged = true;
      }
    }
    if (!merged) out.push_back({base, sign * k});
  }
  return true;
}

std::optional<LinearFactors> linear_factors(Integrator& in, const Expr& radicand) {
  // cancel factors the denominator over ℚ: that of 1/B is B's numerator.
  const auto down = cancel(div(integer(1), radicand));
  const auto up = cancel(radicand);
  if (!down || !up) return std::nullopt;
  std::vector<LinearPower> factors;
  if (!add_factors(in, split_fraction(*down).denominator, 1, factors) ||
      !add_factors(in, split_fraction(*up).denominator, -1, factors)) {
    return std::nullopt;
  }
  std::vector<LinearPower> present;
  std::vector<Expr> product;
  for (const LinearPower& f : factors) {
    if (f.power == 0) continue;
    present.push_back(f);
    product.push_back(pow(f.base, f.power));
  }
  const auto constant = cancel(div(radicand, mul(product)));
  if (!constant || in.depends(*constant) || constant->is_zero()) return std::nullopt;
  return LinearFactors{*constant, present};
}

long floor_div(long a, long b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

// |L|^j, or L^j when j is even or the root's index odd (no sign to keep).
Expr pulled_power(const Expr& base, long j, bool even_index) {
  if (even_index && j % 2 != 0) return pow(func(Fn::Abs, base), j);
  return pow(base, j);
}

// c^(p/n), a real root: for an odd n of a negative number, −|c|^(p/n) when p is odd.
Expr constant_root(const Expr& c, const mpq_class& exponent) {
  if (!c.is_number() || !c.number().is_negative()) return pow(c, number(Number(exponent)));
  const Expr magnitude = pow(number(-c.number()), number(Number(exponent)));
  return exponent.get_num() % 2 == 0 ? magnitude : neg(magnitude);
}

// (c·Π Lᵢ^kᵢ)^(p/n) as integer powers of the Lᵢ (or their absolute values) times a power
// of one linear or linear fractional base; nullopt when the factors do not allow it.
std::optional<Expr> split_root(const LinearFactors& radicand, long p, long n) {
  const bool even = n % 2 == 0;
  std::vector<Expr> outside;
  std::vector<LinearPower> inside;
  for (const LinearPower& f : radicand.factors) {
    // Lᵏ = (L^j)ⁿ·L^(k − j·n) with 0 ≤ k − j·n < n.
    const long j = floor_div(f.power, n);
    if (j != 0) outside.push_back(pulled_power(f.base, j * p, even));
    if (f.power - j * n != 0) inside.push_back({f.base, f.power - j * n});
  }
  const Expr& c = radicand.constant;
  if (inside.size() == 1) {
    if (outside.empty()) return std::nullopt;  // already a root of a linear base
    outside.push_back(constant_root(c, mpq_class(p, n)));
    outside.push_back(pow(pow(inside[0].base, inside[0].power), number(Number(mpq_class(p, n)))));
    return mul(outside);
  }
  if (inside.size() != 2) return std::nullopt;
  // √(c·L₁·L₂) is a root of a quadratic, for the methods of those (asec's √(x² − 1)).
  if (n == 2 && std::all_of(radicand.factors.begin(), radicand.factors.end(),
                            [](const LinearPower& f) { return std::abs(f.power) == 1; })) {
    return std::nullopt;
  }
  // Written over the whole factors again when k₁ + k₂ is a multiple of n, so that no
  // absolute value is pulled out: (x + 1)³(x − 2) = (x − 2)⁴·((x + 1)/(x − 2))³.
  std::vector<LinearPower> two = inside;
  if ((radicand.factors.size() == 2) &&
      (radicand.factors[0].power + radicand.factors[1].power) % n == 0) {
    two = radicand.factors;
    outside.clear();
  }
  if ((two[0].power + two[1].power) % n != 0) return std::nullopt;
  if (even && two[0].power % 2 == 0) std::swap(two[0], two[1]);
  if (even && (two[0].power % 2 == 0 || !c.is_number())) return std::nullopt;
  const long m = (two[0].power + two[1].power) / n;
  Expr quotient = div(two[0].base, two[1].base);
  Expr factor = constant_root(c, mpq_class(p, n));
  if (even) {
    factor = pow(number(c.number().is_negative() ? -c.number() : c.number()),
                 number(Number(mpq_class(p, n))));
    if (c.number().is_negative()) quotient = neg(quotient);
  }
  outside.push_back(factor);
  outside.push_back(pulled_power(two[1].base, m * p, even));
  outside.push_back(pow(quotient, number(Number(mpq_class(two[0].power * p, n)))));
  return mul(outside);
}

bool is_root_power(Integrator& in, const Expr& e) {
  return e.is(Kind::Pow) && in.depends(e.base()) && e.exponent().is_number() &&
         e.exponent().number().is_exact() && !e.exponent().number().is_integer() &&
         e.exponent().number().exact().get_den() <= kMaxRootIndex &&
         abs(e.exponent().number().exact().get_num()) <= kMaxFactorPower;
}

// A root of a product of linear factors, split; nullopt when not such a root.
std::optional<Expr> split_root_node(Integrator& in, const Expr& e) {
  if (!is_root_power(in, e) || linear_in(in, e.base())) return std::nullopt;
  const auto radicand = linear_factors(in, e.base());
  if (!radicand || radicand->factors.size() < 2) return std::nullopt;
  // c·L₁/L₂ is the linear fractional base the substitution rule takes as it is.
  const auto& f = radicand->factors;
  if (f.size() == 2 && f[0].power + f[1].power == 0 && std::abs(f[0].power) == 1) {
    return std::nullopt;
  }
  const mpq_class& exponent = e.exponent().number().exact();
  return split_root(*radicand, exponent.get_num().get_si(), exponent.get_den().get_si());
}

// A product's roots of two linear bases joined into one root's split form; nullopt when
// the product has no two such roots or their indices differ in parity.
std::optional<Expr> joined_roots(Integrator& in, const Expr& e) {
  if (!e.is(Kind::Mul)) return std::nullopt;
  std::vector<Expr> rest;
  std::vector<std::pair<Expr, mpq_class>> roots;
  for (const Expr& f : e.args()) {
    if (is_root_power(in, f) && linear_in(in, f.base()) &&
        (roots.empty() || (roots.size() == 1 && roots[0].first != f.base()))) {
      roots.emplace_back(f.base(), f.exponent().number().exact());
    } else {
      rest.push_back(f);
    }
  }
  if (roots.size() != 2) return std::nullopt;
  const mpz_class& q1 = roots[0].second.get_den();
  const mpz_class& q2 = roots[1].second.get_den();
  if ((q1 % 2 == 0) != (q2 % 2 == 0)) return std::nullopt;
  const mpz_class q = lcm(q1, q2);
  if (q > kMaxRootIndex) return std::nullopt;
  const long n = q.get_si();
  LinearFactors radicand{integer(1), {}};
  for (const auto& [base, exponent] : roots) {
    const mpq_class k = exponent * n;
    radicand.factors.push_back({base, k.get_num().get_si()});
  }
  const auto split = split_root(radicand, 1, n);
  if (!split) return std::nullopt;
  rest.push_back(*split);
  return mul(rest);
}

}  // namespace

Expr linear_factor_roots_rule(Integrator& in, const Expr& e) {
  bool changed = false;
  const Expr form = rewrite(e, [&](const Expr& node) -> std::optional<Expr> {
    if (!in.depends(node)) return node;
    std::optional<Expr> split = joined_roots(in, node);
    if (!split) split = split_root_node(in, node);
    if (split) changed = true;
    return split;
  });
  if (!changed || form == e) return {};
  return in.rewritten<Rule::Rewrite>(
      {"linear-factor-roots",
       "(c·L₁^k₁·L₂^k₂)^(1/n) = c^(1/n)·L₂^((k₁ + k₂)/n)·(L₁/L₂)^(k₁/n) (|L₂|, |c| and "
       "the sign of c inside for an even n), n-th powers taken out of the root"},
      e, form);
}

}  // namespace leibniz::integration
