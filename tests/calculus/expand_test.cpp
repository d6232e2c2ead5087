#include "leibniz/calculus/expand.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "leibniz/core/error.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"

namespace leibniz {
namespace {

#define EXPECT_EXPAND(input, expected) \
  EXPECT_EQ(print_text(expand(parse_text(input))), expected) << "expand(" << input << ")"

TEST(Expand, ProductsAndPowersOfSums) {
  EXPECT_EXPAND("(x+y)^2", "x^2 + 2*x*y + y^2");
  EXPECT_EXPAND("(x+1)*(x-1)", "x^2 - 1");
  EXPECT_EXPAND("(x + 1/x)^2", "x^2 + 2 + 1/x^2");
  EXPECT_EXPAND("2*x*(x^2*y + y^2*x)", "2*x^3*y + 2*x^2*y^2");
}

TEST(Expand, InsideFunctionsAndDenominators) {
  EXPECT_EXPAND("sin((x+1)^2)", "sin(x^2 + 2*x + 1)");
  EXPECT_EXPAND("(x+1)^2/(y+1)", "x^2/(y + 1) + 2*x/(y + 1) + 1/(y + 1)");
}

// A polynomial already written as expand() writes one comes back as it is, without going
// through FLINT; the same polynomial beside an atom that needs the FLINT path (sin(w))
// expands to the same terms, so both paths agree.
TEST(Expand, AnExpandedPolynomialIsItsOwnExpansion) {
  std::mt19937 rng(13);
  const std::vector<Expr> symbols = {symbol("x"), symbol("y"), symbol("z")};
  const Expr atom = func(Fn::Sin, symbol("w"));
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  for (int round = 0; round < 400; ++round) {
    std::vector<Expr> terms;
    for (int t = pick(5); t >= 0; --t) {
      std::vector<Expr> factors = {number(Number(mpq_class(pick(9) - 4, pick(3) + 1)))};
      for (int f = pick(3); f >= 0; --f) {
        factors.push_back(pow(symbols[static_cast<std::size_t>(pick(3))], integer(pick(4))));
      }
      terms.push_back(mul(factors));
    }
    const Expr e = add(terms);
    const Expr expanded = expand(e);
    EXPECT_EQ(expand(expanded), expanded) << print_text(e);
    EXPECT_EQ(add(expand(expanded), atom), expand(add(expanded, atom))) << print_text(e);
    EXPECT_EQ(add(expanded, atom), expand(add(e, atom))) << print_text(e);
  }
  EXPECT_EXPAND("x^2 + 1", "x^2 + 1");
  EXPECT_EXPAND("x*x + x^2", "2*x^2");
  EXPECT_EXPAND("x*(x + 1)", "x^2 + x");
}

// 2 * 0.5 * x is the float 1.0 times x, which prints as such so that it reads back.
TEST(Expand, FloatsTermByTerm) { EXPECT_EXPAND("(0.5*x + 1)^2", "0.25*x^2 + 1.0*x + 1"); }

TEST(Expand, CountsTermsOfDenseProducts) {
  const Expr e = expand(parse_text("(x+y+z+w)^20*((x+y+z+w)^20 + w)"));
  EXPECT_EQ(e.args().size(), 14112u);
}

TEST(Expand, HugePowerIsALimitError) {
  try {
    expand(parse_text("(x+y)^(10^9)"));
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::Limit);
    EXPECT_STREQ(error.what(),
                 "the expanded power could have about 1e+09 terms; the limit is 2000000");
  }
}

// Few terms but huge coefficients: (x + y)^(5^9) has 2 million terms of up to 2 million
// bits each, about 240 GB (found by the batch-line fuzzer as an out-of-memory).
TEST(Expand, HugeCoefficientsAreALimitError) {
  try {
    expand(parse_text("(x+y)^(5^9)"));
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::Limit);
    EXPECT_STREQ(error.what(),
                 "the expanded power could have coefficients of about 1.95e+06 bits in 1.95e+06 "
                 "terms; the limits are 1000000 bits a number and 8.59e+09 bits in all");
  }
  EXPECT_EQ(expand(parse_text("(x/2 + 1)^2")), parse_text("x^2/4 + x + 1"));
}

// Issue 17 #2 and #3: exponents beyond a machine word are kept exactly, never narrowed.
TEST(Expand, ExponentsBeyondAMachineWord) {
  EXPECT_EXPAND("x^(-10^19)", "1/x^10000000000000000000");
  EXPECT_EXPAND("y^(-9223372036854775808)", "1/y^9223372036854775808");
  EXPECT_EXPAND("(x+1)/y^10^19", "x/y^10000000000000000000 + 1/y^10000000000000000000");
  EXPECT_EXPAND("y^(2^65)*(x+1)^2",
                "x^2*y^36893488147419103232 + 2*x*y^36893488147419103232 + "
                "y^36893488147419103232");
  EXPECT_EXPAND("(1/y^(2^63) + 1)*y^(-2^63)*y^(1-2^63)",
                "1/y^18446744073709551615 + 1/y^27670116110564327423");
  EXPECT_EXPAND("1.5*(1+x)^(-2^65)", "1.5/(x + 1)^36893488147419103232");
}

TEST(Expand, ASumToAPowerBeyondAMachineWordIsALimitError) {
  const std::pair<const char*, const char*> cases[] = {
      {"(1+x)^(-2^65)", "the exponent -36893488147419103232 is too large to expand"},
      {"(1+x)^(2^65)", "the exponent 36893488147419103232 is too large to expand"},
      {"0.5*(1+x)^(2^65)", "the exponent 36893488147419103232 is too large to expand"}};
  for (const auto& [input, message] : cases) {
    try {
      expand(parse_text(input));
      ADD_FAILURE() << "no error for " << input;
    } catch (const Error& error) {
      EXPECT_EQ(error.kind(), ErrorKind::Limit);
      EXPECT_STREQ(error.what(), message) << input;
    }
  }
}

}  // namespace
}  // namespace leibniz
