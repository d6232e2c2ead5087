#include "leibniz/core/number.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "leibniz/core/error.h"

namespace leibniz {
namespace {

std::string exact(const std::string& text) { return Number::parse_exact(text).to_string(); }

void expect_error(const std::string& text, ErrorKind kind, const std::string& message) {
  try {
    Number::parse(text);
    ADD_FAILURE() << "no error for " << text;
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), kind) << text;
    EXPECT_EQ(e.what(), message) << text;
    EXPECT_EQ(e.pos(), 0u) << text;
  }
}

std::string read(const char* text) {
  const auto n = Number::read_exact(text);
  return n ? n->to_string() : "not a number";
}

TEST(Number, ReadExactReadsDecimalsAndFractions) {
  EXPECT_EQ(read("0.5"), "1/2");
  EXPECT_EQ(read("-2"), "-2");
  EXPECT_EQ(read("0.4875"), "39/80");
  EXPECT_EQ(read("1e-3"), "1/1000");
  EXPECT_EQ(read("2.5E2"), "250");
  EXPECT_EQ(read(".25"), "1/4");
  EXPECT_EQ(read("3/4"), "3/4");
  EXPECT_EQ(read("-3/4"), "-3/4");
  EXPECT_EQ(read("abc"), "not a number");
  EXPECT_EQ(read("1.2.3"), "not a number");
  EXPECT_EQ(read("1/0"), "not a number");
  EXPECT_EQ(read("1/2/3"), "not a number");
  EXPECT_EQ(read("0.5/2"), "not a number");
  EXPECT_EQ(read(""), "not a number");
  try {
    Number::read_exact("1e999999");
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Limit);
  }
}

TEST(Number, ParseExactReadsDecimalsAsRationals) {
  EXPECT_EQ(exact("12"), "12");
  EXPECT_EQ(exact("2.5"), "5/2");
  EXPECT_EQ(exact("1e-3"), "1/1000");
  EXPECT_EQ(exact("0.1"), "1/10");
  EXPECT_EQ(exact("1E+3"), "1000");
  EXPECT_EQ(exact(".5"), "1/2");
  EXPECT_EQ(exact("007.50"), "15/2");
  EXPECT_EQ(exact("0e999999999999999999999"), "0");
  EXPECT_EQ(exact("-2.5e1"), "-25");
  EXPECT_EQ(exact("1e309"), "1" + std::string(309, '0'));
  EXPECT_EQ(exact("1e-400"), "1/1" + std::string(400, '0'));
}

TEST(Number, FloatsWhenADoubleHoldsThem) {
  EXPECT_TRUE(Number::parse("2.5").is_float());
  EXPECT_EQ(Number::parse("0.1").to_double(), 0.1);
  EXPECT_EQ(Number::parse("1.7976931348623157e308").to_double(), 1.7976931348623157e308);
  EXPECT_TRUE(Number::parse("0.0e-999").is_float());
  EXPECT_TRUE(Number::parse("17").is_exact());
  EXPECT_TRUE(Number::parse("6.666666666666666e+19").is_float());
}

// More digits than a double keeps: read exactly, never silently rounded (a claim
// x*1.0000000000000001 = x must not hold).
TEST(Number, DigitsADoubleWouldDropAreReadExactly) {
  EXPECT_EQ(Number::parse("1.0000000000000001"),
            Number::rational(10000000000000001, 10000000000000000));
  EXPECT_TRUE(Number::parse("3.14159265358979323846").is_exact());
}

TEST(Number, BeyondADoubleTheExactValue) {
  const Number big = Number::parse("1e309");
  EXPECT_TRUE(big.is_exact());
  EXPECT_EQ(big, Number::parse_exact("1e309"));
  EXPECT_EQ(big.to_double(), HUGE_VAL);  // inf, never a crash; callers decide what it means
  const Number tiny = Number::parse("1e-400");
  EXPECT_TRUE(tiny.is_exact());
  EXPECT_EQ(tiny.to_double(), 0.0);
  EXPECT_EQ((-big).to_double(), -HUGE_VAL);
}

TEST(Number, FloatArithmeticWithAnExactNumberBeyondADouble) {
  try {
    (void)(Number::parse("1e309") * Number::from_double(0.5));
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Domain);
    EXPECT_STREQ(e.what(),
                 "the exact number 10000000000000000000... is beyond the range of a float, so "
                 "arithmetic with floats cannot use it");
  }
  EXPECT_EQ((Number::parse("1e-400") + Number::from_double(0.5)).to_double(), 0.5);
}

TEST(Number, HugeExponentsAreALimitError) {
  expect_error("1e1000000000", ErrorKind::Limit,
               "the number 1e1000000000 has about 1000000001 digits; the limit is 301030");
  expect_error("1e-1000000000", ErrorKind::Limit,
               "the number 1e-1000000000 has about 1000000001 digits; the limit is 301030");
  expect_error("1e99999999999999999999999999", ErrorKind::Limit,
               "the number 1e999999999999999999... has more than 301030 digits, the limit");
}

TEST(Number, NotADecimalIsAParseError) {
  expect_error("1e", ErrorKind::Parse, "'1e' is not a number");
  expect_error("1.2.3", ErrorKind::Parse, "'1.2.3' is not a number");
  expect_error(".", ErrorKind::Parse, "'.' is not a number");
  expect_error("", ErrorKind::Parse, "'' is not a number");
}

}  // namespace
}  // namespace leibniz
