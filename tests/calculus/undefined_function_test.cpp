// Undefined functions and their derivatives as objects (spec §1 v2): exact printed
// forms, the chain rule through compound arguments, and every printed form read back.
#include <gtest/gtest.h>

#include "leibniz/calculus/check.h"
#include "leibniz/calculus/diff.h"
#include "leibniz/calculus/expand.h"
#include "leibniz/calculus/integrate.h"
#include "leibniz/calculus/simplify.h"
#include "leibniz/core/error.h"
#include "leibniz/eval/program.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/call.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/parse_latex.h"
#include "leibniz/expr/print.h"
#include "support/random_expr.h"

namespace leibniz {
namespace {

ParseOptions with_diff() {
  ParseOptions options;
  options.differentiate = [](const Expr& e, const Expr& var) {
    return derivative(e, std::span(&var, 1));
  };
  return options;
}

Expr parse(const std::string& text) { return parse_text(text, with_diff()); }

Expr differentiate(const Expr& e, const Expr& var) { return derivative(e, std::span(&var, 1)); }

std::string d(const char* e, const char* var) {
  const Expr v = symbol(var);
  return print_text(derivative(parse(e), std::span(&v, 1)));
}

std::string parse_error(const std::string& text) {
  try {
    parse(text);
  } catch (const Error& e) {
    return std::string(kind_name(e.kind())) + ": " + e.what();
  }
  return "no error";
}

TEST(UndefinedFunction, ParsesAndPrints) {
  EXPECT_EQ(print_text(parse("g(x,y)")), "g(x, y)");
  EXPECT_EQ(print_text(parse("f(g(x,y), h(x,y))")), "f(g(x, y), h(x, y))");
  EXPECT_EQ(print_text(parse("2*u(t) + u(t)")), "3*u(t)");
  EXPECT_EQ(parse("g(x, y)"), call("g", std::vector<Expr>{symbol("x"), symbol("y")}));
  EXPECT_NE(parse("g(x, y)"), parse("g(y, x)"));
}

TEST(UndefinedFunction, OnlyOneLetterNamesOrDeclaredOnes) {
  EXPECT_EQ(parse_error("foo(x)"),
            "parse: unknown function 'foo'; the nearest known function is 'log' (a name declared "
            "as a function, or one letter such as g(x), is an undefined function)");
  EXPECT_EQ(parse_error("e(x)"), "parse: 'e' is a constant, not a function");
  EXPECT_EQ(parse_error("f()"), "parse: 'f' needs an argument");
  ParseOptions options = with_diff();
  options.functions = {"psi"};
  EXPECT_EQ(print_text(parse_text("psi(t)^2", options)), "psi(t)^2");
  const Expr t = symbol("t");
  EXPECT_EQ(print_text(derivative(parse_text("psi(t)^2", options), std::span(&t, 1))),
            "2*psi(t)*diff(psi(t), t)");
}

TEST(UndefinedFunction, ChainRuleThroughCompoundArguments) {
  EXPECT_EQ(d("f(g(x,y), h(x,y))", "x"),
            "diff(f(g(x, y), h(x, y)), g(x, y))*diff(g(x, y), x) + "
            "diff(f(g(x, y), h(x, y)), h(x, y))*diff(h(x, y), x)");
  EXPECT_EQ(d("g(x)^2", "x"), "2*g(x)*diff(g(x), x)");
  EXPECT_EQ(d("sin(g(x))", "x"), "cos(g(x))*diff(g(x), x)");
  EXPECT_EQ(d("g(x^2)", "x"), "2*x*diff(g(x^2), x^2)");
  EXPECT_EQ(d("f(x, x)", "x"), "diff(f(x, x), 1) + diff(f(x, x), 2)");
  EXPECT_EQ(d("f(x, x*y)", "x"), "y*diff(f(x, x*y), x*y) + diff(f(x, x*y), 1)");
  EXPECT_EQ(d("g(y)", "x"), "0");
  EXPECT_EQ(d("g(x,y)*h(x,y)", "x"), "g(x, y)*diff(h(x, y), x) + diff(g(x, y), x)*h(x, y)");
}

TEST(UndefinedFunction, DiffInTheTextSyntax) {
  EXPECT_EQ(print_text(parse("diff(g(x, y), x)")), "diff(g(x, y), x)");
  EXPECT_EQ(print_text(parse("diff(g(x, y), x, y)")), "diff(diff(g(x, y), x), y)");
  EXPECT_EQ(parse("diff(g(x, y), x, y)"), parse("diff(g(x, y), y, x)"));
  EXPECT_EQ(print_text(parse("diff(x^3, x)")), "3*x^2");
  EXPECT_EQ(print_text(parse("d/diff(g(x), x)")), "d/diff(g(x), x)");
  EXPECT_EQ(print_text(parse("diff(f(g(x), h(x)), g(x))")), "diff(f(g(x), h(x)), g(x))");
  EXPECT_EQ(print_text(parse("diff(f(x, x), 2)")), "diff(f(x, x), 2)");
  EXPECT_EQ(parse_error("diff(f(x), 2)"), "parse: 'f' has no argument 2: it takes 1");
  EXPECT_EQ(parse_error("diff(x^2, 1)"),
            "parse: diff differentiates with respect to a variable, an argument of a function "
            "call (diff(f(g(x), h(x)), g(x))) or its place (diff(f(x, x), 1))");
  EXPECT_EQ(parse_error("diff(x^2)"),
            "parse: 'diff' needs a variable after the expression: diff(f(x), x)");
  EXPECT_EQ(print_text(parse_text("diff(g(x), x)")), "diff(g(x), x)");  // no calculus needed
  try {
    parse_text("diff(x^2, x)");
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Unsupported);
  }
}

TEST(UndefinedFunction, OpaqueToSimplifyAndExpand) {
  EXPECT_EQ(print_text(simplify(parse("g(x) - g(x) + f(x + x)"))), "f(2*x)");
  EXPECT_EQ(print_text(expand(parse("(g(x) + 1)^2"))), "g(x)^2 + 2*g(x) + 1");
  EXPECT_EQ(print_text(simplify(parse("g(sin(x)^2 + cos(x)^2)"))), "g(1)");
}

TEST(UndefinedFunction, NoNumbersNoIntegrals) {
  try {
    const Expr x = symbol("x");
    Program(parse("g(x) + 1"), std::span(&x, 1));
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Unsupported);
    EXPECT_STREQ(e.what(), "'g' is an undefined function: it has no numeric value");
  }
  try {
    integrate(parse("g(x)"), symbol("x"));
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Unsupported);
    EXPECT_STREQ(e.what(),
                 "no antiderivative of g(x) with respect to x: 'g' is an undefined function");
  }
}

TEST(UndefinedFunction, IntegratesOnlyAPartialDerivative) {
  const Expr x = symbol("x");
  EXPECT_EQ(print_text(integrate(parse("diff(g(x), x)"), x)), "g(x)");
  EXPECT_EQ(print_text(integrate(parse("3*diff(f(x, y), x, y)"), x)), "3*diff(f(x, y), y)");
  for (const char* e : {"diff(f(x, x), 1)", "diff(g(x^2), x^2)", "x*diff(g(x), x)"}) {
    try {
      integrate(parse(e), x);
      ADD_FAILURE() << "no error for " << e;
    } catch (const Error& error) {
      EXPECT_EQ(error.kind(), ErrorKind::Unsupported) << e;
    }
  }
}

TEST(UndefinedFunction, CheckNeedsAProof) {
  const EqualityCheck same = check_equal(parse("g(x)*(1 + x)"), parse("g(x) + x*g(x)"));
  EXPECT_EQ(same.verdict, Verdict::Holds);
  const EqualityCheck other = check_equal(parse("g(x)"), parse("g(x) + 1"));
  EXPECT_EQ(other.verdict, Verdict::Unknown);
  EXPECT_EQ(other.reason, "'g' is an undefined function: it has no values to compare");
}

TEST(UndefinedFunction, EveryPrintedFormReadsBack) {
  testing::RandomExpr random(7);
  int checked = 0, latex_checked = 0;
  for (int i = 0; i < 3000; ++i) {
    Expr e;
    try {
      e = random.any(1 + i % 4);
    } catch (const Error&) {
      continue;
    }
    ++checked;
    try {
      ASSERT_EQ(parse_text(print_text(e)), e) << print_text(e);
    } catch (const Error& error) {
      FAIL() << print_text(e) << ": " << error.what();
    }
    ASSERT_EQ(parse_text(print_unicode(e)), e) << print_unicode(e);
    const std::string latex = print_latex(e);
    ++latex_checked;
    Expr back;
    try {
      back = parse_latex(latex, differentiate);
    } catch (const Error& error) {
      FAIL() << latex << ": " << error.what();
    }
    ASSERT_EQ(back, e) << latex;
  }
  EXPECT_GT(checked, 2000);
  EXPECT_GT(latex_checked, 1000);
}

TEST(UndefinedFunction, LatexForms) {
  EXPECT_EQ(print_latex(parse("diff(g(x, y), x)")),
            "\\frac{\\partial g\\left(x, y\\right)}{\\partial x}");
  EXPECT_EQ(print_latex(parse("h(x) + F(x)")),
            "F\\left(x\\right) + \\operatorname{h}\\left(x\\right)");
  EXPECT_EQ(parse_latex("\\frac{\\partial g(x, y)}{\\partial x}", differentiate),
            parse("diff(g(x, y), x)"));
  EXPECT_EQ(print_latex(parse("diff(f(x, x), 1)")),
            "\\operatorname{diff}\\left(f\\left(x, x\\right), 1\\right)");
  EXPECT_EQ(parse_latex("\\operatorname{diff}\\left(f\\left(x, x\\right), 1\\right)"),
            parse("diff(f(x, x), 1)"));
}

}  // namespace
}  // namespace leibniz
