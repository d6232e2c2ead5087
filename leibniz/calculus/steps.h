// A derivation, step by step: each rule of calculus records the step it takes in the
// same function that computes its result, so that an explanation cannot drift from
// the answer. A step names its rule by a Rule — declared here with its stable id and
// its text (steps.cpp) — and carries the rule's payload, a struct declared below: the
// expressions the rule names (u, v, ∂u/∂x, …) as typed fields and, for a rule with
// several rows (the integral table, the trigonometric identities), the row. The payload
// decides the rule, so a step of a rule can only be built with that rule's fields. Text,
// LaTeX and JSON are written from these (steps.cpp, app/steps_format).
// A null Trace* records nothing and costs nothing.
//
// Recording a step: PartsOf<Rule::R> is R's payload; fill its fields by name, in the
// order declared, and leave out those the step does not have (a null Expr is not
// shown). In the integrator (integrate_rules.h):
//   in.step<Rule::PartsTwice>(e, result, {.u = T, .dv = E});
//   in.step<Rule::IntegralTable>(e, result, {.row = row, .u = u, .du_dx = a});
//   in.step<Rule::Polynomial>(e, result);
//   const std::size_t index = in.open<Rule::Substitution>(e, {.value = g, .du_dx = dg});
//   return in.finish(index, f);  // or finish<Rule::R>(index, f, parts) with its parts,
//                                 // when they are known only at the end
//   return in.rewritten<Rule::TrigIdentity>({"key", "formula"}, e, form);
// Elsewhere, a Step whose .parts is the payload: {.operation = …, .var = x, .before = e,
// .after = f, .parts = PartsOf<Rule::Check>{}}. A new part is a new field (with its
// JSON name in steps.cpp's names()); a new rule is a new Rule, a new payload in StepParts
// at the same position, and its row in steps.cpp's table.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
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
  // Derivatives.
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
  DerivativeTable,
  // Antiderivatives.
  IntegralConstant,
  Linearity,
  IntegralConstantMultiple,
  ExpandIntegrand,
  IntegralTable,
  Substitution,
  TrigIdentity,
  Reduction,
  Parts,
  PartsTwice,
  PartsTabular,
  PartsCancelling,
  Polynomial,
  PartialFractions,
  RootOfQuadratic,
  UndefinedFunction,
  // Rewrites.
  Identities,
  Rewrite,
  ExpandAndCollect,
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

// The payloads, one per rule. In the comments ∂u/∂x is the derivative by the step's
// variable; the JSON name of each field (docs/steps.md) is in steps.cpp.

/// A rule that names no parts.
template <Rule R>
struct NoParts {
  static constexpr Rule rule = R;
};

/// ∂/∂x (c·g) = c·∂g/∂x.
struct ConstantMultipleParts {
  static constexpr Rule rule = Rule::ConstantMultiple;
  Expr c = {}, g = {}, dg = {};  ///< c, g, ∂g/∂x
};

/// The product rule (u the first factor, v the rest) and the quotient rule (u/v).
template <Rule R>
struct FactorParts {
  static constexpr Rule rule = R;
  Expr u = {}, v = {}, du = {}, dv = {};  ///< u, v, ∂u/∂x, ∂v/∂x
};

/// ∂/∂x xⁿ = n·xⁿ⁻¹.
struct PowerParts {
  static constexpr Rule rule = Rule::Power;
  Expr n = {};
};

/// ∂/∂x b^g = b^g·(∂g/∂x·ln b + g·∂b/∂x/b).
struct VariableExponentParts {
  static constexpr Rule rule = Rule::VariableExponent;
  Expr b = {}, g = {}, db = {}, dg = {};  ///< b, g, ∂b/∂x, ∂g/∂x
};

/// The chain rule through f(u), or f(u, v) for max and min (v, df_dv, dv null for one).
struct ChainParts {
  static constexpr Rule rule = Rule::Chain;
  Expr outer = {};              ///< f written in u (and v): u², sin u, max(u, v)
  Expr u = {}, v = {};          ///< the inner functions
  Expr df_du = {}, df_dv = {};  ///< ∂f/∂u, ∂f/∂v at the inner functions
  Expr du = {}, dv = {};        ///< ∂u/∂x, ∂v/∂x
};

/// An undefined function f(g, h, …) through each argument that holds x: Σ ∂f/∂g·∂g/∂x.
template <Rule R>
struct PartialsParts {
  static constexpr Rule rule = R;
  struct Term {
    Expr argument = {};    ///< g
    Expr partial = {};     ///< ∂f/∂g, kept as an object (expr/call.h)
    Expr d_argument = {};  ///< ∂g/∂x
  };
  std::vector<Term> terms = {};
};

/// A row of the derivative table (the row's key is the function's name).
struct DerivativeTableParts {
  static constexpr Rule rule = Rule::DerivativeTable;
  RuleRow row = {};
};

/// ∫ c·f dx = c·∫ f dx.
struct IntegralConstantMultipleParts {
  static constexpr Rule rule = Rule::IntegralConstantMultiple;
  Expr c = {};
};

struct ExpandIntegrandParts {
  static constexpr Rule rule = Rule::ExpandIntegrand;
  Expr expanded = {};
};

/// A row of the integral table, applied to u = a·x + b (u, du_dx null when u = x).
struct IntegralTableParts {
  static constexpr Rule rule = Rule::IntegralTable;
  RuleRow row = {};
  Expr u = {}, du_dx = {};
};

/// A change of variable: the new variable (named `variable` in the notes: u, t = x − r,
/// w = cos x) is `value`; then du/dx, or x in the new variable and dx, as the method has them.
struct SubstitutionParts {
  static constexpr Rule rule = Rule::Substitution;
  RuleRow row = {};  ///< a named method (Bioche's rule), if any
  std::string_view variable = "u";
  Expr value = {}, du_dx = {}, x = {}, dx = {};
};

/// The integrand rewritten by an identity (the row), then integrated.
template <Rule R>
struct RewrittenParts {
  static constexpr Rule rule = R;
  RuleRow row = {};
  Expr rewritten = {};
  Expr factor = {};  ///< risch-exponential: the rational R of ∫ r·e^g = R·e^g
};

/// A reduction formula (the row) with the power it starts from: k for secᵏ, cscᵏ, n for
/// sinⁿ, cosⁿ; Hermite's reduction a = S·q + T·q′ gives T and S.
struct ReductionParts {
  static constexpr Rule rule = Rule::Reduction;
  RuleRow row = {};
  Expr k = {}, n = {}, T = {}, S = {};
};

/// ∫ u dv = u·v − ∫ v du, and its variants: twice and solved for the integral, tabular
/// (u a polynomial), or with leftover integrals that cancel. du_dx and v as the rule has them.
template <Rule R>
struct ByPartsParts {
  static constexpr Rule rule = R;
  Expr u = {}, dv = {}, du_dx = {}, v = {};
};

/// Partial fractions: the decomposition and the denominator, or the quantities of a
/// special denominator's row (the row's formula names them).
struct PartialFractionsParts {
  static constexpr Rule rule = Rule::PartialFractions;
  RuleRow row = {};
  Expr decomposition = {}, denominator = {};
  Expr t = {}, B = {}, C = {},
       r = {};  ///< even quartic t⁴ + B·t² + C, pure cubic t³ + C with root r (t = x + s)
  Expr minimal = {}, U = {}, V = {};  ///< quadratic field: z² + p·z + r; q = U ± √D·V
  Expr n = {}, A = {}, R = {};        ///< binomial tⁿ − A with R = |A|^(1/n)
  Expr z = {}, S1 = {}, S2 = {};      ///< Ferrari: resolvent root z, q = S₁·S₂ over ℚ(√z)
};

/// ∫ P/√q dx = R·√q + λ·∫ dx/√q, and its rows (over xᵐ: + μ·∫ dx/(x·√q); powers of √q).
struct RootOfQuadraticParts {
  static constexpr Rule rule = Rule::RootOfQuadratic;
  RuleRow row = {};
  Expr q = {}, R = {}, lambda = {}, mu = {};
};

/// Each term of a sum multiplied out, before like terms are collected.
struct ExpandAndCollectParts {
  static constexpr Rule rule = Rule::ExpandAndCollect;
  std::vector<Expr> terms = {};
};

/// A step's payload: one alternative per rule, in the order of Rule (checked below).
using StepParts = std::variant<
    NoParts<Rule::Constant>, NoParts<Rule::Variable>, NoParts<Rule::AsAbove>, NoParts<Rule::Sum>,
    ConstantMultipleParts, FactorParts<Rule::Product>, FactorParts<Rule::Quotient>, PowerParts,
    NoParts<Rule::Exponential>, VariableExponentParts, ChainParts,
    PartialsParts<Rule::ChainGeneral>, PartialsParts<Rule::PartialDerivative>, DerivativeTableParts,
    NoParts<Rule::IntegralConstant>, NoParts<Rule::Linearity>, IntegralConstantMultipleParts,
    ExpandIntegrandParts, IntegralTableParts, SubstitutionParts, RewrittenParts<Rule::TrigIdentity>,
    ReductionParts, ByPartsParts<Rule::Parts>, ByPartsParts<Rule::PartsTwice>,
    ByPartsParts<Rule::PartsTabular>, ByPartsParts<Rule::PartsCancelling>,
    NoParts<Rule::Polynomial>, PartialFractionsParts, RootOfQuadraticParts,
    NoParts<Rule::UndefinedFunction>, NoParts<Rule::Identities>, RewrittenParts<Rule::Rewrite>,
    ExpandAndCollectParts, NoParts<Rule::Cancel>, NoParts<Rule::SimplifyAntiderivative>,
    NoParts<Rule::Check>>;

/// The payload of rule R: PartsOf<Rule::Product>{.u = u, .v = v, .du = du, .dv = dv}.
template <Rule R>
using PartsOf = std::variant_alternative_t<static_cast<std::size_t>(R), StepParts>;

namespace detail {
template <std::size_t... I>
constexpr bool payloads_in_rule_order(std::index_sequence<I...>) {
  return ((std::variant_alternative_t<I, StepParts>::rule == static_cast<Rule>(I)) && ...);
}
}  // namespace detail
static_assert(
    std::variant_size_v<StepParts> == static_cast<std::size_t>(Rule::Check) + 1 &&
        detail::payloads_in_rule_order(std::make_index_sequence<std::variant_size_v<StepParts>>()),
    "one payload per Rule, in the order of the enum");

struct Step {
  StepOperation operation = StepOperation::Rewrite;
  Expr var = {};  ///< the variable of a derivative or antiderivative
  Expr before = {};
  Expr after = {};
  StepParts parts = {};
  int depth = 0;  ///< nesting: a step taken to compute a part of its parent

  /// The rule, which the payload decides.
  Rule rule() const { return static_cast<Rule>(parts.index()); }
};

/// The stable id of the step's rule: "product", "chain", "integral-table:sin".
std::string rule_id(const Step& step);
/// The rule as the text of a derivation names it: "product rule", "substitution u =
/// x^2", "table: ∫ cos u du = sin u".
std::string rule_text(const Step& step);
/// The step's parts as the notes name them, in the payload's order, null ones left out:
/// {"u", x^2}, {"∂u/∂x", 2*x}, ... (the "parts" of a JSON step, docs/steps.md).
std::vector<std::pair<std::string, Expr>> named_parts(const Step& step);

/// How a writer prints the pieces of a formula (app/steps_format: Unicode or LaTeX).
struct FormulaNotation {
  bool latex = false;
  std::string_view dot;                                  ///< "·" or " \cdot "
  std::string_view minus;                                ///< " − " or " - "
  std::function<std::string(const Expr&)> factor;        ///< parenthesised unless an atom
  std::function<std::string(const std::string&)> words;  ///< text among the formulas
  std::function<std::string(const std::string& of, const Expr& var)> d_of;  ///< ∂u/∂x
};
/// The rule's formula, then its parts written in, as the last line of its derivation
/// shows it ("u·∂v/∂x + v·∂u/∂x = x²·0 + y·(2x)"). Empty for a rule whose last line is
/// the sum of its sub-results (sum, linearity) or its result.
std::string rule_formula(const Step& step, const FormulaNotation& notation);

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
