// A derivation, step by step: each rule of calculus records the step it takes in the
// same function that computes its result, so that an explanation cannot drift from
// the answer. A step names its rule by a Rule — declared here with its stable id and
// its text (steps.cpp) — and carries its payload: the expressions the rule names (u, v,
// ∂u/∂x, …) and, for a rule with several rows (the integral table, the trigonometric
// identities), the row. Text, LaTeX and JSON are written from these (app/steps_format).
// A null Trace* records nothing and costs nothing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "leibniz/expr/expr.h"

namespace leibniz {

enum class StepOperation {
  Derivative,      ///< d/dvar before = after
  Antiderivative,  ///< ∫ before dvar = after
  Rewrite,         ///< before = after (simplifying: expand, collect, cancel)
};

/// Every rule a step can name. The ids (rule_id) are stable: JSON steps carry them and
/// docs/steps.md lists them.
// GCC 12's -Wshadow takes the scoped enumerators for declarations of namespace leibniz
// (Rule::Substitution would shadow the map Substitution of expr/substitute.h in any file
// that includes that first); they are always written Rule::NAME, so nothing is shadowed.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wshadow"
enum class Rule : std::uint8_t {
  // Derivatives. Parts: product and quotient u, v, ∂u/∂x, ∂v/∂x; chain outer, u (v),
  // ∂f/∂u (∂f/∂v), ∂u/∂x (∂v/∂x); constant multiple c, g, ∂g/∂x; power n; variable
  // exponent b, g, ∂b/∂x, ∂g/∂x; general chain ∂f/∂g, ∂g/∂x pairs.
  Constant,
  Variable,
  AsAbove,
  Sum,
  ConstantMultiple,
  Product,
  Quotient,
  Power,
  Exponential,
  VariableExponent,
  Chain,
  ChainGeneral,
  PartialDerivative,
  DerivativeTable,  ///< row: the function
  // Antiderivatives.
  IntegralConstant,
  Linearity,
  IntegralConstantMultiple,  ///< parts: c
  ExpandIntegrand,           ///< parts: expanded
  IntegralTable,             ///< row: the table's row; parts: u, du/dx for f(a·x + b)
  Substitution,              ///< parts: the new variable = its value first (u = g, w = cos x)
  TrigIdentity,              ///< row: the identity; parts: rewritten
  Reduction,                 ///< row: sec or csc; parts: k
  Parts,                     ///< parts: u, dv, du/dx, v
  PartsTwice,                ///< parts: u, dv
  PartsTabular,              ///< parts: u (a polynomial), dv
  PartsCancelling,           ///< parts: u, dv, v
  Polynomial,
  PartialFractions,  ///< row: the method for a special denominator; parts: decomposition,
                     ///< denominator
  RootOfQuadratic,   ///< parts: q, R, λ
  UndefinedFunction,
  // Rewrites.
  Identities,
  Rewrite,           ///< row: the identity used; parts: rewritten
  ExpandAndCollect,  ///< parts: each term expanded
  Cancel,
  SimplifyAntiderivative,
  Check,
};
#pragma GCC diagnostic pop

/// The row of a rule with several (the integral table's "sin", a trigonometric
/// identity): a key for the rule id and the row's formula for the text.
struct RuleRow {
  std::string_view key;
  std::string_view formula;
};

struct Step {
  StepOperation operation = StepOperation::Rewrite;
  Rule rule = Rule::Identities;
  RuleRow row = {};
  Expr var = {};  ///< the variable of a derivative or antiderivative
  Expr before = {};
  Expr after = {};
  /// Named parts, in the notes' terms: {"u", x^2 + y^2}, {"∂u/∂x", 2*x}, ...
  std::vector<std::pair<std::string, Expr>> parts = {};
  int depth = 0;  ///< nesting: a step taken to compute a part of its parent
};

/// The stable id of the step's rule: "product", "chain", "integral-table:sin".
std::string rule_id(const Step& step);
/// The rule as the text of a derivation names it: "product rule", "substitution u =
/// x^2", "table: ∫ cos u du = sin u".
std::string rule_text(const Step& step);
/// The rule's formula, then its parts written in, as the last line of its derivation
/// shows it ("u·∂v/∂x + v·∂u/∂x = x²·0 + y·(2x)"): an fmt template over named fields
/// the writer fills in for its notation (text or LaTeX). The notation's symbols: {dot},
/// {minus}, {du} {dv} {dg} {db} (∂u/∂x …), {df_du} {df_dv} (∂f/∂u, ∂f/∂v). The parts, as
/// factors: {u} {v} {c}, {du_x} {dv_x} {dg_x} (the values of ∂u/∂x …), {df_du_x}
/// {df_dv_x}. Empty for a rule whose last line is the sum of its sub-results (sum,
/// linearity) or its result.
std::string_view rule_formula(const Step& step, bool latex);
/// The part named `name`, or null.
const Expr* step_part(const Step& step, std::string_view name);

/// The one recorder of steps, for derivatives, simplification and integrals. A rule
/// opens its step before its sub-derivations (one level deeper) and closes it with its
/// result; a rule that fails rolls back to a mark taken before it.
class Trace {
 public:
  struct Mark {
    std::size_t size;
    int depth;
  };

  /// Appends a finished step at the current depth and returns its index.
  std::size_t add(Step step) {
    step.depth = depth_;
    steps_.push_back(std::move(step));
    return steps_.size() - 1;
  }
  /// Appends a step whose result comes later; what follows is one level deeper.
  std::size_t open(Step step) {
    const std::size_t index = add(std::move(step));
    ++depth_;
    return index;
  }
  /// Fills in the result of an open step and returns to its depth.
  void close(std::size_t index, const Expr& after) {
    --depth_;
    steps_[index].after = after;
  }
  Mark mark() const { return {steps_.size(), depth_}; }
  /// Forgets every step from the mark on (a rule that did not apply).
  void rollback(Mark mark) {
    steps_.resize(mark.size);
    depth_ = mark.depth;
  }

  Step& step(std::size_t index) { return steps_[index]; }
  const std::vector<Step>& steps() const { return steps_; }
  int depth() const { return depth_; }

 private:
  std::vector<Step> steps_;
  int depth_ = 0;
};

}  // namespace leibniz
