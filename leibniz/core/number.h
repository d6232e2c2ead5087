// Exact rational numbers (GMP) and, only where the input held one, double floats.
// Arithmetic between an exact number and a float gives a float.
#pragma once

#include <gmpxx.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace leibniz {

class Number {
 public:
  Number() : exact_(0) {}
  Number(long value) : exact_(value) {}  // NOLINT(google-explicit-constructor): 2 is a Number
  explicit Number(mpq_class value) : exact_(std::move(value)) { exact_.canonicalize(); }
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
  bool is_zero() const { return is_float_ ? float_ == 0 : sgn(exact_) == 0; }
  bool is_one() const { return is_float_ ? float_ == 1 : exact_ == 1; }
  bool is_minus_one() const { return is_float_ ? float_ == -1 : exact_ == -1; }
  bool is_negative() const { return is_float_ ? float_ < 0 : sgn(exact_) < 0; }
  bool is_positive() const { return is_float_ ? float_ > 0 : sgn(exact_) > 0; }
  /// An exact integer (a float never counts, even 2.0).
  bool is_integer() const { return !is_float_ && exact_.get_den() == 1; }
  /// The value as a machine integer, if it is an exact integer that fits.
  std::optional<long> to_long() const;

  const mpq_class& exact() const { return exact_; }
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
  Number(mpq_class value, Canonical) : exact_(std::move(value)) {}

  mpq_class exact_;
  double float_ = 0;
  bool is_float_ = false;
};

}  // namespace leibniz
