#include "leibniz/expr/parse_latex.h"

#include <gtest/gtest.h>

#include <iterator>
#include <random>

#include "leibniz/core/error.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"

namespace leibniz {
namespace {

// A stand-in differentiator: the expr layer cannot see calculus, so the test marks
// where a derivative was asked for.
Expr marked(const Expr& e, const Expr& var) { return func(Fn::Sinh, mul(e, var)); }
// Likewise for integrals: cosh(f*x), plus 100 a + 1000 b for \int_a^b.
Expr marked_integral(const Expr& f, const Expr& var, const Expr& lower, const Expr& upper) {
  const Expr mark = func(Fn::Cosh, mul(f, var));
  if (lower.is_null()) return mark;
  return add({mark, mul(integer(100), lower), mul(integer(1000), upper)});
}

#define EXPECT_LATEX(latex, text) \
  EXPECT_EQ(parse_latex(latex, marked, marked_integral), parse_text(text)) << latex

void expect_latex_error(const char* latex, const std::string& message, std::size_t pos) {
  try {
    parse_latex(latex, marked);
    ADD_FAILURE() << "no error for " << latex;
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Parse) << latex;
    EXPECT_EQ(e.what(), message) << latex;
    EXPECT_EQ(e.pos(), pos) << latex;
  }
}

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
  EXPECT_LATEX("\\sigma_1(w_1 x + b_1)", "sigmoid(w_1*x + b_1)");
  EXPECT_LATEX("\\exp(x)", "e^x");
  EXPECT_LATEX("\\pi", "pi");
}

TEST(ParseLatex, SubscriptsAndImplicitProducts) {
  EXPECT_LATEX("w_1", "w_1");
  EXPECT_LATEX("w_{P_1 x_1}", "w_P_1x_1");
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

// Issue 17 #4, #6, #1: each a located error, never an internal one or a crash.
TEST(ParseLatex, ScriptsNumbersAndDeepSignsAreLocatedErrors) {
  expect_latex_error("x^.5", "write '.5' in braces after '^': ^{.5}", 2);
  expect_latex_error("x^12", "write '12' in braces after '^': ^{12}", 2);
  expect_latex_error("w_12", "write '12' in braces after '_': _{12}", 2);
  expect_latex_error("1.2.3", "a number with two decimal points", 0);
  expect_latex_error("1e309", "'1e309' is not LaTeX: write 1 \\cdot 10^{309}", 0);
  expect_latex_error("x + 2e-1", "'2e-1' is not LaTeX: write 2 \\cdot 10^{-1}", 4);
  EXPECT_LATEX("x^{.5}", "x^0.5");
  EXPECT_LATEX("x^-1", "1/x");
  EXPECT_LATEX("2e - 1", "2*e - 1");
  expect_latex_error("1\\,000", "a number right after a number: write 1 \\cdot 000 for a product",
                     3);
  expect_latex_error("\\sin 2 3", "a number right after a number: write 2 \\cdot 3 for a product",
                     7);
  EXPECT_LATEX("2 \\cdot 3", "6");
  for (const std::string& deep :
       {"{x}^" + std::string(45'000, '-') + "1", std::string(45'000, '-') + "x",
        "x^" + std::string(45'000, '{'), std::string(3'000, '|') + "x",
        "\\sqrt" + std::string(20'000, '{'), "\\frac" + std::string(30'000, '1'),
        "\\sin^" + std::string(45'000, '-'), std::string(20'000, '\\') + "sin x"}) {
    try {
      parse_latex(deep, marked);
      ADD_FAILURE() << "no error for " << deep.substr(0, 20);
    } catch (const Error& e) {
      EXPECT_TRUE(e.kind() == ErrorKind::Limit || e.kind() == ErrorKind::Parse)
          << deep.substr(0, 20) << ": " << e.what();
    }
  }
  try {
    parse_latex("{x}^" + std::string(45'000, '-') + "1");
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Limit);
    EXPECT_EQ(e.what(),
              std::string("the expression is nested deeper than the limit of 1000 levels"));
  }
}

TEST(ParseLatex, AHugeDecimalIsALocatedErrorOrANumber) {
  const std::string huge = "x + " + std::string(400, '9') + ".5";
  try {
    const Expr e = parse_latex(huge);
    EXPECT_FALSE(e.is_null());
  } catch (const Error& e) {
    EXPECT_EQ(e.pos(), 4u) << e.what();
    EXPECT_NE(e.kind(), ErrorKind::Internal);
  }
}

// Issue 10 A1: a function of a parenthesised argument, then a power, is the power of
// the value, as in the text syntax.
TEST(ParseLatex, APowerAfterTheParenthesesIsThePowerOfTheValue) {
  EXPECT_LATEX("\\sin(x)^2", "sin(x)^2");
  EXPECT_LATEX("\\sec\\left(x\\right)^{2}", "sec(x)^2");
  EXPECT_LATEX("\\sigma\\left(z\\right)^{2}", "sigmoid(z)^2");
  EXPECT_LATEX("\\ln\\left|x\\right|^{3}", "ln(abs(x))^3");
  EXPECT_LATEX("\\sin(x)^{-1}", "1/sin(x)");
  EXPECT_LATEX("\\sin x^2", "sin(x^2)");
  EXPECT_LATEX("\\sin{x}^2", "sin(x^2)");
  EXPECT_LATEX("\\sin^2(x)", "sin(x)^2");
  EXPECT_LATEX("\\cos^{3} 2x", "cos(2*x)^3");
}

// The LaTeX SymPy prints: arguments as {\left(x \right)}, whose power is the value's,
// and a / b c, which SymPy means as a/(bc) and others as (a/b) c: refused.
TEST(ParseLatex, TheLatexOfSympy) {
  EXPECT_LATEX("\\log{\\left(e w_{1} \\right)}^{3}", "ln(e*w_1)^3");
  EXPECT_LATEX("\\tan^{-1}{\\left(2 e \\right)}^{\\frac{3}{2}}", "atan(2*e)^(3/2)");
  EXPECT_LATEX("\\operatorname{acos}^{2}{\\left(x \\right)}", "acos(x)^2");
  EXPECT_LATEX("\\sin{\\left(x \\right)} \\cos{\\left(x \\right)}", "sin(x)*cos(x)");
  EXPECT_LATEX("\\sin{(a)(b)}^2", "sin((a*b)^2)");  // not one parenthesis
  EXPECT_LATEX("x / 2 + 1", "x/2 + 1");
  expect_latex_error("1 / 2 x", "'a / b c' is ambiguous: write \\frac{a}{b c} or \\frac{a}{b} c",
                     6);
  expect_latex_error("\\pi \\div x y",
                     "'a \\div b c' is ambiguous: write \\frac{a}{b c} or \\frac{a}{b} c", 11);
}

// Issue 10 A4: f^{-1} is the inverse function for each trigonometric function.
TEST(ParseLatex, MinusOneOnAFunctionIsItsInverse) {
  EXPECT_LATEX("\\sin^{-1} x", "asin(x)");
  EXPECT_LATEX("\\cos^{-1} x", "acos(x)");
  EXPECT_LATEX("\\tan^{-1}(x)", "atan(x)");
  EXPECT_LATEX("\\cot^{-1} x", "acot(x)");
  EXPECT_LATEX("\\sec^{-1} x", "asec(x)");
  EXPECT_LATEX("\\csc^{-1}\\left(2x\\right)", "acsc(2*x)");
  EXPECT_LATEX("\\sin^-1 x", "asin(x)");
  EXPECT_LATEX("\\sinh^{-1} x", "asinh(x)");
  EXPECT_LATEX("\\coth^{-1} x", "acoth(x)");
  expect_latex_error("\\ln^{-1} x",
                     "'\\ln^{-1}' would be the inverse function of '\\ln', which is not available; "
                     "for the reciprocal write \\frac{1}{\\ln x}",
                     0);
  EXPECT_LATEX("\\sin^{-2} x", "1/sin(x)^2");
  EXPECT_LATEX("\\cot^{- y}{\\left(\\theta \\right)}", "cot(theta)^(-y)");  // SymPy's LaTeX
}

// Issue 10 A2: the operator applies to the whole term that follows.
TEST(ParseLatex, DerivativeOperatorsApplyToTheTermThatFollows) {
  EXPECT_LATEX("\\frac{d}{dx} 10x", "sinh(10*x^2)");
  EXPECT_LATEX("\\frac{d}{dx} x \\sin x", "sinh(x^2*sin(x))");
  EXPECT_LATEX("\\frac{d}{dx} x^2 + y", "sinh(x^3) + y");
  EXPECT_LATEX("2\\frac{d}{dx} x^2 y", "2*sinh(x^3*y)");
  EXPECT_LATEX("\\frac{d^2}{dx^2} \\sin x", "sinh(x*sinh(x*sin(x)))");
  EXPECT_LATEX("\\frac{\\partial^2}{\\partial x \\partial y} x^2 y", "sinh(x*sinh(x^2*y^2))");
  EXPECT_LATEX("\\frac{\\partial^2}{\\partial x^2} y", "sinh(x*sinh(x*y))");
  EXPECT_LATEX("\\frac{d f}{dx}", "sinh(f*x)");
  EXPECT_LATEX("\\frac{d (x^2)}{dx} y", "y*sinh(x^3)");
  EXPECT_LATEX("\\frac{\\mathrm{d}}{\\mathrm{d}x} x", "sinh(x^2)");
  EXPECT_LATEX("\\frac{\\partial}{\\partial w_1} w_1", "sinh(w_1^2)");
  EXPECT_LATEX("\\frac{dx}{x}", "d");  // no variable under the d: a fraction
  expect_latex_error("\\frac{d^2}{dx}",
                     "the derivative's order 2 in the numerator is not the 1 of its denominator",
                     0);
  expect_latex_error("\\frac{d}{dx}", "nothing to differentiate after the derivative operator", 12);
  try {
    parse_latex("\\frac{d}{dx} x");
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Unsupported);
    EXPECT_EQ(e.what(), std::string("a derivative cannot be evaluated here"));
  }
}

// Issue 10 A3, spec §1 v2: a name keeps its spelling.
TEST(ParseLatex, NamesKeepTheirSpelling) {
  EXPECT_LATEX("w_1 + w1", "w_1 + w");  // w1 in LaTeX is w times 1
  EXPECT_LATEX("w_1 + \\mathit{w1}", "w_1 + w1");
  EXPECT_LATEX("h_{\\theta}", "h_theta");
  EXPECT_LATEX("w_{P_1x_1}", "w_P_1x_1");
  EXPECT_LATEX("w_{i,j}", "w_i_j");
  EXPECT_LATEX("\\theta_0", "theta_0");
  EXPECT_LATEX("\\hat{y}_t", "yhat_t");
  EXPECT_LATEX("\\hat{\\theta}", "thetahat");
  EXPECT_LATEX("\\bar{x}", "xbar");
  EXPECT_LATEX("\\mathrm{loss}", "loss");
  EXPECT_LATEX("\\mathrm{sin}_1", "sin_1");
  EXPECT_LATEX("{\\sigma}(z)", "sigma*z");
  EXPECT_LATEX("\\sigma_{12}", "sigma_12");
  EXPECT_LATEX("e_1 + \\pi_x", "e_1 + pi_x");
  expect_latex_error("x_{1.5}", "'1.5' cannot be part of a subscript", 3);
}

// Issue 10 A4, spec §2 v2: the integral, and never a product with d.
TEST(ParseLatex, IntegralsEndAtTheirDifferential) {
  EXPECT_LATEX("\\int x^2 \\, dx", "cosh(x^3)");
  EXPECT_LATEX("\\int x^2 + 1 \\; dx", "cosh(x*(x^2 + 1))");
  EXPECT_LATEX("\\int \\sin x dx", "cosh(x*sin(x))");
  EXPECT_LATEX("\\int x \\, d x + 1", "cosh(x^2) + 1");
  EXPECT_LATEX("\\int \\mathrm{d}x", "cosh(x)");
  EXPECT_LATEX("\\int_0^1 t \\, \\mathrm{d}t", "cosh(t^2) + 1000");
  EXPECT_LATEX("\\int^{b}_{a} x \\, dx", "cosh(x^2) + 100*a + 1000*b");
  EXPECT_LATEX("2\\int_{-1}^{2} u \\, du", "2*cosh(u^2) - 200 + 4000");
  expect_latex_error(
      "x^2 \\, dx",
      "a differential such as 'dx' is read only at the end of an integral: \\int f \\, dx "
      "(for a product, write d \\cdot x)",
      7);
  expect_latex_error(
      "x \\mathrm{d}x",
      "a differential such as 'dx' is read only at the end of an integral: \\int f \\, dx "
      "(for a product, write d \\cdot x)",
      2);
  expect_latex_error(
      "\\int x^2",
      "expected the differential that ends the integral, such as '\\, dx', found the end "
      "of the input",
      8);
  expect_latex_error("\\int_0 x \\, dx", "a definite integral needs both bounds: \\int_a^b", 0);
  expect_latex_error(
      "x^2 dx + 1",
      "a differential such as 'dx' is read only at the end of an integral: \\int f \\, dx "
      "(for a product, write d \\cdot x)",
      4);
  EXPECT_LATEX("xdy", "d*x*y");        // letters written together multiply
  EXPECT_LATEX("a d x y", "a*d*x*y");  // so does a d in the middle of a term
  EXPECT_LATEX("dx", "d*x");
  try {
    parse_latex("\\int x \\, dx", marked);
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Unsupported);
    EXPECT_EQ(e.what(), std::string("an integral cannot be evaluated here"));
    EXPECT_EQ(e.pos(), 0u);
  }
}

// Spec §2 v2: the rest of the notation people write.
TEST(ParseLatex, TheRestOfTheNotation) {
  EXPECT_LATEX("\\frac12", "1/2");
  EXPECT_LATEX("\\frac1x + \\frac{1}2", "1/x + 1/2");
  EXPECT_LATEX("\\frac ab", "a/b");
  expect_latex_error("\\frac123", "write '123' in braces after '\\frac': \\frac{123}", 5);
  EXPECT_LATEX("\\log_2 x", "ln(x)/ln(2)");
  EXPECT_LATEX("\\log_{10}(x + 1)", "ln(x + 1)/ln(10)");
  EXPECT_LATEX("\\log_b x", "ln(x)/ln(b)");
  EXPECT_LATEX("\\log x", "ln(x)");
  EXPECT_LATEX("\\lg x", "ln(x)/ln(10)");
  EXPECT_LATEX("\\mathrm{e}^{x}", "e^x");
  EXPECT_LATEX("\\exp x + \\exp(y)^2", "e^x + e^(2*y)");
  EXPECT_LATEX("\\mathit{loss} + \\mathrm{sin}(x)", "loss + sin(x)");
  EXPECT_LATEX("\\operatorname{sigmoid}(x) + \\operatorname{exp} y", "sigmoid(x) + e^y");
  EXPECT_LATEX("x \\, y \\; z \\: w \\! v \\quad u \\qquad t ~ s", "x*y*z*w*v*u*t*s");
  EXPECT_LATEX("\\arctan\\frac{y}{x}", "atan(y/x)");
  EXPECT_LATEX("\\sin\\frac{\\pi}{6}", "sin(pi/6)");
  EXPECT_LATEX("\\sin \\cos \\theta", "sin(cos(theta))");
  EXPECT_LATEX("\\sin x \\cos x", "sin(x)*cos(x)");
  EXPECT_LATEX("\\sin 2\\pi x", "sin(2*pi*x)");
  EXPECT_LATEX("\\sqrt2 + \\sqrt x", "sqrt(2) + sqrt(x)");
  EXPECT_LATEX("|x||y|", "abs(x)*abs(y)");
  EXPECT_LATEX("||x| - 1|", "abs(abs(x) - 1)");
  EXPECT_LATEX("\\ln|x|", "ln(abs(x))");
  EXPECT_LATEX("\\left\\{ x + 1 \\right\\}^2", "(x + 1)^2");
  EXPECT_LATEX("\\bigl( x + 1 \\bigr)", "x + 1");
  EXPECT_LATEX("\\lvert x \\rvert", "abs(x)");
  EXPECT_LATEX("x^\\circ", "x*pi/180");
  EXPECT_LATEX("30^{\\circ}", "pi/6");
  EXPECT_LATEX("\\sin 30^\\circ", "sin(pi/6)");
  expect_latex_error("\\foo x", "unknown command '\\foo'", 0);
  expect_latex_error(
      "\\int_0^\\infty e^{-x} \\, dx",
      "'\\infty' is no number: for an improper integral, leibniz integrate with --to inf "
      "gives its value",
      7);
  expect_latex_error("x + θ", "unexpected character 'θ'", 4);
  expect_latex_error("\\operatorname{foo} x", "unknown function 'foo'", 0);
  // f(x) is an undefined function (spec §1 v2), as in the text syntax.
  EXPECT_LATEX("x + f(x)", "x + f(x)");
  EXPECT_LATEX("g\\left(x, y\\right) + \\operatorname{h}(t)", "g(x, y) + h(t)");
  EXPECT_LATEX("f \\cdot (x + 1) + a(b + 1)", "f*(x + 1) + a*(b + 1)");
}

// Whatever the input, the reader answers or throws leibniz::Error (issue 17).
TEST(ParseLatex, ScrambledNotationOnlyEverThrowsErrors) {
  const char* const pieces[] = {
      "x",       "d",      "e",           "1",      "23",    ".5",        "{",
      "}",       "(",      ")",           "[",      "]",     "|",         "^",
      "_",       "-",      "+",           "*",      "/",     "=",         ",",
      "'",       "\\frac", "\\sqrt",      "\\sin",  "\\int", "\\partial", "\\left",
      "\\right", "\\,",    "\\mathrm{d}", "\\circ", "\\log", "\\sigma",   "\\theta",
      "\\hat",   "\\cdot", "\\{",         "\\}",    "\\lg",  "\\mathit",  "\\operatorname",
      "1e5",     " ",      "\\exp",       "\\pi",   "dx",    "\\tan^{-1}"};
  std::mt19937 rng(17);
  std::uniform_int_distribution<std::size_t> piece(0, std::size(pieces) - 1), length(1, 14);
  for (int i = 0; i < 40'000; ++i) {
    std::string input;
    for (std::size_t n = length(rng); n > 0; --n) input += pieces[piece(rng)];
    try {
      parse_latex(input, marked, marked_integral);
      parse_latex_chain(input, marked, marked_integral);
    } catch (const Error& e) {
      EXPECT_NE(e.kind(), ErrorKind::Internal) << input << ": " << e.what();
    } catch (const std::exception& e) {
      ADD_FAILURE() << input << ": " << e.what();
    }
  }
}

TEST(ParseLatex, ChainsAndLabels) {
  const auto sides = parse_latex_chain("f(x, y) = x^3 = x \\cdot x^2", marked);
  ASSERT_EQ(sides.size(), 3u);
  EXPECT_TRUE(sides[0].value.is_null());
  EXPECT_EQ(sides[0].source, "f(x, y)");
  EXPECT_EQ(sides[1].value, sides[2].value);
  EXPECT_EQ(sides[2].source, "x \\cdot x^2");
  EXPECT_EQ(sides[2].pos, 16u);
  const auto integral = parse_latex_chain("\\int 2t \\, dt = t^2 + C", marked, marked_integral);
  ASSERT_EQ(integral.size(), 2u);
  EXPECT_EQ(integral[0].indefinite_variable, symbol("t"));  // known up to a constant
  EXPECT_TRUE(integral[1].indefinite_variable.is_null());
  const auto labelled = parse_latex_chain("\\frac{dy}{dx} = 2x", marked);
  ASSERT_EQ(labelled.size(), 2u);
  EXPECT_TRUE(labelled[0].value.is_null());
}

TEST(ParseLatex, BadLatexIsAnErrorWithItsPosition) {
  expect_latex_error("\\frac{x}", "\\frac needs two arguments: \\frac{numerator}{denominator}", 8);
  expect_latex_error("\\sqrt{x", "expected '}' to close '{' opened at column 6", 7);
  expect_latex_error("x^{2", "expected '}' to close '{' opened at column 3", 4);
  expect_latex_error("\\foo x", "unknown command '\\foo'", 0);
  expect_latex_error("\\left( x", "expected '\\right)' to close '\\left(' opened at column 1", 8);
  expect_latex_error("", "empty expression", 0);
  expect_latex_error("x + }", "expected an expression, found '}'", 4);
}

}  // namespace
}  // namespace leibniz
