// Square roots of quadratics: P(x)·q^(k/2) with q = A·x² + B·x + C (rational
// coefficients), P a polynomial, k ≥ −1 odd. Writing the integrand as P̃/√q,
// ∫ P̃/√q dx = R(x)·√q + λ·∫ dx/√q with deg R = deg P̃ − 1 (the coefficients come from
// P̃ = R'·q + R·q'/2 + λ, solved from the top degree down), and ∫ dx/√q is an arcsin
// (A < 0) or a logarithm (A > 0) after completing the square. Over xᵐ the same idea with
// R·√q/xᵐ⁻¹ and a third base integral ∫ dx/(x·√q); and square roots in one product are
// first combined into one where that is valid.
#include <fmt/format.h>

#include <algorithm>

#include "leibniz/calculus/cancel.h"
#include "leibniz/calculus/expand.h"
#include "leibniz/calculus/integrate_rules.h"
#include "leibniz/calculus/linear_system.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/print.h"
#include "leibniz/expr/substitute.h"

namespace leibniz::integration {
namespace {

// q^(−k/2) for k up to this: the linear system has about k unknowns.
constexpr long kMaxRootPower = 41;

// ∫ dx/√q for q = A·x² + B·x + C; null when q < 0 everywhere.
Expr inverse_root_integral(const Expr& x, const Expr& q, const Number& A, const Number& B,
                           const Number& C) {
  const Number D = B * B - Number(4) * A * C;
  const Expr linear = add(mul(number(Number(2) * A), x), number(B));  // q' = 2Ax + B
  if (A.is_negative()) {
    if (!D.is_positive()) return {};
    // q = −A·(r² − t²), t = x + B/(2A): arcsin(−(2Ax + B)/√D)/√(−A).
    return div(func(Fn::Asin, div(neg(linear), sqrt_number(D))), sqrt_number(-A));
  }
  // ln|t + √(t² + m)|/√A with t = x + B/(2A), t² + m = q/A; positive when D < 0.
  const Expr t = add(x, number(B / (Number(2) * A)));
  const Expr argument = add(t, div(sqrt(q), sqrt_number(A)));
  const Expr log = D.is_negative() ? func(Fn::Ln, argument) : ln_abs(argument);
  return div(log, sqrt_number(A));
}

// ∫ dx/(x·√q) for q = A·x² + B·x + C with C ≠ 0 (t = 1/x): for C > 0
// −ln|((2C + B·x)/(2√C) + √q)/x|/√C, for C < 0 atan((B·x + 2C)/(2√(−C)·√q))/√(−C).
Expr inverse_x_root_integral(const Expr& x, const Expr& q, const Number& B, const Number& C) {
  const Expr linear = add(mul(number(B), x), number(Number(2) * C));
  if (C.is_positive()) {
    const Expr root_c = sqrt_number(C);
    const Expr argument = div(add(div(linear, mul(integer(2), root_c)), sqrt(q)), x);
    return neg(div(ln_abs(argument), root_c));
  }
  const Expr root_c = sqrt_number(-C);
  return div(func(Fn::Atan, div(linear, mul(mul(integer(2), root_c), sqrt(q)))), root_c);
}

// ℚ's arithmetic for solve_linear_system.
struct RationalField {
  static bool is_zero(const Number& a) { return a.is_zero(); }
  static Number divide(const Number& a, const Number& b) { return a / b; }
  static Number subtract_product(const Number& a, const Number& f, const Number& b) {
    return a - f * b;
  }
  static Number zero() { return Number(0); }
};

// Exact rational solution of M·v = b (M given row by row, b as its last column), free
// unknowns 0; nullopt when inconsistent.
std::optional<std::vector<Number>> solve(std::vector<std::vector<Number>> M, std::size_t unknowns) {
  return solve_linear_system(std::move(M), unknowns, RationalField{});
}

// ∫ P/(x^m·√q) dx, m ≥ 1, q(0) = C ≠ 0: R·√q/x^(m−1) + λ·∫ dx/√q + μ·∫ dx/(x·√q), the
// polynomial R and λ, μ from P = R′·q·x + (q′·x/2 − (m − 1)·q)·R + λ·x^m + μ·x^(m−1)
// (∫ dx/(x²·√(x² + 4)) = −√(x² + 4)/(4x)).
Expr over_power_of_x(Integrator& in, const Expr& e, const Expr& q_expr, const Number& A,
                     const Number& B, const Number& C, const Expr& p_over_xm) {
  if (C.is_zero()) return {};
  const Expr& x = in.var();
  for (long m = 1; m <= 8; ++m) {
    const auto p = exact_polynomial_coefficients(in, mul(p_over_xm, pow(x, m)));
    if (!p) continue;
    const long k = m - 1;
    const long d = std::max(static_cast<long>(p->size()) - 1, m);
    const long top = std::max({static_cast<long>(p->size()) - 1, d + 2, m});
    const std::size_t unknowns = static_cast<std::size_t>(d) + 3;  // r_0..r_d, λ, μ
    std::vector<std::vector<Number>> M(static_cast<std::size_t>(top) + 1,
                                       std::vector<Number>(unknowns + 1, Number(0)));
    auto at = [&](long power, std::size_t unknown) -> Number& {
      return M[static_cast<std::size_t>(power)][unknown];
    };
    for (long j = 0; j <= d; ++j) {
      const auto u = static_cast<std::size_t>(j);
      at(j + 2, u) = at(j + 2, u) + Number(j) * A + A * Number(1 - k);
      at(j + 1, u) = at(j + 1, u) + Number(j) * B + B * (Number::rational(1, 2) - Number(k));
      at(j, u) = at(j, u) + Number(j) * C - Number(k) * C;
    }
    at(m, unknowns - 2) = Number(1);
    at(m - 1, unknowns - 1) = Number(1);
    for (std::size_t i = 0; i < p->size(); ++i) M[i][unknowns] = (*p)[i];
    const auto v = solve(std::move(M), unknowns);
    if (!v) return {};
    const Number lambda = (*v)[unknowns - 2], mu = (*v)[unknowns - 1];
    std::vector<Expr> r_terms;
    for (long j = 0; j <= d; ++j)
      r_terms.push_back(mul(number((*v)[static_cast<std::size_t>(j)]), pow(x, j)));
    const Expr R = add(r_terms);
    std::vector<Expr> terms{div(mul(R, sqrt(q_expr)), pow(x, k))};
    if (!lambda.is_zero()) {
      const Expr base = inverse_root_integral(x, q_expr, A, B, C);
      if (base.is_null()) return {};
      terms.push_back(mul(number(lambda), base));
    }
    if (!mu.is_zero()) terms.push_back(mul(number(mu), inverse_x_root_integral(x, q_expr, B, C)));
    const Expr result = add(terms);
    in.step<Rule::RootOfQuadratic>(
        e, result,
        {.row = {"over-power-of-x",
                 "square root of a quadratic over xᵐ: ∫ P/(xᵐ·√q) dx = R·√q/xᵐ⁻¹ + λ·∫ "
                 "dx/√q + μ·∫ dx/(x·√q)"},
         .q = q_expr,
         .R = R,
         .lambda = number(lambda),
         .mu = number(mu)});
    return result;
  }
  return {};
}

// ∫ P/q^(m + 1/2) dx, m ≥ 1: R/q^(m − 1/2) + λ·∫ dx/√q, the polynomial R and λ from
// P = R′·q − (m − ½)·R·q′ + λ·q^m (∫ dx/(x² + 4)^(3/2) = x/(4·√(x² + 4))).
Expr over_root_power(Integrator& in, const Expr& e, const Expr& q_expr, const Number& A,
                     const Number& B, const Number& C, long m, const std::vector<Number>& p) {
  const long d = std::max(static_cast<long>(p.size()) - 1, 2 * m);
  const long top = std::max(static_cast<long>(p.size()) - 1, d + 1);
  const std::size_t unknowns = static_cast<std::size_t>(d) + 2;  // r_0..r_d, λ
  std::vector<std::vector<Number>> M(static_cast<std::size_t>(std::max(top, 2 * m)) + 1,
                                     std::vector<Number>(unknowns + 1, Number(0)));
  const Number half_m = Number(m) - Number::rational(1, 2);
  for (long j = 0; j <= d; ++j) {
    const auto u = static_cast<std::size_t>(j);
    // r_j·(j·x^(j−1)·q − (m − ½)·x^j·q′), q′ = 2A·x + B.
    auto add_to = [&](long power, const Number& value) {
      if (power >= 0)
        M[static_cast<std::size_t>(power)][u] = M[static_cast<std::size_t>(power)][u] + value;
    };
    add_to(j + 1, Number(j) * A - half_m * Number(2) * A);
    add_to(j, Number(j) * B - half_m * B);
    add_to(j - 1, Number(j) * C);
  }
  // λ·q^m.
  std::vector<Number> qm{Number(1)};
  for (long i = 0; i < m; ++i) {
    std::vector<Number> next(qm.size() + 2, Number(0));
    for (std::size_t k = 0; k < qm.size(); ++k) {
      next[k] = next[k] + qm[k] * C;
      next[k + 1] = next[k + 1] + qm[k] * B;
      next[k + 2] = next[k + 2] + qm[k] * A;
    }
    qm = std::move(next);
  }
  for (std::size_t k = 0; k < qm.size(); ++k) M[k][unknowns - 1] = qm[k];
  for (std::size_t i = 0; i < p.size(); ++i) M[i][unknowns] = p[i];
  const auto v = solve(std::move(M), unknowns);
  if (!v) return {};
  const Expr& x = in.var();
  const Number lambda = (*v)[unknowns - 1];
  std::vector<Expr> r_terms;
  for (long j = 0; j <= d; ++j) {
    r_terms.push_back(mul(number((*v)[static_cast<std::size_t>(j)]), pow(x, j)));
  }
  const Expr R = add(r_terms);
  std::vector<Expr> terms{div(R, pow(q_expr, number(half_m)))};
  if (!lambda.is_zero()) {
    const Expr base = inverse_root_integral(x, q_expr, A, B, C);
    if (base.is_null()) return {};
    terms.push_back(mul(number(lambda), base));
  }
  const Expr result = add(terms);
  in.step<Rule::RootOfQuadratic>(e, result,
                                 {.row = {"power",
                                          "a power of the square root of a quadratic: ∫ "
                                          "P/q^(m + 1/2) dx = R/q^(m − 1/2) + λ·∫ dx/√q"},
                                  .q = q_expr,
                                  .R = R,
                                  .lambda = number(lambda)});
  return result;
}

// ∫ f(x) dx = F(x − r) with F = ∫ f(t + r) dt, for a factor (x − r)^(−m) (r rational,
// r ≠ 0) among `factors`: the form over tᵐ that over_power_of_x integrates
// (∫ dx/((x − 1)·√(x² − 2x))).
Expr translated(Integrator& in, const Expr& e, const std::vector<Expr>& factors) {
  for (const Expr& f : factors) {
    if (!f.is(Kind::Pow) || !f.exponent().is_integer() || !f.exponent().number().is_negative()) {
      continue;
    }
    const auto linear = linear_in(in, f.base());
    if (!linear || !linear->a.is_number() || !linear->b.is_number() || linear->b.is_zero()) {
      continue;
    }
    const Expr r = number(-linear->b.number() / linear->a.number());
    const Expr t = in.fresh_symbol(e);
    Substitution values;
    values.emplace(in.var().node(), add(t, r));
    const Expr shifted = substitute(e, values);
    const std::size_t index =
        in.open<Rule::Substitution>(e, {.variable = "t", .value = sub(in.var(), r)});
    const Expr F = in.antiderivative_in(shifted, t);
    if (F.is_null()) {
      in.abandon(index);
      return {};
    }
    Substitution back;
    back.emplace(t.node(), sub(in.var(), r));
    return in.finish(index, substitute(F, back));
  }
  return {};
}

}  // namespace

// √p·√q = √(p·q) and √p/√q = √(p/q) where both sides are defined, for square roots of
// polynomials in one product (p^(k/2) read as p^((k ∓ 1)/2)·√p^(±1)), the quotient cancelled: √(1 −
// x)/√(1 − x²) = 1/√(x + 1), √x·√(1 − x) = √(x − x²). Only when the cancelled quotient's numerator
// or denominator is a constant, so that √(N/D) splits into √N/√D (or √(−N)/√(−D)) without a sign
// question.
Expr combined_roots_rule(Integrator& in, const Expr& e) {
  if (!e.is(Kind::Mul)) return {};
  std::vector<Expr> radicand, rest;
  for (const Expr& f : e.args()) {
    if (f.is(Kind::Pow) && in.depends(f) && f.exponent().is_number() &&
        f.exponent().number().is_exact() && f.exponent().number().exact().get_den() == 2 &&
        abs(f.exponent().number().exact().get_num()) <= kMaxRootPower &&
        polynomial_coefficients(in, f.base())) {
      // p^(k/2) = p^((k ∓ 1)/2)·√p^(±1).
      const long k = f.exponent().number().exact().get_num().get_si();
      const long sign = k > 0 ? 1 : -1;
      radicand.push_back(pow(f.base(), sign));
      if (k != sign) rest.push_back(pow(f.base(), (k - sign) / 2));
    } else {
      rest.push_back(f);
    }
  }
  if (radicand.size() < 2) return {};
  const auto cancelled = cancel(mul(radicand));
  if (!cancelled) return {};
  std::vector<Expr> top, bottom;
  const std::span<const Expr> factors =
      cancelled->is(Kind::Mul) ? cancelled->args() : std::span<const Expr>(&*cancelled, 1);
  for (const Expr& f : factors) {
    if (f.is(Kind::Pow) && f.exponent().is_integer() && f.exponent().number().is_negative()) {
      bottom.push_back(pow(f.base(), neg(f.exponent())));
    } else {
      top.push_back(f);
    }
  }
  Expr N = mul(top), D = mul(bottom);
  if (in.depends(N) && in.depends(D)) return {};
  const Expr constant = in.depends(N) ? D : N;
  if (!constant.is_number() || constant.is_zero()) return {};
  if (constant.number().is_negative()) {  // N/D = (−N)/(−D)
    N = expand(neg(N));
    D = expand(neg(D));
  }
  const Expr form = mul(mul(rest), div(sqrt(N), sqrt(D)));
  return in.rewritten<Rule::Rewrite>(
      {"combine-roots", "√p·√q = √(p·q), √p/√q = √(p/q) where the roots are defined"}, e, form);
}

Expr radical_rule(Integrator& in, const Expr& e) {
  const std::span<const Expr> factors = e.is(Kind::Mul) ? e.args() : std::span<const Expr>(&e, 1);
  for (std::size_t i = 0; i < factors.size(); ++i) {
    const Expr& f = factors[i];
    if (!f.is(Kind::Pow) || !f.exponent().is_number() || !f.exponent().number().is_exact())
      continue;
    const mpq_class& k2 = f.exponent().number().exact();
    // The lift below is a machine integer: refuse exponents past one, never wrap.
    if (k2.get_den() != 2 || k2 * 2 < -kMaxRootPower || !k2.get_num().fits_slong_p()) continue;
    const auto q = exact_polynomial_coefficients(in, f.base());
    if (!q || q->size() != 3) continue;
    if (k2 < -1) {
      std::vector<Expr> others;
      for (std::size_t j = 0; j < factors.size(); ++j) {
        if (j != i) others.push_back(factors[j]);
      }
      const auto p = exact_polynomial_coefficients(in, mul(others));
      if (!p) continue;
      const long m = (-k2.get_num().get_si() - 1) / 2;
      if (Expr r = over_root_power(in, e, f.base(), (*q)[2], (*q)[1], (*q)[0], m, *p);
          !r.is_null()) {
        return r;
      }
      continue;
    }
    std::vector<Expr> rest;
    for (std::size_t j = 0; j < factors.size(); ++j) {
      if (j != i) rest.push_back(factors[j]);
    }
    // P̃ = P·q^((k+1)/2), so that the integrand is P̃/√q.
    const long lift = (k2.get_num().get_si() + 1) / 2;
    const Number &C = (*q)[0], &B = (*q)[1], &A = (*q)[2];
    const auto p = exact_polynomial_coefficients(in, mul(mul(rest), pow(f.base(), lift)));
    if (!p) {
      const Expr r = over_power_of_x(in, e, f.base(), A, B, C, mul(mul(rest), pow(f.base(), lift)));
      if (!r.is_null()) return r;
      if (Expr t = translated(in, e, rest); !t.is_null()) return t;
      continue;
    }
    const long n = static_cast<long>(p->size()) - 1;  // deg P̃
    // r_{j−1} = (P̃_j − (j + ½)·B·r_j − (j + 1)·C·r_{j+1})/(j·A), from j = n down to 1.
    std::vector<Number> r(static_cast<std::size_t>(n) + 2, Number(0));
    for (long j = n; j >= 1; --j) {
      const Number value =
          (*p)[j] - (Number(j) + Number::rational(1, 2)) * B * r[j] - Number(j + 1) * C * r[j + 1];
      r[j - 1] = value / (Number(j) * A);
    }
    const Number lambda = (*p)[0] - Number::rational(1, 2) * B * r[0] - C * r[1];
    const Expr& x = in.var();
    Expr base_integral;
    if (!lambda.is_zero()) {
      base_integral = inverse_root_integral(x, f.base(), A, B, C);
      if (base_integral.is_null()) continue;
    }
    std::vector<Expr> r_terms;
    for (long j = 0; j < n; ++j) r_terms.push_back(mul(number(r[j]), pow(x, j)));
    const Expr R = add(r_terms);
    Expr result = mul(R, sqrt(f.base()));
    if (!lambda.is_zero()) result = add(result, mul(number(lambda), base_integral));
    in.step<Rule::RootOfQuadratic>(e, result, {.q = f.base(), .R = R, .lambda = number(lambda)});
    return result;
  }
  return general_root_of_quadratic(in, e);
}

}  // namespace leibniz::integration
