// The integrator's driver: tries the rules in turn (constant, the notes' rows,
// linearity, constant multiple, table, trig powers, rational functions, combined roots,
// substitution, radicals, u = xⁿ, rational functions of sin and cos, of exponentials, parts,
// expansion; for a sum that fails term by term, parts whose leftovers cancel), simplifies
// the answer and checks it by differentiation before returning it.
#include "leibniz/calculus/integrate.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>
#include <utility>

#include "leibniz/calculus/expand.h"
#include "leibniz/calculus/integrate_rules.h"
#include "leibniz/calculus/simplify.h"
#include "leibniz/core/error.h"
#include "leibniz/core/limits.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/call.h"
#include "leibniz/expr/domain_witnesses.h"
#include "leibniz/expr/print.h"
#include "leibniz/expr/substitute.h"
#include "leibniz/expr/symbols.h"

namespace leibniz {
namespace integration {
namespace {

// Deeper than any first-course integral needs (x^10·e^x takes about 20 levels),
// shallow enough that a runaway substitution stops quickly.
constexpr int kMaxNesting = 48;
// Changes of variable inside one another: first-course integrals need at most three.
constexpr int kMaxSubstitutions = 4;
// An expansion is only an attempt: it must stay small.
constexpr std::size_t kIntegrandExpansionBudget = 2'000;

using RuleFn = Expr (*)(Integrator&, const Expr&);
constexpr RuleFn kIntegrationRules[] = {table_rule,
                                        abs_rule,
                                        trig_rule,
                                        trig_half_angle_rule,
                                        hyperbolic_reduction_rule,
                                        inverse_hyperbolic_log_rule,
                                        rational_rule,
                                        scaling_rule,
                                        combined_roots_rule,
                                        substitution_rule,
                                        radical_rule,
                                        monomial_substitution_rule,
                                        binomial_third_case_rule,
                                        conjugate_rule,
                                        euler_substitution_rule,
                                        linear_factor_roots_rule,
                                        trig_rational_rule,
                                        exponential_rule,
                                        parts_rule,
                                        exponential_polynomial_rule};

}  // namespace

bool Integrator::depends(const Expr& e) {
  if (e.args().empty()) return e == var_;
  if (auto it = depends_.find(e); it != depends_.end()) return it->second;
  bool result = false;
  for (const Expr& a : e.args()) result = result || depends(a);
  depends_.emplace(e, result);
  return result;
}

Step Integrator::make_step(const Expr& before, const Expr& after, StepParts parts) const {
  return {.operation = StepOperation::Antiderivative,
          .var = var_,
          .before = before,
          .after = after,
          .parts = std::move(parts)};
}

Expr Integrator::finish(std::size_t index, const Expr& after) {
  if (trace_) trace_->close(index, after);
  return after;
}

void Integrator::replace_parts(std::size_t index, StepParts parts) {
  Step& step = trace_->step(index);
  LZ_ASSERT(step.parts.index() == parts.index(), "a step is finished with its own rule's parts");
  step.parts = std::move(parts);
}

void Integrator::abandon(std::size_t index) {
  if (trace_) trace_->rollback({index, trace_->step(index).depth});
}

Expr Integrator::integrate_rewritten(StepParts parts, const Expr& before, const Expr& form) {
  const std::size_t index = trace_ ? trace_->open(make_step(before, Expr(), std::move(parts))) : 0;
  const Expr f = antiderivative(form);
  if (f.is_null()) {
    abandon(index);
    return {};
  }
  return finish(index, f);
}

Expr Integrator::antiderivative_in(const Expr& e, const Expr& u) {
  // Each change of variable starts a search of its own, without the memo and cycle
  // checks of this one: chains of them multiply (1/(1 + √x + ∛x) took the 10 s limit).
  if (substitutions_ >= kMaxSubstitutions) {
    ++cuts_;
    return {};
  }
  Integrator nested(u, trace_, *search_);
  nested.nesting_ = nesting_ + 1;
  nested.substitutions_ = substitutions_ + 1;
  Expr result = nested.antiderivative(e);
  if (result.is_null()) note_obstacle(nested.obstacle());
  return result;
}

Expr Integrator::fresh_symbol(const Expr& e) const {
  std::unordered_set<std::string> names;
  auto collect = [&](auto&& self, const Expr& x) -> void {
    if (x.is(Kind::Symbol)) names.insert(x.name());
    for (const Expr& a : x.args()) self(self, a);
  };
  collect(collect, e);
  names.insert(var_.name());
  std::string name = "u";
  for (int i = 1; names.contains(name); ++i) name = "u" + std::to_string(i);
  return symbol(name);
}

Expr Integrator::antiderivative(const Expr& e) {
  tick();
  if (nesting_ >= kMaxNesting || active_.contains(e.node())) {
    ++cuts_;
    return {};
  }
  if (!trace_) {
    if (auto it = known_->find(e); it != known_->end()) {
      if (it->second.antiderivative.is_null()) note_obstacle(it->second.obstacle);
      return it->second.antiderivative;
    }
  }
  if (++search_->sub_integrals > Search::kMaxSubIntegrals) {
    search_->exhausted = true;
    ++cuts_;
    return {};
  }
  const Trace::Mark mark = trace_ ? trace_->mark() : Trace::Mark{0, 0};
  const int saved_cuts = cuts_;
  // While e is searched: its node is active (a cycle back to it is cut), one level deeper,
  // and obstacle_ holds what stood in the way of this search alone, remembered with its
  // failure. On every exit, an error's included, the obstacle met earlier is put back
  // (the first one wins); when there was none, this search's stays.
  class Searching {
   public:
    Searching(Integrator& in, const Node* node)
        : in_(in), node_(node), earlier_obstacle_(std::exchange(in.obstacle_, {})) {
      in_.active_.insert(node_);
      ++in_.nesting_;
    }
    Searching(const Searching&) = delete;
    Searching& operator=(const Searching&) = delete;
    ~Searching() {
      --in_.nesting_;
      in_.active_.erase(node_);
      if (!earlier_obstacle_.empty()) in_.obstacle_ = std::move(earlier_obstacle_);
    }

   private:
    Integrator& in_;
    const Node* node_;
    std::string earlier_obstacle_;
  };
  const Searching searching(*this, e.node());
  Expr result;
  try {
    result = attempt(e);
  } catch (const Error& error) {
    // A rule that runs into an undefined value (a division by zero while trying a
    // substitution) simply does not apply.
    if (error.kind() != ErrorKind::Domain) throw;
  }
  if (result.is_null() && trace_) trace_->rollback(mark);
  // A failure caused by cutting a cycle may succeed when reached another way.
  if (!trace_ && (!result.is_null() || cuts_ == saved_cuts)) {
    known_->emplace(e, Search::Known{result, result.is_null() ? obstacle_ : std::string()});
  }
  return result;
}

Expr Integrator::attempt(const Expr& e) {
  if (!depends(e)) {
    Expr result = mul(e, var_);
    step<Rule::IntegralConstant>(e, result);
    return result;
  }
  if (Expr r = notes_row_rule(*this, e); !r.is_null()) return r;
  if (e.is(Kind::Add)) {
    const std::size_t index = open<Rule::Linearity>(e);
    std::vector<Expr> terms;
    for (const Expr& t : e.args()) {
      Expr f = antiderivative(t);
      if (f.is_null()) break;
      terms.push_back(f);
    }
    if (terms.size() == e.args().size()) return finish(index, add(terms));
    abandon(index);
    if (Expr r = rational_rule(*this, e); !r.is_null()) return r;
    if (Expr r = exponential_polynomial_rule(*this, e); !r.is_null()) return r;
    return parts_cancelling_rule(*this, e);
  }
  if (e.is(Kind::Mul)) {
    std::vector<Expr> constant, rest;
    for (const Expr& f : e.args()) (depends(f) ? rest : constant).push_back(f);
    if (!constant.empty()) {
      const Expr c = mul(constant);
      const std::size_t index = open<Rule::IntegralConstantMultiple>(e, {.c = c});
      Expr f = antiderivative(mul(rest));
      if (f.is_null()) {
        abandon(index);
        return {};
      }
      return finish(index, mul(c, f));
    }
  }
  for (RuleFn rule : kIntegrationRules) {
    if (Expr r = rule(*this, e); !r.is_null()) return r;
  }
  Expr expanded;
  try {
    TermBudget budget(kIntegrandExpansionBudget);
    expanded = expand(e);
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::Limit) throw;
    return {};
  }
  if (expanded == e) return {};
  const std::size_t index = open<Rule::ExpandIntegrand>(e, {.expanded = expanded});
  Expr f = antiderivative(expanded);
  if (f.is_null()) {
    abandon(index);
    return {};
  }
  return finish(index, f);
}

namespace {

// ln|u| -> ln(u) where u > 0, and |u|ᵏ -> uᵏ for even k, everywhere in the answer.
Expr drop_needless_abs(const Expr& e) {
  if (e.args().empty()) return e;
  if (e.is(Kind::Func) && e.fn() == Fn::Abs && is_positive(e.arg(0))) {
    return drop_needless_abs(e.arg(0));
  }
  if (e.is(Kind::Pow) && e.base().is(Kind::Func) && e.base().fn() == Fn::Abs &&
      e.exponent().is_integer() && e.exponent().number().to_long().value_or(1) % 2 == 0) {
    return pow(drop_needless_abs(e.base().arg(0)), e.exponent());  // |u|² = u²
  }
  std::vector<Expr> args;
  args.reserve(e.args().size());
  for (const Expr& a : e.args()) args.push_back(drop_needless_abs(a));
  return rebuild(e, std::move(args));
}

// The bases u of the even roots in e (u^(1/2), u^(3/4)): u >= 0 wherever e is defined.
void collect_even_root_bases(const Expr& e, std::unordered_set<const Node*>& bases,
                             std::unordered_set<const Node*>& seen) {
  if (!seen.insert(e.node()).second) return;
  if (e.is(Kind::Pow) && e.exponent().is(Kind::Number) && e.exponent().number().is_exact() &&
      mpz_even_p(e.exponent().number().exact().get_den().get_mpz_t()) != 0) {
    bases.insert(e.base().node());
  }
  for (const Expr& a : e.args()) collect_even_root_bases(a, bases, seen);
}

// The answer without needless absolute values and kept roots (above).
Expr tidy_antiderivative(const Expr& answer, const Expr& integrand) {
  std::unordered_set<const Node*> bases, seen;
  collect_even_root_bases(integrand, bases, seen);
  // The builders keep (u^(1/2))^2 because u may be negative, but the antiderivative is
  // claimed only where the integrand is defined, and there u >= 0.
  const Expr folded = bases.empty() ? answer : fold_kept_roots(answer, [&](const Expr& u) {
    return bases.count(u.node()) != 0;
  });
  return drop_needless_abs(folded);
}

}  // namespace
}  // namespace integration

namespace {

// A max or min whose arguments depend on var: its antiderivative is piecewise.
const Node* piecewise_part(const Expr& e, const Expr& var, std::unordered_set<const Node*>& seen) {
  if (!seen.insert(e.node()).second) return nullptr;
  if (e.is(Kind::Func) && (e.fn() == Fn::Max || e.fn() == Fn::Min)) {
    const auto vars = free_symbols(e);
    if (std::find(vars.begin(), vars.end(), var) != vars.end()) return e.node();
  }
  for (const Expr& a : e.args()) {
    if (const Node* found = piecewise_part(a, var, seen)) return found;
  }
  return nullptr;
}

}  // namespace

namespace {

// c·∂g/∂x of an undefined function g whose argument x no other argument holds: c·g, whose
// derivative it is by construction (call.h). Null for anything else.
Expr partial_antiderivative(const Expr& e, const Expr& var) {
  const auto [c, rest] = split_coefficient(e);
  if (!rest.is(Kind::Call)) return {};
  const std::vector<std::size_t> slots = call_slots(rest);
  for (std::size_t k = 0; k < slots.size(); ++k) {
    if (rest.arg(slots[k]) != var) continue;
    std::vector<std::size_t> fewer = slots;
    fewer.erase(fewer.begin() + static_cast<long>(k));
    const Expr g = call(call_name(rest), rest.args(), fewer);
    if (partial_in(g, var) == rest) return mul(number(c), g);
  }
  return {};
}

}  // namespace

Expr integrate(const Expr& e, const Expr& var, Trace* trace) {
  const DomainWitnesses::Pause derived;  // not the input as written
  if (!var.is(Kind::Symbol)) {
    throw Error(ErrorKind::Request, "the variable of integration must be a symbol");
  }
  if (const auto f = undefined_function_in(e)) {
    if (Expr g = partial_antiderivative(e, var); !g.is_null()) {
      if (trace != nullptr) {
        trace->add({.operation = StepOperation::Antiderivative,
                    .var = var,
                    .before = e,
                    .after = g,
                    .parts = PartsOf<Rule::UndefinedFunction>{}});
      }
      return g;
    }
    throw Error(ErrorKind::Unsupported,
                fmt::format("no antiderivative of {} with respect to {}: '{}' is an undefined "
                            "function",
                            print_text(e), var.name(), *f));
  }
  // The integrator records straight into the trace; an integral that fails leaves no
  // step there.
  const Trace::Mark mark = trace ? trace->mark() : Trace::Mark{0, 0};
  try {
    integration::Integrator in(var, trace);
    Expr raw = in.antiderivative(e);
    if (raw.is_null()) raw = integration::risch_norman_rule(in, e);
    // The last resort, sums over roots, when a sub-integral needed them and the search
    // was not cut short (a second search would stop at the same budget).
    bool exhausted = in.search_exhausted();
    if (raw.is_null() && in.roots_needed() && !exhausted) {
      integration::Integrator again(var, trace);
      again.allow_root_sums();
      raw = again.antiderivative(e);
      exhausted = again.search_exhausted();
    }
    if (raw.is_null()) {
      std::unordered_set<const Node*> seen;
      if (const Node* part = piecewise_part(e, var, seen)) {
        throw Error(ErrorKind::Unsupported,
                    fmt::format("no antiderivative of {} with respect to {}: {} is piecewise, "
                                "and leibniz does not split an integral where its arguments are "
                                "equal",
                                print_text(e), var.name(), print_text(Expr(part))));
      }
      if (integration::proven_non_elementary(in, e)) {
        throw Error(ErrorKind::Unsupported,
                    fmt::format("{} has no elementary antiderivative with respect to {} "
                                "(Liouville's theorem)",
                                print_text(e), var.name()));
      }
      if (exhausted) {
        throw Error(ErrorKind::Unsupported,
                    fmt::format("leibniz found no elementary antiderivative of {} with respect "
                                "to {}: it stopped searching after {} sub-integrals; an "
                                "antiderivative may still exist",
                                print_text(e), var.name(), integration::Search::kMaxSubIntegrals));
      }
      throw Error(
          ErrorKind::Unsupported,
          fmt::format("leibniz found no elementary antiderivative of {} with respect to {}{}",
                      print_text(e), var.name(),
                      in.obstacle().empty() ? "" : ": " + in.obstacle()));
    }
    // simplify may expand (x² + 1)^(3/2) into a longer form: keep the smaller.
    // Absolute values go first, so that simplify sees ln(e^x), not ln(abs(e^x)).
    const Expr plain = integration::tidy_antiderivative(raw, e);
    const Expr simplified = integration::tidy_antiderivative(simplify(plain), e);
    const Expr result = tree_size(plain) < tree_size(simplified) ? plain : simplified;
    check_antiderivative(e, result, var);
    if (trace != nullptr) {
      if (result != raw) {
        trace->add({.operation = StepOperation::Rewrite,
                    .var = var,
                    .before = raw,
                    .after = result,
                    .parts = PartsOf<Rule::SimplifyAntiderivative>{}});
      }
      trace->add({.operation = StepOperation::Derivative,
                  .var = var,
                  .before = result,
                  .after = e,
                  .parts = PartsOf<Rule::Check>{}});
    }
    return result;
  } catch (...) {
    if (trace != nullptr) trace->rollback(mark);
    throw;
  }
}

}  // namespace leibniz
