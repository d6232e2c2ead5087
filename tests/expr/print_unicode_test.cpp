#include <gtest/gtest.h>

#include "leibniz/core/error.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"
#include "support/random_expr.h"

namespace leibniz {
namespace {

std::string unicode(const char* input) { return print_unicode(parse_text(input)); }

TEST(PrintUnicode, ReadableMath) {
  EXPECT_EQ(unicode("4*x^3*y + 3*x^2*y^2 + 2*x*y^3 + y^4"), "4x³y + 3x²y² + 2x·y³ + y⁴");
  EXPECT_EQ(unicode("2*x*e^(x^2 + y^2)"), "2x·e^(x² + y²)");
  EXPECT_EQ(unicode("1/sqrt(1 - x^2)"), "1/√(1 - x²)");
  EXPECT_EQ(unicode("sqrt(x)"), "√x");
  EXPECT_EQ(unicode("abs(x)*pi"), "π·|x|");
  EXPECT_EQ(unicode("sigmoid(z)"), "σ(z)");
  EXPECT_EQ(unicode("w1*x"), "w1·x");
  EXPECT_EQ(unicode("x^10"), "x¹⁰");
}

// Factors stand side by side only where they read back as two: xy is one name.
TEST(PrintUnicode, JuxtapositionThatReadsBack) {
  EXPECT_EQ(unicode("x*y"), "x·y");
  EXPECT_EQ(unicode("x^2*y"), "x²y");
  EXPECT_EQ(unicode("2*pi*x"), "2πx");
  EXPECT_EQ(unicode("x*pi"), "πx");
  EXPECT_EQ(unicode("2*E5"), "2·E5");
  EXPECT_EQ(unicode("2*e1*x"), "2·e1·x");
  EXPECT_EQ(unicode("2*abs(x)"), "2·|x|");
  EXPECT_EQ(unicode("sqrt(2*x)"), "√(2x)");
  EXPECT_EQ(unicode("sqrt(w_1)"), "√w_1");
  EXPECT_EQ(unicode("2*e^x"), "2e^x");
}

// Issue 10 A1: what the terminal shows reads back as the same expression.
TEST(PrintUnicode, TheTerminalFormReadsBack) {
  for (const char* shown :
       {"4x³y + 3x²y² + 2x·y³ + y⁴", "2x·e^(x² + y²)", "√(1 − x²)", "π·|x|", "σ(w1·x + b1)", "x⁻¹",
        "x¹⁰", "2πx", "1/√(2x)", "|x − |y||", "sin(x)²", "x³(x + 1)", "2√x", "3 × x ÷ y", "x⋅y"}) {
    const Expr e = parse_text(shown);
    EXPECT_EQ(parse_text(print_unicode(e)), e) << shown << " printed as " << print_unicode(e);
  }
  EXPECT_EQ(parse_text("4x³y"), parse_text("4*x^3*y"));
  EXPECT_EQ(parse_text("2x·e^(x² + y²)"), parse_text("2*x*e^(x^2 + y^2)"));
  EXPECT_EQ(parse_text("√(1 − x²)"), parse_text("sqrt(1 - x^2)"));
  EXPECT_EQ(parse_text("π·|x|"), parse_text("pi*abs(x)"));
  EXPECT_EQ(parse_text("σ(z)"), parse_text("sigmoid(z)"));
  EXPECT_EQ(parse_text("x⁻¹²"), parse_text("x^(-12)"));
  EXPECT_EQ(parse_text("x³y"), parse_text("x^3*y"));
}

// Every generated expression, printed as text or as Unicode, parses back to itself.
TEST(PrintUnicode, RoundTripOfGeneratedExpressions) {
  testing::RandomExpr random(17);
  int checked = 0;
  for (int i = 0; i < 4000; ++i) {
    Expr e;
    try {
      e = random.any(4);
    } catch (const Error&) {
      continue;  // e.g. ln(0): no expression to print
    }
    ++checked;
    const std::string text = print_text(e), shown = print_unicode(e);
    try {
      EXPECT_EQ(parse_text(text), e) << text;
      EXPECT_EQ(parse_text(shown), e) << shown << "  (text: " << text << ")";
    } catch (const Error& error) {
      ADD_FAILURE() << error.what() << " reading " << shown << "  (text: " << text << ")";
    }
  }
  EXPECT_GT(checked, 3000);
}

}  // namespace
}  // namespace leibniz
