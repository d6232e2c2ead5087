// Every row of the notes' integral table, both ways: ∫ f dx is the notes' F (or
// differs from it by a constant), and d/dx ∫ f dx = f.
#include <gtest/gtest.h>

#include "leibniz/calculus/diff.h"
#include "leibniz/calculus/integrate.h"
#include "leibniz/calculus/simplify.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"

namespace leibniz {
namespace {

struct Row {
  const char* integrand;
  const char* answer;  // leibniz's answer, as text
};

// The notes write ln x, arcsec x and arccsc x; ln|x|, arcsec|x| and arccsc|x| hold for
// x < 0 (x < -1) as well (answer key: "∫ 1/x dx = ln|x| in general").
constexpr Row kRows[] = {
    {"0", "0"},
    {"1", "x"},
    {"x^n", "x^(n + 1)/(n + 1)"},
    {"e^x", "e^x"},
    {"1/x", "ln(abs(x))"},
    {"n^x", "n^x/ln(n)"},
    {"cos(x)", "sin(x)"},
    {"sin(x)", "-cos(x)"},
    {"sec(x)^2", "tan(x)"},
    {"csc(x)^2", "-cot(x)"},
    {"tan(x)*sec(x)", "sec(x)"},
    {"cot(x)*csc(x)", "-csc(x)"},
    {"1/sqrt(1-x^2)", "asin(x)"},
    {"-1/sqrt(1-x^2)", "acos(x)"},
    {"1/(1+x^2)", "atan(x)"},
    {"-1/(1+x^2)", "acot(x)"},
    {"1/(x*sqrt(x^2-1))", "asec(abs(x))"},
    {"-1/(x*sqrt(x^2-1))", "acsc(abs(x))"},
};

TEST(IntegrateTable, EveryRowOfTheNotes) {
  for (const Row& row : kRows) {
    EXPECT_EQ(print_text(integrate(parse_text(row.integrand), symbol("x"))), row.answer)
        << row.integrand;
  }
}

TEST(IntegrateTable, TheDerivativeOfEachAnswerIsTheIntegrand) {
  const Expr x = symbol("x");
  for (const Row& row : kRows) {
    const Expr f = parse_text(row.integrand);
    const Expr F = integrate(f, x);
    EXPECT_NO_THROW(check_antiderivative(f, F, x)) << row.integrand;
  }
  // And symbolically where no absolute value is involved.
  for (const char* f : {"x^n", "e^x", "n^x", "cos(x)", "sin(x)", "sec(x)^2", "csc(x)^2",
                        "tan(x)*sec(x)", "cot(x)*csc(x)", "1/(1+x^2)", "-1/(1+x^2)"}) {
    const Expr integrand = parse_text(f);
    EXPECT_TRUE(simplify(sub(diff(integrate(integrand, x), x), integrand)).is_zero()) << f;
  }
}

TEST(IntegrateTable, EveryTableFunctionOfALinearArgument) {
  const Expr x = symbol("x");
  for (const char* f :
       {"ln(2*x+1)",   "sin(2*x+1)",  "cos(2*x+1)",  "tan(2*x+1)",  "cot(2*x+1)",     "sec(2*x+1)",
        "csc(2*x+1)",  "asin(x/2)",   "acos(x/2)",   "atan(2*x+1)", "acot(2*x+1)",    "asec(2*x+1)",
        "acsc(2*x+1)", "sinh(2*x+1)", "cosh(2*x+1)", "tanh(2*x+1)", "sigmoid(2*x+1)", "abs(2*x+1)",
        "exp(2*x+1)",  "3^(2*x+1)",   "(2*x+1)^7",   "sec(2*x+1)^2"}) {
    const Expr integrand = parse_text(f);
    EXPECT_NO_THROW(check_antiderivative(integrand, integrate(integrand, x), x)) << f;
  }
}

}  // namespace
}  // namespace leibniz
