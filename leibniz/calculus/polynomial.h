// Sparse multivariate polynomials with rational coefficients (FLINT's fmpq_mpoly)
// over "generators": the parts of an expression that are not sums, products or
// integer powers (symbols, function calls, non-integer powers). The bridge that
// lets expand and cancel use FLINT's multiplication, gcd and factoring.
#pragma once

#include <flint/fmpq_mpoly.h>

#include <cstddef>
#include <optional>
#include <unordered_map>
#include <vector>

#include "leibniz/core/error.h"
#include "leibniz/expr/expr.h"

namespace leibniz {

/// Thrown (kind Limit) when a polynomial operation could exceed limits().max_terms.
class TermLimitExceeded : public Error {
 public:
  explicit TermLimitExceeded(const std::string& message) : Error(ErrorKind::Limit, message) {}
};

class PolyContext;

/// A polynomial over the generators of one PolyContext; move-only.
class Poly {
 public:
  explicit Poly(const PolyContext& ctx);
  Poly(Poly&& other) noexcept;
  Poly& operator=(Poly&& other) noexcept;
  Poly(const Poly&) = delete;
  Poly& operator=(const Poly&) = delete;
  ~Poly();

  static Poly constant(const PolyContext& ctx, const Number& value);
  static Poly generator(const PolyContext& ctx, std::size_t index);

  Poly copy() const;
  Poly operator+(const Poly& other) const;
  Poly operator*(const Poly& other) const;
  /// Throws Error{Limit} when the result could exceed limits().max_terms.
  Poly pow(unsigned long exponent) const;
  /// The monic greatest common divisor.
  Poly gcd(const Poly& other) const;
  /// this / divisor, which must divide exactly.
  Poly divide_exact(const Poly& divisor) const;

  std::size_t length() const;
  long total_degree() const;
  bool is_zero() const;
  bool is_one() const;
  /// The coefficient of the leading term (0 for the zero polynomial).
  Number leading_coefficient() const;
  Poly scaled(const Number& factor) const;

  fmpq_mpoly_struct* raw() { return p_; }
  const fmpq_mpoly_struct* raw() const { return p_; }

 private:
  const PolyContext* ctx_;
  fmpq_mpoly_struct p_[1];
};

class PolyContext {
 public:
  explicit PolyContext(std::vector<Expr> generators);
  ~PolyContext();
  PolyContext(const PolyContext&) = delete;
  PolyContext& operator=(const PolyContext&) = delete;

  const fmpq_mpoly_ctx_struct* raw() const { return ctx_; }
  fmpq_mpoly_ctx_struct* raw() { return ctx_; }
  std::size_t size() const { return generators_.size(); }
  const Expr& generator(std::size_t i) const { return generators_[i]; }

  /// The polynomial as a canonical expression: a sum of coefficient * generator powers.
  Expr to_expr(const Poly& p) const;
  /// The polynomial factored over the rationals: content * product of factor^multiplicity.
  Expr to_factored_expr(const Poly& p) const;

 private:
  bool monomials_are_canonical() const;
  Expr generator_power(std::size_t generator, ulong exponent) const;
  void big_exponent_factors(const Poly& p, slong term, std::vector<Expr>& factors) const;

  struct PowerKeyHash {
    std::size_t operator()(const std::pair<std::size_t, ulong>& k) const {
      return k.first * 0x9e3779b97f4a7c15ULL ^ k.second;
    }
  };

  std::vector<Expr> generators_;
  fmpq_mpoly_ctx_struct* ctx_;  // the calling thread's context for this many variables
  mutable std::optional<bool> canonical_monomials_;
  mutable std::unordered_map<std::pair<std::size_t, ulong>, Expr, PowerKeyHash> powers_;
};

/// An upper bound on the number of terms of a product of polynomials with these
/// lengths and total degrees in `variables` variables.
double product_terms_bound(double length_a, double length_b, double degree_sum,
                           std::size_t variables);

}  // namespace leibniz
