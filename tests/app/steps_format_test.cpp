#include "leibniz/app/steps_format.h"

#include <gtest/gtest.h>

#include "leibniz/calculus/diff.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"

namespace leibniz::app {
namespace {

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

}  // namespace
}  // namespace leibniz::app
