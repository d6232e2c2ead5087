#include "leibniz/app/check_request.h"

#include <gtest/gtest.h>

#include "leibniz/calculus/diff.h"
#include "leibniz/core/error.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/print.h"
#include "support/random_expr.h"

namespace leibniz::app {
namespace {

TEST(Check, TrueClaimsHold) {
  const auto report = run_check({"(x + 1)^2 = x^2 + 2*x + 1 = (x + 1)*(x + 1)"}, {}, {});
  EXPECT_EQ(report.verdict, Verdict::Holds);
  ASSERT_EQ(report.links.size(), 2u);
  EXPECT_EQ(report.links[0].check.method, "symbolic");
  EXPECT_EQ(check_exit_status(report), 0);
}

TEST(Check, AFalseLinkIsNamedWithACounterexample) {
  const auto report = run_check({"x^2 - 1 = (x - 1)*(x + 1) = x^2 + 1"}, {}, {});
  EXPECT_EQ(report.verdict, Verdict::Fails);
  EXPECT_EQ(report.first_broken, 1u);
  const EqualityCheck& c = report.links[1].check;
  EXPECT_EQ(print_text(c.difference), "-2");
  EXPECT_EQ(c.point, (std::vector<std::pair<std::string, std::string>>{{"x", "1"}}));
  EXPECT_EQ(c.left_value, "0");
  EXPECT_EQ(c.right_value, "2");
  EXPECT_EQ(check_exit_status(report), 1);
}

// A symbol that cancels from the sum of the sides still gets values (x = -x).
TEST(Check, SidesThatAreNegativesOfEachOtherFail) {
  const auto report = run_check({"x - y = y - x"}, {}, {});
  EXPECT_EQ(report.verdict, Verdict::Fails);
  const EqualityCheck& c = report.links[0].check;
  EXPECT_EQ(c.point, (std::vector<std::pair<std::string, std::string>>{{"x", "1"}, {"y", "2"}}));
  EXPECT_EQ(check_exit_status(report), 1);
}

TEST(Check, NumericWhenTheCanonicalFormsDoNotMeet) {
  const auto report = run_check({"tan(x) = sin(x)/cos(x)"}, {}, {});
  EXPECT_EQ(report.verdict, Verdict::Holds);
  EXPECT_EQ(report.links[0].check.method.rfind("numeric: ", 0), 0u) << report.links[0].check.method;
}

// The domain policy (docs/checking.md): both claims hold where both sides are defined,
// and both say where only one side is.
// The domain policy (docs/checking.md): equal where both sides are defined, on domains
// that differ at most at isolated points; a stretch where only one side is defined is an
// assumption the claim did not state.
TEST(Check, DomainsThatDifferOnAStretchMakeTheVerdictUnknown) {
  const auto ln_square = run_check({"ln(x^2) = 2*ln(x)"}, {}, {});
  EXPECT_EQ(ln_square.verdict, Verdict::Unknown);
  EXPECT_EQ(ln_square.links[0].check.reason,
            "the sides are equal where both are defined (numeric: 41 points agree in 256-bit "
            "arithmetic: magnitudes 1e-3 to 1e6, both signs, both sides of each breakpoint), but "
            "their domains differ: at x = -1 the left side is 0 and the right side is undefined");
  const auto exp_ln = run_check({"e^(ln(x)) = x"}, {}, {});
  EXPECT_EQ(exp_ln.verdict, Verdict::Unknown);
  EXPECT_EQ(exp_ln.links[0].check.reason,
            "the sides are equal where both are defined (symbolic), but their domains differ: at "
            "x = -1 the left side is undefined and the right side is -1");
  EXPECT_EQ(check_exit_status(ln_square), 3);
}

// The builders fold sqrt(x)^2/x to 1 and 0*ln(x) to 0; the sides as written are undefined
// for x < 0 (DomainWitnesses), in text and in LaTeX.
TEST(Check, WhatASideNeedsAsWrittenCounts) {
  for (const char* claim : {"sqrt(x)^2/x = 1", "0*ln(x) = 0", "ln(y) - ln(y) = 0",
                            "d/dx ln(x) = 1/x", "asin(x)/asin(x) = 1"}) {
    const auto report = run_check({claim}, {}, {});
    EXPECT_EQ(report.verdict, Verdict::Unknown) << claim;
  }
  EXPECT_EQ(run_check({"sqrt(x)^2/x = 1"}, {}, {}).links[0].check.reason,
            "the sides are equal where both are defined (symbolic), but their domains differ: at "
            "x = -1 the left side is undefined and the right side is 1");
  EXPECT_EQ(run_check({"\\sqrt{x}^2 / x = 1"}, {}, {}, true).verdict, Verdict::Unknown);
  // An isolated point, and derived work that needs nothing: holds.
  const auto x_over_x = run_check({"x/x = 1"}, {}, {});
  EXPECT_EQ(x_over_x.verdict, Verdict::Holds);
  EXPECT_EQ(x_over_x.links[0].check.domain,
            "at x = 0 the left side is undefined and the right side is 1");
  EXPECT_EQ(run_check({"d/dx x^2 = 2*x"}, {}, {}).verdict, Verdict::Holds);
  EXPECT_EQ(run_check({"g(x)^2/g(x) = g(x)"}, {}, {}).verdict, Verdict::Holds);
}

TEST(Check, HoldsWhereBothSidesAreDefinedAndSaysWhereOnlyOneIs) {
  const auto removable = run_check({"(x^2 - 1)/(x - 1) = x + 1"}, {}, {});
  EXPECT_EQ(removable.verdict, Verdict::Holds);
  EXPECT_EQ(removable.links[0].check.domain,
            "at x = 1 the left side is undefined and the right side is 2");
  EXPECT_EQ(check_json(removable)["links"][0]["domain"],
            "at x = 1 the left side is undefined and the right side is 2");
  EXPECT_EQ(check_exit_status(removable), 0);
}

TEST(Check, FalseClaimsThatAgreeNearZeroFail) {
  for (const char* claim :
       {"sqrt(x^2 + 6*x + 9) = x + 3", "abs(x-4) = 4-x", "sin(x) = sin(x)*(1+10^-10)"}) {
    EXPECT_EQ(run_check({claim}, {}, {}).verdict, Verdict::Fails) << claim;
  }
}

// A text claim that does not parse is a parse error where it fails, never re-read as
// LaTeX (issue 10, A5).
TEST(Check, TheSyntaxIsNotGuessedFromAParseError) {
  try {
    run_check({"(x + 1)(x - 1) = x^2 - 1"}, {}, {});
    ADD_FAILURE() << "a text claim was read as LaTeX";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::Parse);
    EXPECT_EQ(std::string(error.what()), "expected an operator before '('");
    EXPECT_EQ(error.pos(), std::optional<std::size_t>(7));
  }
  EXPECT_EQ(run_check({"(x + 1)(x - 1) = x^2 - 1"}, {}, {}, true).verdict, Verdict::Holds);
}

// The notes' "Simplifying this" lines for the product-rule example: each erratum is
// caught at the line where it happens.
TEST(Check, TheNotesProductRuleErrataFailAtTheRightLine) {
  const char* f = "(x^2 + y^2)*(x^2*y + y^2*x)";
  const auto dx = run_check(
      {"(x^2 + y^2)(2xy + y^2) + (x^2y + y^2x)(2x)", "(x^2 + y^2)(2xy + y^2) + 2x(x^2y + y^2x)",
       "2x^3y + x^2y^2 + 2xy^3 + y^4 + 2x^3y + 2xy^3", "4x^3y + x^2y^2 + 4xy^3 + y^4"},
      std::string(f), {"x"}, /*latex=*/true);
  EXPECT_EQ(dx.first_broken, 2u);
  EXPECT_EQ(print_text(*dx.derivative), "4*x^3*y + 3*x^2*y^2 + 2*x*y^3 + y^4");
  EXPECT_EQ(print_text(dx.links[2].check.difference), "2*x*y^3 - 2*x^2*y^2");
  const auto dy = run_check(
      {"(x^2 + y^2)(x^2 + 2yx) + (x^2y + y^2x)(2y)", "(x^2 + y^2)(x^2 + 2yx) + 2y(x^2y + y^2x)",
       "x^4 + 2x^3y + x^2y^2 + 2yx^2 + 2y^2x^2 + 2y^3x",
       "x^4 + 2x^3y + x^2y^2 + 2x^2y + 2x^2y^2 + 2y^3x", "x^4 + 2x^3y + 3x^2y^2 + 2yx^2 + 2y^3x"},
      std::string(f), {"y"}, /*latex=*/true);
  EXPECT_EQ(dy.first_broken, 2u);
  EXPECT_EQ(print_text(dy.links[2].check.difference), "2*x^2*y - 2*x*y^3");
}

// Randomly perturbed derivatives of generated expressions are caught; the true ones pass.
TEST(Check, PerturbedDerivativesAreCaught) {
  leibniz::testing::RandomExpr random(31);
  const auto& vars = random.variables();
  int caught = 0, passed = 0;
  for (int n = 0; n < 60; ++n) {
    const Expr f = random.generate(3);
    const Expr df = derivative(f, std::span(&vars[0], 1));
    const Expr wrong = add(df, mul(rational(1, 100), vars[n % 3]));
    const auto good = run_check({print_text(df)}, print_text(f), {"x"});
    const auto bad = run_check({print_text(wrong)}, print_text(f), {"x"});
    EXPECT_NE(good.verdict, Verdict::Fails) << print_text(f);
    EXPECT_NE(bad.verdict, Verdict::Holds) << print_text(f);
    passed += good.verdict == Verdict::Holds;
    caught += bad.verdict == Verdict::Fails;
  }
  EXPECT_GE(passed, 55);
  EXPECT_GE(caught, 55);
}

TEST(Check, BadRequests) {
  EXPECT_THROW(run_check({"x + 1"}, {}, {}), Error);
  EXPECT_THROW(run_check({"x + (1 = 2"}, {}, {}), Error);
}

// \int f \, dx is F + C: equal up to that constant where it stands alone, refused
// where no constant could make the claim hold, compared as is where it was
// differentiated away.
TEST(Check, AnIndefiniteIntegralIsEqualOnlyUpToItsOwnConstant) {
  EXPECT_EQ(run_check({R"(\int \cos x \, dx = \sin x + 5)"}, {}, {}).verdict, Verdict::Holds);
  EXPECT_EQ(run_check({R"(2\int \cos x \, dx = 2\sin x + 1)"}, {}, {}).verdict, Verdict::Holds);
  EXPECT_EQ(run_check({R"(\int \cos x \, dx = \sin x + x)"}, {}, {}).verdict, Verdict::Fails);
  EXPECT_EQ(run_check({R"(\frac{d}{dx} \int x \, dx = x + 1)"}, {}, {}).verdict, Verdict::Fails);
  const auto chain = run_check({R"(\int x \, dx = \frac{x^2}{2} = \frac{x^2}{2} + 1)"}, {}, {});
  EXPECT_EQ(chain.verdict, Verdict::Fails);
  EXPECT_EQ(chain.first_broken, std::optional<std::size_t>(1));
  for (const char* claim : {R"(x \int 1 \, dx = x^2 + 3)", R"(e^{\int 1 \, dx} = e^x + 1)",
                            R"(\left(\int x \, dx\right)^2 = \frac{x^4}{4} + 1)"}) {
    try {
      run_check({claim}, {}, {});
      ADD_FAILURE() << claim << " was compared";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::Unsupported) << claim;
      EXPECT_EQ(std::string(e.what()),
                "an indefinite integral inside a product, power or function: its constant of "
                "integration does not cancel; write the claim as A = \\int f \\, dx");
    }
  }
}

// An error in a later side names the column in the whole claim.
TEST(Check, ErrorsInALaterSideCountColumnsInTheWholeClaim) {
  try {
    run_check({"x = (x + 1"}, {}, {});
    FAIL() << "an unbalanced parenthesis was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "expected ')' to close '(' opened at column 5");
    EXPECT_EQ(e.pos(), std::optional<std::size_t>(10));
  }
}

}  // namespace
}  // namespace leibniz::app
