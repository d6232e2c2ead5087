#include "leibniz/calculus/diff.h"

#include <gtest/gtest.h>

#include <cmath>

#include "leibniz/calculus/simplify.h"
#include "leibniz/core/error.h"
#include "leibniz/eval/program.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"
#include "leibniz/numeric/finite_difference.h"
#include "support/random_expr.h"

namespace leibniz {
namespace {

std::string d(const char* e, const char* var) {
  const Expr v = symbol(var);
  return print_text(derivative(parse_text(e), std::span(&v, 1)));
}

#define EXPECT_DIFF(e, var, expected) EXPECT_EQ(d(e, var), expected) << "d/d" << var << " " << e

TEST(Diff, PowerRule) {
  EXPECT_DIFF("x^3", "x", "3*x^2");
  EXPECT_DIFF("x^(1/2)", "x", "1/(2*sqrt(x))");
  EXPECT_DIFF("1/x^2", "x", "-2/x^3");
  EXPECT_DIFF("x^n", "x", "n*x^(n - 1)");
  // n - 1 for machine integers, floats and integers beyond a long (the same answers).
  EXPECT_DIFF("x^(-3)", "x", "-3/x^4");
  EXPECT_DIFF("(2*x+1)^4", "x", "8*(2*x + 1)^3");
  EXPECT_DIFF("x^2.5", "x", "2.5*x^1.5");
  EXPECT_DIFF("x^2.0", "x", "2.0*x^1.0");
  EXPECT_DIFF("x^100000000000000000000", "x", "100000000000000000000*x^99999999999999999999");
  EXPECT_DIFF("x^(-9223372036854775808)", "x", "-9223372036854775808/x^9223372036854775809");
}

TEST(Diff, ConstantMultipleAndSum) {
  EXPECT_DIFF("5*x^2", "x", "10*x");
  EXPECT_DIFF("3*x^3 + 4*y", "y", "4");
  EXPECT_DIFF("x^2 + y^2", "x", "2*x");
}

TEST(Diff, ProductAndQuotientRules) {
  EXPECT_DIFF("x^2*y^3", "x", "2*x*y^3");
  EXPECT_DIFF("(3*x)*(4*y^2)", "y", "24*x*y");
  EXPECT_DIFF("x^2/y", "x", "2*x/y");
  EXPECT_DIFF("y^2/x", "y", "2*y/x");
  EXPECT_DIFF("x/(1+x^2)", "x", "(1 - x^2)/(x^2 + 1)^2");
}

TEST(Diff, ChainRule) {
  EXPECT_DIFF("e^(x^2 + y^2)", "x", "2*x*e^(x^2 + y^2)");
  EXPECT_DIFF("sin(x^2)", "x", "2*x*cos(x^2)");
  EXPECT_DIFF("sigmoid(w*x + b)", "w", "x*sigmoid(w*x + b)*(1 - sigmoid(w*x + b))");
}

// Issue 17 #2 and #3: exponents beyond a machine word.
TEST(Diff, ExponentsBeyondAMachineWord) {
  EXPECT_DIFF("(x+1)/y^10^19", "y", "-10000000000000000000*(x + 1)/y^10000000000000000001");
  EXPECT_DIFF("y^(-9223372036854775808)", "y", "-9223372036854775808/y^9223372036854775809");
  EXPECT_DIFF("x^(2^64)", "x", "18446744073709551616*x^18446744073709551615");
}

TEST(Diff, VariableExponents) {
  EXPECT_DIFF("x^x", "x", "x^x*(ln(x) + 1)");
  EXPECT_DIFF("a^x", "x", "a^x*ln(a)");
  EXPECT_DIFF("x^y", "y", "x^y*ln(x)");
  EXPECT_DIFF("2^x", "x", "2^x*ln(2)");
}

TEST(Diff, TheDerivativeTable) {
  EXPECT_DIFF("7", "x", "0");
  EXPECT_DIFF("x", "x", "1");
  EXPECT_DIFF("exp(x)", "x", "e^x");
  EXPECT_DIFF("ln(x)", "x", "1/x");
  EXPECT_DIFF("sin(x)", "x", "cos(x)");
  EXPECT_DIFF("cos(x)", "x", "-sin(x)");
  EXPECT_DIFF("tan(x)", "x", "sec(x)^2");
  EXPECT_DIFF("cot(x)", "x", "-csc(x)^2");
  EXPECT_DIFF("sec(x)", "x", "sec(x)*tan(x)");
  EXPECT_DIFF("csc(x)", "x", "-cot(x)*csc(x)");
  EXPECT_DIFF("asin(x)", "x", "1/sqrt(1 - x^2)");
  EXPECT_DIFF("acos(x)", "x", "-1/sqrt(1 - x^2)");
  EXPECT_DIFF("atan(x)", "x", "1/(x^2 + 1)");
  EXPECT_DIFF("acot(x)", "x", "-1/(x^2 + 1)");
  EXPECT_DIFF("asec(x)", "x", "1/(abs(x)*sqrt(x^2 - 1))");
  EXPECT_DIFF("acsc(x)", "x", "-1/(abs(x)*sqrt(x^2 - 1))");
  EXPECT_DIFF("sqrt(x)", "x", "1/(2*sqrt(x))");
  EXPECT_DIFF("sinh(x)", "x", "cosh(x)");
  EXPECT_DIFF("cosh(x)", "x", "sinh(x)");
  EXPECT_DIFF("tanh(x)", "x", "1 - tanh(x)^2");
  EXPECT_DIFF("sigmoid(x)", "x", "sigmoid(x)*(1 - sigmoid(x))");
  EXPECT_DIFF("abs(x)", "x", "x/abs(x)");
}

TEST(Diff, HigherOrderAndHessian) {
  EXPECT_DIFF("x^3*y^2", "x", "3*x^2*y^2");
  const Expr x = symbol("x"), y = symbol("y");
  const std::vector<Expr> xy{x, y};
  EXPECT_EQ(print_text(derivative(parse_text("x^3*y^2"), xy)), "6*x^2*y");
  const auto h = hessian(parse_text("x^3*y^2"), xy);
  EXPECT_EQ(print_text(h[0][0]), "6*x*y^2");
  EXPECT_EQ(print_text(h[0][1]), "6*x^2*y");
  EXPECT_EQ(print_text(h[1][0]), "6*x^2*y");
  EXPECT_EQ(print_text(h[1][1]), "2*x^3");
}

TEST(Diff, OnlyWithRespectToAVariable) {
  EXPECT_THROW(diff(parse_text("x^2"), parse_text("2*x")), Error);
}

TEST(Diff, SharedSubexpressionsAreDifferentiatedOnce) {
  // f_{k+1} = sin(f_k) + f_k: a DAG of depth 200 whose tree has 2^200 paths.
  Expr f = symbol("x");
  for (int k = 0; k < 200; ++k) f = add(func(Fn::Sin, f), f);
  const Expr df = diff(f, symbol("x"));
  EXPECT_LT(Program(df, std::vector<Expr>{symbol("x")}).size(), 20'000u);
}

// Each table function at random points in its domain against central differences.
TEST(Diff, EveryTableFunctionAgainstFiniteDifferences) {
  struct Case {
    const char* f;
    double lo, hi;
  };
  const Case cases[] = {
      {"exp(x)", -3, 3},     {"ln(x)", 0.1, 5},      {"2^x", -3, 3},         {"sin(x)", -3, 3},
      {"cos(x)", -3, 3},     {"tan(x)", -1.2, 1.2},  {"cot(x)", 0.2, 2.9},   {"sec(x)", -1.2, 1.2},
      {"csc(x)", 0.2, 2.9},  {"asin(x)", -0.9, 0.9}, {"acos(x)", -0.9, 0.9}, {"atan(x)", -4, 4},
      {"acot(x)", -4, 4},    {"asec(x)", 1.1, 5},    {"asec(x)", -5, -1.1},  {"acsc(x)", 1.1, 5},
      {"acsc(x)", -5, -1.1}, {"sqrt(x)", 0.1, 5},    {"sinh(x)", -3, 3},     {"cosh(x)", -3, 3},
      {"tanh(x)", -3, 3},    {"sigmoid(x)", -5, 5},  {"abs(x)", 0.1, 5},     {"abs(x)", -5, -0.1},
      {"x^x", 0.2, 3},       {"x^(1/3)", -5, -0.1},
  };
  const std::vector<Expr> x{symbol("x")};
  testing::RandomExpr random(7);
  for (const Case& c : cases) {
    const Expr f = parse_text(c.f);
    const Program pf(f, x), pd(derivative(f, x), x);
    for (int i = 0; i < 20; ++i) {
      const double point[] = {random.uniform(c.lo, c.hi)};
      EXPECT_LT(relative_error(pd.run(point), central_difference(pf, point, 0)), 1e-6)
          << c.f << " at x = " << point[0];
    }
  }
}

// 1,000 random compositions of x, y, z: the simplified derivative agrees with central
// differences, with the raw derivative and with the derivative taken with steps (binary
// product rule and quotient rule, where the untraced one sums over the factors), and
// printing round-trips.
TEST(Diff, RandomCompositionsAgainstFiniteDifferences) {
  testing::RandomExpr random(2024);
  const auto& vars = random.variables();
  int checked = 0;
  for (int n = 0; n < 1000; ++n) {
    const Expr f = random.generate(4);
    ASSERT_EQ(parse_text(print_text(f)), f) << print_text(f);
    const std::size_t wrt = static_cast<std::size_t>(n % 3);
    const Expr raw = diff(f, vars[wrt]);
    Trace trace;
    const Expr traced = diff(f, vars[wrt], &trace);
    const Expr simplified = simplify(raw);
    ASSERT_EQ(parse_text(print_text(simplified)), simplified) << print_text(simplified);
    const Program pf(f, vars), praw(raw, vars), ptraced(traced, vars), psimple(simplified, vars);
    for (int attempt = 0; attempt < 5; ++attempt) {
      const double point[] = {random.uniform(-2, 2), random.uniform(-2, 2), random.uniform(-2, 2)};
      double fd, exact, exact_raw, exact_traced;
      try {
        fd = central_difference(pf, point, wrt);
        exact = psimple.run(point);
        exact_raw = praw.run(point);
        exact_traced = ptraced.run(point);
      } catch (const Error&) {
        continue;  // a point outside the domain: try another
      }
      EXPECT_LT(relative_error(exact, exact_raw), 1e-9) << print_text(f);
      EXPECT_LT(relative_error(exact_traced, exact_raw), 1e-9) << print_text(f);
      EXPECT_LT(relative_error(exact, fd), 1e-4)
          << "f = " << print_text(f) << "\nf' = " << print_text(simplified);
      ++checked;
      break;
    }
  }
  EXPECT_GT(checked, 950);
}

}  // namespace
}  // namespace leibniz
