#include "leibniz/calculus/check.h"

#include <gtest/gtest.h>

#include <functional>

#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"
#include "support/random_expr.h"
#include "support/trials.h"

namespace leibniz {
namespace {

EqualityCheck check(const char* left, const char* right) {
  return check_equal(parse_text(left), parse_text(right));
}

// The claims of issue 10 (A6) that were certified although false.
TEST(CheckEqual, ASquareRootOfASquareIsNotTheBase) {
  const EqualityCheck c = check("sqrt(x^2 + 6*x + 9)", "x + 3");
  EXPECT_EQ(c.verdict, Verdict::Fails);
  EXPECT_EQ(c.point, (std::vector<std::pair<std::string, std::string>>{{"x", "-4.1"}}));
  EXPECT_EQ(c.left_value, "1.1");
  EXPECT_EQ(c.right_value, "-1.1");
}

TEST(CheckEqual, AnAbsoluteValueIsCheckedOnBothSidesOfItsKink) {
  const EqualityCheck c = check("abs(x - 4)", "4 - x");
  EXPECT_EQ(c.verdict, Verdict::Fails);
  EXPECT_EQ(c.point, (std::vector<std::pair<std::string, std::string>>{{"x", "4.1"}}));
  // Far from the kink: found by the wide range alone.
  EXPECT_EQ(check("abs(x - 20000)", "20000 - x").verdict, Verdict::Fails);
  EXPECT_EQ(check("sqrt((x - 900000)^2)", "900000 - x").verdict, Verdict::Fails);
}

TEST(CheckEqual, ARelativeDifferenceFarBelowDoublePrecisionFails) {
  const EqualityCheck c = check("sin(x)", "sin(x)*(1 + 10^-10)");
  EXPECT_EQ(c.verdict, Verdict::Fails);
  EXPECT_EQ(c.left_value, "0.841470984807897");
  EXPECT_EQ(c.right_value, "0.841470984892044");
  EXPECT_EQ(check("exp(x)", "exp(x)*(1 + 10^-25)").verdict, Verdict::Fails);
  EXPECT_EQ(check("sin(x)", "sin(x) + 10^-20*x").verdict, Verdict::Fails);
  EXPECT_EQ(check("pi", "355/113").verdict, Verdict::Fails);
}

// A decimal such as 0.1 stands for itself, not for its nearest double: claims with one
// agree to its 16 digits, and say so.
TEST(CheckEqual, DecimalNumbersAgreeToTheirSixteenDigits) {
  const EqualityCheck c = check("0.1 + 0.2", "0.3");
  EXPECT_EQ(c.verdict, Verdict::Holds);
  EXPECT_EQ(c.method, "numeric: equal to the 16 digits of its decimal numbers");
  EXPECT_EQ(check("sin(0.1*x)", "sin(x/10)").verdict, Verdict::Holds);
  EXPECT_EQ(check("sin(0.1*x)", "sin(x/10)*(1 + 10^-10)").verdict, Verdict::Fails);
  EXPECT_EQ(check("pi", "3.14159").verdict, Verdict::Fails);
  // 3.14159265358979 is 2π only to its 15 digits: neither holds nor fails.
  const EqualityCheck near = check("sin(x + 2*3.14159265358979)", "sin(x)");
  EXPECT_EQ(near.verdict, Verdict::Unknown);
  EXPECT_NE(near.reason.find("the rounding of the claim's 16-digit decimal numbers"),
            std::string::npos)
      << near.reason;
}

// Differences below what 256 bits of A and B show are seen in the difference itself.
TEST(CheckEqual, DifferencesBeyondThePrecisionOfTheSidesFail) {
  const EqualityCheck c = check("x", "x + e^(-1000)");
  EXPECT_EQ(c.verdict, Verdict::Fails);
  EXPECT_EQ(c.left_value, "1");
  EXPECT_EQ(c.right_value, "1 + 5.07595889754946e-435");
  const EqualityCheck s = check("sin(x)", "sin(x)*(1 + e^(-200))");
  EXPECT_EQ(s.verdict, Verdict::Fails);
  EXPECT_EQ(s.right_value, "0.841470984807897 + 1.16450877322539e-87");
}

// Breakpoints far out, and zeros of even multiplicity (no sign change), are found.
TEST(CheckEqual, FarAndDoubleBreakpointsAreFound) {
  EXPECT_EQ(check("abs(x - 10^7)", "10^7 - x").verdict, Verdict::Fails);
  EXPECT_EQ(check("sqrt((x - 3*10^12)^2)", "3*10^12 - x").verdict, Verdict::Fails);
  EXPECT_EQ(check("sqrt(x^2 - 6*x + 9)", "3 - x").verdict, Verdict::Fails);
  EXPECT_EQ(check("atan(tan(x))", "x").verdict, Verdict::Fails);
  EXPECT_EQ(check("acos(cos(x))", "abs(x)").verdict, Verdict::Fails);
}

TEST(CheckEqual, CancellationIsNotADifference) {
  // 1 - cos(x) for tiny x, and tan near its poles, lose every digit of a double.
  EXPECT_EQ(check("(1 - cos(x))/x^2", "2*sin(x/2)^2/x^2").verdict, Verdict::Holds);
  EXPECT_EQ(check("tan(x)", "sin(x)/cos(x)").verdict, Verdict::Holds);
  EXPECT_EQ(check("(sec(x) + tan(x))*(sec(x) - tan(x))", "1").verdict, Verdict::Holds);
  // cosh(171)² and sinh(171)² round to the same number at 192 and at 256 bits.
  EXPECT_EQ(check("cosh(x)^2 - sinh(x)^2", "1").verdict, Verdict::Holds);
  // At x = 23000 both terms are 1e-19977, below long double's range, and cancel to 0
  // while the right side is 1e-39954: the rounding bound of such values is not 0.
  EXPECT_EQ(check("coth(x)^2*csch(x)^2 - csch(x)^2", "csch(x)^4").verdict, Verdict::Holds);
  EXPECT_EQ(check("coth(x)^2*csch(x)^2 - csch(x)^2", "2*csch(x)^4").verdict, Verdict::Fails);
}

// The domain policy: equal where both sides are defined, and say where only one is.
TEST(CheckEqual, BothSidesAreComparedWhereBothAreDefined) {
  const EqualityCheck exp_ln = check("e^(ln(x))", "x");
  EXPECT_EQ(exp_ln.verdict, Verdict::Holds);
  EXPECT_EQ(exp_ln.method, "symbolic");
  EXPECT_EQ(exp_ln.domain, "at x = -1 the left side is undefined and the right side is -1");
  const EqualityCheck ln_square = check("ln(x^2)", "2*ln(x)");
  EXPECT_EQ(ln_square.verdict, Verdict::Holds);
  EXPECT_EQ(ln_square.domain, "at x = -1 the left side is 0 and the right side is undefined");
  EXPECT_EQ(check("x + 3", "x + 3").domain, "");
}

TEST(CheckEqual, UnknownWhenNoPointHasBothSidesDefined) {
  const EqualityCheck c = check("sqrt(x)", "sqrt(-x)");
  EXPECT_EQ(c.verdict, Verdict::Unknown);
  EXPECT_EQ(c.reason,
            "only 1 of 79 points could be evaluated on both sides: at x = 1 the left side is 1 "
            "and the right side is undefined");  // at x = 0 both are 0
}

TEST(CheckEqual, AStepIsSampledAtItsBreakpoint) {
  // sign(0) = 0 and heaviside(0) = 0: both sides of 0 agree, 0 itself does not.
  EXPECT_EQ(check("sign(x)^2", "1").verdict, Verdict::Fails);
  EXPECT_EQ(check("heaviside(x) + heaviside(-x)", "1").verdict, Verdict::Fails);
  EXPECT_EQ(check("heaviside(x)", "(sign(x) + 1)/2").verdict, Verdict::Fails);
  EXPECT_EQ(check("heaviside(x - 2)", "(sign(x - 2) + 1)/2").verdict, Verdict::Fails);
  EXPECT_EQ(check("heaviside(x)^2", "heaviside(x)").verdict, Verdict::Holds);
  // At 1/3, which no double holds: exactly.
  const EqualityCheck third = check("sign(3*x - 1)^2", "1");
  EXPECT_EQ(third.verdict, Verdict::Fails);
  EXPECT_EQ(third.point, (std::vector<std::pair<std::string, std::string>>{{"x", "1/3"}}));
  EXPECT_EQ(check("heaviside(x - 1/3) + heaviside(1/3 - x)", "1").verdict, Verdict::Fails);
  EXPECT_EQ(check("sign(x - 2/7)*abs(x - 2/7)", "x - 2/7").verdict, Verdict::Holds);
  EXPECT_EQ(check("sign(x)*abs(x)", "x").verdict, Verdict::Holds);
}

TEST(CheckEqual, ANegativeBaseMeetsAWholeExponent) {
  // At x = -1/2, z = -1/2 both sides are defined: 2 and -2.
  EXPECT_EQ(check("(x^2)^z", "x^(2*z)").verdict, Verdict::Fails);
  EXPECT_EQ(check("(x^y)^z", "x^(y*z)").verdict, Verdict::Fails);
  EXPECT_EQ(check("(x^2)^z", "abs(x)^(2*z)").verdict, Verdict::Holds);
}

TEST(CheckEqual, ABumpOfTwoVariablesIsFound) {
  // Its kink meets 0 only on lines through (5, 5), far from the usual base values.
  EXPECT_EQ(check("relu(1 - (x - 5)^2 - (y - 5)^2)", "0").verdict, Verdict::Fails);
  EXPECT_EQ(check("heaviside(1 - (x - 3)^2 - (y + 4)^2)", "0").verdict, Verdict::Fails);
  EXPECT_EQ(check("relu(-(x - 5)^2 - (y - 5)^2)", "0").verdict, Verdict::Holds);
}

TEST(CheckEqual, AClaimThatHoldsOnlyPastAFarBreakpointFails) {
  // ln(x - 5000) and sqrt(x - 3000): domain edges found by scanning, sides sampled.
  EXPECT_EQ(check("sqrt((x - 5000)^2)", "x - 5000").verdict, Verdict::Fails);
  EXPECT_EQ(check("abs(ln(x - 3000))", "ln(x - 3000)").verdict, Verdict::Fails);
  EXPECT_EQ(check("abs(x*y)", "abs(x)*abs(y)").verdict, Verdict::Holds);
  EXPECT_EQ(check("abs(x*y)", "x*abs(y)").verdict, Verdict::Fails);
}

// Property: generated true identities hold, and perturbed ones never do.
struct Identity {
  std::function<Expr(const Expr&, const Expr&)> left, right;  // of u and v
};

Expr p(const char* text) { return parse_text(text); }

std::vector<std::pair<Identity, Identity>> identities() {
  auto f = [](Fn fn, const Expr& u) { return func(fn, u); };
  const Expr one = integer(1), two = integer(2), three = integer(3);
  // Each pair: a true identity in u, v and a nearby false one.
  return {
      {{[=](auto u, auto) { return div(f(Fn::Sin, u), f(Fn::Cos, u)); },
        [=](auto u, auto) { return f(Fn::Tan, u); }},
       {[=](auto u, auto) { return div(f(Fn::Sin, u), f(Fn::Cos, u)); },
        [=](auto u, auto) { return add(f(Fn::Tan, u), mul(p("10^-10"), p("x"))); }}},
      {{[=](auto u, auto) { return sqrt(pow(sub(u, three), 2)); },
        [=](auto u, auto) { return f(Fn::Abs, sub(u, three)); }},
       {[=](auto u, auto) { return sqrt(pow(sub(u, three), 2)); },
        [=](auto u, auto) { return f(Fn::Abs, add(u, three)); }}},
      {{[=](auto u, auto v) { return f(Fn::Abs, mul(u, v)); },
        [=](auto u, auto v) { return mul(f(Fn::Abs, u), f(Fn::Abs, v)); }},
       {[=](auto u, auto v) { return f(Fn::Abs, mul(u, v)); },
        [=](auto u, auto v) { return mul(f(Fn::Abs, u), f(Fn::Abs, add(v, p("1/1000")))); }}},
      {{[=](auto u, auto) { return sub(pow(f(Fn::Cosh, u), 2), pow(f(Fn::Sinh, u), 2)); },
        [=](auto, auto) { return one; }},
       {[=](auto u, auto) { return sub(pow(f(Fn::Cosh, u), 2), pow(f(Fn::Sinh, u), 2)); },
        [=](auto, auto) { return p("1 + 10^-12"); }}},
      {{[=](auto u, auto) { return f(Fn::Sin, mul(two, u)); },
        [=](auto u, auto) {
          return mul({two, f(Fn::Sin, u), f(Fn::Cos, u)});
        }},
       {[=](auto u, auto) { return f(Fn::Sin, mul(two, u)); },
        [=](auto u, auto) {
          return mul({p("2 + 10^-11"), f(Fn::Sin, u), f(Fn::Cos, u)});
        }}},
      {{[=](auto u, auto v) { return sqrt(add(pow(u, 2), pow(v, 2))); },
        [=](auto u, auto v) { return sqrt(add(pow(u, 2), pow(v, 2))); }},
       {[=](auto u, auto v) { return sqrt(add(pow(u, 2), pow(v, 2))); },
        [=](auto u, auto v) { return sqrt(add(pow(u, 2), sub(pow(v, 2), p("10^-9")))); }}},
      {{[=](auto u, auto) { return f(Fn::Sigmoid, u); },
        [=](auto u, auto) { return div(one, add(one, exp(neg(u)))); }},
       {[=](auto u, auto) { return f(Fn::Sigmoid, u); },
        [=](auto u, auto) { return div(one, add(one, exp(u))); }}},
  };
}

TEST(CheckEqual, GeneratedIdentitiesHoldAndPerturbedOnesNeverDo) {
  testing::RandomExpr random(7);
  const auto table = identities();
  int holds = 0, total = 0;
  for (int trial = 0; trial < testing::trials(40); ++trial) {
    const Expr u = random.generate(2), v = random.generate(2);
    if (u.is_number() || v.is_number()) continue;  // a perturbation of 0 = 0 may still hold
    for (const auto& [truth, perturbed] : table) {
      const EqualityCheck good = check_equal(truth.left(u, v), truth.right(u, v));
      const EqualityCheck bad = check_equal(perturbed.left(u, v), perturbed.right(u, v));
      EXPECT_NE(good.verdict, Verdict::Fails)
          << print_text(truth.left(u, v)) << " = " << print_text(truth.right(u, v));
      EXPECT_NE(bad.verdict, Verdict::Holds)
          << print_text(perturbed.left(u, v)) << " = " << print_text(perturbed.right(u, v));
      holds += good.verdict == Verdict::Holds;
      ++total;
    }
  }
  // A true identity is "unknown" only when u has almost no real points.
  EXPECT_GE(holds, total * 95 / 100) << holds << " of " << total;
}

}  // namespace
}  // namespace leibniz
