#include <gtest/gtest.h>

#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"

namespace leibniz {
namespace {

std::string unicode(const char* input) { return print_unicode(parse_text(input)); }

TEST(PrintUnicode, ReadableMath) {
  EXPECT_EQ(unicode("4*x^3*y + 3*x^2*y^2 + 2*x*y^3 + y^4"), "4x³y + 3x²y² + 2xy³ + y⁴");
  EXPECT_EQ(unicode("2*x*e^(x^2 + y^2)"), "2x·e^(x² + y²)");
  EXPECT_EQ(unicode("1/sqrt(1 - x^2)"), "1/√(1 - x²)");
  EXPECT_EQ(unicode("sqrt(x)"), "√x");
  EXPECT_EQ(unicode("abs(x)*pi"), "π·|x|");
  EXPECT_EQ(unicode("sigmoid(z)"), "σ(z)");
  EXPECT_EQ(unicode("w1*x"), "w1·x");
  EXPECT_EQ(unicode("x^10"), "x¹⁰");
}

}  // namespace
}  // namespace leibniz
