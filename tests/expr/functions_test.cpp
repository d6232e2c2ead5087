// The function table row by row. Every test that iterates over function_table() covers
// a new row by its being added: its derivative against central differences and its
// slope bound over the row's test domain, its antiderivative differentiated back, its
// sign and exact values against its value, f(x) through text and LaTeX. Then the exact
// values, the conventions at the kinks (docs/functions.md), and erf, the row added last.
#include "leibniz/expr/functions.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <random>

#include "leibniz/calculus/diff.h"
#include "leibniz/calculus/integrate.h"
#include "leibniz/core/error.h"
#include "leibniz/eval/program.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/parse_latex.h"
#include "leibniz/expr/print.h"
#include "leibniz/expr/substitute.h"
#include "leibniz/numeric/finite_difference.h"

namespace leibniz {
namespace {

double relative_error(double a, double b) {
  return std::fabs(a - b) / std::max(1.0, std::max(std::fabs(a), std::fabs(b)));
}

Expr apply_row(Fn fn, const std::vector<Expr>& vars) {
  return function_info(fn).arity() == 2 ? func(fn, vars[0], vars[1]) : func(fn, vars[0]);
}

// Seeded points of a row's test domain (both intervals), n per interval.
std::vector<double> sample(const FunctionInfo& row, int n, std::mt19937_64& random) {
  std::vector<double> points;
  for (const Interval& range : row.test_domain) {
    if (range.empty()) continue;
    std::uniform_real_distribution<double> uniform(range.lo, range.hi);
    for (int k = 0; k < n; ++k) points.push_back(uniform(random));
  }
  return points;
}

TEST(FunctionTable, EveryRowIsInTheOrderOfFnWithATestDomain) {
  ASSERT_EQ(function_table().size(), kFnCount);
  for (std::size_t k = 0; k < kFnCount; ++k) {
    const FunctionInfo& row = function_table()[k];
    EXPECT_EQ(static_cast<std::size_t>(row.fn), k);
    EXPECT_FALSE(row.test_domain[0].empty()) << row.name << " has no test interval";
    EXPECT_EQ(function_by_name(row.name), row.fn);
    if (!row.alias.empty()) {
      EXPECT_EQ(function_by_name(row.alias), row.fn);
    }
    EXPECT_EQ(row.antiderivative == nullptr, row.antiderivative_rule.empty()) << row.name;
  }
}

TEST(FunctionTable, EveryRowAgainstCentralDifferences) {
  const std::vector<Expr> vars{symbol("x"), symbol("y")};
  std::mt19937_64 random(2026);
  for (const FunctionInfo& info : function_table()) {
    const std::size_t arity = info.arity();
    const std::vector<Expr> args(vars.begin(), vars.begin() + static_cast<long>(arity));
    const Expr f = apply_row(info.fn, args);
    const Program pf(f, args);
    for (std::size_t i = 0; i < arity; ++i) {
      const Program pd(diff(f, args[i]), args);
      const std::vector<double> xs = sample(info, 20, random), ys = sample(info, 20, random);
      for (std::size_t n = 0; n < xs.size(); ++n) {
        std::vector<double> point{xs[n], ys[n]};
        point.resize(arity);
        // max and min: away from the tie a = b, where they have their kink.
        if (arity == 2 && std::fabs(point[0] - point[1]) < 0.1) continue;
        const double slope = central_difference(pf, point, i);
        EXPECT_LT(relative_error(pd.run(point), slope), 1e-6)
            << "∂" << info.name << "/∂" << args[i].name() << " at " << point[0];
        EXPECT_LE(std::fabs(slope), info.slope_bound * (1 + 1e-6))
            << info.name << " at " << point[0];
      }
    }
  }
}

// F' = f for every row's antiderivative, at sampled points, and the integrator finds
// ∫ f(2x + 1) dx through the row (integrate checks its own answer).
TEST(FunctionTable, EveryAntiderivativeDifferentiatesBack) {
  const Expr x = symbol("x");
  std::mt19937_64 random(7);
  for (const FunctionInfo& info : function_table()) {
    if (!info.antiderivative) continue;
    const Program back(diff(info.antiderivative(x), x), std::span(&x, 1));
    const Program pf(func(info.fn, x), std::span(&x, 1));
    for (double point : sample(info, 20, random)) {
      EXPECT_LT(relative_error(back.run(std::vector{point}), pf.run(std::vector{point})), 1e-9)
          << "d/dx of the antiderivative of " << info.name << " at " << point;
    }
    const Expr linear = func(info.fn, add(mul(integer(2), x), integer(1)));
    EXPECT_NO_THROW(integrate(linear, x)) << info.name;
  }
}

// The sign a row claims, and its exact values, against its numeric value.
TEST(FunctionTable, SignsAndExactValuesAgreeWithTheValue) {
  std::mt19937_64 random(11);
  for (const FunctionInfo& info : function_table()) {
    if (info.arity() != 1) continue;
    for (double point : sample(info, 50, random)) {
      const double y = info.evaluate(point);
      if (info.sign == FunctionSign::Positive) {
        EXPECT_GT(y, 0) << info.name << " at " << point;
      } else if (info.sign == FunctionSign::Nonnegative) {
        EXPECT_GE(y, 0) << info.name << " at " << point;
      }
    }
    if (!info.exact) continue;
    for (const Number& at : {Number(0), Number(1), Number(-1), Number(2), Number(mpq_class(1, 2)),
                             Number(mpq_class(-3, 4))}) {
      std::optional<Expr> value;
      try {
        value = info.exact(at);
      } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Domain);
        EXPECT_THROW(info.evaluate(at.to_double()), Error) << info.name << " at " << at.to_string();
        continue;
      }
      if (!value) continue;
      EXPECT_NEAR(evaluate(*value, {}), info.evaluate(at.to_double()), 1e-12)
          << info.name << " at " << at.to_string();
    }
  }
}

// f(x) (f(x, y)) and f of compound arguments print and read back in text and LaTeX,
// by name and by alias.
TEST(FunctionTable, EveryRowRoundTripsThroughTextAndLatex) {
  const std::vector<Expr> vars{symbol("x"), symbol("y")};
  for (const FunctionInfo& info : function_table()) {
    for (const Expr& f : {apply_row(info.fn, vars),
                          apply_row(info.fn, {add(vars[0], integer(1)), pow(vars[1], 2)})}) {
      EXPECT_EQ(parse_text(print_text(f)), f) << print_text(f);
      EXPECT_EQ(parse_latex(print_latex(f)), f) << print_latex(f);
    }
    if (!info.alias.empty()) {
      EXPECT_EQ(parse_text(std::string(info.alias) + (info.arity() == 2 ? "(x, y)" : "(x)")),
                apply_row(info.fn, vars));
    }
  }
}

// erf, added as one row: its derivative, antiderivative, printing and check.
TEST(FunctionTable, Erf) {
  const Expr x = symbol("x");
  EXPECT_EQ(print_text(derivative(parse_text("erf(x)"), std::vector{x})), "2*e^(-x^2)/sqrt(pi)");
  EXPECT_EQ(print_text(integrate(parse_text("erf(x)"), x)), "x*erf(x) + e^(-x^2)/sqrt(pi)");
  EXPECT_EQ(print_text(integrate(parse_text("erf(3*x)"), x)),
            "x*erf(3*x) + e^(-9*x^2)/(3*sqrt(pi))");
  EXPECT_EQ(print_latex(parse_text("erf(x)")), "\\operatorname{erf}\\left(x\\right)");
  EXPECT_EQ(print_text(parse_text("erf(0)")), "0");
  EXPECT_NEAR(evaluate(parse_text("erf(1)"), {}), 0.8427007929497149, 1e-15);
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

void expect_function_error(const std::function<void()>& f, ErrorKind kind,
                           const std::string& message) {
  try {
    f();
    FAIL() << "no error; expected: " << message;
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), kind);
    EXPECT_EQ(std::string(e.what()), message);
  }
}

TEST(FunctionTable, WrongNumberOfArguments) {
  expect_function_error([] { parse_text("max(x)"); }, ErrorKind::Parse,
                        "'max' takes 2 arguments, not 1");
  expect_function_error([] { parse_text("relu(x, y)"); }, ErrorKind::Parse,
                        "'relu' takes 1 argument, not 2");
  expect_function_error([] { parse_text("min + 1"); }, ErrorKind::Parse,
                        "function 'min' needs its arguments in parentheses: min(a, b)");
  expect_function_error([] { parse_latex("\\max x"); }, ErrorKind::Parse,
                        "'max' needs two arguments in parentheses: \\max(a, b)");
  expect_function_error([] { parse_latex("\\min(x y)"); }, ErrorKind::Parse,
                        "expected ',' between the two arguments of 'min'");
}

TEST(FunctionTable, Integrals) {
  const Expr x = symbol("x");
  EXPECT_EQ(print_text(integrate(parse_text("relu(x)"), x)), "x*relu(x)/2");
  EXPECT_EQ(print_text(integrate(parse_text("heaviside(2*x)"), x)), "relu(2*x)/2");
  EXPECT_EQ(print_text(integrate(parse_text("sign(x)"), x)), "abs(x)");
  expect_function_error(
      [&] { integrate(parse_text("max(x, 1)"), x); }, ErrorKind::Unsupported,
      "no antiderivative of max(x, 1) with respect to x: max(x, 1) is piecewise, and "
      "leibniz does not split an integral where its arguments are equal");
  expect_function_error(
      [&] { integrate(parse_text("softplus(x)"), x); }, ErrorKind::Unsupported,
      "leibniz found no elementary antiderivative of softplus(x) with respect to x");
}

// The reciprocal and inverse hyperbolic rows: names, printing, exact values, domains,
// derivatives and table integrals.
TEST(FunctionTable, HyperbolicRows) {
  const Expr x = symbol("x");
  EXPECT_EQ(print_text(diff(parse_text("coth(x)"), x)), "-csch(x)^2");
  EXPECT_EQ(print_text(diff(parse_text("sech(x)"), x)), "-sech(x)*tanh(x)");
  EXPECT_EQ(print_text(diff(parse_text("csch(x)"), x)), "-coth(x)*csch(x)");
  EXPECT_EQ(print_text(diff(parse_text("asinh(x)"), x)), "1/sqrt(x^2 + 1)");
  EXPECT_EQ(print_text(diff(parse_text("acosh(x)"), x)), "1/sqrt(x^2 - 1)");
  EXPECT_EQ(print_text(diff(parse_text("atanh(x)"), x)), "1/(1 - x^2)");
  EXPECT_EQ(parse_text("arcsinh(x) + arsinh(x)"), parse_text("2*asinh(x)"));
  EXPECT_EQ(parse_text("arccosh(x) + arcosh(x)"), parse_text("2*acosh(x)"));
  EXPECT_EQ(parse_text("arctanh(x) + artanh(x)"), parse_text("2*atanh(x)"));
  EXPECT_EQ(parse_latex("\\sinh^{-1} x + \\operatorname{arcsinh}(x)"), parse_text("2*asinh(x)"));
  EXPECT_EQ(parse_latex("\\cosh^{-1} x"), parse_text("acosh(x)"));
  EXPECT_EQ(parse_latex("\\tanh^{-1} x"), parse_text("atanh(x)"));
  EXPECT_EQ(parse_latex("\\coth x + \\operatorname{sech}(x) + \\operatorname{csch}(x)"),
            parse_text("coth(x) + sech(x) + csch(x)"));
  EXPECT_EQ(print_latex(parse_text("coth(x)")), "\\coth\\left(x\\right)");
  EXPECT_EQ(print_latex(parse_text("sech(x)")), "\\operatorname{sech}\\left(x\\right)");
  EXPECT_EQ(print_latex(parse_text("asinh(x)")), "\\operatorname{arsinh}\\left(x\\right)");
  EXPECT_EQ(print_unicode(parse_text("atanh(x)")), "atanh(x)");
  EXPECT_EQ(simplified("asinh(0) + atanh(0) + acosh(1) + sech(0)"), "1");
  EXPECT_EQ(simplified("sech(-x) + coth(-x)"), "sech(x) - coth(x)");
  EXPECT_EQ(simplified("acosh(-x)"), "acosh(-x)");
  expect_function_error([] { parse_text("coth(0)"); }, ErrorKind::Domain, "coth(0) is not defined");
  expect_function_error([] { parse_text("csch(0)"); }, ErrorKind::Domain, "csch(0) is not defined");
  expect_function_error([] { parse_text("acosh(1/2)"); }, ErrorKind::Domain,
                        "acosh(1/2) is not defined");
  expect_function_error([] { parse_text("atanh(1)"); }, ErrorKind::Domain,
                        "atanh(1) is not defined");
  expect_function_error(
      [] {
        evaluate(parse_text("atanh(x)"), {{"x", 2}});
      },
      ErrorKind::Domain, "atanh(2) is not defined");
  EXPECT_EQ(print_text(integrate(parse_text("sech(x)^2"), x)), "tanh(x)");
  EXPECT_EQ(print_text(integrate(parse_text("csch(2*x)^2"), x)), "-coth(2*x)/2");
  EXPECT_EQ(print_text(integrate(parse_text("sech(x)*tanh(x)"), x)), "-sech(x)");
  EXPECT_EQ(print_text(integrate(parse_text("csch(x)*coth(x)"), x)), "-csch(x)");
  EXPECT_EQ(print_text(integrate(parse_text("sech(x)"), x)), "atan(sinh(x))");
}

// arcoth (|u| > 1), arsech (0 < u ≤ 1), arcsch (u ≠ 0): names, printing, domains,
// derivatives and table integrals.
TEST(FunctionTable, InverseReciprocalHyperbolicRows) {
  const Expr x = symbol("x");
  EXPECT_EQ(print_text(diff(parse_text("acoth(x)"), x)), "1/(1 - x^2)");
  EXPECT_EQ(print_text(diff(parse_text("asech(x)"), x)), "-1/(x*sqrt(1 - x^2))");
  EXPECT_EQ(print_text(diff(parse_text("acsch(x)"), x)), "-1/(abs(x)*sqrt(x^2 + 1))");
  EXPECT_EQ(parse_text("arccoth(x) + arcoth(x)"), parse_text("2*acoth(x)"));
  EXPECT_EQ(parse_text("arcsech(x) + arsech(x)"), parse_text("2*asech(x)"));
  EXPECT_EQ(parse_text("arccsch(x) + arcsch(x)"), parse_text("2*acsch(x)"));
  EXPECT_EQ(parse_latex("\\sech^{-1} x"), parse_text("asech(x)"));
  EXPECT_EQ(parse_latex("\\operatorname{csch}^{-1} x"), parse_text("acsch(x)"));
  EXPECT_EQ(print_latex(parse_text("acoth(x)")), "\\operatorname{arcoth}\\left(x\\right)");
  EXPECT_EQ(print_latex(parse_text("asech(x)")), "\\operatorname{arsech}\\left(x\\right)");
  EXPECT_EQ(print_latex(parse_text("acsch(x)")), "\\operatorname{arcsch}\\left(x\\right)");
  for (const char* text : {"acoth(2*x)", "asech(x/3)", "acsch(x + 1)"}) {
    EXPECT_EQ(parse_latex(print_latex(parse_text(text))), parse_text(text)) << text;
    EXPECT_EQ(parse_text(print_unicode(parse_text(text))), parse_text(text)) << text;
  }
  EXPECT_EQ(simplified("asech(1) + acoth(-x) + acsch(-x)"), "-acoth(x) - acsch(x)");
  EXPECT_NEAR(evaluate(parse_text("acoth(x)"), {{"x", 2}}), std::atanh(0.5), 1e-15);
  EXPECT_NEAR(evaluate(parse_text("asech(x)"), {{"x", 0.5}}), std::acosh(2.0), 1e-15);
  EXPECT_NEAR(evaluate(parse_text("acsch(x)"), {{"x", -2}}), std::asinh(-0.5), 1e-15);
  expect_function_error([] { parse_text("acoth(1/2)"); }, ErrorKind::Domain,
                        "acoth(1/2) is not defined");
  expect_function_error([] { parse_text("acoth(1)"); }, ErrorKind::Domain,
                        "acoth(1) is not defined");
  expect_function_error([] { parse_text("asech(0)"); }, ErrorKind::Domain,
                        "asech(0) is not defined");
  expect_function_error([] { parse_text("asech(3/2)"); }, ErrorKind::Domain,
                        "asech(3/2) is not defined");
  expect_function_error([] { parse_text("acsch(0)"); }, ErrorKind::Domain,
                        "acsch(0) is not defined");
  expect_function_error(
      [] {
        evaluate(parse_text("asech(x)"), {{"x", -0.5}});
      },
      ErrorKind::Domain, "asech(-0.5) is not defined");
  EXPECT_EQ(print_text(integrate(parse_text("acoth(x)"), x)), "x*acoth(x) + ln(x^2 - 1)/2");
  EXPECT_EQ(print_text(integrate(parse_text("asech(x)"), x)), "x*asech(x) + asin(x)");
  EXPECT_EQ(print_text(integrate(parse_text("acsch(x)"), x)), "x*acsch(x) + asinh(abs(x))");
}

}  // namespace
}  // namespace leibniz
