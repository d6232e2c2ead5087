// The value of a root sum (expr/root_sum.h) at a real point: the roots of its polynomial,
// found by Arb as certified complex balls, then Re Σ c(α)·Log(u − α) with the principal
// logarithm (a real root's term is c(α)·ln|u − α|).
#pragma once

#include <mpfr.h>

#include <complex>
#include <span>
#include <vector>

#include "leibniz/expr/expr.h"

namespace leibniz {

/// A root α of a root sum's polynomial and its coefficient c(α).
struct RootTerm {
  std::complex<double> root;
  std::complex<double> weight;
  bool real = false;
};

/// The roots of the RootSum node e, each with c at it, to double precision.
std::vector<RootTerm> root_terms(const Expr& e);

/// The sum at u, in double precision. Throws Error{Domain} at a real root.
double root_sum_value(std::span<const RootTerm> terms, double u);

/// The sum of the RootSum node e at u, known to within ±u_error, at `bits` of precision:
/// the value in `out` and a bound on its error in `error` (infinite when no digit is
/// certain). False where it is undefined: u at a real root.
bool root_sum_value(const Expr& e, const mpfr_t u, long double u_error, mpfr_prec_t bits,
                    mpfr_t out, long double& error);

}  // namespace leibniz
