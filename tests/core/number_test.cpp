#include "leibniz/core/number.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <vector>

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

// Most numbers are held as two machine integers, the rest in GMP (number.h). Every
// operation must give the value GMP gives, in the same form however it was reached, at the
// edges of a long above all: LONG_MIN has no negation, products need 128 bits.
std::vector<mpq_class> edge_values() {
  constexpr long kMax = std::numeric_limits<long>::max();
  constexpr long kMin = std::numeric_limits<long>::min();
  const long integers[] = {
      0,          1,           -1,         2,           -2,       3,
      7,          -12,         1L << 31,   -(1L << 32), 1L << 53, (1L << 53) + 1,
      1L << 62,   -(1L << 62), kMax,       kMax - 1,    -kMax,    kMin,
      3037000499, 3037000500,  4294967311L};
  std::vector<mpq_class> values;
  for (const long n : integers) values.emplace_back(n);
  for (const long n : {1L, -3L, kMax, kMin, 1L << 40})
    for (const long d : {2L, 3L, kMax, 1L << 62, 4294967311L}) {
      mpq_class q{mpz_class(n), mpz_class(d)};
      q.canonicalize();
      values.push_back(q);
    }
  mpz_class two_64 = 1;
  two_64 <<= 64;
  values.emplace_back(two_64);
  values.emplace_back(mpz_class(-two_64 + 1));
  values.emplace_back(mpq_class(1, 1) / mpq_class(two_64));
  std::mt19937_64 random(2026);
  for (int i = 0; i < 12; ++i) {
    const auto n = static_cast<long>(random()), d = static_cast<long>(random() >> 1) | 1;
    mpq_class q{mpz_class(n), mpz_class(d)};
    q.canonicalize();
    values.push_back(q);
  }
  return values;
}

void expect_number(const Number& n, const mpq_class& value, const std::string& what) {
  EXPECT_EQ(n.exact(), value) << what;
  EXPECT_EQ(n.to_string(), value.get_str()) << what;
  const Number by_gmp(value);
  EXPECT_TRUE(n == by_gmp) << what;
  EXPECT_EQ(n.hash(), by_gmp.hash()) << what;
  EXPECT_EQ(n.bits(),
            mpz_sizeinbase(value.get_num_mpz_t(), 2) + mpz_sizeinbase(value.get_den_mpz_t(), 2))
      << what;
  EXPECT_EQ(n.is_integer(), value.get_den() == 1) << what;
  EXPECT_EQ(n.is_negative(), sgn(value) < 0) << what;
  EXPECT_EQ(n.is_zero(), sgn(value) == 0) << what;
  EXPECT_EQ(n.is_one(), value == 1) << what;
  EXPECT_EQ(n.is_even(), value.get_den() == 1 && mpz_even_p(value.get_num_mpz_t())) << what;
  EXPECT_EQ(n.numerator().exact(), value.get_num()) << what;
  EXPECT_EQ(n.denominator().exact(), value.get_den()) << what;
  const bool fits = value.get_den() == 1 && value.get_num().fits_slong_p();
  ASSERT_EQ(n.to_long().has_value(), fits) << what;
  if (fits) {
    EXPECT_EQ(*n.to_long(), value.get_num().get_si()) << what;
  }
}

TEST(Number, MachineFractionsAgreeWithGmp) {
  const std::vector<mpq_class> values = edge_values();
  for (const mpq_class& a : values) {
    const Number x(a);
    expect_number(x, a, a.get_str());
    expect_number(-x, -a, "-" + a.get_str());
    if (a.get_den() == 1 && a.get_num().fits_slong_p()) {
      expect_number(Number(a.get_num().get_si()), a, "long " + a.get_str());
    }
    for (const mpq_class& b : values) {
      const Number y(b);
      const std::string pair = a.get_str() + ", " + b.get_str();
      expect_number(x + y, a + b, "sum of " + pair);
      expect_number(x - y, a - b, "difference of " + pair);
      expect_number(x * y, a * b, "product of " + pair);
      if (sgn(b) != 0) expect_number(x / y, a / b, "quotient of " + pair);
      EXPECT_EQ(x < y, a < b) << pair;
      EXPECT_EQ(x == y, a == b) << pair;
    }
    for (const long e : {0L, 1L, 2L, 3L, 5L, 64L, -1L, -2L, -7L}) {
      if (sgn(a) == 0 && e < 0) continue;
      mpz_class num, den;
      mpz_pow_ui(num.get_mpz_t(), a.get_num_mpz_t(), static_cast<unsigned long>(std::labs(e)));
      mpz_pow_ui(den.get_mpz_t(), a.get_den_mpz_t(), static_cast<unsigned long>(std::labs(e)));
      mpq_class power = e < 0 ? mpq_class(den, num) : mpq_class(num, den);
      power.canonicalize();
      expect_number(x.pow(e), power, a.get_str() + "^" + std::to_string(e));
    }
  }
}

TEST(Number, PowersOfOneAndZeroTakeNoTimeAtAnyExponent) {
  EXPECT_TRUE(Number(1).pow(1'000'000'000'000'000'000L).is_one());
  EXPECT_TRUE(Number(-1).pow(1'000'000'000'000'000'001L).is_minus_one());
  EXPECT_TRUE(Number(0).pow(1'000'000'000'000'000'000L).is_zero());
}

TEST(Number, ValuesInDoublesAsGmpRoundsThem) {
  for (const mpq_class& a : edge_values()) {
    const Number x(a);
    // Both parts exact in a double: one correctly rounded division.
    if (mpz_sizeinbase(a.get_num_mpz_t(), 2) <= 53 && mpz_sizeinbase(a.get_den_mpz_t(), 2) <= 53) {
      EXPECT_EQ(x.to_double(), a.get_num().get_d() / a.get_den().get_d()) << a.get_str();
    } else {
      EXPECT_EQ(x.to_double(), a.get_d()) << a.get_str();
    }
  }
}

TEST(Number, ReadsSmallAndLargeLiteralsAlike) {
  EXPECT_EQ(exact("999999999999999999"), "999999999999999999");
  EXPECT_EQ(exact("9223372036854775807"), "9223372036854775807");
  EXPECT_EQ(exact("-9223372036854775808"), "-9223372036854775808");
  EXPECT_EQ(exact("0.000000000000000125"), "1/8000000000000000");
  EXPECT_EQ(exact("1.5e17"), "150000000000000000");
  EXPECT_TRUE(Number::parse_exact("-9223372036854775808") ==
              Number(std::numeric_limits<long>::min()));
  EXPECT_EQ(Number::parse_exact("-9223372036854775808").to_long(),
            std::numeric_limits<long>::min());
}

}  // namespace
}  // namespace leibniz
