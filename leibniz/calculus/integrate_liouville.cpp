// ∫ r·e^g for g a non-constant polynomial and r = P/xᵏ (P a polynomial, a sum of such
// terms with one g), all with rational coefficients: R·e^g, or a proof that no elementary
// antiderivative exists. Liouville's theorem:
// ∫ r·e^g is elementary if and only if r = R′ + g′·R for a rational function R. Such an
// R has no pole but 0 (a pole of order m elsewhere gives R′ + g′R one of order m + 1,
// which r lacks), there of order at most k − 1; at infinity its degree N makes the
// leading term of R′ + g′R that of r: N = deg r − deg g′. So R is a Laurent polynomial
// Σ cⱼ·xʲ, k − 1 ≥ −j, j ≤ N, and R′ + g′R = r is a linear system over ℚ. A solution
// gives the answer R·e^g ((2x² + 1)·e^(x²) → x·e^(x²)); none proves that no elementary
// antiderivative exists (e^(x²), eˣ/x, (x + 1)·eˣ/x²).
#include <gmpxx.h>

#include <map>

#include "leibniz/calculus/integrate_rules.h"
#include "leibniz/calculus/linear_system.h"
#include "leibniz/expr/builders.h"

namespace leibniz::integration {
namespace {

// A Laurent polynomial with rational coefficients: degree → coefficient.
using Laurent = std::map<long, mpq_class>;

// The unknowns cⱼ of R beyond this are not tried (a proof needs few).
constexpr long kMaxUnknowns = 60;

enum class Outcome { Solved, NoSolution, Undecided };

struct Solution {
  Outcome outcome = Outcome::Undecided;
  Laurent R;
};

// The Laurent polynomial R with R′ + g′·R = r (see above), when there is one.
Solution solve_risch_equation(const Laurent& r, const std::vector<mpq_class>& g_prime, long k) {
  const long d = static_cast<long>(g_prime.size()) - 1;  // deg g′ ≥ 0
  const long lowest = k > 0 ? -(k - 1) : 0;
  const long highest = r.rbegin()->first - d;
  if (highest < lowest) return {Outcome::NoSolution, {}};  // R = 0, but r ≠ 0
  const long unknowns = highest - lowest + 1;
  if (unknowns > kMaxUnknowns) return {};
  // An equation for each degree a term can have.
  const long low_degree = std::min(lowest - 1, r.begin()->first);
  const long high_degree = std::max(highest + d, r.rbegin()->first);
  std::vector<std::vector<mpq_class>> rows(
      static_cast<std::size_t>(high_degree - low_degree + 1),
      std::vector<mpq_class>(static_cast<std::size_t>(unknowns + 1), 0));
  auto row = [&](long degree) -> std::vector<mpq_class>& {
    return rows[static_cast<std::size_t>(degree - low_degree)];
  };
  for (long j = lowest; j <= highest; ++j) {
    const auto column = static_cast<std::size_t>(j - lowest);
    if (j != 0) row(j - 1)[column] += j;  // (xʲ)′ = j·xʲ⁻¹
    for (long i = 0; i <= d; ++i) row(j + i)[column] += g_prime[static_cast<std::size_t>(i)];
  }
  for (const auto& [degree, c] : r) row(degree)[static_cast<std::size_t>(unknowns)] = c;
  const auto c =
      solve_linear_system(std::move(rows), static_cast<std::size_t>(unknowns), GmpRationalField{});
  if (!c) return {Outcome::NoSolution, {}};
  Solution solution{Outcome::Solved, {}};
  for (long j = lowest; j <= highest; ++j) {
    const mpq_class& cj = (*c)[static_cast<std::size_t>(j - lowest)];
    if (cj != 0) solution.R[j] = cj;
  }
  return solution;
}

// r·e^g read off e: r's Laurent coefficients (r ≠ 0), g′'s coefficients, r's pole order
// k at 0, and e^g itself.
struct ExponentialForm {
  Laurent r;
  std::vector<mpq_class> g_prime;
  long k = 0;
  Expr exponential;
};

// One term P/(c·xᵏ)·e^g into form (its g must be form's, when form has one).
bool add_term(Integrator& in, const Expr& term, ExponentialForm& form) {
  const Fraction fraction = split_fraction(term);
  const std::span<const Expr> factors = fraction.numerator.is(Kind::Mul)
                                            ? fraction.numerator.args()
                                            : std::span<const Expr>(&fraction.numerator, 1);
  Expr exponential;
  std::vector<Expr> rest;
  for (const Expr& f : factors) {
    if (f.is(Kind::Pow) && f.base().is_e() && in.depends(f.exponent())) {
      if (!exponential.is_null()) return false;
      exponential = f;
    } else {
      rest.push_back(f);
    }
  }
  if (exponential.is_null()) return false;
  if (form.exponential.is_null()) {
    const auto g = exact_polynomial_coefficients(in, exponential.exponent());
    if (!g || g->size() < 2) return false;
    for (std::size_t i = 1; i < g->size(); ++i) {
      form.g_prime.push_back((*g)[i].exact() * static_cast<long>(i));
    }
    form.exponential = exponential;
  } else if (exponential != form.exponential) {
    return false;
  }
  const auto p = exact_polynomial_coefficients(in, mul(rest));
  const auto q = exact_polynomial_coefficients(in, fraction.denominator);
  if (!p || !q || q->back().is_zero()) return false;
  // The denominator must be c·xᵏ.
  const long k = static_cast<long>(q->size()) - 1;
  for (long i = 0; i < k; ++i) {
    if (!(*q)[static_cast<std::size_t>(i)].is_zero()) return false;
  }
  form.k = std::max(form.k, k);
  for (std::size_t i = 0; i < p->size(); ++i) {
    if ((*p)[i].is_zero()) continue;
    mpq_class& c = form.r[static_cast<long>(i) - k];
    c += (*p)[i].exact() / q->back().exact();
    if (c == 0) form.r.erase(static_cast<long>(i) - k);
  }
  return true;
}

std::optional<ExponentialForm> exponential_form(Integrator& in, const Expr& e) {
  ExponentialForm form;
  const std::span<const Expr> terms = e.is(Kind::Add) ? e.args() : std::span<const Expr>(&e, 1);
  for (const Expr& t : terms) {
    if (!add_term(in, t, form)) return std::nullopt;
  }
  if (form.r.empty()) return std::nullopt;
  return form;
}

}  // namespace

Expr exponential_polynomial_rule(Integrator& in, const Expr& e) {
  const auto form = exponential_form(in, e);
  if (!form) return {};
  const Solution solution = solve_risch_equation(form->r, form->g_prime, form->k);
  if (solution.outcome != Outcome::Solved) return {};
  std::vector<Expr> terms;
  for (const auto& [j, c] : solution.R) terms.push_back(mul(number(Number(c)), pow(in.var(), j)));
  const Expr R = add(terms);
  const Expr result = mul(R, form->exponential);
  in.step<Rule::Rewrite>(
      e, result,
      {.row = {"risch-exponential", "∫ r·e^g = R·e^g where R′ + g′·R = r"}, .factor = R});
  return result;
}

bool proven_non_elementary(Integrator& in, const Expr& e) {
  const auto form = exponential_form(in, e);
  return form &&
         solve_risch_equation(form->r, form->g_prime, form->k).outcome == Outcome::NoSolution;
}

}  // namespace leibniz::integration
