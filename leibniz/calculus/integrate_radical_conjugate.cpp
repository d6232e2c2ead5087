// A denominator with square roots rationalized: N/(u + v)ᵏ = N·(u − v)ᵏ/(u² − v²)ᵏ, v the
// terms with one square root, when u² − v² holds fewer distinct roots than u + v
// (1/(√x + √(x + 1)) = √(x + 1) − √x, 1/(1 + √(x² + 1)) = (√(x² + 1) − 1)/x²). The
// product is expanded, so that each term goes to the rules of its own.
#include <set>

#include "leibniz/calculus/expand.h"
#include "leibniz/calculus/integrate_rules.h"
#include "leibniz/core/error.h"
#include "leibniz/core/limits.h"
#include "leibniz/expr/builders.h"

namespace leibniz::integration {
namespace {

constexpr long kMaxConjugatePower = 4;
constexpr std::size_t kConjugateExpansionBudget = 2'000;

bool is_square_root_of_var(Integrator& in, const Expr& e) {
  return e.is(Kind::Pow) && in.depends(e.base()) && e.exponent().is_number() &&
         e.exponent().number().is_exact() && !e.exponent().number().is_integer();
}

// The distinct bases of the non-integer powers in e that depend on the variable.
void root_bases(Integrator& in, const Expr& e, std::set<const Node*>& bases) {
  if (!in.depends(e)) return;
  if (is_square_root_of_var(in, e)) bases.insert(e.base().node());
  for (const Expr& a : e.args()) root_bases(in, a, bases);
}

bool holds_square_root_of(Integrator& in, const Expr& e, const Expr& base) {
  if (!in.depends(e)) return false;
  if (is_square_root_of_var(in, e) && e.base() == base &&
      e.exponent().number().exact().get_den() == 2) {
    return true;
  }
  for (const Expr& a : e.args()) {
    if (holds_square_root_of(in, a, base)) return true;
  }
  return false;
}

// The first base under a square root in the sum d's terms, or null.
Expr first_square_root_base(Integrator& in, const Expr& e) {
  if (!in.depends(e)) return {};
  if (is_square_root_of_var(in, e) && e.exponent().number().exact().get_den() == 2) {
    return e.base();
  }
  for (const Expr& a : e.args()) {
    if (Expr b = first_square_root_base(in, a); !b.is_null()) return b;
  }
  return {};
}

}  // namespace

Expr conjugate_rule(Integrator& in, const Expr& e) {
  const std::span<const Expr> factors = e.is(Kind::Mul) ? e.args() : std::span<const Expr>(&e, 1);
  for (std::size_t i = 0; i < factors.size(); ++i) {
    const Expr& f = factors[i];
    if (!f.is(Kind::Pow) || !f.base().is(Kind::Add) || !f.exponent().is_integer() ||
        !f.exponent().number().is_negative()) {
      continue;
    }
    const auto k = f.exponent().number().to_long();
    if (!k || *k < -kMaxConjugatePower) continue;
    const Expr& d = f.base();
    const Expr base = first_square_root_base(in, d);
    if (base.is_null()) continue;
    std::vector<Expr> u_terms, v_terms;
    for (const Expr& t : d.args())
      (holds_square_root_of(in, t, base) ? v_terms : u_terms).push_back(t);
    const Expr u = add(u_terms), v = add(v_terms);
    // (√b)² = b: b ≥ 0 wherever the integrand is defined.
    auto nonnegative = [&](const Expr& b) { return holds_square_root_of(in, d, b); };
    Expr norm;
    try {
      TermBudget budget(kConjugateExpansionBudget);
      norm = expand(fold_kept_roots(expand(sub(pow(u, 2), pow(v, 2))), nonnegative));
    } catch (const Error& error) {
      if (error.kind() != ErrorKind::Limit) throw;
      continue;
    }
    if (norm.is_zero()) continue;
    std::set<const Node*> before, after;
    root_bases(in, d, before);
    root_bases(in, norm, after);
    if (after.size() >= before.size()) continue;
    std::vector<Expr> numerator;
    for (std::size_t j = 0; j < factors.size(); ++j) {
      if (j != i) numerator.push_back(factors[j]);
    }
    Expr top;
    try {
      TermBudget budget(kConjugateExpansionBudget);
      top = expand(fold_kept_roots(expand(mul(mul(numerator), pow(sub(u, v), -*k))), nonnegative));
    } catch (const Error& error) {
      if (error.kind() != ErrorKind::Limit) throw;
      continue;
    }
    // Each term over the rationalized denominator, so that the sum splits.
    const Expr below = pow(norm, *k);
    std::vector<Expr> terms;
    for (const Expr& t : top.is(Kind::Add) ? top.args() : std::span<const Expr>(&top, 1)) {
      terms.push_back(mul(t, below));
    }
    return in.rewritten<Rule::Rewrite>(
        {"conjugate", "1/(u + v) = (u − v)/(u² − v²): the denominator rationalized"}, e,
        add(terms));
  }
  return {};
}

}  // namespace leibniz::integration
