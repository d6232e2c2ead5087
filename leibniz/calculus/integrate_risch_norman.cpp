// The Risch–Norman method (parallel Risch), in the manner of Bronstein's "poor man's
// integrator": tried once, after every rule has failed. The integrand f is a rational
// function P/Q of its kernels θ₀ = x, θ₁, … (integrate_risch_norman_tower.h), and D = q⁻¹·D̃
// with D̃ mapping polynomials to polynomials. We guess
//   ∫ f = A/C + Σ cᵢ·ln|pᵢ|,
// C = the special factors of Q (p | D̃p: eᵘ, 1 + tan²v) to their power, the others to
// their power less one (Hermite), and the special factors of q; pᵢ the irreducible factors
// of Q and q and the Darboux polynomials 1 + tan²v; A a polynomial of total degree at most
// 1 + deg(special part of q) + max(deg P, deg Q) with unknown coefficients. D(A/C) +
// Σ cᵢ·D̃pᵢ/(q·pᵢ) = P/Q over one common denominator is a linear system over ℚ in the
// unknowns; a solution is an antiderivative, none means only that this guess failed
// (the method is a heuristic: it proves nothing). The work is bounded: at most
// kMaxRischNormanUnknowns unknowns (the degree is lowered to fit), kMaxRischNormanEntries
// entries in the system, kRischNormanTermBudget terms in any polynomial.
#include <flint/fmpq.h>
#include <flint/fmpq_mpoly.h>
#include <flint/fmpq_mpoly_factor.h>
#include <gmpxx.h>

#include <algorithm>
#include <map>

#include "leibniz/calculus/integrate_risch_norman_forms.h"
#include "leibniz/calculus/integrate_risch_norman_tower.h"
#include "leibniz/calculus/integrate_rules.h"
#include "leibniz/calculus/linear_system.h"
#include "leibniz/core/limits.h"
#include "leibniz/expr/builders.h"

namespace leibniz::integration {
namespace {

constexpr std::size_t kMaxRischNormanUnknowns = 80;
constexpr std::size_t kMaxRischNormanEntries = 20'000;
// An integrand of higher degree in its kernels is out of the method's budget.
constexpr long kMaxRischNormanDegree = 12;
// Terms of any polynomial of the attempt (the system's columns, the answer written back
// in sin and cos): past it, the guess is given up.
constexpr std::size_t kRischNormanTermBudget = 2'000;

struct IrreducibleFactor {
  Poly p;
  long multiplicity;
};

// The monic irreducible factors of p over ℚ, without constants.
std::vector<IrreducibleFactor> irreducible_factors(const Poly& p, const PolyContext& ctx) {
  std::vector<IrreducibleFactor> result;
  fmpq_mpoly_factor_t f;
  fmpq_mpoly_factor_init(f, ctx.raw());
  if (fmpq_mpoly_factor(f, p.raw(), ctx.raw()) != 0) {
    for (slong i = 0; i < f->num; ++i) {
      Poly factor(ctx);
      fmpq_mpoly_make_monic(factor.raw(), f->poly + i, ctx.raw());
      if (fmpq_mpoly_is_fmpq(factor.raw(), ctx.raw())) continue;
      result.push_back({std::move(factor), fmpz_get_si(f->exp + i)});
    }
  } else {
    result.clear();
  }
  fmpq_mpoly_factor_clear(f, ctx.raw());
  return result;
}

bool divides(const Poly& divisor, const Poly& p, const PolyContext& ctx) {
  Poly quotient(ctx);
  return fmpq_mpoly_divides(quotient.raw(), p.raw(), divisor.raw(), ctx.raw()) != 0;
}

Poly lcm(const Poly& a, const Poly& b) { return (a * b).divide_exact(a.gcd(b)); }

Poly power_of(const Poly& p, long k) { return p.pow(static_cast<unsigned long>(k)); }

// Every exponent vector of total degree at most `degree` in n variables.
void ansatz_monomials(std::size_t n, long degree, std::vector<ulong>& prefix,
                      std::vector<std::vector<ulong>>& out) {
  if (prefix.size() == n) {
    out.push_back(prefix);
    return;
  }
  for (long k = 0; k <= degree; ++k) {
    prefix.push_back(static_cast<ulong>(k));
    ansatz_monomials(n, degree - k, prefix, out);
    prefix.pop_back();
  }
}

double monomial_count(std::size_t n, long degree) {
  double count = 1;
  for (std::size_t i = 1; i <= n; ++i) {
    count *= static_cast<double>(degree + static_cast<long>(i)) / static_cast<double>(i);
  }
  return count;
}

Poly monomial_poly(const std::vector<ulong>& exponents, const PolyContext& ctx) {
  Poly m(ctx);
  fmpq_t one;
  fmpq_init(one);
  fmpq_one(one);
  fmpq_mpoly_set_coeff_fmpq_ui(m.raw(), one, exponents.data(), ctx.raw());
  fmpq_clear(one);
  return m;
}

// The guess: its denominator C, the logarithms' arguments, and the degree of A.
struct Ansatz {
  Poly C;
  std::vector<Poly> logarithms;
  long degree = 0;
};

Ansatz guess(const KernelTower& tower) {
  const PolyContext& ctx = tower.context();
  const RationalFunction& f = tower.integrand();
  Ansatz ansatz{Poly::constant(ctx, Number(1)), {}, 0};
  auto add_logarithm = [&](const Poly& p) {
    for (const Poly& known : ansatz.logarithms) {
      if (fmpq_mpoly_equal(known.raw(), p.raw(), ctx.raw())) return;
    }
    ansatz.logarithms.push_back(p.copy());
  };
  Poly special_q = Poly::constant(ctx, Number(1));
  for (const IrreducibleFactor& factor : irreducible_factors(tower.derivation_denominator(), ctx)) {
    if (divides(factor.p, tower.derive(factor.p), ctx)) {
      special_q = special_q * power_of(factor.p, factor.multiplicity);
    }
    add_logarithm(factor.p);
  }
  for (const IrreducibleFactor& factor : irreducible_factors(f.denominator, ctx)) {
    const bool special = divides(factor.p, tower.derive(factor.p), ctx);
    ansatz.C =
        ansatz.C * power_of(factor.p, special ? factor.multiplicity : factor.multiplicity - 1);
    add_logarithm(factor.p);
  }
  for (const Poly& p : tower.darboux_polynomials()) add_logarithm(p);
  ansatz.C = ansatz.C * special_q;
  ansatz.degree = 1 + std::max(special_q.total_degree(), 0L) +
                  std::max(f.numerator.total_degree(), f.denominator.total_degree());
  return ansatz;
}

// The coefficients of each column polynomial, by monomial: the system's rows.
class RischNormanSystem {
 public:
  RischNormanSystem(const PolyContext& ctx, std::size_t columns) : ctx_(ctx), columns_(columns) {}

  // Adds p's coefficients to column `column`; false once the system is too large.
  bool add(const Poly& p, std::size_t column) {
    const slong n = fmpq_mpoly_length(p.raw(), ctx_.raw());
    std::vector<ulong> exponents(ctx_.size());
    fmpq_t c;
    fmpq_init(c);
    for (slong i = 0; i < n; ++i) {
      fmpq_mpoly_get_term_exp_ui(exponents.data(), p.raw(), i, ctx_.raw());
      auto [it, inserted] = row_of_.emplace(exponents, rows_.size());
      if (inserted) {
        if ((rows_.size() + 1) * (columns_ + 1) > kMaxRischNormanEntries) {
          fmpq_clear(c);
          return false;
        }
        rows_.emplace_back(columns_ + 1, mpq_class(0));
      }
      fmpq_mpoly_get_term_coeff_fmpq(c, p.raw(), i, ctx_.raw());
      mpq_class value;
      fmpq_get_mpq(value.get_mpq_t(), c);
      rows_[it->second][column] += value;
    }
    fmpq_clear(c);
    return true;
  }

  std::optional<std::vector<mpq_class>> solve() {
    return solve_linear_system(std::move(rows_), columns_, GmpRationalField{});
  }

 private:
  const PolyContext& ctx_;
  std::size_t columns_;
  std::map<std::vector<ulong>, std::size_t> row_of_;
  std::vector<std::vector<mpq_class>> rows_;
};

struct RischNormanAnswer {
  Expr antiderivative;
  Expr ansatz;    // A/C + c₁·ln|p₁| + … as guessed
  Expr rational;  // A/C as found
};

std::optional<RischNormanAnswer> risch_norman(const KernelTower& tower) {
  const PolyContext& ctx = tower.context();
  const RationalFunction& f = tower.integrand();
  if (std::max(f.numerator.total_degree(), f.denominator.total_degree()) > kMaxRischNormanDegree) {
    return std::nullopt;
  }
  Ansatz ansatz = guess(tower);
  const std::size_t logs = ansatz.logarithms.size();
  long degree = ansatz.degree;
  while (degree > 0 && monomial_count(ctx.size(), degree) + static_cast<double>(logs) >
                           static_cast<double>(kMaxRischNormanUnknowns)) {
    --degree;
  }
  if (degree == 0) return std::nullopt;
  std::vector<std::vector<ulong>> monomials;
  std::vector<ulong> prefix;
  ansatz_monomials(ctx.size(), degree, prefix, monomials);
  const std::size_t unknowns = monomials.size() + logs;

  // One common denominator L of f, D(A/C) = (D̃A·C − A·D̃C)/(q·C²), D ln p = D̃p/(q·p).
  const Poly& q = tower.derivation_denominator();
  const Poly qC2 = q * ansatz.C * ansatz.C;
  Poly L = lcm(f.denominator, qC2);
  for (const Poly& p : ansatz.logarithms) L = lcm(L, q * p);
  const Poly dC = tower.derive(ansatz.C);
  const Poly rational_scale = L.divide_exact(qC2);

  RischNormanSystem system(ctx, unknowns);
  for (std::size_t j = 0; j < monomials.size(); ++j) {
    const Poly m = monomial_poly(monomials[j], ctx);
    const Poly column = rational_scale * (tower.derive(m) * ansatz.C + (m * dC).scaled(Number(-1)));
    if (!system.add(column, j)) return std::nullopt;
  }
  for (std::size_t i = 0; i < logs; ++i) {
    const Poly& p = ansatz.logarithms[i];
    if (!system.add(L.divide_exact(q * p) * tower.derive(p), monomials.size() + i)) {
      return std::nullopt;
    }
  }
  if (!system.add(L.divide_exact(f.denominator) * f.numerator, unknowns)) return std::nullopt;
  const auto solution = system.solve();
  if (!solution) return std::nullopt;

  Poly A(ctx);
  for (std::size_t j = 0; j < monomials.size(); ++j) {
    if ((*solution)[j] != 0)
      A = A + monomial_poly(monomials[j], ctx).scaled(Number((*solution)[j]));
  }
  Poly C = ansatz.C.copy();
  if (!A.is_zero()) {
    const Poly g = A.gcd(C);
    A = A.divide_exact(g);
    C = C.divide_exact(g);
  }
  const Number lead = C.leading_coefficient();
  const Number inverse_lead(1 / lead.exact());
  A = A.scaled(inverse_lead);
  C = C.scaled(inverse_lead);
  Expr rational;
  std::vector<Expr> terms;
  std::vector<Expr> guessed{div(symbol("A"), ctx.to_factored_expr(ansatz.C))};
  try {  // expand's budget: an answer too long to write back is given up
    rational = rational_part_written_back(tower, A, C);
    terms.push_back(rational);
    for (std::size_t i = 0; i < logs; ++i) {
      const Poly& p = ansatz.logarithms[i];
      guessed.push_back(mul(symbol("c" + std::to_string(i + 1)), ln_abs(ctx.to_expr(p))));
      const mpq_class& c = (*solution)[monomials.size() + i];
      if (c != 0) terms.push_back(logarithm_written_back(tower, c, p));
    }
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::Limit) throw;
    return std::nullopt;
  }
  return RischNormanAnswer{add(terms), add(guessed), rational};
}

}  // namespace

Expr risch_norman_rule(Integrator& in, const Expr& e) {
  if (e.is(Kind::Mul)) {  // factors free of x (sin(1), a) stand aside: ∫ c·f = c·∫ f
    std::vector<Expr> constant, rest;
    for (const Expr& f : e.args()) (in.depends(f) ? rest : constant).push_back(f);
    if (!constant.empty() && !rest.empty()) {
      const Expr c = mul(constant);
      const std::size_t index = in.open<Rule::IntegralConstantMultiple>(e, {.c = c});
      const Expr F = risch_norman_rule(in, mul(rest));
      if (F.is_null()) {
        in.abandon(index);
        return {};
      }
      return in.finish(index, mul(c, F));
    }
  }
  std::optional<RischNormanAnswer> answer;
  try {
    const TermBudget budget(kRischNormanTermBudget);
    const std::unique_ptr<KernelTower> tower = KernelTower::of(in, e);
    if (!tower) return {};
    answer = risch_norman(*tower);
  } catch (const TermLimitExceeded&) {
    return {};  // a polynomial past the budget: the guess is out of reach
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::Domain) throw;
    return {};
  }
  if (!answer) return {};
  in.step<Rule::Rewrite>(
      e, answer->antiderivative,
      {.row = {"risch-norman",
               "Risch–Norman: we guess the antiderivative has the form A/C + Σ cᵢ·ln|pᵢ|, C "
               "from the denominator of the integrand (its special factors such as eᵘ and "
               "1 + tan²v to their power, the others to their power less one), pᵢ its "
               "irreducible factors, A a polynomial in x and the integrand's functions with "
               "unknown coefficients; we differentiate, match the coefficients of like terms "
               "and solve the linear system over ℚ"},
       .rewritten = answer->ansatz,
       .factor = answer->rational});
  return answer->antiderivative;
}

}  // namespace leibniz::integration
