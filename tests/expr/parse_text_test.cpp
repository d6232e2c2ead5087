#include <gtest/gtest.h>

#include <string>

#include "leibniz/core/error.h"
#include "leibniz/core/limits.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"

namespace leibniz {
namespace {

std::string parsed(const std::string& text) { return print_text(parse_text(text)); }

// Asserts the exact error: kind, message and 0-based position.
void expect_error(const std::string& text, ErrorKind kind, const std::string& message,
                  std::optional<std::size_t> pos) {
  try {
    parse_text(text);
    ADD_FAILURE() << "no error for " << text.substr(0, 60);
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), kind) << text.substr(0, 60);
    EXPECT_EQ(e.what(), message) << text.substr(0, 60);
    EXPECT_EQ(e.pos(), pos) << text.substr(0, 60);
  }
}

TEST(ParseText, Precedence) {
  EXPECT_EQ(parsed("-x^2"), "-x^2");
  EXPECT_EQ(parse_text("-x^2"), neg(pow(symbol("x"), 2)));
  EXPECT_EQ(parse_text("2^3^2"), integer(512));  // right-associative: 2^9
  EXPECT_EQ(parsed("1 + 2*3"), "7");
  EXPECT_EQ(parsed("2^-1"), "1/2");
  EXPECT_EQ(parsed("x - -y"), "x + y");
}

TEST(ParseText, ImplicitProductOfANumberAndAName) {
  EXPECT_EQ(parse_text("2x"), parse_text("2*x"));
  EXPECT_EQ(parse_text("3x^2"), parse_text("3*x^2"));
  EXPECT_EQ(parse_text("2sin(x)"), parse_text("2*sin(x)"));
  EXPECT_EQ(parse_text("2(x+1)"), parse_text("2*(x+1)"));
}

TEST(ParseText, NumbersExactUnlessWrittenAsFloats) {
  EXPECT_EQ(parsed("3/4"), "3/4");
  EXPECT_EQ(parsed("2.5"), "2.5");
  EXPECT_EQ(parsed("1e-3"), "0.001");
  EXPECT_EQ(parsed("2.0"), "2.0");
  EXPECT_EQ(parse_text("2e"), mul(integer(2), e_constant()));
  EXPECT_EQ(parsed("0.5*x + 1/2"), "0.5*x + 1/2");
}

// Short integers take a path of their own: the same numbers as the general reading.
TEST(ParseText, IntegersAsNumberParseReadsThem) {
  for (const char* text : {"0", "7", "007", "12", "999999999999999999", "1000000000000000000",
                           "123456789012345678901234567890"}) {
    EXPECT_EQ(parse_text(text), number(Number::parse(text))) << text;
  }
  // And within the same limit on digits.
  const Limits saved = limits();
  limits().max_number_bits = 16;
  expect_error("x + 1234567", ErrorKind::Limit,
               "the number 1234567 has about 7 digits; the limit is 5", 4);
  limits() = saved;
}

// Issue 17 #1: beyond a double's range a number is its exact value, not "stod".
TEST(ParseText, NumbersBeyondADouble) {
  EXPECT_EQ(parse_text("1e309"), number(Number::parse_exact("1e309")));
  EXPECT_EQ(parse_text("1e-400*x"), mul(number(Number::parse_exact("1e-400")), symbol("x")));
  EXPECT_EQ(parse_text("2.5e309"), number(Number::parse_exact("25e308")));
  expect_error("x + 1e1000000000", ErrorKind::Limit,
               "the number 1e1000000000 has about 1000000001 digits; the limit is 301030", 4);
}

// Issue 10 A1: the Unicode form print_unicode writes reads back.
TEST(ParseText, UnicodeMath) {
  EXPECT_EQ(parse_text("4x³y"), parse_text("4*x^3*y"));
  EXPECT_EQ(parse_text("x⁻¹²"), parse_text("x^-12"));
  EXPECT_EQ(parse_text("x²⁰"), parse_text("x^20"));
  EXPECT_EQ(parse_text("sin(x)²"), parse_text("sin(x)^2"));
  EXPECT_EQ(parse_text("|x|³"), parse_text("abs(x)^3"));
  EXPECT_EQ(parse_text("x·y × z ÷ w ⋅ v"), parse_text("x*y*z/w*v"));
  EXPECT_EQ(parse_text("−x² − 1"), parse_text("-x^2 - 1"));
  EXPECT_EQ(parse_text("2πx"), parse_text("2*pi*x"));
  EXPECT_EQ(parse_text("π²"), parse_text("pi^2"));
  EXPECT_EQ(parse_text("√x"), parse_text("sqrt(x)"));
  EXPECT_EQ(parse_text("√x³"), parse_text("sqrt(x)^3"));  // (√x)³, as printed
  EXPECT_EQ(parse_text("2√(x + 1)"), parse_text("2*sqrt(x + 1)"));
  EXPECT_EQ(parse_text("σ(w1·x + b1)"), parse_text("sigmoid(w1*x + b1)"));
  EXPECT_EQ(parse_text("|x − |y||"), parse_text("abs(x - abs(y))"));
  EXPECT_EQ(parse_text("θ + σ"), add(symbol("theta"), symbol("sigma")));  // as \theta reads
  EXPECT_EQ(parse_text("xy"), symbol("xy"));  // one name, as in plain text
}

// Every Greek letter reads as its Latin name, capitals included (Ω read past the table).
TEST(ParseText, EveryGreekLetterIsANamedVariable) {
  EXPECT_EQ(parse_text("Ω"), symbol("Omega"));
  EXPECT_EQ(parse_text("Ρ"), symbol("Rho"));
  EXPECT_EQ(parse_text("Σ"), symbol("Sigma"));
  EXPECT_EQ(parse_text("ω"), symbol("omega"));
  EXPECT_EQ(parse_text("α"), symbol("alpha"));
  for (char32_t c = 0x391; c <= 0x3C9; ++c) {
    if (c == 0x3A2 || (c > 0x3A9 && c < 0x3B1) || c == 0x3C0) continue;  // unassigned, π
    const char text[] = {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F)),
                         0};
    EXPECT_TRUE(parse_text(text).is(Kind::Symbol)) << text;
  }
}

TEST(ParseText, UnicodeMistakes) {
  expect_error("x⁻", ErrorKind::Parse, "'⁻' is not an exponent", 1);
  expect_error("x¹⁻", ErrorKind::Parse, "'¹⁻' is not an exponent", 1);
  expect_error("|x", ErrorKind::Parse, "expected '|' to close '|' opened at column 1", 2);
  // Offsets count bytes (the CLI turns them into columns); messages count characters.
  expect_error("x² + (x", ErrorKind::Parse, "expected ')' to close '(' opened at column 6", 8);
  expect_error("x ∫ y", ErrorKind::Parse, "unexpected character '∫'", 2);
  expect_error(std::string("x ") + '\xff', ErrorKind::Parse, "unexpected character byte 0xff", 2);
  expect_error("σ(x, y)", ErrorKind::Parse, "'σ' takes 1 argument", 0);
  expect_error("³", ErrorKind::Parse, "expected an expression, found '³'", 0);
}

Expr differentiate_for_test(const Expr& e, const Expr& var) {
  // A stand-in for calculus' derivative (this layer cannot see it): marks what it got.
  return mul(symbol("D_" + var.name()), e);
}

Expr with_d(const std::string& text) {
  ParseOptions options;
  options.differentiate = differentiate_for_test;
  return parse_text(text, options);
}

// Spec §1 v2: d/dx directly followed by an operand differentiates the rest of the term.
TEST(ParseText, DerivativeNotation) {
  const Expr Dx = symbol("D_x");
  EXPECT_EQ(with_d("d/dx x^2"), mul(Dx, parse_text("x^2")));
  EXPECT_EQ(with_d("d/dx sin(x)^2"), mul(Dx, parse_text("sin(x)^2")));
  EXPECT_EQ(with_d("d/dx(x^2)"), mul(Dx, parse_text("x^2")));
  EXPECT_EQ(with_d("d/dx 10x"), mul(Dx, parse_text("10*x")));
  EXPECT_EQ(with_d("d/dx x*sin(x) + 1"), add(mul(Dx, parse_text("x*sin(x)")), integer(1)));
  EXPECT_EQ(with_d("d/dx(x^2)*y"), mul(Dx, parse_text("x^2*y")));  // the whole term
  EXPECT_EQ(with_d("2*d/dx x^2"), mul({integer(2), Dx, parse_text("x^2")}));
  EXPECT_EQ(with_d("d/dw1 w1*x"), mul(symbol("D_w1"), parse_text("w1*x")));
  EXPECT_EQ(with_d("d^2/dx^2 x^3"), mul({Dx, Dx, parse_text("x^3")}));
  EXPECT_EQ(with_d("d²/dx² x³"), mul({Dx, Dx, parse_text("x^3")}));
  EXPECT_EQ(with_d("∂/∂y x*y"), mul(symbol("D_y"), parse_text("x*y")));
  // Followed by an operator, or nothing, d/dx is a division.
  EXPECT_EQ(with_d("d/dx - 1"), parse_text("d*dx^-1 - 1"));
  EXPECT_EQ(with_d("d/dx"), parse_text("d*dx^-1"));
  EXPECT_EQ(with_d("d/dx*y"), parse_text("d*y/dx"));
  EXPECT_EQ(with_d("d/d2*x"), parse_text("d/d2*x"));          // d2 is a name, 2 no variable
  EXPECT_EQ(with_d("d^0/dx^0*x"), parse_text("d^0/dx^0*x"));  // no derivative of order 0
}

TEST(ParseText, DerivativeNotationYieldsToAFunctionNamedDx) {
  ParseOptions options;
  options.differentiate = differentiate_for_test;
  options.is_function_name = [](std::string_view name) { return name == "dx"; };
  options.user_function = [](std::string_view, const std::vector<Expr>& args) {
    return std::optional<Expr>(mul(symbol("F"), args[0]));
  };
  EXPECT_EQ(parse_text("d/dx(t)", options), parse_text("d/(F*t)"));
}

TEST(ParseText, DerivativeNotationErrors) {
  expect_error("d/dx x^2", ErrorKind::Unsupported, "a derivative cannot be evaluated here", 0);
  expect_error("d^2/dx x", ErrorKind::Parse, "expected an operator before 'x'", 7);
  expect_error("d/d2 .5", ErrorKind::Parse, "expected an operator before '.5'", 5);
  expect_error("d⁻¹/dx⁻¹ x", ErrorKind::Parse, "expected an operator before 'x'", 15);
  try {
    with_d("d/dpi x");
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Parse);
    EXPECT_STREQ(e.what(), "cannot differentiate with respect to 'pi': it is not a variable");
    EXPECT_EQ(e.pos(), 3u);
  }
  try {
    with_d("d^5000/dx^5000 x");
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Limit);
    EXPECT_STREQ(e.what(), "the order of a derivative is at most 1000");
    EXPECT_EQ(e.pos(), 0u);
  }
}

TEST(ParseText, NamesFunctionsAndConstants) {
  EXPECT_EQ(parsed("w1*x + b_P1"), "w1*x + b_P1");
  EXPECT_EQ(parse_text("arcsin(x)"), parse_text("asin(x)"));
  EXPECT_EQ(parse_text("log(x)"), parse_text("ln(x)"));
  EXPECT_EQ(parse_text("exp(x)"), parse_text("e^x"));
  EXPECT_EQ(parse_text("sqrt(x)"), parse_text("x^(1/2)"));
  EXPECT_EQ(parsed("pi*x"), "pi*x");
  EXPECT_EQ(parsed("h_t"), "h_t");
}

TEST(ParseText, UnbalancedParentheses) {
  expect_error("(x+1", ErrorKind::Parse, "expected ')' to close '(' opened at column 1", 4);
  expect_error("sin(x", ErrorKind::Parse, "expected ')' to close '(' opened at column 4", 5);
  expect_error("x+1)", ErrorKind::Parse, "unexpected ')' with no '(' to close", 3);
  expect_error("()", ErrorKind::Parse, "expected an expression, found ')'", 1);
}

TEST(ParseText, UnknownFunctionsAndWrongArity) {
  expect_error("foo(x)", ErrorKind::Parse,
               "unknown function 'foo'; the nearest known function is 'log' (a name declared as a "
               "function, or one letter such as g(x), is an undefined function)",
               0);
  expect_error("sinn(x)", ErrorKind::Parse,
               "unknown function 'sinn'; the nearest known function is 'sin' (a name declared as "
               "a function, or one letter such as g(x), is an undefined function)",
               0);
  expect_error("1 + sin(x, y)", ErrorKind::Parse, "'sin' takes 1 argument, not 2", 4);
  expect_error("sin x", ErrorKind::Parse,
               "function 'sin' needs its argument in parentheses: sin(x)", 0);
  expect_error("e(x)", ErrorKind::Parse, "'e' is a constant, not a function", 0);
  expect_error("sin()", ErrorKind::Parse, "'sin' needs an argument", 4);
}

TEST(ParseText, MalformedInput) {
  expect_error("", ErrorKind::Parse, "empty expression", 0);
  expect_error("   ", ErrorKind::Parse, "empty expression", 0);
  expect_error("x +", ErrorKind::Parse, "expected an expression, found the end of the input", 3);
  expect_error("x y", ErrorKind::Parse, "expected an operator before 'y'", 2);
  expect_error("x # y", ErrorKind::Parse, "unexpected character '#'", 2);
  expect_error("x*/y", ErrorKind::Parse, "expected an expression, found '/'", 2);
  expect_error("x/0", ErrorKind::Domain, "division by zero", 1);
}

TEST(ParseText, LimitsInsteadOfExhaustion) {
  expect_error(std::string(100'000, '(') + "x" + std::string(100'000, ')'), ErrorKind::Limit,
               "the expression is nested deeper than the limit of 1000 levels", 1000);
  expect_error(std::string(100'000, '-') + "x", ErrorKind::Limit,
               "the expression is nested deeper than the limit of 1000 levels", 1000);
  std::string two_megabytes = "x";
  while (two_megabytes.size() < 2'000'000) two_megabytes += "+x";
  expect_error(two_megabytes, ErrorKind::Limit,
               "the expression is 2000001 characters long; the limit is 1000000", std::nullopt);
  expect_error("10^10^10", ErrorKind::Limit,
               "the number 10^10000000000 would have about 10000000000 digits; the limit is "
               "301030",
               0);
}

TEST(ParseText, LongButShallowInputIsFine) {
  std::string sum = "x1";
  for (int i = 2; i <= 20'000; ++i) sum += "+x" + std::to_string(i);
  EXPECT_EQ(parse_text(sum).args().size(), 20'000u);
}

}  // namespace
}  // namespace leibniz
