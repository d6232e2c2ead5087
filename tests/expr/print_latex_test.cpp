#include <gtest/gtest.h>

#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"

namespace leibniz {
namespace {

std::string latex(const char* input) { return print_latex(parse_text(input)); }

TEST(PrintLatex, TheNotesStyle) {
  EXPECT_EQ(latex("2*x/y"), "\\frac{2 x}{y}");
  EXPECT_EQ(latex("2*x*e^(x^2 + y^2)"), "2 x e^{x^{2} + y^{2}}");
  EXPECT_EQ(latex("2*x*sin(y)"), "2 x \\sin\\left(y\\right)");
  EXPECT_EQ(latex("1/sqrt(1 - x^2)"), "\\frac{1}{\\sqrt{1 - x^{2}}}");
  EXPECT_EQ(latex("acot(x)"), "\\operatorname{arccot}\\left(x\\right)");
  EXPECT_EQ(latex("abs(x)"), "\\left|x\\right|");
  EXPECT_EQ(latex("sigmoid(w1*x + b1)"), "\\sigma\\left(w_{1} x + b_{1}\\right)");
  EXPECT_EQ(latex("3/4"), "\\frac{3}{4}");
  EXPECT_EQ(latex("2*3^x"), "2 \\cdot 3^{x}");
  EXPECT_EQ(latex("pi*x"), "\\pi x");
  EXPECT_EQ(latex("(x + 1)^2"), "\\left(x + 1\\right)^{2}");
}

TEST(PrintLatex, Names) {
  EXPECT_EQ(latex("w_P1x1"), "w_{P1x1}");
  EXPECT_EQ(latex("alpha*theta"), "\\alpha \\theta");
  EXPECT_EQ(latex("yhat"), "\\hat{y}");
  EXPECT_EQ(latex("loss"), "\\mathrm{loss}");
}

}  // namespace
}  // namespace leibniz
