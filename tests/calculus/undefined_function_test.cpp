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

std::string derivative_text(const char* e, const char* var) {
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
  EXPECT_EQ(derivative_text("f(g(x,y), h(x,y))", "x"),
            "diff(f(g(x, y), h(x, y)), g)*diff(g(x, y), x) + "
            "diff(f(g(x, y), h(x, y)), h)*diff(h(x, y), x)");
  EXPECT_EQ(derivative_text("g(x)^2", "x"), "2*g(x)*diff(g(x), x)");
  EXPECT_EQ(derivative_text("sin(g(x))", "x"), "cos(g(x))*diff(g(x), x)");
  EXPECT_EQ(derivative_text("g(x^2)", "x"), "2*x*diff(g(x^2), x^2)");
  EXPECT_EQ(derivative_text("f(x, x)", "x"), "diff(f(x, x), 1) + diff(f(x, x), 2)");
  EXPECT_EQ(derivative_text("f(x, x*y)", "x"), "y*diff(f(x, x*y), x*y) + diff(f(x, x*y), 1)");
  EXPECT_EQ(derivative_text("g(y)", "x"), "0");
  EXPECT_EQ(derivative_text("g(x,y)*h(x,y)", "x"),
            "g(x, y)*diff(h(x, y), x) + diff(g(x, y), x)*h(x, y)");
}

TEST(UndefinedFunction, DiffInTheTextSyntax) {
  EXPECT_EQ(print_text(parse("diff(g(x, y), x)")), "diff(g(x, y), x)");
  EXPECT_EQ(print_text(parse("diff(g(x, y), x, y)")), "diff(diff(g(x, y), x), y)");
  EXPECT_EQ(parse("diff(g(x, y), x, y)"), parse("diff(g(x, y), y, x)"));
  EXPECT_EQ(print_text(parse("diff(x^3, x)")), "3*x^2");
  EXPECT_EQ(print_text(parse("d/diff(g(x), x)")), "d/diff(g(x), x)");
  // The argument g(x) is named by its function, as the notes' ∂f/∂g; written out it reads
  // the same.
  EXPECT_EQ(print_text(parse("diff(f(g(x), h(x)), g(x))")), "diff(f(g(x), h(x)), g)");
  EXPECT_EQ(parse("diff(f(g(x), h(x)), g)"), parse("diff(f(g(x), h(x)), g(x))"));
  EXPECT_EQ(print_text(parse("diff(f(g(x), g(y)), g(x))")), "diff(f(g(x), g(y)), g(x))");
  ParseOptions declared = with_diff();
  declared.functions = {"psi"};
  const Expr by_psi = parse_text("diff(f(psi(x), y), psi(x))", declared);
  EXPECT_EQ(print_text(by_psi), "diff(f(psi(x), y), psi)");
  EXPECT_EQ(parse_text("diff(f(psi(x), y), psi)", declared), by_psi);
  EXPECT_EQ(parse_latex(print_latex(by_psi), differentiate, {}, {"psi"}), by_psi);
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

// Issue 10 C: derivatives print in the notes' notation. Unicode ∂g(x, y)/∂x,
// ∂²g(x, y)/∂x∂y, ∂f(g(x, y), h(x, y))/∂g (the argument named by its function); LaTeX
// \frac{\partial …}{\partial …}; the text syntax's diff(…) stays (spec §1). A slot that
// neither a variable nor a function's name labels alone keeps the diff form.
TEST(UndefinedFunction, TheNotesNotationInUnicodeAndLatex) {
  EXPECT_EQ(print_unicode(parse("diff(g(x, y), x)")), "∂g(x, y)/∂x");
  EXPECT_EQ(print_unicode(parse("diff(g(x, y), x, y)")), "∂²g(x, y)/∂x∂y");
  EXPECT_EQ(print_unicode(parse("diff(g(x, y), y, x, x)")), "∂³g(x, y)/∂x²∂y");
  EXPECT_EQ(print_latex(parse("diff(g(x, y), y, x, x)")),
            "\\frac{\\partial^{3} g\\left(x, y\\right)}{\\partial x^{2} \\partial y}");
  const Expr chain = parse("diff(f(g(x, y), h(x, y)), x)");
  EXPECT_EQ(print_unicode(chain),
            "∂f(g(x, y), h(x, y))/∂g·∂g(x, y)/∂x + ∂f(g(x, y), h(x, y))/∂h·∂h(x, y)/∂x");
  EXPECT_EQ(print_latex(chain),
            "\\frac{\\partial f\\left(g\\left(x, y\\right), \\operatorname{h}\\left(x, "
            "y\\right)\\right)}{\\partial g} \\frac{\\partial g\\left(x, y\\right)}{\\partial x} + "
            "\\frac{\\partial f\\left(g\\left(x, y\\right), \\operatorname{h}\\left(x, "
            "y\\right)\\right)}{\\partial h} \\frac{\\partial \\operatorname{h}\\left(x, "
            "y\\right)}{\\partial x}");
  EXPECT_EQ(print_text(chain),
            "diff(f(g(x, y), h(x, y)), g)*diff(g(x, y), x) + diff(f(g(x, y), h(x, y)), "
            "h)*diff(h(x, y), x)");
  // On one line the quotient is parenthesised as a base, numerator or denominator.
  EXPECT_EQ(print_unicode(parse("diff(g(x), x)^2")), "(∂g(x)/∂x)²");
  EXPECT_EQ(print_unicode(parse("1/diff(g(x), x)")), "1/(∂g(x)/∂x)");
  EXPECT_EQ(print_unicode(parse("diff(g(x), x)/h(x)")), "(∂g(x)/∂x)/h(x)");
  EXPECT_EQ(print_unicode(parse("2*x*diff(g(x), x)")), "2x·∂g(x)/∂x");
  EXPECT_EQ(print_unicode(parse("-diff(g(x), x)")), "-∂g(x)/∂x");
  EXPECT_EQ(print_unicode(parse("sqrt(diff(g(x), x))")), "√(∂g(x)/∂x)");
  // An argument that names its slot alone is the label in parentheses; only a place
  // keeps the diff form.
  EXPECT_EQ(print_unicode(parse("diff(f(x, x*y), x*y)")), "∂f(x, x·y)/∂(x·y)");
  EXPECT_EQ(print_unicode(parse("diff(f(g(x), g(y)), g(x))")), "∂f(g(x), g(y))/∂(g(x))");
  EXPECT_EQ(print_latex(parse("diff(f(x*y, x + y), x*y, x*y)")),
            "\\frac{\\partial^{2} f\\left(x y, x + y\\right)}{\\partial \\left(x y\\right)^{2}}");
  EXPECT_EQ(print_unicode(parse("diff(f(x, x), 1)")), "diff(f(x, x), 1)");
  EXPECT_EQ(print_unicode(parse("diff(f(x*y, x), 2)")), "diff(f(x·y, x), 2)");
  // A name LaTeX cannot write bare after \partial goes in parentheses too.
  EXPECT_EQ(print_latex(parse("diff(f(pi_x, y), pi_x)")),
            "\\frac{\\partial f\\left(\\pi_{x}, y\\right)}{\\partial \\left(\\pi_{x}\\right)}");
  EXPECT_EQ(parse_latex(print_latex(parse("diff(f(sigma, y), sigma)")), differentiate),
            parse("diff(f(sigma, y), sigma)"));
  EXPECT_EQ(print_latex(parse("diff(f(x, x), 1)")),
            "\\operatorname{diff}\\left(f\\left(x, x\\right), 1\\right)");
}

TEST(UndefinedFunction, TheNotesNotationReadsBack) {
  EXPECT_EQ(parse("∂g(x, y)/∂x"), parse("diff(g(x, y), x)"));
  EXPECT_EQ(parse("∂²g(x, y)/∂x∂y"), parse("diff(g(x, y), x, y)"));
  EXPECT_EQ(parse("∂³g(x, y)/∂x²∂y"), parse("diff(g(x, y), x, x, y)"));
  EXPECT_EQ(parse("∂f(x, x·y)/∂(x·y)"), parse("diff(f(x, x*y), x*y)"));
  EXPECT_EQ(parse_latex("\\frac{\\partial f(x, x y)}{\\partial (x y)}", differentiate),
            parse("diff(f(x, x*y), x*y)"));
  EXPECT_EQ(
      parse_latex("\\frac{\\partial^2 f}{\\partial \\left(x y\\right)^2}(x y, x)", differentiate),
      parse("diff(f(x*y, x), x*y, x*y)"));
  EXPECT_EQ(parse_error("∂f(x, y)/∂(x + 1)"),
            "parse: diff differentiates with respect to a variable, an argument of a function call "
            "(diff(f(g(x), h(x)), g(x))) or its place (diff(f(x, x), 1))");
  try {
    parse_latex("\\frac{\\partial f(x, y)}{\\partial (x + 1)}", differentiate);
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "\\partial (x + 1) names no argument of a function alone");
  }
  EXPECT_EQ(parse("2·∂g(x)/∂x·h(x)"), parse("2*diff(g(x), x)*h(x)"));
  EXPECT_EQ(parse("1/(∂g(x)/∂x)"), parse("1/diff(g(x), x)"));
  const Expr df_dg = call_derivative(parse("f(g(x), h(x))"), 0);
  EXPECT_EQ(parse("∂f(g(x), h(x))/∂g"), df_dg);
  EXPECT_EQ(parse("diff(f(g(x), h(x)), g)"), df_dg);
  EXPECT_EQ(
      parse_latex("\\frac{\\partial f(g(x), \\operatorname{h}(x))}{\\partial g}", differentiate),
      df_dg);
  EXPECT_EQ(parse_latex("\\frac{\\partial^2 g(x, y)}{\\partial x \\partial y}", differentiate),
            parse("diff(g(x, y), x, y)"));
  // A declared name labels its slot in LaTeX too.
  EXPECT_EQ(
      parse_latex("\\frac{\\partial f(\\psi(x), y)}{\\partial \\psi}", differentiate, {}, {"psi"}),
      call_derivative(parse_latex("f(\\psi(x), y)", {}, {}, {"psi"}), 0));
  // The arguments after the fraction, as the notes' \frac{\partial z}{\partial g} is often
  // written: the derivative taken there (was 0, g a variable, times the arguments).
  EXPECT_EQ(
      parse_latex("\\frac{\\partial f}{\\partial g}(g(x), \\operatorname{h}(x))", differentiate),
      df_dg);
  EXPECT_EQ(parse_latex("\\frac{\\partial g}{\\partial x}\\left(x, y\\right)", differentiate),
            parse("diff(g(x, y), x)"));
  EXPECT_EQ(parse_latex("\\frac{\\partial^2 F}{\\partial x \\partial y}(x, y)", differentiate),
            parse("diff(F(x, y), x, y)"));
  EXPECT_EQ(parse_latex("\\frac{df}{dx}(t^2)", differentiate), parse("diff(f(t^2), 1)"));
  EXPECT_EQ(parse_latex("\\frac{\\partial \\psi}{\\partial t}(t)", differentiate, {}, {"psi"}),
            call_derivative(parse_latex("\\psi(t)", {}, {}, {"psi"}), 0));
  try {
    parse_latex("\\frac{\\partial f}{\\partial z}(x, y)", differentiate);
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "'z' names no argument of f(…) alone: write the derivative as \\frac{\\partial "
              "f(x, y)}{\\partial x}");
    EXPECT_EQ(e.pos(), 0U);
  }
  // ∂ of an expression in parentheses, as the notes' \frac{\partial (4y^2)}{\partial y}.
  EXPECT_EQ(parse("∂(g(x, y)*h(x, y))/∂x"), parse("diff(g(x, y)*h(x, y), x)"));
  EXPECT_EQ(parse("∂²(x^3*y)/∂x²"), parse("6*x*y"));
  // h(x, y) in LaTeX, h undeclared: how to declare it, not "expected ')'".
  for (const char* latex : {"g(x, y) h(x, y)", "\\left(h\\left(x, y\\right)\\right)"}) {
    try {
      parse_latex(latex, differentiate);
      ADD_FAILURE() << "no error";
    } catch (const Error& e) {
      EXPECT_EQ(std::string(e.what()),
                "'h' before parentheses is a variable times them in LaTeX, and a list of "
                "arguments is no factor: f, g, F and G are functions, and a request makes 'h' one "
                "by declaring it (--function h, \"functions\": [\"h\"])");
    }
  }
  // ∂ of a built-in function is its derivative.
  EXPECT_EQ(parse("∂sin(x)/∂x"), parse("cos(x)"));
  EXPECT_EQ(parse_error("∂²g(x, y)/∂x"),
            "parse: the order 2 of '∂' is not the 1 of the variables below it");
  EXPECT_EQ(parse_error("∂g(x, y)"),
            "parse: expected '/∂' and the variable after the function: ∂g(x, y)/∂x");
  EXPECT_EQ(parse_error("∂g(x)/∂2"), "parse: expected a variable after '∂', found '2'");
  EXPECT_EQ(parse_error("∂g(x)/∂e"), "parse: expected a variable after '∂', found 'e'");
  // ∂/∂g of anything but f(g(…), …) itself would be a silent 0.
  EXPECT_EQ(parse_error("diff(f(g(x)) + 1, g)"),
            "parse: 'g' is a function here: diff names the argument g(…) of a function only, as "
            "in diff(f(g(x), h(x)), g)");
  try {
    parse_latex("\\frac{\\partial (f(g(x)) + 1)}{\\partial g}", differentiate);
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "'g' is a function here: \\partial g names the argument g(…) of a function only, "
              "as in \\frac{\\partial f(g(x), h(x))}{\\partial g}");
  }
}

// A function of one argument that no variable is: g′(x²), LaTeX g'\left(x^{2}\right),
// where the ∂ form has no variable to name (was diff(g(x^2), x^2) and \operatorname{diff}).
TEST(UndefinedFunction, PrimesForAFunctionOfOneArgument) {
  const Expr once = parse("diff(g(x^2), x^2)");
  const Expr twice = parse("diff(g(x^2), 1, 1)");
  EXPECT_EQ(print_unicode(once), "g′(x²)");
  EXPECT_EQ(print_unicode(twice), "g′′(x²)");
  EXPECT_EQ(print_latex(once), "g'\\left(x^{2}\\right)");
  EXPECT_EQ(print_latex(parse("diff(h(2*t), 1)")), "\\operatorname{h}'\\left(2 t\\right)");
  EXPECT_EQ(print_text(once), "diff(g(x^2), x^2)");
  EXPECT_EQ(print_unicode(parse("diff(g(t), t)")), "∂g(t)/∂t");  // a variable: the ∂ form
  EXPECT_EQ(parse("g′(x²)"), once);
  EXPECT_EQ(parse("g'(x^2)"), once);
  EXPECT_EQ(parse("g''(x^2)"), twice);
  EXPECT_EQ(parse("g′(t)"), parse("diff(g(t), t)"));
  EXPECT_EQ(parse_latex("g'(x^2)"), once);
  EXPECT_EQ(parse_latex("g''\\left(x^{2}\\right)"), twice);
  EXPECT_EQ(parse_latex("\\operatorname{h}'\\left(2 t\\right)"), parse("diff(h(2*t), 1)"));
  EXPECT_EQ(parse_latex("\\psi'(t^2)", {}, {}, {"psi"}),
            call(std::string("psi"), std::vector{parse("t^2")}, {0}));
  EXPECT_EQ(parse_error("f'(x, y)"),
            "parse: f′ is the derivative of a function of one argument; f takes 2: write "
            "diff(f(…), 1) for its first slot");
  EXPECT_EQ(parse_error("sin'(x)"),
            "parse: a prime marks the derivative of an undefined function such as g′(x); for "
            "'sin' write diff(sin(x), x)");
  EXPECT_EQ(parse_error("2x'"), "parse: a prime marks the derivative of a function: x′(x)");
  try {
    parse_latex("f'(x, y)");
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "f' is the derivative of a function of one argument; f takes 2: write "
              "\\frac{\\partial f(x, y)}{\\partial x}");
    EXPECT_EQ(e.pos(), 1U);
  }
}

// Issue 10: a declared name is a function in LaTeX too: \psi(x), \mathrm{net}(x),
// \mathit{net}(x), \operatorname{net}(x), and a declared one letter h(x); used without
// parentheses it is refused, as in the text syntax. What print_latex writes reads back.
TEST(UndefinedFunction, DeclaredNamesInLatex) {
  const std::vector<std::string> declared{"psi", "net", "h"};
  auto read = [&declared](const std::string& latex) {
    return parse_latex(latex, differentiate, {}, declared);
  };
  ParseOptions options = with_diff();
  options.functions = declared;
  auto text = [&options](const std::string& t) { return parse_text(t, options); };
  EXPECT_EQ(read("\\psi(x^2)"), text("psi(x^2)"));
  EXPECT_EQ(read("\\psi\\left(t\\right)^{2}"), text("psi(t)^2"));
  EXPECT_EQ(read("\\mathrm{net}(x) \\cdot x"), text("net(x)*x"));
  EXPECT_EQ(read("\\mathit{net}(w_1, b)"), text("net(w_1, b)"));
  EXPECT_EQ(read("\\operatorname{net}\\left(x\\right)"), text("net(x)"));
  EXPECT_EQ(read("h(x) + h\\left(y\\right)"), text("h(x) + h(y)"));
  EXPECT_EQ(read("\\frac{\\partial \\psi(x, y)}{\\partial x}"), text("diff(psi(x, y), x)"));
  // Undeclared, the names are what they were: a variable, and products.
  EXPECT_EQ(parse_latex("\\psi(x)"), parse("psi*x"));
  EXPECT_EQ(parse_latex("h(x)"), parse("h*x"));
  EXPECT_EQ(parse_latex("\\mathrm{net}(x)"), parse("net*x"));
  auto error = [&read](const std::string& latex) -> std::string {
    try {
      read(latex);
    } catch (const Error& e) {
      return std::string(kind_name(e.kind())) + ": " + e.what() + " at " +
             std::to_string(e.pos().value_or(999));
    }
    return "no error";
  };
  EXPECT_EQ(error("2 \\psi x"),
            "parse: function 'psi' needs its arguments in parentheses: \\psi(x) at 2");
  EXPECT_EQ(error("\\mathrm{net} + 1"),
            "parse: function 'net' needs its arguments in parentheses: \\mathrm{net}(x) at 0");
  EXPECT_EQ(error("x h"), "parse: function 'h' needs its arguments in parentheses: h(x) at 2");
  // Printed as LaTeX, each reads back without the declaration.
  for (const char* t : {"psi(x) + net(x, y)", "diff(net(x, y), y)*h(x)", "psi(net(x))^2"}) {
    const Expr e = text(t);
    EXPECT_EQ(parse_latex(print_latex(e), differentiate), e) << print_latex(e);
    EXPECT_EQ(read(print_latex(e)), e) << print_latex(e);
  }
}

// The quick check without a set agrees with the names, also where a shared DAG has more
// paths than its budget (it then walks with a set).
TEST(UndefinedFunction, HasUndefinedFunctionAgreesWithTheNames) {
  for (const char* text : {"x^2*y", "f(x)", "x*g(x, y) + 1", "sin(x)*e^y", "2"}) {
    const Expr e = parse(text);
    EXPECT_EQ(has_undefined_function(e), !undefined_function_names(e).empty()) << text;
  }
  Expr shared = add(symbol("x"), symbol("y"));
  for (int i = 0; i < 20; ++i) shared = mul(add(shared, integer(1)), add(shared, integer(2)));
  EXPECT_FALSE(has_undefined_function(shared));
  EXPECT_TRUE(has_undefined_function(mul(shared, parse("h(x)"))));
  EXPECT_TRUE(has_undefined_function(add(shared, parse("h(x)"))));
}

}  // namespace
}  // namespace leibniz
