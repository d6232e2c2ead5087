// Internal to cancel (cancel*.cpp): the common case of one generator, in dense
// univariate polynomials.
#pragma once

#include <cstddef>
#include <optional>

#include "leibniz/calculus/polynomial.h"
#include "leibniz/expr/expr.h"

namespace leibniz {

/// cancel(e) when e is a rational function of the single generator `generator` (a
/// symbol, function call or non-integer power) whose polynomials stay of low degree:
/// the same answer as the multivariate path, computed in FLINT's fmpq_poly. nullopt
/// when the case is not this one (a degree or coefficient past the small bounds here,
/// or limits too low to be sure the general path would not stop): the caller then takes
/// the general path, which decides.
/// The arithmetic is for the tests: by default machine integers where they suffice,
/// FLINT otherwise; machine_integers_only answers nullopt where they do not.
enum class UnivariateArithmetic { machine_integers_first, machine_integers_only, flint_only };
std::optional<Expr> cancel_univariate(
    const Expr& e, const Expr& generator, std::size_t max_terms,
    UnivariateArithmetic arithmetic = UnivariateArithmetic::machine_integers_first);

/// p, a non-zero polynomial of ctx in its generator g alone, factored as
/// PolyContext::to_factored_expr writes it, through FLINT's univariate factoring.
Expr factored_in_one_generator(const Poly& p, const PolyContext& ctx, std::size_t g);

/// gcd(a, b) as Poly::gcd gives it (monic), for b a non-zero polynomial of ctx in its
/// generator g alone: through FLINT's univariate gcd of b and each coefficient of a.
Poly gcd_in_one_generator(const Poly& a, const Poly& b, const PolyContext& ctx, std::size_t g);

/// cancel(e) always through the general, multivariate path: for the tests that check
/// both paths give the same answers.
std::optional<Expr> cancel_multivariate(const Expr& e, std::size_t max_terms);

}  // namespace leibniz
