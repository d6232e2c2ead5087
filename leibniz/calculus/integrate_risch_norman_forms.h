// The Risch–Norman answer, found as a rational function of the kernels, written back in
// the integrand's functions (integrate_risch_norman_forms.cpp): sin u and cos u for
// t = tan(u/2), sinh and cosh for the exponential of a hyperbolic integrand.
#pragma once

#include <gmpxx.h>

#include "leibniz/calculus/integrate_risch_norman_tower.h"

namespace leibniz::integration {

/// A/C (C with leading coefficient 1). May throw Error{Limit} past the expansion budget.
Expr rational_part_written_back(const KernelTower& tower, const Poly& A, const Poly& C);
/// c·ln|p|, up to a constant. May throw Error{Limit} past the expansion budget.
Expr logarithm_written_back(const KernelTower& tower, const mpq_class& c, const Poly& p);

}  // namespace leibniz::integration
