// Each rule's stable id and text, beside one another and in the order of Rule (a
// static_assert checks it). The rules with a row or with named expressions in their
// text (table rows, substitutions, parts) write them in from the step's payload.
#include "leibniz/calculus/steps.h"

#include <fmt/format.h>

#include <array>

#include "leibniz/expr/print.h"

namespace leibniz {
namespace {

struct RuleInfo {
  Rule rule;
  std::string_view id;    ///< stable; a rule with rows adds ":" and the row's key
  std::string_view text;  ///< how a derivation names the rule
};

constexpr RuleInfo kRules[] = {
    {Rule::Constant, "constant", "constant"},
    {Rule::Variable, "variable", "variable"},
    {Rule::AsAbove, "as-above", "as above"},
    {Rule::Sum, "sum", "sum rule"},
    {Rule::ConstantMultiple, "constant-multiple", "constant multiple rule"},
    {Rule::Product, "product", "product rule"},
    {Rule::Quotient, "quotient", "quotient rule"},
    {Rule::Power, "power", "power rule"},
    {Rule::Exponential, "exponential", "exponential rule"},
    {Rule::VariableExponent, "variable-exponent", "variable exponent"},
    {Rule::Chain, "chain", "chain rule"},
    {Rule::ChainGeneral, "chain-general", "chain rule, general form"},
    {Rule::PartialDerivative, "partial-derivative", "partial derivative"},
    {Rule::DerivativeTable, "table", "table"},
    {Rule::IntegralConstant, "integral-constant", "constant: ∫ c dx = c·x"},
    {Rule::Linearity, "linearity", "linearity: ∫ (f + g) dx = ∫ f dx + ∫ g dx"},
    {Rule::IntegralConstantMultiple, "integral-constant-multiple",
     "constant multiple: ∫ c·f dx = c·∫ f dx"},
    {Rule::ExpandIntegrand, "expand-integrand", "expand the integrand"},
    {Rule::IntegralTable, "integral-table", "table"},
    {Rule::Substitution, "substitution", "substitution"},
    {Rule::TrigIdentity, "trig-identity", ""},
    {Rule::Reduction, "reduction", "reduction"},
    {Rule::Parts, "parts", "integration by parts"},
    {Rule::PartsTwice, "parts-twice", "integration by parts twice, then solve for the integral"},
    {Rule::PartsTabular, "parts-tabular", "tabular integration by parts"},
    {Rule::PartsCancelling, "parts-cancelling",
     "integration by parts, the integrals left over cancel"},
    {Rule::Polynomial, "polynomial", "polynomial: ∫ Σ cₖxᵏ dx = Σ cₖxᵏ⁺¹/(k + 1)"},
    {Rule::PartialFractions, "partial-fractions", "partial fractions"},
    {Rule::RootOfQuadratic, "root-of-quadratic",
     "square root of a quadratic: ∫ P/√q dx = R·√q + λ·∫ dx/√q"},
    {Rule::UndefinedFunction, "undefined-function", "undefined function: ∫ ∂g/∂x dx = g"},
    {Rule::Identities, "identities", "identities"},
    {Rule::Rewrite, "rewrite", "rewrite"},
    {Rule::ExpandAndCollect, "expand-and-collect", "expand and collect like terms"},
    {Rule::Cancel, "cancel", "common denominator and cancelling"},
    {Rule::SimplifyAntiderivative, "simplify-antiderivative", "simplify the antiderivative"},
    {Rule::Check, "check", "check: the derivative of the answer is the integrand"},
};

constexpr bool in_the_order_of_rule() {
  for (std::size_t k = 0; k < std::size(kRules); ++k) {
    if (kRules[k].rule != static_cast<Rule>(k)) return false;
  }
  return std::size(kRules) == static_cast<std::size_t>(Rule::Check) + 1;
}
static_assert(in_the_order_of_rule(), "one RuleInfo per Rule, in the order of the enum");

const RuleInfo& info(Rule rule) { return kRules[static_cast<std::size_t>(rule)]; }

std::string shown(const Step& step, std::string_view name) {
  const Expr* e = step_part(step, name);
  return e ? print_text(*e) : "?";
}

}  // namespace

std::string_view rule_formula(const Step& step, bool latex) {
  switch (step.rule) {
    case Rule::Product: return "u{dot}{dv} + v{dot}{du} = {u}{dot}{dv_x} + {v}{dot}{du_x}";
    case Rule::Quotient:
      return latex
                 ? "\\frac{{v {dot} {du} - u {dot} {dv}}}{{v^{{2}}}} = "
                   "\\frac{{{v} {dot} {du_x} - {u} {dot} {dv_x}}}{{{v}^{{2}}}}"
                 : "(v{dot}{du}{minus}u{dot}{dv})/v² = ({v}{dot}{du_x}{minus}{u}{dot}{dv_x})/{v}²";
    case Rule::Chain:
      if (step_part(step, "v")) {  // max(u, v), min(u, v)
        return "{df_du}{dot}{du} + {df_dv}{dot}{dv} = {df_du_x}{dot}{du_x} + {df_dv_x}{dot}{dv_x}";
      }
      return "{df_du}{dot}{du} = {df_du_x}{dot}{du_x}";
    case Rule::ConstantMultiple: return "c{dot}{dg} = {c}{dot}{dg_x}";
    case Rule::VariableExponent: return "b^g{dot}({dg}{dot}ln(b) + g{dot}{db}/b)";
    default: return {};
  }
}

const Expr* step_part(const Step& step, std::string_view name) {
  for (const auto& [n, e] : step.parts) {
    if (n == name) return &e;
  }
  return nullptr;
}

std::string rule_id(const Step& step) {
  const std::string_view id = info(step.rule).id;
  return step.row.key.empty() ? std::string(id) : fmt::format("{}:{}", id, step.row.key);
}

std::string rule_text(const Step& step) {
  switch (step.rule) {
    case Rule::IntegralTable:
      if (step_part(step, "u")) {
        return fmt::format("table with linear substitution u = {}: {}", shown(step, "u"),
                           step.row.formula);
      }
      return fmt::format("table: {}", step.row.formula);
    case Rule::Substitution: {  // the first part is the new variable: u = g, w = cos x
      const std::string text = step.parts.empty()
                                   ? "substitution"
                                   : fmt::format("substitution {} = {}", step.parts[0].first,
                                                 print_text(step.parts[0].second));
      return step.row.formula.empty() ? text : fmt::format("{}: {}", step.row.formula, text);
    }
    case Rule::PartialFractions:
      return step.row.formula.empty() ? "partial fractions"
                                      : fmt::format("partial fractions: {}", step.row.formula);
    case Rule::Rewrite: return std::string(step.row.formula);
    case Rule::RootOfQuadratic:
      return step.row.formula.empty() ? std::string(info(step.rule).text)
                                      : std::string(step.row.formula);
    case Rule::PartsTabular:
      return fmt::format("tabular integration by parts u = {}, dv = {} dx", shown(step, "u"),
                         shown(step, "dv"));
    case Rule::PartsCancelling:
      return fmt::format("integration by parts u = {}, dv = {} dx: the integrals left over cancel",
                         shown(step, "u"), shown(step, "dv"));
    case Rule::TrigIdentity: return std::string(step.row.formula);
    case Rule::Reduction: return fmt::format("reduction: {}", step.row.formula);
    case Rule::Parts:
      return fmt::format("integration by parts u = {}, dv = {} dx", shown(step, "u"),
                         shown(step, "dv"));
    default: return std::string(info(step.rule).text);
  }
}

}  // namespace leibniz
