// Internal to cancel_univariate.cpp: dense polynomials in one generator whose rational
// coefficients fit in machine integers, for the small rational functions most requests
// cancel (a derivative's quotient: degree 4, coefficients of a few digits), where each of
// FLINT's fmpq_poly operations costs hundreds of instructions in allocation and GMP
// calls. Every operation is exact or throws MachineOverflow (a coefficient past 63 bits,
// a degree past the capacity, a division by zero); the caller then redoes the whole
// cancellation in FLINT, so the answer never depends on which arithmetic ran.
#pragma once

#include <array>
#include <cstdint>
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

MachineRational operator+(MachineRational a, MachineRational b);
MachineRational operator*(MachineRational a, MachineRational b);
MachineRational operator-(MachineRational a);
MachineRational inverse(MachineRational a);  // a != 0

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
