// Partial fractions with symbolic coefficients: P/(K·Π fᵢ^mᵢ), each fᵢ linear or quadratic
// in x with coefficients in ℚ(a, b, …) (cancel factors the denominator over ℚ[a, b, …, x]).
// Polynomial arithmetic over ℚ(a, b, …) with every coefficient brought to cancel's
// canonical form, so a coefficient is zero exactly when it prints as 0. Each part
// Aⱼ/fʲ integrates to ln, powers, and for a quadratic the reduction formula down to
// ∫ dx/f, an arctangent or a logarithm by the sign of 4αγ − β²: taken only when that
// sign shows (4αγ − β² = ±s² with s real, or ±(a² + 1)), else refused naming the split.
#include <fmt/format.h>

#include <optional>
#include <span>
#include <vector>

#include "leibniz/calculus/cancel.h"
#include "leibniz/calculus/integrate_rational.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/print.h"

namespace leibniz::integration {
namespace {

constexpr long kMaxMultiplicity = 30;  // beyond, the coefficients' sizes grow out of reach

// c[k] multiplies xᵏ; no trailing zeros (the zero polynomial is empty).
using Coefficients = std::vector<Expr>;

struct NotCanonical {};  // a coefficient cancel cannot bring to canonical form

Expr normal(const Expr& c) {
  const std::optional<Expr> r = cancel(c);
  if (!r) throw NotCanonical{};
  return *r;
}

Coefficients trimmed(Coefficients p) {
  while (!p.empty() && p.back().is_zero()) p.pop_back();
  return p;
}

long degree(const Coefficients& p) { return static_cast<long>(p.size()) - 1; }

Coefficients product(const Coefficients& a, const Coefficients& b) {
  if (a.empty() || b.empty()) return {};
  std::vector<std::vector<Expr>> sums(a.size() + b.size() - 1);
  for (std::size_t i = 0; i < a.size(); ++i) {
    for (std::size_t j = 0; j < b.size(); ++j) sums[i + j].push_back(mul(a[i], b[j]));
  }
  Coefficients c;
  for (auto& s : sums) c.push_back(normal(add(s)));
  return trimmed(std::move(c));
}

Coefficients coefficients_power(const Coefficients& f, long m) {
  Coefficients p{integer(1)};
  for (long k = 0; k < m; ++k) p = product(p, f);
  return p;
}

// a = q·b + r with deg r < deg b (b nonzero).
void divide(Coefficients a, const Coefficients& b, Coefficients& q, Coefficients& r) {
  q.assign(a.size() >= b.size() ? a.size() - b.size() + 1 : 0, integer(0));
  for (long k = degree(a); k >= degree(b); --k) {
    const Expr c = normal(div(a[k], b.back()));
    q[k - degree(b)] = c;
    for (std::size_t j = 0; j < b.size(); ++j) {
      Expr& t = a[k - degree(b) + j];
      t = normal(sub(t, mul(c, b[j])));
    }
  }
  a.resize(std::min(a.size(), b.size() - 1));
  r = trimmed(std::move(a));
  q = trimmed(std::move(q));
}

Coefficients difference(const Coefficients& a, const Coefficients& b) {
  Coefficients c(std::max(a.size(), b.size()), integer(0));
  for (std::size_t k = 0; k < c.size(); ++k) {
    c[k] = normal(sub(k < a.size() ? a[k] : integer(0), k < b.size() ? b[k] : integer(0)));
  }
  return trimmed(std::move(c));
}

// s with s·a ≡ 1 mod m, by the extended Euclidean algorithm; nullopt when a and m
// have a common factor.
std::optional<Coefficients> inverse_mod(const Coefficients& a, const Coefficients& m) {
  Coefficients r0 = m, r1, s0, s1{integer(1)}, q, unused;
  divide(a, m, unused, r1);
  while (degree(r1) > 0) {
    Coefficients r;
    divide(r0, r1, q, r);
    Coefficients s = difference(s0, product(q, s1));
    r0 = std::move(r1), r1 = std::move(r);
    s0 = std::move(s1), s1 = std::move(s);
  }
  if (r1.empty()) return std::nullopt;
  return product(s1, {normal(pow(r1[0], -1))});
}

Expr to_expr(const Coefficients& p, const Expr& x) {
  std::vector<Expr> terms;
  for (std::size_t k = 0; k < p.size(); ++k)
    terms.push_back(mul(p[k], pow(x, static_cast<long>(k))));
  return add(terms);
}

// The sign condition for the obstacle: d without a positive number as factor (4·a → a).
Expr without_positive_factor(const Expr& d) {
  if (!d.is(Kind::Mul)) return d;
  std::vector<Expr> rest;
  for (const Expr& f : d.args()) {
    if (!(f.is_number() && f.number().is_positive())) rest.push_back(f);
  }
  return mul(rest);
}

// ∫ dx/fʲ for f = α·x² + β·x + γ; with u = 2α·x + β and D = 4αγ − β², 4α·f = u² + D and
// ∫ dx/fʲ = (4α)ʲ/(2α)·Jⱼ, Jⱼ = ∫ du/(u² + D)ʲ = u/(2D(j − 1)(u² + D)^(j−1)) +
// (2j − 3)/(2D(j − 1))·Jⱼ₋₁; J₁ = atan(u/s)/s for D = s², ln|(u − s)/(u + s)|/(2s) for
// D = −s² (any real s ≠ 0). The powers (u² + D)ᵏ are written (4α·f)ᵏ. Null, with the
// obstacle noted, when neither D nor −D is visibly a square.
Expr inverse_quadratic_power(Integrator& in, const Coefficients& f, long j, const Expr& x) {
  const Expr &alpha = f[2], &beta = f[1], &gamma = f[0];
  const Expr fx = to_expr(f, x);
  const Expr D = normal(sub(mul({integer(4), alpha, gamma}), pow(beta, 2)));
  const Expr u = add(mul({integer(2), alpha, x}), beta);
  auto square_root = [](const Expr& r) {  // visibly a square, or positive (a² + 1)
    if (Expr s = visible_square_root(r); !s.is_null() || !is_positive(r)) return s;
    // r = d/n with n a number (cancel factors 1/r's denominator): 4·a² + 4 → 2·√(a² + 1).
    const Fraction parts = split_fraction(normal(pow(r, -1)));
    if (parts.numerator.is_number() && parts.numerator.number().is_positive()) {
      return div(sqrt(parts.denominator), sqrt_number(parts.numerator.number()));
    }
    return sqrt(r);
  };
  Expr base;
  if (const Expr s = square_root(D); !s.is_null()) {
    base = div(func(Fn::Atan, div(u, s)), s);
  } else if (const Expr r = square_root(normal(neg(D))); !r.is_null()) {
    base = div(ln_abs(div(sub(u, r), add(u, r))), mul(integer(2), r));
  } else {
    const std::string sign = print_text(without_positive_factor(D));
    in.note_obstacle(fmt::format(
        "∫ dx/({}) is an arctangent where {} > 0 and a logarithm where {} < 0, and leibniz "
        "assumes no sign for a parameter",
        print_text(fx), sign, sign));
    return {};
  }
  // Jⱼ = Σₖ cₖ·u/(u² + D)ᵏ + c₀·J₁, built from the top so the sum stays flat.
  std::vector<Expr> terms;
  Expr carried = integer(1);
  for (long k = j; k >= 2; --k) {
    const Expr scale = mul({integer(2), D, integer(k - 1)});
    terms.push_back(
        mul({div(carried, scale), pow(mul(integer(4), alpha), 1 - k), u, pow(fx, 1 - k)}));
    carried = mul(carried, div(integer(2 * k - 3), scale));
  }
  terms.push_back(mul(carried, base));
  return mul(div(pow(mul(integer(4), alpha), j), mul(integer(2), alpha)), add(terms));
}

// ∫ A/fʲ for deg A < deg f.
Expr part_integral(Integrator& in, const Coefficients& f, const Coefficients& a, long j,
                   const Expr& x) {
  const Expr fx = to_expr(f, x);
  auto power_integral = [&](const Expr& c) {  // ∫ c·f′/fʲ
    return j == 1 ? mul(c, ln_abs(fx)) : div(mul(c, pow(fx, 1 - j)), integer(1 - j));
  };
  const Expr a0 = a.empty() ? integer(0) : a[0];
  if (f.size() == 2) return power_integral(div(a0, f[1]));
  // b·x + c = b/(2α)·f′ + (c − b·β/(2α)).
  const Expr b = a.size() > 1 ? a[1] : integer(0);
  const Expr half_slope = normal(div(b, mul(integer(2), f[2])));
  const Expr rest = normal(sub(a0, mul(half_slope, f[1])));
  std::vector<Expr> terms;
  if (!half_slope.is_zero()) terms.push_back(power_integral(half_slope));
  if (!rest.is_zero()) {
    const Expr inverse = inverse_quadratic_power(in, f, j, x);
    if (inverse.is_null()) return {};
    terms.push_back(mul(rest, inverse));
  }
  return add(terms);
}

Expr partial_fractions(Integrator& in, const Expr& e, const Expr& numerator,
                       const Expr& denominator) {
  const Expr& x = in.var();
  // K·Π fᵢ^mᵢ, each fᵢ of degree 1 or 2 in x.
  const auto split = powers_of_factors(in, denominator);
  if (!split) return {};
  const std::vector<Expr>& constant = split->constant;
  std::vector<std::pair<Coefficients, long>> factors;
  for (const auto& [base, m] : split->powers) {
    if (m < 1 || m > kMaxMultiplicity) return {};
    const auto c = polynomial_coefficients(in, base);
    if (!c || c->size() < 2) return {};
    if (c->size() > 3) {
      in.note_obstacle(fmt::format(
          "{} has degree {} in {} and symbolic coefficients, and leibniz splits such factors "
          "only of degree 1 and 2",
          print_text(base), c->size() - 1, x.name()));
      return {};
    }
    Coefficients p;
    for (const Expr& k : *c) p.push_back(normal(k));
    factors.emplace_back(trimmed(std::move(p)), m);
  }
  const auto top = polynomial_coefficients(in, numerator);
  if (factors.empty() || !top) return {};
  Coefficients bottom{integer(1)};
  for (const auto& [f, m] : factors) bottom = product(bottom, coefficients_power(f, m));
  Coefficients scaled_top;
  for (const Expr& c : *top) scaled_top.push_back(normal(div(c, mul(constant))));
  Coefficients quotient, remainder;
  divide(trimmed(std::move(scaled_top)), bottom, quotient, remainder);

  std::vector<Expr> decomposition{to_expr(quotient, x)}, antiderivative;
  for (std::size_t k = 0; k < quotient.size(); ++k) {
    const long p = static_cast<long>(k) + 1;
    antiderivative.push_back(div(mul(quotient[k], pow(x, p)), integer(p)));
  }
  // R/Q = Σᵢ Cᵢ/fᵢ^mᵢ with Cᵢ = R·(Q/fᵢ^mᵢ)⁻¹ mod fᵢ^mᵢ; then Cᵢ in powers of fᵢ.
  for (const auto& [f, m] : factors) {
    const Coefficients whole = coefficients_power(f, m);
    Coefficients cofactor, unused, c;
    divide(bottom, whole, cofactor, unused);
    const auto inverse = inverse_mod(cofactor, whole);
    if (!inverse) return {};  // a factor shared with another, at every parameter value
    divide(product(remainder, *inverse), whole, unused, c);
    for (long j = m; j >= 1; --j) {
      Coefficients next, a;
      divide(c, f, next, a);
      c = std::move(next);
      if (a.empty()) continue;
      const Expr term = part_integral(in, f, a, j, x);
      if (term.is_null()) return {};
      decomposition.push_back(div(to_expr(a, x), pow(to_expr(f, x), j)));
      antiderivative.push_back(term);
    }
  }
  const Expr result = add(antiderivative);
  in.step<Rule::PartialFractions>(
      e, result,
      {.row = {"symbolic-partial-fractions",
               "over ℚ(a, b, …), N/Q = Σ Aᵢⱼ/fᵢʲ; ∫ dx/(α·x² + β·x + γ) = 2·atan((2α·x + β)/s)/s "
               "for 4αγ − β² = s², ln|(2α·x + β − s)/(2α·x + β + s)|/s for 4αγ − β² = −s²"},
       .decomposition = add(decomposition),
       .denominator = denominator});
  return result;
}

}  // namespace

Expr symbolic_partial_fractions(Integrator& in, const Expr& e, const Expr& numerator,
                                const Expr& denominator) {
  try {
    return partial_fractions(in, e, numerator, denominator);
  } catch (const NotCanonical&) {
    return {};
  }
}

}  // namespace leibniz::integration
