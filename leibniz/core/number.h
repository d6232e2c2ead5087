// Exact rational numbers and, only where the input held one, double floats. An exact
// number is two machine integers while they fit (most numbers) and a GMP rational beyond.
// Arithmetic between an exact number and a float gives a float.
#pragma once

#include <gmpxx.h>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace leibniz {

class Number {
 public:
  Number() = default;
  Number(long value) {  // NOLINT(google-explicit-constructor): 2 is a Number
    if (value == kNoMachineValue) [[unlikely]] {
      big_ = std::make_shared<const mpq_class>(value);
    } else {
      num_ = value;
    }
  }
  explicit Number(mpq_class value);
  /// A float; throws Error{Domain} if it is not finite.
  static Number from_double(double value);
  static Number rational(long numerator, long denominator);
  /// Parses "12", "2.5", "1e-3": digits without a point or exponent are exact; a
  /// decimal with a point or an exponent is a float, unless a double cannot hold it
  /// ("1e309", "1e-400"): then it is its exact value. Throws as parse_exact does.
  static Number parse(std::string_view text);
  /// The exact rational value of a decimal literal: "2.5" is 5/2, "1e309" is 10^309.
  /// Throws Error{Parse} (offset into text) if text is not digits with an optional point
  /// and exponent, Error{Limit} if the value needs more than limits().max_number_bits.
  static Number parse_exact(std::string_view text);
  /// A number of a data or model file, exactly: "0.5" is 1/2, "-2", "1e-3", and "3/4"
  /// (integers over a nonzero integer); nullopt when the text is not such a number.
  /// Throws Error{Limit} as parse_exact does for one too large.
  static std::optional<Number> read_exact(std::string_view text);

  bool is_float() const { return is_float_; }
  bool is_exact() const { return !is_float_; }
  // A value held in GMP never fits in two machine integers, so it is none of 0, 1, -1.
  bool is_zero() const { return is_float_ ? float_ == 0 : !big_ && num_ == 0; }
  bool is_one() const { return is_float_ ? float_ == 1 : !big_ && num_ == 1 && den_ == 1; }
  bool is_minus_one() const { return is_float_ ? float_ == -1 : !big_ && num_ == -1 && den_ == 1; }
  bool is_negative() const { return is_float_ ? float_ < 0 : big_ ? sgn(*big_) < 0 : num_ < 0; }
  bool is_positive() const { return is_float_ ? float_ > 0 : big_ ? sgn(*big_) > 0 : num_ > 0; }
  /// An exact integer (a float never counts, even 2.0).
  bool is_integer() const { return !is_float_ && (big_ ? big_->get_den() == 1 : den_ == 1); }
  /// An exact integer divisible by 2.
  bool is_even() const;
  /// The value as a machine integer, if it is an exact integer that fits.
  std::optional<long> to_long() const {
    if (!is_float_ && !big_ && den_ == 1) return num_;
    return big_to_long();
  }

  /// An exact value as numerator and denominator (> 0) in lowest terms, when both are
  /// machine integers, as most numbers are.
  struct Fraction {
    long numerator;
    long denominator;
  };
  std::optional<Fraction> to_fraction() const {
    if (is_float_ || big_) return std::nullopt;
    return Fraction{num_, den_};
  }
  /// The numerator and the denominator (> 0) of an exact value, in lowest terms.
  Number numerator() const;
  Number denominator() const;

  /// The exact value as a GMP rational.
  mpq_class exact() const;
  /// The nearest double (mpq_get_d truncates: -159/80 would be -1.9874999999999998).
  double to_double() const;
  /// to_double() for arithmetic with floats; throws Error{Domain} where it is not finite
  /// (an exact 10^309).
  double float_value() const;

  Number operator-() const;
  friend Number operator+(const Number& a, const Number& b);
  friend Number operator-(const Number& a, const Number& b);
  friend Number operator*(const Number& a, const Number& b);
  /// Throws Error{Domain} on division by zero.
  friend Number operator/(const Number& a, const Number& b);
  friend bool operator==(const Number& a, const Number& b);
  friend bool operator<(const Number& a, const Number& b);

  Number abs() const { return is_negative() ? -*this : *this; }
  /// this^exponent for an integer exponent; throws Error{Limit} if the result would
  /// exceed limits().max_number_bits and Error{Domain} for 0 to a negative power.
  Number pow(long exponent) const;
  /// The exact q-th root of an exact number, if it is rational (and real).
  std::optional<Number> exact_root(unsigned long q) const;
  /// Bits needed for numerator and denominator, an estimate of size.
  std::size_t bits() const;

  /// Text that parses back to the same number: "3/4", "-2", "0.5", "2.0", "1e-05".
  std::string to_string() const;
  std::uint64_t hash() const;

 private:
  struct Canonical {};
  // For results of GMP's rational arithmetic, which are canonical already.
  Number(mpq_class value, Canonical);
  // A fraction in lowest terms whose parts are machine integers other than kNoMachineValue.
  Number(long numerator, long denominator, Canonical) : num_(numerator), den_(denominator) {}

  std::optional<long> big_to_long() const;

  // LONG_MIN has no negation in a long, so a value that needs it is held in GMP.
  static constexpr long kNoMachineValue = std::numeric_limits<long>::min();

  friend struct NumberArithmetic;  // number.cpp: the arithmetic of machine fractions

  // An exact value is num_/den_ (most numbers: no GMP, no allocation) unless big_ holds
  // it, which it does exactly when numerator or denominator is not such a machine
  // integer: so each value has one form, and == can compare forms.
  long num_ = 0;
  long den_ = 1;
  std::shared_ptr<const mpq_class> big_;  // shared: a Number never changes once made
  double float_ = 0;
  bool is_float_ = false;
};

}  // namespace leibniz
