#include <gtest/gtest.h>

#include "leibniz/core/error.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"

namespace leibniz {
namespace {

std::string text(const char* input) { return print_text(parse_text(input)); }

TEST(PrintText, TermsByDescendingTotalDegree) {
  EXPECT_EQ(text("y^4 + 2*x*y^3 + 3*x^2*y^2 + 4*x^3*y"), "4*x^3*y + 3*x^2*y^2 + 2*x*y^3 + y^4");
  EXPECT_EQ(text("1 + x + x^2"), "x^2 + x + 1");
  EXPECT_EQ(text("1/x + x + 1"), "x + 1 + 1/x");
}

TEST(PrintText, SignsAndFractions) {
  EXPECT_EQ(text("x - y"), "x - y");
  EXPECT_EQ(text("-x - y"), "-x - y");
  EXPECT_EQ(text("1 - x^2"), "1 - x^2");
  EXPECT_EQ(text("-2*x/y^2"), "-2*x/y^2");
  EXPECT_EQ(text("3*x/(4*y)"), "3*x/(4*y)");
  EXPECT_EQ(text("x/(y*z)"), "x/(y*z)");
  EXPECT_EQ(text("(x+1)/(x-1)"), "(x + 1)/(x - 1)");
  EXPECT_EQ(text("-3/4"), "-3/4");
}

TEST(PrintText, PowersAndRoots) {
  EXPECT_EQ(text("(x+1)^2"), "(x + 1)^2");
  EXPECT_EQ(text("x^(1/2)"), "sqrt(x)");
  EXPECT_EQ(text("x^(-1/2)"), "1/sqrt(x)");
  EXPECT_EQ(text("x^(2/3)"), "x^(2/3)");
  EXPECT_EQ(text("2^(-x)"), "2^(-x)");
  EXPECT_EQ(text("(-2)^x"), "(-2)^x");
  EXPECT_EQ(text("(1/2)^x"), "(1/2)^x");
  EXPECT_EQ(text("(x^y)^z"), "(x^y)^z");
  EXPECT_EQ(text("x^y^z"), "x^(y^z)");
  EXPECT_EQ(text("e^(x^2 + y^2)*2*x"), "2*x*e^(x^2 + y^2)");
}

TEST(PrintText, FactorsInNaturalOrder) {
  EXPECT_EQ(text("sin(y)*x^2"), "x^2*sin(y)");
  EXPECT_EQ(text("x*pi*2"), "2*pi*x");
  EXPECT_EQ(text("(x+1)*y"), "y*(x + 1)");
}

TEST(PrintText, RoundTripsToTheSameNode) {
  for (const char* input : {"x/(3*(z + 2))", "-(x + 1)*y", "2*(x + 1)/y", "1/(3*(x + 1)^2)",
                            "-x^2*y/(3*(z^2 + 2)*(w + 1))", "0.5*x^2.5", "x^(-2/3)", "e^e"}) {
    const Expr e = parse_text(input);
    EXPECT_EQ(parse_text(print_text(e)), e) << input << " printed as " << print_text(e);
  }
}

// u_{k+1} = sin(u_k)^2 + sin(u_k): 60 nodes, but written out each level doubles.
TEST(PrintText, AResultTooLargeToWriteOutIsALimitError) {
  Expr u = symbol("x");
  for (int k = 0; k < 60; ++k) {
    const Expr s = func(Fn::Sin, u);
    u = pow(s, 2) + s;
  }
  try {
    (void)print_text(u);
    FAIL() << "printed an expression of about 2^60 nodes";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Limit);
    EXPECT_NE(std::string(e.what()).find("too large to print"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(tree_size_at_most(u, 1e6));
  EXPECT_TRUE(tree_size_at_most(parse_text("x*y + 1"), 6));  // +, 1, ·, x, y: 5 nodes
  EXPECT_FALSE(tree_size_at_most(parse_text("x*y + 1"), 4));
}

}  // namespace
}  // namespace leibniz
