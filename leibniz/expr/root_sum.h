// Sums over the roots of a polynomial (spec §1 v2): Σ c(α)·ln(u − α) over the roots α of
// P, the logarithmic part of ∫ a/q dx when the roots of q have no closed form leibniz
// writes (q = x⁵ − x + 1 has none in radicals). Written rootsum(P(t), t, c(t)*ln(u - t)).
//
// The sum is real for real u: a real root contributes c(α)·ln|u − α|, a pair of complex
// roots 2·Re(c(α)·ln(u − α)) with the principal logarithm, which is continuous in real u
// since u − α is never a negative real. So its derivative in u is Σ c(α)/(u − α), a
// rational function of u with rational coefficients (root_sum_derivative).
#pragma once

#include <cstddef>
#include <span>

#include "leibniz/expr/expr.h"
#include "leibniz/expr/rational_polynomial.h"

namespace leibniz {

/// The most roots a sum runs over, and the most bits of a coefficient of its (primitive)
/// polynomial: its values need every root, isolated numerically.
inline constexpr long kMaxRootSumDegree = 64;
inline constexpr long kMaxRootSumBits = 2048;

/// A root sum's polynomial P and coefficient c. In a node both are primitive with
/// integer coefficients and a positive leading one; P has distinct roots and a degree
/// of 2 to kMaxRootSumDegree, c a lower degree.
struct RootSumParts {
  QPoly polynomial;
  QPoly coefficient;
};

/// True if P, made primitive, is within kMaxRootSumDegree and kMaxRootSumBits.
bool root_sum_in_reach(const QPoly& polynomial);

/// Σ c(α)·ln(u − α) over the roots of P: P is made primitive and c reduced modulo P,
/// then written as a rational times a RootSum node whose c is primitive (so that 2·Σ and
/// Σ with 2·c are one expression); 0 when c is, c(r)·ln|u − r| for P of degree 1.
/// Throws Error{Domain} when P is constant or has a repeated root, Error{Limit} when it
/// is not root_sum_in_reach.
Expr root_sum(const QPoly& polynomial, const QPoly& coefficient, const Expr& u);

/// The polynomial and coefficient of a RootSum node.
RootSumParts root_sum_parts(const Expr& e);

/// d/du of a RootSum node: Σ c(α)/(u − α) = N(u)/P(u) with N = c·P′ mod P.
Expr root_sum_derivative(const Expr& e);

/// The three arguments the printers write, rootsum(P(t), t, c(t)*ln(u - t)): t, or
/// another name that u does not hold.
struct RootSumShown {
  Expr polynomial;
  Expr variable;
  Expr summand;
};
RootSumShown root_sum_shown(const Expr& e);

/// rootsum(P, t, c(t)*ln(u - t)) as the parsers read it: P and c polynomials in the
/// variable t with rational coefficients, u free of t. Throws Error{Parse} at `pos`
/// naming what is wrong.
Expr root_sum_read(std::span<const Expr> args, std::size_t pos);

}  // namespace leibniz
