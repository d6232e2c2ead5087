#include "leibniz/core/number.h"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <limits>
#include <numeric>
#include <utility>

#include "leibniz/core/error.h"
#include "leibniz/core/limits.h"

namespace leibniz {

namespace {

// Sums and products of two machine fractions are exact in 128 bits: each part is below
// 2^63 in magnitude, so a*d + c*b is below 2^127.
__extension__ using Wide = __int128;
__extension__ using WideMagnitude = unsigned __int128;

unsigned long magnitude(long v) {
  return v < 0 ? 0UL - static_cast<unsigned long>(v) : static_cast<unsigned long>(v);
}

WideMagnitude wide_magnitude(Wide v) {
  return v < 0 ? WideMagnitude(0) - static_cast<WideMagnitude>(v) : static_cast<WideMagnitude>(v);
}

WideMagnitude wide_gcd(WideMagnitude a, WideMagnitude b) {
  constexpr WideMagnitude kMachine = std::numeric_limits<unsigned long>::max();
  while (b != 0) {
    if (a <= kMachine && b <= kMachine) {
      return std::gcd(static_cast<unsigned long>(a), static_cast<unsigned long>(b));
    }
    a %= b;
    std::swap(a, b);
  }
  return a;
}

bool is_machine_part(Wide v) {
  return v > std::numeric_limits<long>::min() && v <= std::numeric_limits<long>::max();
}

mpz_class to_mpz(Wide v) {
  const WideMagnitude m = wide_magnitude(v);
  mpz_class z(static_cast<unsigned long>(m >> 64));
  z <<= 64;
  z += static_cast<unsigned long>(m);
  return v < 0 ? mpz_class(-z) : z;
}

// base^exponent in *result when it is a machine integer other than LONG_MIN (by squaring:
// 1^(10^18) takes 60 steps).
bool machine_power(long base, unsigned long exponent, long* result) {
  long power = 1;
  while (true) {
    if ((exponent & 1) != 0 && __builtin_mul_overflow(power, base, &power)) return false;
    exponent >>= 1;
    if (exponent == 0) break;
    if (__builtin_mul_overflow(base, base, &base)) return false;
  }
  *result = power;
  return power != std::numeric_limits<long>::min();
}

}  // namespace

// The arithmetic of machine fractions, with GMP where a result does not fit.
struct NumberArithmetic {
  // num/den (den != 0) in any terms.
  static Number fraction(Wide num, Wide den) {
    if (den < 0) {
      num = -num;
      den = -den;
    }
    const WideMagnitude g = wide_gcd(wide_magnitude(num), wide_magnitude(den));
    if (g > 1) {
      num /= static_cast<Wide>(g);
      den /= static_cast<Wide>(g);
    }
    if (is_machine_part(num) && is_machine_part(den)) {
      return Number(static_cast<long>(num), static_cast<long>(den), Number::Canonical{});
    }
    return Number(mpq_class(to_mpz(num), to_mpz(den)), Number::Canonical{});
  }
  static bool machine(const Number& a, const Number& b) { return !a.big_ && !b.big_; }
};

Number::Number(mpq_class value) {
  value.canonicalize();
  *this = Number(std::move(value), Canonical{});
}

Number::Number(mpq_class value, Canonical) {
  const mpz_class& num = value.get_num();
  const mpz_class& den = value.get_den();
  if (num.fits_slong_p() && den.fits_slong_p() && num.get_si() != kNoMachineValue) {
    num_ = num.get_si();
    den_ = den.get_si();
  } else {
    big_ = std::make_shared<const mpq_class>(std::move(value));
  }
}

mpq_class Number::exact() const {
  if (big_) return *big_;
  mpq_class q;
  mpz_set_si(mpq_numref(q.get_mpq_t()), num_);
  mpz_set_si(mpq_denref(q.get_mpq_t()), den_);
  return q;
}

Number Number::numerator() const {
  if (big_) return Number(mpq_class(big_->get_num()), Canonical{});
  return Number(num_);
}

Number Number::denominator() const {
  if (big_) return Number(mpq_class(big_->get_den()), Canonical{});
  return Number(den_);
}

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
  return NumberArithmetic::fraction(numerator, denominator);
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
  // Up to 18 digits, numerator and power of ten are machine integers.
  if (d.digits.size() + static_cast<std::size_t>(std::llabs(d.exponent)) <= 18) {
    long num = 0, power = 1;
    for (const char c : d.digits) num = num * 10 + (c - '0');
    for (long long k = std::llabs(d.exponent); k > 0; --k) power *= 10;
    if (d.negative) num = -num;
    if (d.exponent >= 0) return Number(num * power, 1, Canonical{});
    return NumberArithmetic::fraction(num, power);
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
  constexpr unsigned long kExactInDouble = 1UL << 53;
  if (!big_ && magnitude(num_) <= kExactInDouble && magnitude(den_) <= kExactInDouble) {
    return static_cast<double>(num_) / static_cast<double>(den_);
  }
  const mpq_class exact_value = exact();
  const mpz_class& num = exact_value.get_num();
  const mpz_class& den = exact_value.get_den();
  // Both exact in a double: one correctly rounded division.
  if (mpz_sizeinbase(num.get_mpz_t(), 2) <= 53 && mpz_sizeinbase(den.get_mpz_t(), 2) <= 53) {
    return num.get_d() / den.get_d();
  }
  // Beyond a double's range GMP's result is "system dependent": say inf and 0 ourselves.
  const auto num_bits = static_cast<long>(mpz_sizeinbase(num.get_mpz_t(), 2));
  const auto den_bits = static_cast<long>(mpz_sizeinbase(den.get_mpz_t(), 2));
  if (num_bits - den_bits > 1025) return sgn(num) < 0 ? -HUGE_VAL : HUGE_VAL;
  if (num_bits - den_bits < -1080) return sgn(num) < 0 ? -0.0 : 0.0;
  return exact_value.get_d();
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

bool Number::is_even() const {
  if (!is_integer()) return false;
  return big_ ? mpz_even_p(big_->get_num_mpz_t()) != 0 : num_ % 2 == 0;
}

std::optional<long> Number::big_to_long() const {
  // Only LONG_MIN: a larger integer does not fit, a smaller one is held as a machine one.
  if (!is_integer() || !big_ || !big_->get_num().fits_slong_p()) return std::nullopt;
  return big_->get_num().get_si();
}

Number Number::operator-() const {
  if (is_float_) return from_double(-float_);
  if (!big_) return Number(-num_, den_, Canonical{});
  return Number(mpq_class(-*big_), Canonical{});
}

Number operator+(const Number& a, const Number& b) {
  if (a.is_float_ || b.is_float_) return Number::from_double(a.float_value() + b.float_value());
  if (NumberArithmetic::machine(a, b)) {
    long sum = 0;
    if (a.den_ == 1 && b.den_ == 1 && !__builtin_add_overflow(a.num_, b.num_, &sum)) return sum;
    return NumberArithmetic::fraction(Wide(a.num_) * b.den_ + Wide(b.num_) * a.den_,
                                      Wide(a.den_) * b.den_);
  }
  return Number(mpq_class(a.exact() + b.exact()), Number::Canonical{});
}

Number operator-(const Number& a, const Number& b) {
  if (a.is_float_ || b.is_float_) return Number::from_double(a.float_value() - b.float_value());
  if (NumberArithmetic::machine(a, b)) {
    long difference = 0;
    if (a.den_ == 1 && b.den_ == 1 && !__builtin_sub_overflow(a.num_, b.num_, &difference)) {
      return difference;
    }
    return NumberArithmetic::fraction(Wide(a.num_) * b.den_ - Wide(b.num_) * a.den_,
                                      Wide(a.den_) * b.den_);
  }
  return Number(mpq_class(a.exact() - b.exact()), Number::Canonical{});
}

Number operator*(const Number& a, const Number& b) {
  if (a.is_float_ || b.is_float_) return Number::from_double(a.float_value() * b.float_value());
  if (a.is_one()) return b;
  if (b.is_one()) return a;
  if (NumberArithmetic::machine(a, b)) {
    long product = 0;
    if (a.den_ == 1 && b.den_ == 1 && !__builtin_mul_overflow(a.num_, b.num_, &product)) {
      return product;
    }
    return NumberArithmetic::fraction(Wide(a.num_) * b.num_, Wide(a.den_) * b.den_);
  }
  return Number(mpq_class(a.exact() * b.exact()), Number::Canonical{});
}

Number operator/(const Number& a, const Number& b) {
  if (b.is_zero()) throw Error(ErrorKind::Domain, "division by zero");
  if (a.is_float_ || b.is_float_) return Number::from_double(a.float_value() / b.float_value());
  if (NumberArithmetic::machine(a, b)) {
    return NumberArithmetic::fraction(Wide(a.num_) * b.den_, Wide(a.den_) * b.num_);
  }
  return Number(mpq_class(a.exact() / b.exact()), Number::Canonical{});
}

bool operator==(const Number& a, const Number& b) {
  if (a.is_float_ != b.is_float_) return false;
  if (a.is_float_) return a.float_ == b.float_;
  if (a.big_ || b.big_) return a.big_ && b.big_ && *a.big_ == *b.big_;
  return a.num_ == b.num_ && a.den_ == b.den_;
}

bool operator<(const Number& a, const Number& b) {
  if (a.is_float_ || b.is_float_) return a.to_double() < b.to_double();
  if (NumberArithmetic::machine(a, b)) return Wide(a.num_) * b.den_ < Wide(b.num_) * a.den_;
  return a.exact() < b.exact();
}

std::size_t Number::bits() const {
  if (is_float_) return 64;
  if (!big_) {
    return std::max<std::size_t>(1, std::bit_width(magnitude(num_))) +
           std::bit_width(magnitude(den_));
  }
  return mpz_sizeinbase(big_->get_num_mpz_t(), 2) + mpz_sizeinbase(big_->get_den_mpz_t(), 2);
}

Number Number::pow(long exponent) const {
  if (is_zero() && exponent < 0) throw Error(ErrorKind::Domain, "division by zero");
  if (is_float_) return from_double(std::pow(float_, static_cast<double>(exponent)));
  const unsigned long times = magnitude(exponent);
  // A machine power, when it is one, is far below the limit.
  long num = 1, den = 1;
  if (!big_ && times <= limits().max_number_bits / bits() && machine_power(num_, times, &num) &&
      machine_power(den_, times, &den)) {
    return exponent < 0 ? NumberArithmetic::fraction(den, num) : Number(num, den, Canonical{});
  }
  const mpq_class base = exact();
  // log2 of the result's numerator and denominator, from the base's.
  auto log2_of = [](const mpz_class& z) {
    const std::size_t bits = mpz_sizeinbase(z.get_mpz_t(), 2);
    return bits > 1000 ? static_cast<double>(bits) : std::log2(std::fabs(z.get_d()));
  };
  const double estimated_bits =
      static_cast<double>(times) * (log2_of(base.get_num()) + log2_of(base.get_den()));
  if (estimated_bits > static_cast<double>(limits().max_number_bits)) {
    throw Error(ErrorKind::Limit,
                fmt::format("the number {}^{} would have about {:.0f} digits; the limit is {:.0f}",
                            to_string(), exponent, estimated_bits * std::log10(2.0),
                            static_cast<double>(limits().max_number_bits) * std::log10(2.0)));
  }
  mpz_class num_power, den_power;
  mpz_pow_ui(num_power.get_mpz_t(), base.get_num_mpz_t(), times);
  mpz_pow_ui(den_power.get_mpz_t(), base.get_den_mpz_t(), times);
  return exponent < 0 ? Number(mpq_class(den_power, num_power))
                      : Number(mpq_class(num_power, den_power));
}

std::optional<Number> Number::exact_root(unsigned long q) const {
  if (is_float_ || q == 0) return std::nullopt;
  if (is_negative() && q % 2 == 0) return std::nullopt;
  const mpq_class value = exact();
  mpz_class num_root, den_root;
  const mpz_class num_abs = ::abs(value.get_num());
  if (!mpz_root(num_root.get_mpz_t(), num_abs.get_mpz_t(), q)) return std::nullopt;
  if (!mpz_root(den_root.get_mpz_t(), value.get_den_mpz_t(), q)) return std::nullopt;
  if (is_negative()) num_root = -num_root;
  return Number(mpq_class(num_root, den_root));
}

std::string Number::to_string() const {
  if (!is_float_) {
    if (big_) return big_->get_str(10);
    if (den_ == 1) return std::to_string(num_);
    return std::to_string(num_) + "/" + std::to_string(den_);
  }
  std::string text = fmt::format("{}", float_);
  if (text.find_first_of(".e") == std::string::npos) text += ".0";
  return text;
}

std::uint64_t Number::hash() const {
  if (is_float_) return std::hash<double>{}(float_) ^ 0x9e3779b97f4a7c15ULL;
  std::uint64_t h = 0xcbf29ce484222325ULL;
  // The same hash for a machine integer as for GMP's limbs of the same value.
  auto mix_machine = [&h](long v) {
    if (v != 0) h = (h ^ magnitude(v)) * 0x100000001b3ULL;
    h = (h ^ static_cast<std::uint64_t>((v > 0) - (v < 0) + 2)) * 0x100000001b3ULL;
  };
  if (!big_) {
    mix_machine(num_);
    mix_machine(den_);
    return h;
  }
  auto mix = [&h](const mpz_class& z) {
    const std::size_t limbs = mpz_size(z.get_mpz_t());
    for (std::size_t i = 0; i < limbs; ++i) {
      h = (h ^ mpz_getlimbn(z.get_mpz_t(), static_cast<mp_size_t>(i))) * 0x100000001b3ULL;
    }
    h = (h ^ static_cast<std::uint64_t>(sgn(z) + 2)) * 0x100000001b3ULL;
  };
  mix(big_->get_num());
  mix(big_->get_den());
  return h;
}

}  // namespace leibniz
