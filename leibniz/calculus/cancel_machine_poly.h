// Internal to cancel_univariate.cpp: dense polynomials in one generator whose rational
// coefficients fit in machine integers, for the small rational functions most requests
// cancel (a derivative's quotient: degree 4, coefficients of a few digits), where each of
// FLINT's fmpq_poly operations costs hundreds of instructions in allocation and GMP
// calls. Every operation is exact or throws MachineOverflow (a coefficient past 63 bits,
// a degree past the capacity, a division by zero); the caller then redoes the whole
// cancellation in FLINT, so the answer never depends on which arithmetic ran.
#pragma once

#include <array>
#include <climits>
#include <cstdint>
#include <numeric>
#include <vector>

#include "leibniz/core/number.h"

namespace leibniz {

struct MachineOverflow {};

/// num/den in lowest terms, den > 0; neither is INT64_MIN, so both negate safely.
struct MachineRational {
  std::int64_t num = 0;
  std::int64_t den = 1;
};

class MachinePoly {
 public:
  /// Coefficients held in place: degrees up to kCapacity - 1.
  static constexpr long kCapacity = 8;

  static MachinePoly constant(const Number& value);  // throws if it does not fit
  static MachinePoly one();
  static MachinePoly generator();

  long degree() const { return degree_; }  // -1 for zero
  bool is_zero() const { return degree_ < 0; }
  bool is_one() const { return degree_ == 0 && c_[0].num == 1 && c_[0].den == 1; }
  const MachineRational& coefficient(long k) const { return c_[static_cast<std::size_t>(k)]; }
  const MachineRational& leading() const { return coefficient(degree_); }

  /// Sets coefficient k (k < kCapacity), then the degree from the coefficients.
  void set(long k, MachineRational value);

  /// Writing in place: the coefficients up to `degree` (< kCapacity) made writable, then
  /// normalise() once they are written.
  MachineRational* coefficients_up_to(long degree);
  void normalise();  // the degree down to the last non-zero coefficient

  std::array<MachineRational, kCapacity> c_{};
  long degree_ = -1;
};

// The rational arithmetic is inline: it is the inner loop of every polynomial operation.
namespace machine_detail {

inline std::int64_t checked(bool overflowed, std::int64_t value) {
  if (overflowed || value == INT64_MIN) throw MachineOverflow{};
  return value;
}

inline std::int64_t checked_product(std::int64_t a, std::int64_t b) {
  std::int64_t product = 0;
  const bool overflowed = __builtin_mul_overflow(a, b, &product);
  return checked(overflowed, product);
}

inline std::int64_t checked_sum(std::int64_t a, std::int64_t b) {
  std::int64_t sum = 0;
  const bool overflowed = __builtin_add_overflow(a, b, &sum);
  return checked(overflowed, sum);
}

// std::gcd is binary, which walks a large number down to 1 bit by bit: 1s (every
// integer's denominator) answered at once.
inline std::int64_t common_divisor(std::int64_t a, std::int64_t b) {
  if (a == 1 || b == 1 || a == -1 || b == -1) return 1;
  return std::gcd(a, b);
}

}  // namespace machine_detail

inline MachineRational operator+(MachineRational a, MachineRational b) {
  if (a.num == 0) return b;
  if (b.num == 0) return a;
  if (a.den == 1 && b.den == 1) return {machine_detail::checked_sum(a.num, b.num), 1};
  const std::int64_t g = machine_detail::common_divisor(a.den, b.den);
  const std::int64_t num =
      machine_detail::checked_sum(machine_detail::checked_product(a.num, b.den / g),
                                  machine_detail::checked_product(b.num, a.den / g));
  if (num == 0) return {};
  const std::int64_t den = machine_detail::checked_product(a.den / g, b.den);
  const std::int64_t common = machine_detail::common_divisor(num, den);
  return {num / common, den / common};
}

inline MachineRational operator*(MachineRational a, MachineRational b) {
  if (a.num == 0 || b.num == 0) return {};
  if (a.den == 1 && b.den == 1) return {machine_detail::checked_product(a.num, b.num), 1};
  const std::int64_t g1 = b.den == 1 ? 1 : machine_detail::common_divisor(a.num, b.den);
  const std::int64_t g2 = a.den == 1 ? 1 : machine_detail::common_divisor(b.num, a.den);
  return {machine_detail::checked_product(a.num / g1, b.num / g2),
          machine_detail::checked_product(a.den / g2, b.den / g1)};
}

inline MachineRational operator-(MachineRational a) { return {-a.num, a.den}; }

inline MachineRational inverse(MachineRational a) {
  return a.num < 0 ? MachineRational{-a.den, -a.num} : MachineRational{a.den, a.num};
}

MachinePoly operator+(const MachinePoly& a, const MachinePoly& b);
MachinePoly operator*(const MachinePoly& a, const MachinePoly& b);
MachinePoly scaled(const MachinePoly& p, MachineRational factor);
/// The monic gcd (zero for two zeros), as fmpq_poly_gcd gives it.
MachinePoly gcd(const MachinePoly& a, const MachinePoly& b);
/// The quotient of a by divisor, the remainder dropped (as fmpq_poly_div).
MachinePoly divide_exact(const MachinePoly& a, const MachinePoly& divisor);
/// base^exponent by repeated squaring.
MachinePoly raised(const MachinePoly& base, unsigned long exponent);

struct MachineFactor {
  MachinePoly factor;
  long multiplicity;
};

/// p's (non-zero) irreducible factors over the rationals as fmpz_poly_factor gives them:
/// primitive integer polynomials with positive leading coefficients, each with its
/// multiplicity, in some order. Through Yun's squarefree factorisation; a squarefree part
/// of degree 2 splits where its discriminant is a square, one of degree 3 or more throws
/// MachineOverflow (FLINT factors it).
std::vector<MachineFactor> rational_factors(const MachinePoly& p);

}  // namespace leibniz
