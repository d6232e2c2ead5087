#include <gtest/gtest.h>

#include "leibniz/core/error.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"
#include "support/random_expr.h"
#include "support/trials.h"

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
  EXPECT_EQ(latex("sigmoid(w_1*x + b_1)"), "\\sigma\\left(w_{1} x + b_{1}\\right)");
  EXPECT_EQ(latex("tan(x)^2"), "\\tan\\left(x\\right)^{2}");
  EXPECT_EQ(latex("(1/2)^x"), "\\left(\\frac{1}{2}\\right)^{x}");
  EXPECT_EQ(latex("3/4"), "\\frac{3}{4}");
  EXPECT_EQ(latex("2*3^x"), "2 \\cdot 3^{x}");
  EXPECT_EQ(latex("pi*x"), "\\pi x");
  EXPECT_EQ(latex("(x + 1)^2"), "\\left(x + 1\\right)^{2}");
}

TEST(PrintLatex, Names) {
  EXPECT_EQ(latex("w_P1x1"), "w_{P1x1}");
  EXPECT_EQ(latex("w_1 + w1"), "\\mathrm{w1} + w_{1}");
  EXPECT_EQ(latex("h_theta"), "h_{\\theta}");
  EXPECT_EQ(latex("h_theta_1"), "h_{\\theta_1}");
  EXPECT_EQ(latex("w_P_1x_1"), "w_{P_1x_1}");
  EXPECT_EQ(latex("theta_0"), "\\theta_{0}");
  EXPECT_EQ(latex("yhat_t"), "\\hat{y}_{t}");
  EXPECT_EQ(latex("xbar"), "\\bar{x}");
  EXPECT_EQ(latex("sigma*z"), "{\\sigma} z");                      // \sigma(z) would be the sigmoid
  EXPECT_EQ(latex("d*x"), "{d} x");                                // d x could be a differential
  EXPECT_EQ(latex("f*(x + 1)"), "f \\cdot \\left(x + 1\\right)");  // f(x + 1): a function
  EXPECT_EQ(latex("_t"), "\\mathrm{\\_t}");
  EXPECT_EQ(latex("alpha*theta"), "\\alpha \\theta");
  EXPECT_EQ(latex("yhat"), "\\hat{y}");
  EXPECT_EQ(latex("loss"), "\\mathrm{loss}");
}

TEST(PrintLatex, FloatsInPositionalNotation) {
  EXPECT_EQ(latex("0.00001*x"), "0.00001 x");  // 1e-05 would read as 1·e − 5
  EXPECT_EQ(latex("1.5e10"), "15000000000.0");
  EXPECT_EQ(latex("2.5"), "2.5");
  EXPECT_EQ(latex("x^1.0"), "x^{1.0}");
  EXPECT_EQ(latex("1.0*x"), "1.0 x");
}

// The two notations printed together (an answer's two texts, each sum's and product's
// order found once) write what each writes alone, on every form a printer meets.
TEST(PrintLatex, TogetherWithTextAsEachAlone) {
  testing::RandomExpr random(11);
  int printed = 0;
  for (int i = 0; i < testing::trials(2000); ++i) {
    Expr e;
    try {
      e = random.any(4);
    } catch (const Error&) {
      continue;  // a combination the builders refuse
    }
    const TextAndLatex both = print_text_and_latex(e);
    EXPECT_EQ(both.text, print_text(e));
    EXPECT_EQ(both.latex, print_latex(e));
    ++printed;
  }
  EXPECT_GT(printed, testing::trials(2000) / 2);
}

}  // namespace
}  // namespace leibniz
