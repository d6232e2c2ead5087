#include "leibniz/app/steps_format.h"

#include <gtest/gtest.h>

#include "leibniz/calculus/diff.h"
#include "leibniz/calculus/integrate.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/functions.h"
#include "leibniz/expr/parse.h"

namespace leibniz::app {
namespace {

// Each rule's payload, its fields left empty.
template <std::size_t... I>
std::vector<StepParts> payloads(std::index_sequence<I...>) {
  return {StepParts(std::in_place_index<I>)...};
}
std::vector<StepParts> every_payload() {
  return payloads(std::make_index_sequence<std::variant_size_v<StepParts>>());
}

std::string steps(const char* f, const char* var) {
  Trace trace;
  const Expr v = symbol(var);
  derivative(parse_text(f), std::span(&v, 1), &trace);
  return steps_text(trace.steps());
}

TEST(StepsFormat, ShortDerivationsSpellEverythingOut) {
  EXPECT_EQ(steps("x^2/y", "x"),
            "quotient rule: ∂/∂x (x²/y), u = x², v = y\n"
            "  power rule: ∂/∂x x² = 2x\n"
            "  constant: ∂/∂x y = 0  (y does not depend on x)\n"
            "  = (v·∂u/∂x − u·∂v/∂x)/v² = (y·(2x) − x²·0)/y² = 2x/y\n");
}

// The page folds a derivation line by line: the same lines as the text and the LaTeX,
// each with its depth.
TEST(StepsFormat, TheDerivationJsonHoldsTheLinesWithTheirDepths) {
  Trace trace;
  const Expr x = symbol("x");
  derivative(parse_text("x^2/y"), std::span(&x, 1), &trace);
  EXPECT_EQ(
      derivation_json(trace.steps()).dump(),
      R"j({"text":[{"depth":0,"line":"quotient rule: ∂/∂x (x²/y), u = x², v = y"},{"depth":1,"line":"power rule: ∂/∂x x² = 2x"},{"depth":1,"line":"constant: ∂/∂x y = 0  (y does not depend on x)"},{"depth":1,"line":"= (v·∂u/∂x − u·∂v/∂x)/v² = (y·(2x) − x²·0)/y² = 2x/y"}],"latex":[{"depth":0,"line":"\\text{quotient rule}: \\frac{\\partial}{\\partial x} \\left(\\frac{x^{2}}{y}\\right), u = x^{2}, v = y"},{"depth":1,"line":"\\text{power rule}: \\frac{\\partial}{\\partial x} x^{2} = 2 x"},{"depth":1,"line":"\\text{constant}: \\frac{\\partial}{\\partial x} y = 0\\text{  (}y\\text{ does not depend on }x\\text{)}"},{"depth":1,"line":"= \\frac{v  \\cdot  \\frac{\\partial u}{\\partial x} - u  \\cdot  \\frac{\\partial v}{\\partial x}}{v^{2}} = \\frac{y  \\cdot  \\left(2 x\\right) - x^{2}  \\cdot  0}{y^{2}} = \\frac{2 x}{y}"}]})j");
}

TEST(StepsFormat, LongDerivationsNameRepeatedSubexpressionsOnce) {
  const std::string text = steps("sigmoid(w*x + b)^2*tanh(w*x + b)", "w");
  EXPECT_EQ(text.rfind("let A = tanh(w·x + b)\nlet B = σ(w·x + b)\n", 0), 0u) << text;
  EXPECT_EQ(text.find("σ(w·x + b)", 40), std::string::npos) << text;  // printed once, then B
}

// Expanding then collecting is two lines when like terms meet, one when none do.
TEST(StepsFormat, CollectingLikeTermsIsShownOnlyWhenItChangesSomething) {
  const std::string collects = steps("(x^2 + y^2)*(x^2*y + y^2*x)", "x");
  EXPECT_NE(collects.find("(expanding each product)"), std::string::npos) << collects;
  EXPECT_NE(collects.find("(collecting like terms)"), std::string::npos) << collects;
  const std::string nothing_alike = steps("x*sin(x)*exp(x)", "x");
  EXPECT_NE(nothing_alike.find("(expanding each product)"), std::string::npos) << nothing_alike;
  EXPECT_EQ(nothing_alike.find("(collecting like terms)"), std::string::npos) << nothing_alike;
}

Trace integral_steps(const char* f) {
  Trace trace;
  integrate(parse_text(f), symbol("x"), &trace);
  return trace;
}

// Linearity's last line adds the terms' antiderivatives before collecting them.
TEST(StepsFormat, LinearityAddsTheTermsIntegrals) {
  EXPECT_EQ(steps_text(integral_steps("x^2 + cos(x)").steps()),
            "linearity: ∫ (f + g) dx = ∫ f dx + ∫ g dx: ∫ (x² + cos(x)) dx\n"
            "  table: ∫ cos u du = sin u: ∫ cos(x) dx = sin(x)\n"
            "  table: ∫ uⁿ du = uⁿ⁺¹/(n + 1), n ≠ −1: ∫ x² dx = x³/3\n"
            "  = sin(x) + x³/3 = x³/3 + sin(x)\n"
            "check: the derivative of the answer is the integrand: ∂/∂x (x³/3 + sin(x)) = x² + "
            "cos(x)\n");
}

// Every JSON step carries the stable id of its rule beside the rule's text.
TEST(StepsFormat, JsonStepsCarryTheRuleId) {
  const auto json = steps_json(integral_steps("x*e^x + 2*x*cos(x^2)").steps());
  std::vector<std::string> ids, texts;
  for (const auto& step : json) {
    ids.push_back(step["rule_id"]);
    texts.push_back(step["rule"]);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"linearity", "parts", "integral-table:exp",
                                           "integral-table:exp", "integral-constant-multiple",
                                           "substitution", "integral-constant-multiple",
                                           "integral-table:cos", "check"}))
      << json.dump();
  EXPECT_EQ(texts[1], "integration by parts u = x, dv = e^x dx");
  EXPECT_EQ(texts[5], "substitution u = x^2");
}

// Every symbol of the rules' texts has a LaTeX form (an unknown one prints as '?'): the
// integral table's rows, each function's row included, the trigonometric ones, and
// every other rule (integration by parts as it is recorded).
TEST(StepsFormat, EveryRuleTextIsWrittenInLatex) {
  std::vector<Step> steps;
  const Expr x = symbol("x");
  for (const FunctionInfo& row : function_table()) {
    if (!row.antiderivative) continue;
    steps.push_back(
        {.operation = StepOperation::Antiderivative,
         .var = x,
         .before = x,
         .after = x,
         .parts = PartsOf<Rule::IntegralTable>{.row = {row.name, row.antiderivative_rule}}});
  }
  for (const char* f : {"sec(x)^5",
                        "x^2/sqrt(x^2 + 2*x + 3)",
                        "x^3/(x^2 + 1)",
                        "x^7",
                        "sin(x)^2*cos(x)^2",
                        "sin(x)^3",
                        "1/(x*sqrt(x^2 - 1))",
                        "e^x*sin(x)",
                        "x*e^x",
                        "x^5*e^x",
                        "cos(x)*ln(x) + sin(x)/x",
                        "1/(x^4 + 1)",
                        "sin(x)^12",
                        "1/(csc(x) - sin(x))",
                        "1/(1 + e^x)",
                        "e^x*sin(x)^2",
                        "1/((x - a)*(x - b))",
                        "1/(x^2 + a^2)",
                        "1/(x^2*sqrt(x^2 + 4))",
                        "1/(x^2 + 1)^3",
                        "sqrt(1 - x)/sqrt(1 - x^2)"}) {
    const Trace trace = integral_steps(f);
    steps.insert(steps.end(), trace.steps().begin(), trace.steps().end());
  }
  // The rules whose text names no part, each once.
  for (const StepParts& parts : every_payload()) {
    const Rule rule = static_cast<Rule>(parts.index());
    if (rule != Rule::Substitution && rule != Rule::Parts && rule != Rule::PartsTabular &&
        rule != Rule::PartsCancelling) {
      steps.push_back(
          {.operation = StepOperation::Rewrite, .before = x, .after = x, .parts = parts});
    }
  }
  const std::string latex = steps_latex(steps);
  EXPECT_EQ(latex.find('?'), std::string::npos) << latex;
}

}  // namespace
}  // namespace leibniz::app
