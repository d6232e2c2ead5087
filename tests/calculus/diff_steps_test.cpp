// The steps of a derivation name the notes' rules, and every step's claimed equality
// holds: each derivative step against central differences of what it differentiates,
// each rewrite step at random points.
#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "leibniz/calculus/diff.h"
#include "leibniz/calculus/integrate.h"
#include "leibniz/core/error.h"
#include "leibniz/eval/program.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"
#include "leibniz/numeric/finite_difference.h"
#include "support/random_expr.h"

namespace leibniz {
namespace {

Trace steps_of(const char* f, const char* var) {
  Trace trace;
  const Expr v = symbol(var);
  derivative(parse_text(f), std::span(&v, 1), &trace);
  return trace;
}

std::vector<std::string> rules(const char* f, const char* var) {
  std::vector<std::string> names;
  const Trace trace = steps_of(f, var);
  for (const Step& s : trace.steps()) names.push_back(rule_text(s));
  return names;
}

using Rules = std::vector<std::string>;

TEST(Steps, RuleIdsAreStable) {
  const Trace trace = steps_of("sin(x^2)*x + 3*x", "x");
  std::vector<std::string> ids;
  for (const Step& s : trace.steps()) ids.push_back(rule_id(s));
  EXPECT_EQ(ids, Rules({"sum", "constant-multiple", "variable", "product", "variable", "chain",
                        "power"}));
  EXPECT_EQ(rule_id(steps_of("cos(x)", "x").steps()[0]), "table:cos");
}

// One recorder: a rule opens its step, closes it with its result, or rolls back to a
// mark; an integral that fails leaves nothing behind.
TEST(Steps, OpenCloseAndRollBack) {
  Trace trace;
  const std::size_t outer = trace.open({.parts = PartsOf<Rule::Linearity>{}});
  EXPECT_EQ(trace.depth(), 1);
  const Trace::Mark mark = trace.mark();
  trace.open({.parts = PartsOf<Rule::Parts>{}});
  trace.add({.parts = PartsOf<Rule::IntegralConstant>{}});
  trace.rollback(mark);
  EXPECT_EQ(trace.steps().size(), 1u);
  EXPECT_EQ(trace.depth(), 1);
  trace.close(outer, integer(1));
  EXPECT_EQ(trace.depth(), 0);
  EXPECT_EQ(trace.steps()[0].after, integer(1));

  Trace kept;
  const Expr x = symbol("x");
  integrate(parse_text("x"), x, &kept);
  const std::size_t before = kept.steps().size();
  EXPECT_THROW(integrate(parse_text("x*softplus(x) + x"), x, &kept), Error);
  EXPECT_EQ(kept.steps().size(), before);
  EXPECT_EQ(kept.depth(), 0);
}

TEST(DiffSteps, TheNotesRulesInOrder) {
  EXPECT_EQ(rules("x^3", "x"), Rules({"power rule"}));
  EXPECT_EQ(rules("5*x^2", "x"), Rules({"constant multiple rule", "power rule"}));
  EXPECT_EQ(rules("x^2 + y^2", "x"), Rules({"sum rule", "power rule", "constant"}));
  EXPECT_EQ(rules("3*x^3 + 4*y", "y"),
            Rules({"sum rule", "constant", "constant multiple rule", "variable"}));
  EXPECT_EQ(rules("x^2*y^3", "x"), Rules({"product rule", "power rule", "constant"}));
  EXPECT_EQ(rules("x^2/y", "x"), Rules({"quotient rule", "power rule", "constant"}));
  EXPECT_EQ(rules("e^(x^2 + y^2)", "x"),
            Rules({"chain rule", "sum rule", "power rule", "constant"}));
}

TEST(DiffSteps, ProductRuleNamesUAndV) {
  const Trace trace = steps_of("(x^2 + y^2)*(x^2*y + y^2*x)", "x");
  const Step& first = trace.steps().front();
  EXPECT_EQ(rule_text(first), "product rule");
  EXPECT_EQ(rule_id(first), "product");
  const auto& product = std::get<PartsOf<Rule::Product>>(first.parts);
  EXPECT_EQ(product.u, parse_text("x^2 + y^2"));
  EXPECT_EQ(product.dv, parse_text("2*x*y + y^2"));
  const auto parts = named_parts(first);
  ASSERT_EQ(parts.size(), 4u);
  EXPECT_EQ(parts[0], std::pair(std::string("u"), parse_text("x^2 + y^2")));
  EXPECT_EQ(parts[1], std::pair(std::string("v"), parse_text("x^2*y + y^2*x")));
  EXPECT_EQ(parts[2], std::pair(std::string("∂u/∂x"), parse_text("2*x")));
  EXPECT_EQ(parts[3], std::pair(std::string("∂v/∂x"), parse_text("2*x*y + y^2")));
  EXPECT_EQ(rule_text(trace.steps().back()), "expand and collect like terms");
  EXPECT_EQ(trace.steps().back().after, parse_text("4*x^3*y + 3*x^2*y^2 + 2*x*y^3 + y^4"));
}

TEST(DiffSteps, ChainRuleNamesOuterAndInner) {
  const Step first = steps_of("sin(x^2)", "x").steps().front();
  EXPECT_EQ(rule_text(first), "chain rule");
  EXPECT_EQ(rule_id(first), "chain");
  const auto parts = named_parts(first);
  ASSERT_EQ(parts.size(), 4u);  // one inner function: no v, ∂f/∂v, ∂v/∂x
  EXPECT_EQ(parts[0], std::pair(std::string("outer"), parse_text("sin(u)")));
  EXPECT_EQ(parts[1], std::pair(std::string("u"), parse_text("x^2")));
  EXPECT_EQ(parts[2], std::pair(std::string("∂f/∂u"), parse_text("cos(x^2)")));
  EXPECT_EQ(parts[3], std::pair(std::string("∂u/∂x"), parse_text("2*x")));
}

// The payload decides the rule; the parts left out are not named; a row adds its key
// to the rule's id.
TEST(Steps, ThePayloadDecidesTheRule) {
  const Expr x = symbol("x"), e_x = parse_text("e^x");
  const Step twice{.operation = StepOperation::Antiderivative,
                   .var = x,
                   .parts = PartsOf<Rule::PartsTwice>{.u = x, .dv = e_x}};
  EXPECT_EQ(twice.rule(), Rule::PartsTwice);
  EXPECT_EQ(rule_id(twice), "parts-twice");
  EXPECT_EQ(named_parts(twice), (std::vector<std::pair<std::string, Expr>>{{"u", x}, {"dv", e_x}}));
  const Step table{.operation = StepOperation::Antiderivative,
                   .var = x,
                   .parts = PartsOf<Rule::IntegralTable>{.row = {"sin", "∫ sin u du = −cos u"}}};
  EXPECT_EQ(rule_id(table), "integral-table:sin");
  EXPECT_EQ(rule_text(table), "table: ∫ sin u du = −cos u");
  EXPECT_TRUE(named_parts(table).empty());
  const Step w{
      .operation = StepOperation::Antiderivative,
      .var = x,
      .parts = PartsOf<Rule::Substitution>{.variable = "w", .value = parse_text("cos(x)")}};
  EXPECT_EQ(rule_text(w), "substitution w = cos(x)");
  EXPECT_EQ(named_parts(w)[0].first, "w");
}

// Every payload with each of its parts filled (distinct symbols, lists of three): an
// overload per payload, so a new payload does not compile here until it has one.
class Filler {
 public:
  Expr next() { return symbol("p" + std::to_string(++count_)); }

 private:
  int count_ = 0;
};
template <Rule R>
NoParts<R> filled(NoParts<R>, Filler&) {
  return {};
}
ConstantMultipleParts filled(ConstantMultipleParts, Filler& f) {
  return {.c = f.next(), .g = f.next(), .dg = f.next()};
}
template <Rule R>
FactorParts<R> filled(FactorParts<R>, Filler& f) {
  return {.u = f.next(), .v = f.next(), .du = f.next(), .dv = f.next()};
}
PowerParts filled(PowerParts, Filler& f) { return {.n = f.next()}; }
VariableExponentParts filled(VariableExponentParts, Filler& f) {
  return {.b = f.next(), .g = f.next(), .db = f.next(), .dg = f.next()};
}
ChainParts filled(ChainParts, Filler& f) {
  return {.outer = f.next(),
          .u = f.next(),
          .v = f.next(),
          .df_du = f.next(),
          .df_dv = f.next(),
          .du = f.next(),
          .dv = f.next()};
}
template <Rule R>
PartialsParts<R> filled(PartialsParts<R>, Filler& f) {
  PartialsParts<R> p;
  for (int k = 0; k < 3; ++k) p.terms.push_back({f.next(), f.next(), f.next()});
  return p;
}
DerivativeTableParts filled(DerivativeTableParts, Filler&) { return {.row = {"sin", "row"}}; }
IntegralConstantMultipleParts filled(IntegralConstantMultipleParts, Filler& f) {
  return {.c = f.next()};
}
ExpandIntegrandParts filled(ExpandIntegrandParts, Filler& f) { return {.expanded = f.next()}; }
IntegralTableParts filled(IntegralTableParts, Filler& f) {
  return {.row = {"sin", "row"}, .u = f.next(), .du_dx = f.next()};
}
SubstitutionParts filled(SubstitutionParts, Filler& f) {
  return {.value = f.next(), .du_dx = f.next(), .x = f.next(), .dx = f.next()};
}
template <Rule R>
RewrittenParts<R> filled(RewrittenParts<R>, Filler& f) {
  return {.row = {"key", "row"}, .rewritten = f.next(), .factor = f.next()};
}
ReductionParts filled(ReductionParts, Filler& f) {
  return {.row = {"sec", "row"}, .k = f.next(), .n = f.next(), .T = f.next(), .S = f.next()};
}
template <Rule R>
ByPartsParts<R> filled(ByPartsParts<R>, Filler& f) {
  return {.u = f.next(), .dv = f.next(), .du_dx = f.next(), .v = f.next()};
}
PartialFractionsParts filled(PartialFractionsParts, Filler& f) {
  return {.row = {"key", "row"},
          .decomposition = f.next(),
          .denominator = f.next(),
          .t = f.next(),
          .B = f.next(),
          .C = f.next(),
          .r = f.next(),
          .minimal = f.next(),
          .U = f.next(),
          .V = f.next(),
          .n = f.next(),
          .A = f.next(),
          .R = f.next(),
          .z = f.next(),
          .S1 = f.next(),
          .S2 = f.next()};
}
RootOfQuadraticParts filled(RootOfQuadraticParts, Filler& f) {
  return {.q = f.next(), .R = f.next(), .lambda = f.next(), .mu = f.next()};
}
ExpandAndCollectParts filled(ExpandAndCollectParts, Filler& f) {
  return {.terms = {f.next(), f.next(), f.next()}};
}

template <std::size_t... I>
std::vector<Step> every_payload_filled(std::index_sequence<I...>) {
  Filler f;
  // The step of an undefined function's rules differentiates f(…) by x.
  const Expr x = symbol("x"), before = parse_text("f(x)");
  return {Step{.var = x,
               .before = before,
               .parts = filled(std::variant_alternative_t<I, StepParts>{}, f)}...};
}

// A JSON step's "parts" is an object: two parts of one payload under one name would
// lose one of them. Each payload names every part it fills, each under its own name.
TEST(Steps, NoPayloadNamesTwoPartsAlike) {
  for (const Step& step :
       every_payload_filled(std::make_index_sequence<std::variant_size_v<StepParts>>())) {
    std::set<std::string> seen;
    for (const auto& [name, part] : named_parts(step)) {
      EXPECT_TRUE(seen.insert(name).second) << rule_id(step) << " names two parts " << name;
    }
  }
  const Step expansion{.parts = ExpandAndCollectParts{.terms = {symbol("a"), symbol("b")}}};
  EXPECT_EQ(named_parts(expansion), (std::vector<std::pair<std::string, Expr>>{
                                        {"term 1", symbol("a")}, {"term 2", symbol("b")}}));
}

// ∂/∂x f(g, h): the partials are named by the function and its arguments.
TEST(DiffSteps, GeneralChainRuleNamesThePartials) {
  const Step first = steps_of("f(x^2, y)", "x").steps().front();
  EXPECT_EQ(rule_id(first), "chain-general");
  const auto parts = named_parts(first);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].first, "∂f/∂(x^2)");
  EXPECT_EQ(parts[1], std::pair(std::string("∂(x^2)/∂x"), parse_text("2*x")));
}

// f(x, x): the second term's names add its position, so that JSON keeps both.
TEST(DiffSteps, RepeatedArgumentsNameEachTerm) {
  const Step first = steps_of("f(x, x)", "x").steps().front();
  EXPECT_EQ(rule_id(first), "partial-derivative");
  std::vector<std::string> names;
  for (const auto& [name, part] : named_parts(first)) names.push_back(name);
  EXPECT_EQ(names,
            (std::vector<std::string>{"∂f/∂x", "∂x/∂x", "∂f/∂x (term 2)", "∂x/∂x (term 2)"}));
}

// Every step of 300 random derivations is a true equation.
TEST(DiffSteps, EveryStepHolds) {
  testing::RandomExpr random(99);
  const auto& vars = random.variables();
  int derivative_steps = 0, rewrite_steps = 0;
  for (int n = 0; n < 300; ++n) {
    const Expr f = random.generate(3);
    const std::size_t wrt = static_cast<std::size_t>(n % 3);
    Trace trace;
    derivative(f, std::span(&vars[wrt], 1), &trace);
    for (const Step& s : trace.steps()) {
      const Program before(s.before, vars), after(s.after, vars);
      for (int attempt = 0; attempt < 4; ++attempt) {
        const double point[] = {random.uniform(-2, 2), random.uniform(-2, 2),
                                random.uniform(-2, 2)};
        double expected, actual;
        try {
          expected = s.operation == StepOperation::Derivative
                         ? central_difference(before, point, wrt)
                         : before.run(point);
          actual = after.run(point);
        } catch (const Error&) {
          continue;
        }
        EXPECT_LT(relative_error(expected, actual), 1e-4)
            << rule_text(s) << ": " << s.before << " -> " << s.after;
        ++(s.operation == StepOperation::Derivative ? derivative_steps : rewrite_steps);
        break;
      }
    }
  }
  EXPECT_GT(derivative_steps, 1000);
  EXPECT_GT(rewrite_steps, 10);
}

}  // namespace
}  // namespace leibniz
