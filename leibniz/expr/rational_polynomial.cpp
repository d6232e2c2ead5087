#include "leibniz/expr/rational_polynomial.h"

#include "leibniz/core/error.h"
#include "leibniz/expr/builders.h"

namespace leibniz {

Expr to_expr(const QPoly& p, const Expr& x) {
  std::vector<Expr> terms;
  for (long k = 0; k <= p.degree(); ++k) terms.push_back(mul(number(p.coefficient(k)), pow(x, k)));
  return add(terms);
}

QPoly to_qpoly(std::span<const Number> coefficients) {
  QPoly p;
  for (std::size_t k = 0; k < coefficients.size(); ++k) {
    if (!coefficients[k].is_exact()) {
      throw Error(ErrorKind::Domain, "a polynomial over ℚ has exact coefficients");
    }
    fmpq_poly_set_coeff_mpq(p.raw(), static_cast<slong>(k), coefficients[k].exact().get_mpq_t());
  }
  return p;
}

std::vector<Number> coefficients_of(const QPoly& p) {
  std::vector<Number> out;
  for (long k = 0; k <= p.degree(); ++k) out.push_back(p.coefficient(k));
  return out;
}

std::optional<QPoly> polynomial_in(const Expr& e, const Expr& x, long max_degree) {
  QPoly p;
  switch (e.kind()) {
    case Kind::Number:
      if (!e.number().is_exact()) return std::nullopt;
      fmpq_poly_set_mpq(p.raw(), e.number().exact().get_mpq_t());
      return p;
    case Kind::Symbol:
      if (e != x) return std::nullopt;
      fmpq_poly_set_coeff_si(p.raw(), 1, 1);
      return p;
    case Kind::Add:
    case Kind::Mul:
      fmpq_poly_set_si(p.raw(), e.is(Kind::Add) ? 0 : 1);
      for (const Expr& a : e.args()) {
        const auto part = polynomial_in(a, x, max_degree);
        if (!part) return std::nullopt;
        if (e.is(Kind::Add)) {
          fmpq_poly_add(p.raw(), p.raw(), part->raw());
        } else {
          if (p.degree() + part->degree() > max_degree) return std::nullopt;
          fmpq_poly_mul(p.raw(), p.raw(), part->raw());
        }
      }
      return p;
    case Kind::Pow: {
      const auto n = e.exponent().is_integer() ? e.exponent().number().to_long() : std::nullopt;
      if (!n || *n < 0) return std::nullopt;
      const auto base = polynomial_in(e.base(), x, max_degree);
      if (!base || (base->degree() > 0 && *n > max_degree / base->degree())) return std::nullopt;
      fmpq_poly_pow(p.raw(), base->raw(), static_cast<ulong>(*n));
      return p;
    }
    default: return std::nullopt;
  }
}

}  // namespace leibniz
