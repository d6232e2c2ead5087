#include "leibniz/expr/parse_latex.h"

#include <gtest/gtest.h>

#include "leibniz/core/error.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"

namespace leibniz {
namespace {

// A stand-in differentiator: the expr layer cannot see calculus, so the test marks
// where a derivative was asked for.
Expr marked(const Expr& e, const Expr& var) { return func(Fn::Sinh, mul(e, var)); }

#define EXPECT_LATEX(latex, text) EXPECT_EQ(parse_latex(latex, marked), parse_text(text)) << latex

TEST(ParseLatex, TheNotationOfTheNotes) {
  EXPECT_LATEX("\\frac{x^2}{y}", "x^2/y");
  EXPECT_LATEX("\\sqrt{x^2 - 1}", "sqrt(x^2 - 1)");
  EXPECT_LATEX("\\sqrt[3]{x}", "x^(1/3)");
  EXPECT_LATEX("x^{n+1}", "x^(n + 1)");
  EXPECT_LATEX("e^{x^2+y^2}", "e^(x^2 + y^2)");
  EXPECT_LATEX("2 \\cdot 3 \\times x", "6*x");
  EXPECT_LATEX("\\left( x + 1 \\right)^2", "(x + 1)^2");
  EXPECT_LATEX("\\left| x \\right|", "abs(x)");
  EXPECT_LATEX("[h]^2", "h^2");
}

TEST(ParseLatex, FunctionsWithAndWithoutParentheses) {
  EXPECT_LATEX("\\sin x", "sin(x)");
  EXPECT_LATEX("\\ln x", "ln(x)");
  EXPECT_LATEX("\\sin(x + y)", "sin(x + y)");
  EXPECT_LATEX("\\sin^2 x", "sin(x)^2");
  EXPECT_LATEX("\\tan x \\sec x", "tan(x)*sec(x)");
  EXPECT_LATEX("\\operatorname{arccot} x", "acot(x)");
  EXPECT_LATEX("\\arcsin x", "asin(x)");
  EXPECT_LATEX("\\sigma(z)", "sigmoid(z)");
  EXPECT_LATEX("\\sigma_1(w_1 x + b_1)", "sigmoid(w1*x + b1)");
  EXPECT_LATEX("\\exp(x)", "e^x");
  EXPECT_LATEX("\\pi", "pi");
}

TEST(ParseLatex, SubscriptsAndImplicitProducts) {
  EXPECT_LATEX("w_1", "w1");
  EXPECT_LATEX("w_{P_1 x_1}", "w_P1x1");
  EXPECT_LATEX("h_{t-1}", "h_tm1");
  EXPECT_LATEX("\\hat{y}", "yhat");
  EXPECT_LATEX("2xy^3", "2*x*y^3");
  EXPECT_LATEX("(3x)\\cdot(4y^2)", "12*x*y^2");
  EXPECT_LATEX("(x^2 + y^2)(2xy + y^2)", "(x^2 + y^2)*(2*x*y + y^2)");
  EXPECT_LATEX("x\\sqrt{x^2-1}", "x*sqrt(x^2 - 1)");
}

TEST(ParseLatex, DerivativesMeanDifferentiate) {
  EXPECT_LATEX("\\frac{\\partial}{\\partial x}(x^2 y)", "sinh(x^3*y)");
  EXPECT_LATEX("\\frac{\\partial (y^3)}{\\partial x}", "sinh(x*y^3)");
  EXPECT_LATEX("\\frac{d}{dx} \\sin x", "sinh(x*sin(x))");
}

TEST(ParseLatex, ChainsAndLabels) {
  const auto sides = parse_latex_chain("f(x, y) = x^3 = x \\cdot x^2", marked);
  ASSERT_EQ(sides.size(), 3u);
  EXPECT_TRUE(sides[0].value.is_null());
  EXPECT_EQ(sides[0].source, "f(x, y)");
  EXPECT_EQ(sides[1].value, sides[2].value);
  EXPECT_EQ(sides[2].source, "x \\cdot x^2");
  EXPECT_EQ(sides[2].pos, 16u);
}

void expect_error(const char* latex, const std::string& message, std::size_t pos) {
  try {
    parse_latex(latex, marked);
    ADD_FAILURE() << "no error for " << latex;
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Parse) << latex;
    EXPECT_EQ(e.what(), message) << latex;
    EXPECT_EQ(e.pos(), pos) << latex;
  }
}

TEST(ParseLatex, BadLatexIsAnErrorWithItsPosition) {
  expect_error("\\frac{x}", "\\frac needs two arguments: \\frac{numerator}{denominator}", 8);
  expect_error("\\sqrt{x", "expected '}' to close '{' opened at column 6", 7);
  expect_error("x^{2", "expected '}' to close '{' opened at column 3", 4);
  expect_error("\\foo x", "unknown command '\\foo'", 0);
  expect_error("\\left( x", "expected '\\right)' to close '\\left(' opened at column 1", 8);
  expect_error("", "empty expression", 0);
  expect_error("x + }", "expected an expression, found '}'", 4);
}

}  // namespace
}  // namespace leibniz
