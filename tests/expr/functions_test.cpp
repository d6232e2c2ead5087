// The function table row by row: every derivative against central differences at
// seeded random points away from the kinks, the exact values, the conventions at the
// kinks (docs/functions.md), and the round trip of the new functions through text and
// LaTeX.
#include "leibniz/expr/functions.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <map>
#include <random>

#include "leibniz/calculus/diff.h"
#include "leibniz/calculus/integrate.h"
#include "leibniz/core/error.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/parse_latex.h"
#include "leibniz/expr/print.h"
#include "leibniz/expr/substitute.h"
#include "leibniz/numeric/finite_difference.h"
#include "leibniz/eval/program.h"

namespace leibniz {
namespace {

double relative_error(double a, double b) {
  return std::fabs(a - b) / std::max(1.0, std::max(std::fabs(a), std::fabs(b)));
}

struct Interval {
  double lo, hi;
};

// Where each row is smooth: one or two intervals of its domain, away from the kinks.
const std::map<Fn, std::vector<Interval>>& smooth_intervals() {
  static const std::map<Fn, std::vector<Interval>> kIntervals = {
      {Fn::Ln, {{0.1, 5}}},
      {Fn::Sin, {{-3, 3}}},
      {Fn::Cos, {{-3, 3}}},
      {Fn::Tan, {{-1.2, 1.2}}},
      {Fn::Cot, {{0.2, 2.9}}},
      {Fn::Sec, {{-1.2, 1.2}}},
      {Fn::Csc, {{0.2, 2.9}}},
      {Fn::Asin, {{-0.9, 0.9}}},
      {Fn::Acos, {{-0.9, 0.9}}},
      {Fn::Atan, {{-4, 4}}},
      {Fn::Acot, {{-4, 4}}},
      {Fn::Asec, {{1.1, 5}, {-5, -1.1}}},
      {Fn::Acsc, {{1.1, 5}, {-5, -1.1}}},
      {Fn::Sinh, {{-3, 3}}},
      {Fn::Cosh, {{-3, 3}}},
      {Fn::Tanh, {{-3, 3}}},
      {Fn::Sigmoid, {{-5, 5}}},
      {Fn::Abs, {{0.1, 5}, {-5, -0.1}}},
      {Fn::Relu, {{0.1, 5}, {-5, -0.1}}},
      {Fn::Softplus, {{-30, 30}}},
      {Fn::Heaviside, {{0.1, 5}, {-5, -0.1}}},
      {Fn::Sign, {{0.1, 5}, {-5, -0.1}}},
      {Fn::Max, {{-5, 5}}},
      {Fn::Min, {{-5, 5}}},
  };
  return kIntervals;
}

Expr apply_row(Fn fn, const std::vector<Expr>& vars) {
  return function_info(fn).arity() == 2 ? func(fn, vars[0], vars[1]) : func(fn, vars[0]);
}

TEST(FunctionTable, EveryRowAgainstCentralDifferences) {
  const std::vector<Expr> vars{symbol("x"), symbol("y")};
  std::mt19937_64 random(2026);
  for (std::size_t k = 0; k < kFnCount; ++k) {
    const Fn fn = static_cast<Fn>(k);
    const FunctionInfo& info = function_info(fn);
    const auto found = smooth_intervals().find(fn);
    ASSERT_NE(found, smooth_intervals().end()) << info.name << " has no test interval";
    const std::size_t arity = info.arity();
    const std::vector<Expr> args(vars.begin(), vars.begin() + static_cast<long>(arity));
    const Expr f = apply_row(fn, args);
    const Program pf(f, args);
    for (std::size_t i = 0; i < arity; ++i) {
      const Program pd(diff(f, args[i]), args);
      for (const Interval& range : found->second) {
        std::uniform_real_distribution<double> uniform(range.lo, range.hi);
        for (int n = 0; n < 20; ++n) {
          std::vector<double> point{uniform(random), uniform(random)};
          point.resize(arity);
          // max and min: away from the tie a = b, where they have their kink.
          if (arity == 2 && std::fabs(point[0] - point[1]) < 0.1) continue;
          EXPECT_LT(relative_error(pd.run(point), central_difference(pf, point, i)), 1e-6)
              << "∂" << info.name << "/∂" << args[i].name() << " at " << point[0];
        }
      }
    }
  }
}

std::string simplified(const char* text) { return print_text(parse_text(text)); }

TEST(FunctionTable, ExactValues) {
  EXPECT_EQ(simplified("relu(-3/4)"), "0");
  EXPECT_EQ(simplified("relu(3/4)"), "3/4");
  EXPECT_EQ(simplified("relu(0)"), "0");
  EXPECT_EQ(simplified("softplus(0)"), "ln(2)");
  EXPECT_EQ(simplified("heaviside(0)"), "0");
  EXPECT_EQ(simplified("heaviside(1/5)"), "1");
  EXPECT_EQ(simplified("heaviside(-2)"), "0");
  EXPECT_EQ(simplified("sign(-5/3)"), "-1");
  EXPECT_EQ(simplified("sign(0)"), "0");
  EXPECT_EQ(simplified("sgn(7)"), "1");
  EXPECT_EQ(simplified("max(1/3, 1/4)"), "1/3");
  EXPECT_EQ(simplified("min(1/3, 1/4)"), "1/4");
  EXPECT_EQ(simplified("max(-2, -2)"), "-2");
  EXPECT_EQ(simplified("max(x^2, x^2)"), "x^2");
  EXPECT_EQ(simplified("max(0.5, 1/4)"), "0.5");
  EXPECT_EQ(simplified("relu(-0.5)"), "0.0");  // a float stays a float
  EXPECT_EQ(simplified("softplus(x)"), "softplus(x)");
}

TEST(FunctionTable, NumericValuesAreStable) {
  const Expr x = symbol("x");
  const Program softplus(func(Fn::Softplus, x), std::span(&x, 1));
  EXPECT_DOUBLE_EQ(softplus.run(std::vector{1000.0}), 1000.0);
  EXPECT_DOUBLE_EQ(softplus.run(std::vector{-1000.0}), 0.0);
  EXPECT_DOUBLE_EQ(softplus.run(std::vector{0.0}), std::log(2.0));
  EXPECT_DOUBLE_EQ(evaluate(parse_text("max(x, y) - min(x, y)"), {{"x", 2}, {"y", 5}}), 3.0);
  EXPECT_DOUBLE_EQ(evaluate(parse_text("relu(x) + heaviside(x) + sign(x)"), {{"x", -2}}), -1.0);
}

std::string derivative_at(const char* text, const char* var, const Substitution& at) {
  return print_text(substitute(diff(parse_text(text), symbol(var)), at));
}

// PyTorch's conventions: relu'(0) = 0, and a tie of max or min splits the gradient.
TEST(FunctionTable, ConventionsAtTheKinks) {
  const Expr x = symbol("x"), y = symbol("y");
  const Substitution zero{{x.node(), integer(0)}};
  EXPECT_EQ(derivative_at("relu(x)", "x", zero), "0");
  EXPECT_EQ(derivative_at("heaviside(x)", "x", zero), "0");
  EXPECT_EQ(derivative_at("sign(x)", "x", zero), "0");
  EXPECT_EQ(derivative_at("softplus(x)", "x", zero), "1/2");
  const Substitution tie{{x.node(), integer(3)}, {y.node(), integer(3)}};
  EXPECT_EQ(derivative_at("max(x, y)", "x", tie), "1/2");
  EXPECT_EQ(derivative_at("max(x, y)", "y", tie), "1/2");
  EXPECT_EQ(derivative_at("min(x, y)", "x", tie), "1/2");
  EXPECT_EQ(derivative_at("min(x, y)", "y", tie), "1/2");
  const Substitution apart{{x.node(), integer(4)}, {y.node(), integer(3)}};
  EXPECT_EQ(derivative_at("max(x, y)", "x", apart), "1");
  EXPECT_EQ(derivative_at("max(x, y)", "y", apart), "0");
  EXPECT_EQ(derivative_at("min(x, y)", "x", apart), "0");
  EXPECT_EQ(derivative_at("min(x, y)", "y", apart), "1");
  // |u| has no convention: its derivative is undefined at 0.
  try {
    derivative_at("abs(x)", "x", zero);
    FAIL() << "abs'(0) evaluated";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Domain);
  }
}

TEST(FunctionTable, DerivativesInTheTable) {
  const Expr x = symbol("x");
  EXPECT_EQ(print_text(diff(parse_text("relu(x)"), x)), "heaviside(x)");
  EXPECT_EQ(print_text(diff(parse_text("softplus(x)"), x)), "sigmoid(x)");
  EXPECT_EQ(print_text(diff(parse_text("heaviside(x)"), x)), "0");
  EXPECT_EQ(print_text(diff(parse_text("max(x, 2)"), x)), "sign(x - 2)/2 + 1/2");
  EXPECT_EQ(print_text(diff(parse_text("min(x, 2)"), x)), "1/2 - sign(x - 2)/2");
}

TEST(FunctionTable, TextAndLatexRoundTrip) {
  const char* cases[] = {"relu(w*x + b)",        "softplus(x^2)",
                         "heaviside(x - 1)",     "sign(x)",
                         "max(x, y^2)",          "min(relu(x), 1 - y)",
                         "max(x, min(y, 0))^2",  "sigmoid(relu(x))*softplus(-x)",
                         "2*max(x, y)/min(x, y)"};
  for (const char* text : cases) {
    const Expr e = parse_text(text);
    EXPECT_EQ(parse_text(print_text(e)), e) << print_text(e);
    EXPECT_EQ(parse_latex(print_latex(e)), e) << print_latex(e);
  }
  EXPECT_EQ(print_text(parse_text("max(x,y^2)")), "max(x, y^2)");
  EXPECT_EQ(print_latex(parse_text("max(x, y^2)")), "\\max\\left(x, y^{2}\\right)");
  EXPECT_EQ(print_latex(parse_text("relu(x)")), "\\operatorname{relu}\\left(x\\right)");
  EXPECT_EQ(print_latex(parse_text("softplus(x)")), "\\operatorname{softplus}\\left(x\\right)");
  EXPECT_EQ(print_latex(parse_text("sign(x)")), "\\operatorname{sgn}\\left(x\\right)");
  EXPECT_EQ(parse_latex("\\max(x, 1) + \\min\\left(y, 2\\right)"),
            parse_text("max(x, 1) + min(y, 2)"));
  EXPECT_EQ(parse_latex("\\operatorname{relu}(x)"), parse_text("relu(x)"));
}

void expect_error(const std::function<void()>& f, ErrorKind kind, const std::string& message) {
  try {
    f();
    FAIL() << "no error; expected: " << message;
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), kind);
    EXPECT_EQ(std::string(e.what()), message);
  }
}

TEST(FunctionTable, WrongNumberOfArguments) {
  expect_error([] { parse_text("max(x)"); }, ErrorKind::Parse, "'max' takes 2 arguments, not 1");
  expect_error([] { parse_text("relu(x, y)"); }, ErrorKind::Parse,
               "'relu' takes 1 argument, not 2");
  expect_error([] { parse_text("min + 1"); }, ErrorKind::Parse,
               "function 'min' needs its arguments in parentheses: min(a, b)");
  expect_error([] { parse_latex("\\max x"); }, ErrorKind::Parse,
               "'max' needs two arguments in parentheses: \\max(a, b)");
  expect_error([] { parse_latex("\\min(x y)"); }, ErrorKind::Parse,
               "expected ',' between the two arguments of 'min'");
}

TEST(FunctionTable, Integrals) {
  const Expr x = symbol("x");
  EXPECT_EQ(print_text(integrate(parse_text("relu(x)"), x)), "x*relu(x)/2");
  EXPECT_EQ(print_text(integrate(parse_text("heaviside(2*x)"), x)), "relu(2*x)/2");
  EXPECT_EQ(print_text(integrate(parse_text("sign(x)"), x)), "abs(x)");
  expect_error([&] { integrate(parse_text("max(x, 1)"), x); }, ErrorKind::Unsupported,
               "no antiderivative of max(x, 1) with respect to x: max(x, 1) is piecewise, and "
               "leibniz does not split an integral where its arguments are equal");
  expect_error([&] { integrate(parse_text("softplus(x)"), x); }, ErrorKind::Unsupported,
               "leibniz found no elementary antiderivative of softplus(x) with respect to x");
}

}  // namespace
}  // namespace leibniz
