// Each rule's stable id and text, beside one another and in the order of Rule (a
// static_assert checks it); then, per payload, the names its parts have in the notes
// (and in JSON), the rule's text with its row or parts written in, and the formula its
// derivation ends with.
#include "leibniz/calculus/steps.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "leibniz/expr/call.h"
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

// ---- The parts as the notes name them.

// Collects the named parts of a step, leaving out the null ones.
class Names {
 public:
  explicit Names(const Step& step) : step_(step) {}

  void operator()(std::string name, const Expr& e) {
    if (!e.is_null()) list_.emplace_back(std::move(name), e);
  }
  // ∂u/∂x, named for the step's variable.
  void derivative(std::string_view of, const Expr& e) {
    if (!e.is_null()) list_.emplace_back(fmt::format("∂{}/∂{}", of, step_.var.name()), e);
  }
  const Step& step() const { return step_; }
  std::vector<std::pair<std::string, Expr>> take() { return std::move(list_); }

 private:
  const Step& step_;
  std::vector<std::pair<std::string, Expr>> list_;
};

template <Rule R>
void names(const NoParts<R>&, Names&) {}
void names(const DerivativeTableParts&, Names&) {}
void names(const ConstantMultipleParts& p, Names& out) {
  out("c", p.c);
  out("g", p.g);
  out.derivative("g", p.dg);
}
template <Rule R>
void names(const FactorParts<R>& p, Names& out) {
  out("u", p.u);
  out("v", p.v);
  out.derivative("u", p.du);
  out.derivative("v", p.dv);
}
void names(const PowerParts& p, Names& out) { out("n", p.n); }
void names(const VariableExponentParts& p, Names& out) {
  out("b", p.b);
  out("g", p.g);
  out.derivative("b", p.db);
  out.derivative("g", p.dg);
}
void names(const ChainParts& p, Names& out) {
  out("outer", p.outer);
  out("u", p.u);
  out("v", p.v);
  out("∂f/∂u", p.df_du);
  out("∂f/∂v", p.df_dv);
  out.derivative("u", p.du);
  out.derivative("v", p.dv);
}

// The names of a term of an undefined function's derivative: ∂f/∂g and ∂g/∂x, f the
// function the step differentiates; g for g(x, y), else the argument itself.
std::pair<std::string, std::string> term_names(const Step& step, const Expr& argument) {
  const std::string g = argument.is(Kind::Call) && call_slots(argument).empty()
                            ? call_name(argument)
                        : argument.is(Kind::Symbol) ? argument.name()
                                                    : "(" + print_text(argument) + ")";
  return {fmt::format("∂{}/∂{}", call_name(step.before), g),
          fmt::format("∂{}/∂{}", g, step.var.name())};
}
// An argument that appears twice (f(x, x)) would name two terms alike: from its second
// appearance on, a term's names add its position, "∂f/∂x (term 2)".
template <Rule R>
void names(const PartialsParts<R>& p, Names& out) {
  std::vector<std::string> partials;
  for (std::size_t k = 0; k < p.terms.size(); ++k) {
    auto [partial, d_argument] = term_names(out.step(), p.terms[k].argument);
    if (std::find(partials.begin(), partials.end(), partial) != partials.end()) {
      const std::string position = fmt::format(" (term {})", k + 1);
      partial += position;
      d_argument += position;
    }
    partials.push_back(partial);
    out(std::move(partial), p.terms[k].partial);
    out(std::move(d_argument), p.terms[k].d_argument);
  }
}
void names(const IntegralConstantMultipleParts& p, Names& out) { out("c", p.c); }
void names(const ExpandIntegrandParts& p, Names& out) { out("expanded", p.expanded); }
void names(const IntegralTableParts& p, Names& out) {
  out("u", p.u);
  out("du/dx", p.du_dx);
}
void names(const SubstitutionParts& p, Names& out) {
  out(std::string(p.variable), p.value);
  out("du/dx", p.du_dx);
  out("x", p.x);
  out("dx", p.dx);
}
template <Rule R>
void names(const RewrittenParts<R>& p, Names& out) {
  out("rewritten", p.rewritten);
  out("R", p.factor);
}
void names(const ReductionParts& p, Names& out) {
  out("k", p.k);
  out("n", p.n);
  out("T", p.T);
  out("S", p.S);
}
template <Rule R>
void names(const ByPartsParts<R>& p, Names& out) {
  out("u", p.u);
  out("dv", p.dv);
  out("du/dx", p.du_dx);
  out("v", p.v);
}
void names(const PartialFractionsParts& p, Names& out) {
  out("decomposition", p.decomposition);
  out("denominator", p.denominator);
  out("t", p.t);
  out("B", p.B);
  out("C", p.C);
  out("r", p.r);
  out("z² + p·z + r", p.minimal);
  out("U", p.U);
  out("V", p.V);
  out("n", p.n);
  out("A", p.A);
  out("R", p.R);
  out("z", p.z);
  out("S₁", p.S1);
  out("S₂", p.S2);
}
void names(const RootOfQuadraticParts& p, Names& out) {
  out("q", p.q);
  out("R", p.R);
  out("λ", p.lambda);
  out("μ", p.mu);
}
// Numbered from 1 in the order of the expanded sum, so that each term has its own key
// in a JSON step's "parts": "term 1", "term 2", ….
void names(const ExpandAndCollectParts& p, Names& out) {
  for (std::size_t k = 0; k < p.terms.size(); ++k) out(fmt::format("term {}", k + 1), p.terms[k]);
}

// ---- The rule's text.

// By default the table's; a row's rule writes in its row, some their parts.
template <class Parts>
std::string text(const Parts&) {
  return std::string(info(Parts::rule).text);
}
std::string text(const IntegralTableParts& p) {
  if (!p.u.is_null()) {
    return fmt::format("table with linear substitution u = {}: {}", print_text(p.u), p.row.formula);
  }
  return fmt::format("table: {}", p.row.formula);
}
std::string text(const SubstitutionParts& p) {
  const std::string text = fmt::format("substitution {} = {}", p.variable, print_text(p.value));
  return p.row.formula.empty() ? text : fmt::format("{}: {}", p.row.formula, text);
}
std::string text(const PartialFractionsParts& p) {
  return p.row.formula.empty() ? "partial fractions"
                               : fmt::format("partial fractions: {}", p.row.formula);
}
std::string text(const RewrittenParts<Rule::Rewrite>& p) { return std::string(p.row.formula); }
std::string text(const RewrittenParts<Rule::TrigIdentity>& p) { return std::string(p.row.formula); }
std::string text(const RootOfQuadraticParts& p) {
  return p.row.formula.empty() ? std::string(info(p.rule).text) : std::string(p.row.formula);
}
std::string text(const ReductionParts& p) { return fmt::format("reduction: {}", p.row.formula); }
std::string text(const ByPartsParts<Rule::Parts>& p) {
  return fmt::format("integration by parts u = {}, dv = {} dx", print_text(p.u), print_text(p.dv));
}
std::string text(const ByPartsParts<Rule::PartsTabular>& p) {
  return fmt::format("tabular integration by parts u = {}, dv = {} dx", print_text(p.u),
                     print_text(p.dv));
}
std::string text(const ByPartsParts<Rule::PartsCancelling>& p) {
  return fmt::format("integration by parts u = {}, dv = {} dx: the integrals left over cancel",
                     print_text(p.u), print_text(p.dv));
}

// ---- The formula a derivation ends with, its parts written in.

template <class Parts>
std::string formula(const Step&, const Parts&, const FormulaNotation&) {
  return {};
}
std::string formula(const Step& step, const FactorParts<Rule::Product>& p,
                    const FormulaNotation& n) {
  const std::string dot(n.dot), du = n.d_of("u", step.var), dv = n.d_of("v", step.var);
  return "u" + dot + dv + " + v" + dot + du + " = " + n.factor(p.u) + dot + n.factor(p.dv) + " + " +
         n.factor(p.v) + dot + n.factor(p.du);
}
std::string formula(const Step& step, const FactorParts<Rule::Quotient>& p,
                    const FormulaNotation& n) {
  const std::string dot(n.dot), minus(n.minus),
      du = n.d_of("u", step.var), dv = n.d_of("v", step.var), u = n.factor(p.u), v = n.factor(p.v),
      du_x = n.factor(p.du), dv_x = n.factor(p.dv);
  if (n.latex) {
    return "\\frac{v " + dot + " " + du + " - u " + dot + " " + dv + "}{v^{2}} = \\frac{" + v +
           " " + dot + " " + du_x + " - " + u + " " + dot + " " + dv_x + "}{" + v + "^{2}}";
  }
  return "(v" + dot + du + minus + "u" + dot + dv + ")/v² = (" + v + dot + du_x + minus + u + dot +
         dv_x + ")/" + v + "²";
}
std::string formula(const Step& step, const ChainParts& p, const FormulaNotation& n) {
  auto d_f = [&](const char* by) {
    return n.latex ? fmt::format("\\frac{{\\partial f}}{{\\partial {}}}", by)
                   : fmt::format("∂f/∂{}", by);
  };
  const std::string dot(n.dot);
  const std::string through_u = d_f("u") + dot + n.d_of("u", step.var);
  const std::string at_u = n.factor(p.df_du) + dot + n.factor(p.du);
  if (p.v.is_null()) return through_u + " = " + at_u;
  // max(u, v), min(u, v)
  return through_u + " + " + d_f("v") + dot + n.d_of("v", step.var) + " = " + at_u + " + " +
         n.factor(p.df_dv) + dot + n.factor(p.dv);
}
std::string formula(const Step& step, const ConstantMultipleParts& p, const FormulaNotation& n) {
  const std::string dot(n.dot);
  return "c" + dot + n.d_of("g", step.var) + " = " + n.factor(p.c) + dot + n.factor(p.dg);
}
std::string formula(const Step& step, const VariableExponentParts&, const FormulaNotation& n) {
  const std::string dot(n.dot);
  return "b^g" + dot + "(" + n.d_of("g", step.var) + dot + "ln(b) + g" + dot +
         n.d_of("b", step.var) + "/b)";
}
// ∂f/∂g·∂g/∂x + ∂f/∂h·∂h/∂x = the same with the values written in.
std::string formula(const Step& step, const PartialsParts<Rule::ChainGeneral>& p,
                    const FormulaNotation& n) {
  std::string symbols, values;
  for (const auto& term : p.terms) {
    const std::string plus = symbols.empty() ? "" : " + ";
    const auto [partial, d_argument] = term_names(step, term.argument);
    symbols += plus + n.words(partial) + std::string(n.dot) + n.words(d_argument);
    values += plus + n.factor(term.partial) + std::string(n.dot) + n.factor(term.d_argument);
  }
  return symbols + " = " + values;
}

}  // namespace

std::vector<std::pair<std::string, Expr>> named_parts(const Step& step) {
  Names out(step);
  std::visit([&](const auto& parts) { names(parts, out); }, step.parts);
  return out.take();
}

std::string rule_id(const Step& step) {
  return std::visit(
      [&](const auto& parts) {
        const std::string_view id = info(step.rule()).id;
        if constexpr (requires { parts.row; }) {
          if (!parts.row.key.empty()) return fmt::format("{}:{}", id, parts.row.key);
        }
        return std::string(id);
      },
      step.parts);
}

std::string rule_text(const Step& step) {
  return std::visit([](const auto& parts) { return text(parts); }, step.parts);
}

std::string rule_formula(const Step& step, const FormulaNotation& notation) {
  return std::visit([&](const auto& parts) { return formula(step, parts, notation); }, step.parts);
}

}  // namespace leibniz
