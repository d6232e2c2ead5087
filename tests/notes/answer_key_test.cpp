// Every differentiation result of seed/answer-key.md, exactly; and the notes' wrong
// product-rule results are not what leibniz gives.
#include <gtest/gtest.h>

#include "leibniz/calculus/diff.h"
#include "leibniz/calculus/expand.h"
#include "leibniz/calculus/simplify.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"

namespace leibniz {
namespace {

std::string d(const char* f, const char* var) {
  const Expr v = symbol(var);
  return print_text(derivative(parse_text(f), std::span(&v, 1)));
}

TEST(AnswerKey, DifferentiationRules) {
  EXPECT_EQ(d("x^3", "x"), "3*x^2");
  EXPECT_EQ(d("y^4", "y"), "4*y^3");
  EXPECT_EQ(d("5*x^2", "x"), "10*x");
  EXPECT_EQ(d("7*y^3", "y"), "21*y^2");
  EXPECT_EQ(d("x^2 + y^2", "x"), "2*x");
  EXPECT_EQ(d("3*x^3 + 4*y", "y"), "4");
  EXPECT_EQ(d("x^2 * y^3", "x"), "2*x*y^3");
  EXPECT_EQ(d("(3*x) * (4*y^2)", "y"), "24*x*y");
  EXPECT_EQ(d("(x^2 + y^2)*(x^2*y + y^2*x)", "x"), "4*x^3*y + 3*x^2*y^2 + 2*x*y^3 + y^4");
  EXPECT_EQ(d("(x^2 + y^2)*(x^2*y + y^2*x)", "y"), "x^4 + 2*x^3*y + 3*x^2*y^2 + 4*x*y^3");
  EXPECT_EQ(d("x^2 / y", "x"), "2*x/y");
  EXPECT_EQ(d("y^2 / x", "y"), "2*y/x");
  EXPECT_EQ(d("e^(x^2 + y^2)", "x"), "2*x*e^(x^2 + y^2)");
}

TEST(AnswerKey, TheNotesProductRuleErrataAreNotWhatLeibnizGives) {
  const char* f = "(x^2 + y^2)*(x^2*y + y^2*x)";
  EXPECT_NE(d(f, "x"), print_text(parse_text("4*x^3*y + x^2*y^2 + 4*x*y^3 + y^4")));
  EXPECT_NE(d(f, "y"), print_text(parse_text("x^4 + 2*x^3*y + 3*x^2*y^2 + 2*y*x^2 + 2*y^3*x")));
  // The notes' expansion of 2x(x^2 y + y^2 x), and the difference the answer key names.
  EXPECT_EQ(print_text(expand(parse_text("2*x*(x^2*y + y^2*x)"))), "2*x^3*y + 2*x^2*y^2");
  const Expr v = symbol("x");
  const Expr truth = derivative(parse_text(f), std::span(&v, 1));
  EXPECT_EQ(simplify(sub(parse_text("4*x^3*y + x^2*y^2 + 4*x*y^3 + y^4"), truth)),
            parse_text("2*x*y^3 - 2*x^2*y^2"));
}

}  // namespace
}  // namespace leibniz
