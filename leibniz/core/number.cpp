#include "leibniz/core/number.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <functional>

#include "leibniz/core/error.h"
#include "leibniz/core/limits.h"

namespace leibniz {

Number Number::from_double(double value) {
  if (!std::isfinite(value)) {
    throw Error(ErrorKind::Domain, "the result is not a finite number");
  }
  Number n;
  n.is_float_ = true;
  n.float_ = value == 0 ? 0.0 : value;  // no negative zero
  return n;
}

Number Number::rational(long numerator, long denominator) {
  LZ_ASSERT(denominator != 0, "rational with zero denominator");
  return Number(mpq_class(numerator, denominator));
}

namespace {

constexpr long long kSaturatedExponent = 1'000'000'000'000'000LL;

// A decimal literal taken apart: value = (sign) digits * 10^exponent.
struct Decimal {
  bool negative = false;
  std::string digits;      // the significant digits, without leading zeros; empty for 0
  long long exponent = 0;  // saturated far beyond any number the limit allows
};

Decimal split_decimal(std::string_view text) {
  Decimal d;
  std::size_t i = 0;
  auto bad = [&text]() {
    return Error(ErrorKind::Parse, fmt::format("'{}' is not a number", text), 0);
  };
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) d.negative = text[i++] == '-';
  bool any_digit = false;
  long long fraction_digits = 0;
  bool point = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.' && !point) {
      point = true;
    } else if (c >= '0' && c <= '9') {
      any_digit = true;
      if (!d.digits.empty() || c != '0') d.digits += c;
      if (point) ++fraction_digits;
    } else {
      break;
    }
  }
  if (!any_digit) throw bad();
  long long exponent = 0;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool negative_exponent = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative_exponent = text[i++] == '-';
    if (i == text.size()) throw bad();
    for (; i < text.size(); ++i) {
      if (text[i] < '0' || text[i] > '9') throw bad();
      exponent = std::min(kSaturatedExponent, exponent * 10 + (text[i] - '0'));
    }
    if (negative_exponent) exponent = -exponent;
  }
  if (i != text.size()) throw bad();
  d.exponent = exponent - fraction_digits;
  return d;
}

}  // namespace

Number Number::parse_exact(std::string_view text) {
  const Decimal d = split_decimal(text);
  if (d.digits.empty()) return Number(0);
  // Digits of numerator and denominator together, and the limit in digits.
  const double digits =
      static_cast<double>(d.digits.size()) + std::fabs(static_cast<double>(d.exponent));
  const double limit_digits = static_cast<double>(limits().max_number_bits) * std::log10(2.0);
  if (digits > limit_digits) {
    const std::string shown =
        text.size() <= 24 ? std::string(text) : std::string(text.substr(0, 20)) + "...";
    const bool saturated = std::llabs(d.exponent) >= kSaturatedExponent / 2;
    throw Error(ErrorKind::Limit,
                saturated
                    ? fmt::format("the number {} has more than {:.0f} digits, the limit", shown,
                                  limit_digits)
                    : fmt::format("the number {} has about {:.0f} digits; the limit is {:.0f}",
                                  shown, digits, limit_digits),
                0);
  }
  mpz_class num(d.digits, 10), power;
  mpz_ui_pow_ui(power.get_mpz_t(), 10, static_cast<unsigned long>(std::llabs(d.exponent)));
  if (d.negative) num = -num;
  if (d.exponent >= 0) return Number(mpq_class(num * power), Canonical{});
  return Number(mpq_class(num, power));
}

std::optional<Number> Number::read_exact(std::string_view text) {
  const std::size_t slash = text.find('/');
  try {
    if (slash == std::string_view::npos) return parse_exact(text);
    const Number p = parse_exact(text.substr(0, slash)), q = parse_exact(text.substr(slash + 1));
    if (!p.is_integer() || !q.is_integer() || q.is_zero()) return std::nullopt;
    return p / q;
  } catch (const Error& error) {
    if (error.kind() == ErrorKind::Parse) return std::nullopt;
    throw;
  }
}

Number Number::parse(std::string_view text) {
  if (text.find_first_of(".eE") == std::string_view::npos) return parse_exact(text);
  // A float when a double holds it (to the nearest double, as the input meant).
  double value = 0;
  const char* begin = text.data() + (!text.empty() && text[0] == '+' ? 1 : 0);
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(begin, end, value);
  const std::string_view mantissa = text.substr(0, text.find_first_of("eE"));
  const bool zero = mantissa.find_first_of("123456789") == std::string_view::npos;
  if (ec == std::errc() && ptr == end && std::isfinite(value) && (value != 0 || zero)) {
    // Only when the double keeps every digit typed: 0.1 prints back as 0.1, but
    // 1.0000000000000001 would silently be 1, so it is read exactly instead.
    char shortest[32];
    const auto printed =
        std::to_chars(shortest, shortest + sizeof shortest, value, std::chars_format::scientific);
    const std::string_view back(shortest, static_cast<std::size_t>(printed.ptr - shortest));
    if (zero || parse_exact(back) == parse_exact(text.substr(text[0] == '+' ? 1 : 0))) {
      return from_double(value);
    }
  }
  // Beyond the range of a double (1e309, 1e-400): its exact value rather than inf or 0.
  return parse_exact(text);
}

double Number::to_double() const {
  if (is_float_) return float_;
  const mpz_class& num = exact_.get_num();
  const mpz_class& den = exact_.get_den();
  // Both exact in a double: one correctly rounded division.
  if (mpz_sizeinbase(num.get_mpz_t(), 2) <= 53 && mpz_sizeinbase(den.get_mpz_t(), 2) <= 53) {
    return num.get_d() / den.get_d();
  }
  // Beyond a double's range GMP's result is "system dependent": say inf and 0 ourselves.
  const auto num_bits = static_cast<long>(mpz_sizeinbase(num.get_mpz_t(), 2));
  const auto den_bits = static_cast<long>(mpz_sizeinbase(den.get_mpz_t(), 2));
  if (num_bits - den_bits > 1025) return sgn(num) < 0 ? -HUGE_VAL : HUGE_VAL;
  if (num_bits - den_bits < -1080) return sgn(num) < 0 ? -0.0 : 0.0;
  return exact_.get_d();
}

double Number::float_value() const {
  const double value = to_double();
  if (!std::isfinite(value)) {
    const std::string text = to_string();
    throw Error(ErrorKind::Domain,
                fmt::format("the exact number {} is beyond the range of a float, so arithmetic "
                            "with floats cannot use it",
                            text.size() <= 24 ? text : text.substr(0, 20) + "..."));
  }
  return value;
}

std::optional<long> Number::to_long() const {
  if (!is_integer() || !exact_.get_num().fits_slong_p()) return std::nullopt;
  return exact_.get_num().get_si();
}

Number Number::operator-() const {
  if (is_float_) return from_double(-float_);
  return Number(mpq_class(-exact_), Canonical{});
}

Number operator+(const Number& a, const Number& b) {
  if (a.is_float_ || b.is_float_) return Number::from_double(a.float_value() + b.float_value());
  return Number(mpq_class(a.exact_ + b.exact_), Number::Canonical{});
}

Number operator-(const Number& a, const Number& b) {
  if (a.is_float_ || b.is_float_) return Number::from_double(a.float_value() - b.float_value());
  return Number(mpq_class(a.exact_ - b.exact_), Number::Canonical{});
}

Number operator*(const Number& a, const Number& b) {
  if (a.is_float_ || b.is_float_) return Number::from_double(a.float_value() * b.float_value());
  if (a.is_one()) return b;
  if (b.is_one()) return a;
  return Number(mpq_class(a.exact_ * b.exact_), Number::Canonical{});
}

Number operator/(const Number& a, const Number& b) {
  if (b.is_zero()) throw Error(ErrorKind::Domain, "division by zero");
  if (a.is_float_ || b.is_float_) return Number::from_double(a.float_value() / b.float_value());
  return Number(mpq_class(a.exact_ / b.exact_), Number::Canonical{});
}

bool operator==(const Number& a, const Number& b) {
  if (a.is_float_ != b.is_float_) return false;
  return a.is_float_ ? a.float_ == b.float_ : a.exact_ == b.exact_;
}

bool operator<(const Number& a, const Number& b) {
  if (a.is_float_ || b.is_float_) return a.to_double() < b.to_double();
  return a.exact_ < b.exact_;
}

std::size_t Number::bits() const {
  if (is_float_) return 64;
  return mpz_sizeinbase(exact_.get_num_mpz_t(), 2) + mpz_sizeinbase(exact_.get_den_mpz_t(), 2);
}

Number Number::pow(long exponent) const {
  if (is_zero() && exponent < 0) throw Error(ErrorKind::Domain, "division by zero");
  if (is_float_) return from_double(std::pow(float_, static_cast<double>(exponent)));
  const unsigned long magnitude = exponent < 0 ? 0UL - static_cast<unsigned long>(exponent)
                                               : static_cast<unsigned long>(exponent);
  // log2 of the result's numerator and denominator, from the base's.
  auto log2_of = [](const mpz_class& z) {
    const std::size_t bits = mpz_sizeinbase(z.get_mpz_t(), 2);
    return bits > 1000 ? static_cast<double>(bits) : std::log2(std::fabs(z.get_d()));
  };
  const double estimated_bits =
      static_cast<double>(magnitude) * (log2_of(exact_.get_num()) + log2_of(exact_.get_den()));
  if (estimated_bits > static_cast<double>(limits().max_number_bits)) {
    throw Error(ErrorKind::Limit,
                fmt::format("the number {}^{} would have about {:.0f} digits; the limit is {:.0f}",
                            to_string(), exponent, estimated_bits * std::log10(2.0),
                            static_cast<double>(limits().max_number_bits) * std::log10(2.0)));
  }
  mpz_class num, den;
  mpz_pow_ui(num.get_mpz_t(), exact_.get_num_mpz_t(), magnitude);
  mpz_pow_ui(den.get_mpz_t(), exact_.get_den_mpz_t(), magnitude);
  return exponent < 0 ? Number(mpq_class(den, num)) : Number(mpq_class(num, den));
}

std::optional<Number> Number::exact_root(unsigned long q) const {
  if (is_float_ || q == 0) return std::nullopt;
  if (is_negative() && q % 2 == 0) return std::nullopt;
  mpz_class num_root, den_root;
  const mpz_class num_abs = ::abs(exact_.get_num());
  if (!mpz_root(num_root.get_mpz_t(), num_abs.get_mpz_t(), q)) return std::nullopt;
  if (!mpz_root(den_root.get_mpz_t(), exact_.get_den_mpz_t(), q)) return std::nullopt;
  if (is_negative()) num_root = -num_root;
  return Number(mpq_class(num_root, den_root));
}

std::string Number::to_string() const {
  if (!is_float_) {
    // Most numbers printed are small integers: no GMP string conversion for them.
    const mpz_class& num = exact_.get_num();
    if (exact_.get_den() == 1 && mpz_fits_slong_p(num.get_mpz_t())) {
      return std::to_string(mpz_get_si(num.get_mpz_t()));
    }
    return exact_.get_str(10);
  }
  std::string text = fmt::format("{}", float_);
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  return text;
}

std::uint64_t Number::hash() const {
  if (is_float_) return std::hash<double>{}(float_) ^ 0x9e3779b97f4a7c15ULL;
  std::uint64_t h = 0xcbf29ce484222325ULL;
  auto mix = [&h](const mpz_class& z) {
    const std::size_t limbs = mpz_size(z.get_mpz_t());
    for (std::size_t i = 0; i < limbs; ++i) {
      h = (h ^ mpz_getlimbn(z.get_mpz_t(), static_cast<mp_size_t>(i))) * 0x100000001b3ULL;
    }
    h = (h ^ static_cast<std::uint64_t>(sgn(z) + 2)) * 0x100000001b3ULL;
  };
  mix(exact_.get_num());
  mix(exact_.get_den());
  return h;
}

}  // namespace leibniz
