// Internal to the integrator (integrate*.cpp): the Integrator that tries the rules in
// turn, the rules themselves (each returns a null Expr when it does not apply, and
// records its step in the same function that computes its result), and shared helpers.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "leibniz/calculus/steps.h"
#include "leibniz/expr/expr.h"

namespace leibniz::integration {

/// What the integrators of one search share (the nested ones of the changes of variable
/// included): the sub-integrals searched so far and those already known.
struct Search {
  /// Sub-integrals one search may try (not counting those already known) before it stops:
  /// a count, not a time, so that the same integrand always gets the same answer, on any
  /// machine. Of the integrals leibniz solves in the reference corpus the most needs 29, in
  /// the development set 6,785 (asec(x)^4/x^5); chains of parts on asec(x)^5/x^5 reached
  /// the 10 s limit before, and stop after about 1 s now.
  static constexpr long kMaxSubIntegrals = 10'000;
  long sub_integrals = 0;
  bool exhausted = false;  // kMaxSubIntegrals was reached: the search stopped
  /// Sums over roots (root_sum.h) are a last resort: a first search goes without them,
  /// so that every closed form any method finds wins, and notes when one would have
  /// answered a sub-integral; only then does a second search allow them.
  bool root_sums = false;
  bool roots_needed = false;
  struct Known {
    Expr antiderivative;   // null: none found
    std::string obstacle;  // what stood in the way, for a failure
  };
  // Variable -> integrand -> what its search found (Expr keys keep their nodes alive).
  std::unordered_map<Expr, std::unordered_map<Expr, Known, ExprHash>, ExprHash> known;
};

class Integrator {
 public:
  /// Records its steps in `trace` (none when null).
  Integrator(Expr var, Trace* trace)
      : var_(std::move(var)), trace_(trace), search_(&own_search_), known_(&search_->known[var_]) {}

  /// An antiderivative of e, unsimplified; a null Expr when none is found (and then no
  /// step of the attempt is left in the trace).
  Expr antiderivative(const Expr& e);

  const Expr& var() const { return var_; }
  bool depends(const Expr& e);

  /// Records a step of rule R whose result is known now, with R's parts (steps.h):
  /// step<Rule::PartsTwice>(e, result, {.u = T, .dv = E}).
  template <Rule R>
  void step(const Expr& before, const Expr& after, PartsOf<R> parts = {}) {
    if (trace_) trace_->add(make_step(before, after, std::move(parts)));
  }
  /// Records a step before its sub-integrals (one level deeper); finish() fills in the
  /// result, abandon() removes it and everything after it when the rule fails.
  template <Rule R>
  std::size_t open(const Expr& before, PartsOf<R> parts = {}) {
    return trace_ ? trace_->open(make_step(before, Expr(), std::move(parts))) : 0;
  }
  Expr finish(std::size_t index, const Expr& after);
  /// finish() with the parts of the open step's rule R, when some are known only at the
  /// end (integration by parts: v): they replace those open() was given.
  template <Rule R>
  Expr finish(std::size_t index, const Expr& after, PartsOf<R> parts) {
    if (trace_) replace_parts(index, std::move(parts));
    return finish(index, after);
  }
  void abandon(std::size_t index);
  /// The antiderivative of `form`, the integrand `before` rewritten by the identity `row`
  /// of rule R (Rule::TrigIdentity, Rule::Rewrite): one step, its part "rewritten"; null,
  /// and no step, when form is not integrated.
  template <Rule R>
  requires std::is_same_v<PartsOf<R>, RewrittenParts<R>> Expr rewritten(RuleRow row,
                                                                        const Expr& before,
                                                                        const Expr& form) {
    return integrate_rewritten(PartsOf<R>{.row = row, .rewritten = form}, before, form);
  }

  /// An antiderivative of e with respect to another variable u (a substitution's
  /// integral), found by a nested integrator that records in the same trace.
  Expr antiderivative_in(const Expr& e, const Expr& u);
  /// The end of a change of variable whose step open() recorded at `index`: ∫ h du by
  /// antiderivative_in, u replaced by its value in the variable, the result passed
  /// through `tidy` (when given), the step finished; null, the step abandoned, when h
  /// does not integrate.
  Expr integrate_substituted(std::size_t index, const Expr& h, const Expr& u, const Expr& value,
                             const std::function<Expr(const Expr&)>& tidy = {});
  /// A symbol that does not occur in e: "u", else "u1", "u2", ...
  Expr fresh_symbol(const Expr& e) const;

  /// Records why a method in reach of an integrand could not finish (the first reason
  /// wins); it explains the refusal when no antiderivative is found.
  void note_obstacle(std::string why) {
    if (obstacle_.empty()) obstacle_ = std::move(why);
  }
  const std::string& obstacle() const { return obstacle_; }
  /// True when the search stopped at Search::kMaxSubIntegrals.
  bool search_exhausted() const { return search_->exhausted; }
  /// Sums over roots (Search::root_sums): allowed in this search, wanted by a sub-integral.
  void allow_root_sums() { search_->root_sums = true; }
  bool root_sums_allowed() const { return search_->root_sums; }
  void note_roots_needed() { search_->roots_needed = true; }
  bool roots_needed() const { return search_->roots_needed; }

  /// abs_rule's σ for |u| is tried at most 4 times in one search: integration by parts
  /// meets |u| again in v·du of its own answers (∫ asec(x)²/x³), and each σ starts the
  /// search of its integrand anew, which multiplied past the time limit. False, counted as
  /// a cut (so the failure is not remembered), once they are spent.
  bool take_sign() {
    if (signs_taken_ >= 4) {
      ++cuts_;
      return false;
    }
    ++signs_taken_;
    return true;
  }

 private:
  // A nested integrator (a change of variable to var): it shares its root's search.
  Integrator(Expr var, Trace* trace, Search& search)
      : var_(std::move(var)), trace_(trace), search_(&search), known_(&search.known[var_]) {}
  Expr attempt(const Expr& e);
  Step make_step(const Expr& before, const Expr& after, StepParts parts) const;
  void replace_parts(std::size_t index, StepParts parts);
  Expr integrate_rewritten(StepParts parts, const Expr& before, const Expr& form);

  Expr var_;
  Trace* trace_;
  Search own_search_;  // the root integrator's; a nested one uses its root's
  Search* search_;
  std::unordered_map<Expr, Search::Known, ExprHash>* known_;  // search_'s entries for var_
  int nesting_ = 0;
  int substitutions_ = 0;  // nested integrators (changes of variable) above this one
  int cuts_ = 0;           // integrals abandoned to break a cycle or bound the nesting
  int signs_taken_ = 0;    // abs_rule's signs σ tried in this search
  std::string obstacle_;
  // Keyed by Expr, not Node*, so that a key stays alive: a freed node's address can be
  // reused by a new node.
  std::unordered_map<Expr, bool, ExprHash> depends_;
  std::unordered_set<const Node*> active_;  // integrands being integrated now
};

// The rules, tried in this order by Integrator::attempt (kRules in integrate.cpp).
Expr notes_row_rule(Integrator& in, const Expr& e);
Expr table_rule(Integrator& in, const Expr& e);
/// Absolute values of one linear u: |u| = σ·u with σ = ±1 constant on each side of u = 0.
Expr abs_rule(Integrator& in, const Expr& e);
Expr trig_rule(Integrator& in, const Expr& e);
/// (a + b·sin v)ⁿ, (a + b·cos v)ⁿ with a² = b², a > 0, n a half-integer: reduction formulas.
Expr trig_half_angle_rule(Integrator& in, const Expr& e);
/// ∫ sechᵏ, ∫ cschᵏ (k odd ≥ 3) and ∫ cothᵏ (k ≥ 2) by their reduction formulas.
Expr hyperbolic_reduction_rule(Integrator& in, const Expr& e);
/// ln(u + √(u² + 1)) and ln(u + √(u² − 1)) in the integrand rewritten arsinh u, arcosh u.
Expr inverse_hyperbolic_log_rule(Integrator& in, const Expr& e);
Expr rational_rule(Integrator& in, const Expr& e);
/// x = a·t for a rational function homogeneous in x and its one parameter a
/// (integrate_rational_scaling.cpp).
Expr scaling_rule(Integrator& in, const Expr& e);
Expr combined_roots_rule(Integrator& in, const Expr& e);
Expr substitution_rule(Integrator& in, const Expr& e);
Expr radical_rule(Integrator& in, const Expr& e);
/// ∫ P/(xᵐ·q^(j+1/2)) for a quadratic q with any coefficients (integrate_radical_general.cpp).
Expr general_root_of_quadratic(Integrator& in, const Expr& e);
/// u = xⁿ for x^k·f(xⁿ) with n | k + 1 (Chebyshev's second case for binomials).
Expr monomial_substitution_rule(Integrator& in, const Expr& e);
/// s = x/(a + b·xⁿ)^(1/n) for x^m·(a + b·xⁿ)^(r/n) with n | m + 1 + r (Chebyshev's third).
Expr binomial_third_case_rule(Integrator& in, const Expr& e);
/// N/(u + v)ᵏ = N·(u − v)ᵏ/(u² − v²)ᵏ for v the terms with a square root, when that
/// removes a root (integrate_radical_conjugate.cpp).
Expr conjugate_rule(Integrator& in, const Expr& e);
/// Euler's substitutions for a rational function of x and √q, q quadratic with rational
/// coefficients (integrate_radical_euler.cpp).
Expr euler_substitution_rule(Integrator& in, const Expr& e);
/// Roots of products of two linear factors as roots of their quotient, n-th powers taken
/// out (integrate_radical_linear_factors.cpp).
Expr linear_factor_roots_rule(Integrator& in, const Expr& e);
Expr trig_rational_rule(Integrator& in, const Expr& e);
Expr exponential_rule(Integrator& in, const Expr& e);
Expr parts_rule(Integrator& in, const Expr& e);
/// For a sum whose terms do not all integrate alone: parts whose leftovers cancel.
Expr parts_cancelling_rule(Integrator& in, const Expr& e);

/// ∫ r·e^g = R·e^g for g a non-constant polynomial and r = P/xᵏ (rational coefficients;
/// a sum of such terms with one g) when R′ + g′·R = r has a rational solution R. Tried
/// after the others, and on a sum whose terms fail alone.
Expr exponential_polynomial_rule(Integrator& in, const Expr& e);
/// True when Liouville's theorem proves that such an e has no elementary antiderivative
/// (R′ + g′·R = r has no rational solution); false when not decided.
bool proven_non_elementary(Integrator& in, const Expr& e);
/// The Risch–Norman method (integrate_risch_norman.cpp), tried once on the integrand after
/// every rule has failed: an antiderivative of e, or null when its bounded guess fails.
Expr risch_norman_rule(Integrator& in, const Expr& e);

// Helpers.
struct Linear {
  Expr a;  ///< nonzero, free of the variable
  Expr b;  ///< free of the variable
};
/// u = a·var + b with a ≠ 0 and a, b free of var; nullopt otherwise.
std::optional<Linear> linear_in(Integrator& in, const Expr& u);
/// The coefficients c0, c1, … of e as a polynomial in var (each free of var);
/// nullopt when e is not a polynomial in var.
std::optional<std::vector<Expr>> polynomial_coefficients(Integrator& in, const Expr& e);
/// A denominator as K·Π bᵢ^mᵢ: its factors free of var, and each other factor's base
/// with its integer exponent (1 when it is not an integer power); nullopt when an exponent
/// is past a long.
struct PowersOfFactors {
  std::vector<Expr> constant;
  std::vector<std::pair<Expr, long>> powers;
};
std::optional<PowersOfFactors> powers_of_factors(Integrator& in, const Expr& denominator);
/// The same when every coefficient is an exact number, without zeros at the top (the
/// zero polynomial is {0}); nullopt otherwise.
std::optional<std::vector<Number>> exact_polynomial_coefficients(Integrator& in, const Expr& e);
/// ln|u|, written ln(u) when u is known to be positive.
Expr ln_abs(const Expr& u);
/// √r for an exact r > 0 with square factors taken out: √8 = 2·√2, √(3/4) = √3/2.
Expr sqrt_number(const Number& r);
/// ᵏ√r (k = 2 or 3) for an exact r > 0 with k-th powers taken out: ∛16 = 2·∛2,
/// ∛(19/27) = ∛19/3.
Expr root_number(const Number& r, long k);
/// True when e > 0 wherever it is defined (sums of squares plus a positive number, e^u, ...).
bool is_positive(const Expr& e);
/// A product as numerator and denominator: the factors with a negative integer exponent
/// go below (x·(x + 1)^-2 is x over (x + 1)^2).
struct Fraction {
  Expr numerator;
  Expr denominator;
};
Fraction split_fraction(const Expr& e);
/// e rewritten top-down: a node `rewrite_node` gives a value for is replaced by it,
/// any other node is rebuilt from its rewritten arguments (each distinct node once).
Expr rewrite(const Expr& e, const std::function<std::optional<Expr>(const Expr&)>& rewrite_node);
/// ln|tanh u + 1| = u − ln cosh u and ln|tanh u − 1| = ln(1 − tanh u) = −u − ln cosh u,
/// everywhere in an answer (1 ± tanh u = e^(±u)/cosh u): ∫ tanh²x = x − tanh x.
Expr tanh_logarithms(const Expr& f);
/// An answer f with 1/tanhᵏu, 1/coshᵏu, 1/sinhᵏu written cothᵏu, sechᵏu, cschᵏu when the
/// integrand has coth, sech or csch.
Expr reciprocal_hyperbolic_form(const Expr& f, const Expr& integrand);
/// e with every occurrence of the subexpression `from` replaced by `to`.
Expr replace(const Expr& e, const Expr& from, const Expr& to);
/// e with the roots the builders keep, (u^(1/2))^n, folded to u^(n/2) for the bases u the
/// caller knows to be non-negative where e is used (sin² = 1 − cos² ≥ 0, or a base under
/// an even root of the integrand).
Expr fold_kept_roots(const Expr& e, const std::function<bool(const Expr&)>& nonnegative);

}  // namespace leibniz::integration
