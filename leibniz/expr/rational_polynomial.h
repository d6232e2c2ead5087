// Univariate polynomials with rational coefficients (FLINT's fmpq_poly), and the bridge
// between them and expressions: what the rational-function integrator and root sums
// (root_sum.h) compute with.
#pragma once

#include <flint/fmpq_poly.h>
#include <gmpxx.h>

#include <optional>
#include <span>
#include <vector>

#include "leibniz/core/number.h"
#include "leibniz/core/thread_caches.h"
#include "leibniz/expr/expr.h"

namespace leibniz {

// A univariate polynomial with rational coefficients (FLINT's fmpq_poly).
class QPoly {
 public:
  QPoly() {
    free_flint_caches_at_thread_exit();
    fmpq_poly_init(p_);
  }
  ~QPoly() { fmpq_poly_clear(p_); }
  QPoly(const QPoly& other) : QPoly() { fmpq_poly_set(p_, other.p_); }
  QPoly& operator=(const QPoly&) = delete;
  fmpq_poly_struct* raw() { return p_; }
  const fmpq_poly_struct* raw() const { return p_; }
  long degree() const { return fmpq_poly_degree(p_); }
  Number coefficient(long k) const {
    mpq_class c;
    fmpq_poly_get_coeff_mpq(c.get_mpq_t(), p_, k);
    return Number(c);
  }

 private:
  fmpq_poly_t p_;
};

/// Σ cₖ·xᵏ as an expression.
Expr to_expr(const QPoly& p, const Expr& x);

/// The polynomial of exact coefficients, ascending; throws Error{Domain} for a float.
QPoly to_qpoly(std::span<const Number> coefficients);
/// Its coefficients, ascending (none for 0).
std::vector<Number> coefficients_of(const QPoly& p);

/// e as a polynomial in the symbol x with rational coefficients, read from its form
/// (sums, products, powers with natural exponents up to `max_degree`); nullopt when it
/// is none.
std::optional<QPoly> polynomial_in(const Expr& e, const Expr& x, long max_degree);

}  // namespace leibniz
