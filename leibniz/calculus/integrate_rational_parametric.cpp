// Rational functions whose coefficients hold symbols (a, b, …): distinct linear factors
// by their residues; powers of α·x² + γ by the reduction formula; long division by a
// denominator of degree 1 or α·x² + γ, then ∫ c/(α·x + β) = c·ln|α·x + β|/α,
// ∫ x/(α·x² + γ) = ln|α·x² + γ|/(2α), and ∫ 1/(α·x² + γ) by atan or ln when γ/α is a
// visible square ±s². Generic answers: they hold wherever they are defined (s ≠ 0, α ≠ 0).
#include <optional>
#include <span>
#include <vector>

#include "leibniz/calculus/cancel.h"
#include "leibniz/calculus/expand.h"
#include "leibniz/calculus/integrate_rational.h"
#include "leibniz/calculus/simplify.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/substitute.h"

namespace leibniz::integration {

Expr visible_square_root(const Expr& r) {
  if (r.is_number()) {
    if (!r.number().is_exact() || !r.number().is_positive()) return {};
    return sqrt_number(r.number());
  }
  if (r.is(Kind::Pow) && r.exponent().is_integer()) {
    const auto k = r.exponent().number().to_long();
    if (!k || *k % 2 != 0) return {};
    return pow(r.base(), *k / 2);
  }
  if (r.is(Kind::Mul)) {
    std::vector<Expr> roots;
    for (const Expr& f : r.args()) {
      Expr root = visible_square_root(f);
      if (root.is_null()) return {};
      roots.push_back(root);
    }
    return mul(roots);
  }
  // An expanded square, a² + 2ab + b²: cancel factors a denominator, so 1/r shows it.
  if (r.is(Kind::Add)) {
    const std::optional<Expr> inverse = cancel(pow(r, -1));
    if (!inverse) return {};
    const Fraction f = split_fraction(*inverse);
    if (f.denominator.is(Kind::Add)) return {};  // not factored any further
    const Expr top = visible_square_root(f.denominator), bottom = visible_square_root(f.numerator);
    if (top.is_null() || bottom.is_null()) return {};
    return div(top, bottom);
  }
  return {};
}

namespace {

// ∫ c/(α·x² + γ): γ/α = s² gives c·atan(x/s)/(α·s), γ/α = −s² gives
// c·ln|(x − s)/(x + s)|/(2α·s); both hold for every real s ≠ 0, whatever its sign.
Expr inverse_quadratic(const Expr& x, const Expr& c, const Expr& alpha, const Expr& gamma) {
  const Expr ratio = simplify(div(gamma, alpha));
  const Expr k = div(c, alpha);
  if (const Expr s = visible_square_root(ratio); !s.is_null()) {
    return mul(div(k, s), func(Fn::Atan, div(x, s)));
  }
  if (const Expr r = visible_square_root(simplify(neg(ratio))); !r.is_null()) {
    return mul(div(k, mul(integer(2), r)), ln_abs(div(sub(x, r), add(x, r))));
  }
  return {};
}

// ∫ N/(K·Π Lᵢ) for distinct factors Lᵢ = αᵢ·x + βᵢ (symbolic, each once) and deg N below
// their number: Σ Aᵢ·ln|Lᵢ|/αᵢ with the residues Aᵢ = N(rᵢ)/(K·Π_{j≠i} Lⱼ(rᵢ)), rᵢ = −βᵢ/αᵢ
// (∫ dx/((x − a)(x − b)) = (ln|x − a| − ln|x − b|)/(a − b), for a ≠ b).
Expr distinct_linear_factors(Integrator& in, const Expr& e, const Expr& numerator,
                             const Expr& denominator) {
  if (!denominator.is(Kind::Mul)) return {};
  std::vector<Expr> constant, factors;
  for (const Expr& f : denominator.args()) {
    if (!in.depends(f)) {
      constant.push_back(f);
    } else if (linear_in(in, f)) {
      factors.push_back(f);
    } else {
      return {};
    }
  }
  const auto top = polynomial_coefficients(in, numerator);
  if (factors.size() < 2 || !top || top->size() > factors.size()) return {};
  const Expr& x = in.var();
  std::vector<Expr> terms;
  for (std::size_t i = 0; i < factors.size(); ++i) {
    const auto linear = linear_in(in, factors[i]);
    const Expr root = div(neg(linear->b), linear->a);
    Substitution at;
    at.emplace(x.node(), root);
    std::vector<Expr> others(constant);
    for (std::size_t j = 0; j < factors.size(); ++j) {
      if (j != i) others.push_back(substitute(factors[j], at));
    }
    const Expr other_product = simplify(mul(others));
    if (other_product.is_zero()) return {};  // two factors with the same root
    const Expr residue = simplify(div(substitute(numerator, at), mul(linear->a, other_product)));
    terms.push_back(mul(residue, ln_abs(factors[i])));
  }
  const Expr result = add(terms);
  in.step<Rule::PartialFractions>(
      e, result,
      {.row = {"distinct-linear-factors",
               "over distinct linear factors, Aᵢ = N(rᵢ)/Π_{j≠i} (rᵢ − rⱼ)"},
       .denominator = denominator});
  return result;
}

// Long division by a linear or α·x² + γ denominator, then ln and atan or ln terms.
Expr by_division(Integrator& in, const Expr& e, const Expr& numerator, const Expr& denominator) {
  auto top = polynomial_coefficients(in, numerator);
  const auto bottom = polynomial_coefficients(in, denominator);
  if (!top || !bottom || bottom->size() < 2 || bottom->size() > 3) return {};
  const std::size_t degree = bottom->size() - 1;
  if (degree == 2 && !(*bottom)[1].is_zero()) return {};
  const Expr& lead = bottom->back();
  const Expr& x = in.var();
  // Long division: N = Q·D + R.
  std::vector<Expr> integral;
  for (std::size_t k = top->size(); k-- > degree;) {
    const Expr q = simplify(div((*top)[k], lead));
    (*top)[k] = integer(0);
    for (std::size_t j = 0; j < degree; ++j) {
      Expr& c = (*top)[k - degree + j];
      c = simplify(sub(c, mul(q, (*bottom)[j])));
    }
    const long power = static_cast<long>(k - degree) + 1;
    integral.push_back(div(mul(q, pow(x, power)), integer(power)));
  }
  const Expr r0 = (*top)[0];
  const Expr r1 = degree == 2 && top->size() > 1 ? (*top)[1] : integer(0);
  if (!r0.is_zero()) {
    if (degree == 1) {
      integral.push_back(mul(div(r0, lead), ln_abs(denominator)));
    } else {
      const Expr term = inverse_quadratic(x, r0, lead, (*bottom)[0]);
      if (term.is_null()) return {};
      integral.push_back(term);
    }
  }
  if (!r1.is_zero()) integral.push_back(mul(div(r1, mul(integer(2), lead)), ln_abs(denominator)));
  const Expr result = add(integral);
  in.step<Rule::PartialFractions>(
      e, result,
      {.row = degree == 1
                  ? RuleRow{"symbolic-linear", "division, then ∫ c/(α·x + β) dx = c·ln|α·x + β|/α"}
                  : RuleRow{"symbolic-quadratic",
                            "division, then ∫ dx/(x² + a²) = atan(x/a)/a, ∫ dx/(x² − a²) = "
                            "ln|(x − a)/(x + a)|/(2a), ∫ x/(α·x² + γ) dx = ln|α·x² + γ|/(2α)"},
       .denominator = denominator});
  return result;
}

// c = Σ quotientₖ·xᵏ·(α·x² + γ) + remainder, remainder of degree < 2.
std::vector<Expr> divide_by_quadratic(std::vector<Expr>& c, const Expr& alpha, const Expr& gamma) {
  std::vector<Expr> quotient(c.size() > 2 ? c.size() - 2 : 0, integer(0));
  for (std::size_t k = c.size(); k-- > 2;) {
    const Expr q = simplify(div(c[k], alpha));
    c[k] = integer(0);
    c[k - 2] = simplify(sub(c[k - 2], mul(q, gamma)));
    quotient[k - 2] = q;
  }
  c.resize(2, integer(0));
  return quotient;
}

// ∫ N/(K·qᵐ) for q = α·x² + γ, m ≥ 2: N in powers of q, N = P·qᵐ + Σₖ (cₖ + dₖ·x)·qᵏ; then
// ∫ x/qʲ = q^(1−j)/(2α·(1 − j)) (ln|q|/(2α) for j = 1) and ∫ 1/qʲ = α^(−j)·Iⱼ by the reduction
// formula Iⱼ = x/(2μ(j − 1)·(x² + μ)^(j−1)) + (2j − 3)/(2μ(j − 1))·Iⱼ₋₁, μ = γ/α, with I₁ by atan
// or ln when μ = ±s² visibly (∫ dx/(x² + a²)² = x/(2a²(x² + a²)) + atan(x/a)/(2a³)).
Expr power_of_quadratic(Integrator& in, const Expr& e, const Expr& numerator,
                        const Expr& denominator) {
  // K·Π bᵢ^m: the bases' product q (cancel writes (x² − a²)² as (a + x)²·(a − x)²).
  const auto split = powers_of_factors(in, denominator);
  if (!split) return {};
  const std::vector<Expr>& constant = split->constant;
  std::vector<Expr> bases;
  std::optional<long> m;
  for (const auto& [base, k] : split->powers) {
    if (m && *m != k) return {};
    m = k;
    bases.push_back(base);
  }
  if (!m || *m < 2 || *m > 20) return {};
  const Expr q = bases.size() == 1 ? bases[0] : expand(mul(bases));
  const auto bottom = polynomial_coefficients(in, q);
  auto top = polynomial_coefficients(in, numerator);
  if (!bottom || !top || bottom->size() != 3 || !(*bottom)[1].is_zero()) return {};
  const Expr &x = in.var(), &alpha = (*bottom)[2], &gamma = (*bottom)[0];
  const Expr mu = simplify(div(gamma, alpha));
  const Expr x2mu = add(pow(x, 2), mu);
  Expr I = inverse_quadratic(x, integer(1), integer(1), mu);  // ∫ dx/(x² + μ)
  if (I.is_null()) return {};
  std::vector<Expr> inverse_powers{Expr(), I};  // Iⱼ
  for (long j = 2; j <= *m; ++j) {
    const Expr scale = mul({integer(2), mu, integer(j - 1)});
    I = add(div(x, mul(scale, pow(x2mu, j - 1))), mul(div(integer(2 * j - 3), scale), I));
    inverse_powers.push_back(I);
  }
  std::vector<Expr> terms;
  for (long k = 0; k < *m; ++k) {
    std::vector<Expr> digit(*top);
    *top = divide_by_quadratic(digit, alpha, gamma);
    const long j = *m - k;
    if (!digit[1].is_zero()) {
      const Expr x_over_q = j == 1 ? ln_abs(q) : div(pow(q, 1 - j), integer(1 - j));
      terms.push_back(mul(div(digit[1], mul(integer(2), alpha)), x_over_q));
    }
    if (!digit[0].is_zero()) terms.push_back(mul({digit[0], pow(alpha, -j), inverse_powers[j]}));
  }
  for (std::size_t k = 0; k < top->size(); ++k) {
    const long p = static_cast<long>(k) + 1;
    terms.push_back(div(mul((*top)[k], pow(x, p)), integer(p)));
  }
  const Expr result = div(add(terms), mul(constant));
  in.step<Rule::PartialFractions>(
      e, result,
      {.row = {"symbolic-quadratic-power",
               "N in powers of q = α·x² + γ; ∫ x/qʲ dx = q^(1−j)/(2α·(1 − j)) and ∫ dx/(x² + "
               "μ)ʲ by the reduction formula"},
       .denominator = denominator});
  return result;
}

}  // namespace

Expr parametric_rational(Integrator& in, const Expr& e, const Expr& numerator,
                         const Expr& denominator) {
  if (Expr r = by_division(in, e, numerator, denominator); !r.is_null()) return r;
  if (Expr r = power_of_quadratic(in, e, numerator, denominator); !r.is_null()) return r;
  if (Expr r = distinct_linear_factors(in, e, numerator, denominator); !r.is_null()) return r;
  return symbolic_partial_fractions(in, e, numerator, denominator);
}

}  // namespace leibniz::integration
