#include "leibniz/expr/root_sum.h"

#include <flint/fmpz_poly.h>
#include <fmt/format.h>

#include <cstdlib>
#include <string>

#include "leibniz/core/error.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/call.h"
#include "leibniz/expr/domain_witnesses.h"
#include "leibniz/expr/print.h"
#include "leibniz/expr/rational_polynomial.h"

namespace leibniz {
namespace {

// p divided by its content, with a positive leading coefficient; returns the content
// with the sign taken out (p = content·primitive).
Number make_primitive(QPoly& p) {
  fmpq_t content;
  fmpq_init(content);
  fmpq_poly_content(content, p.raw());
  if (fmpz_sgn(fmpq_poly_numref(p.raw()) + p.degree()) < 0) fmpq_neg(content, content);
  fmpq_poly_scalar_div_fmpq(p.raw(), p.raw(), content);
  mpq_class value;
  fmpq_get_mpq(value.get_mpq_t(), content);
  fmpq_clear(content);
  return Number(value);
}

// The node's name: P's and c's integer coefficients, ascending, "p0 p1 … pn;c0 … cm".
std::string key_of(const QPoly& p, const QPoly& c) {
  std::string key;
  for (long k = 0; k <= p.degree(); ++k) key += (k ? " " : "") + p.coefficient(k).to_string();
  key += ';';
  for (long k = 0; k <= c.degree(); ++k) key += (k ? " " : "") + c.coefficient(k).to_string();
  return key;
}

QPoly polynomial_in_key(std::string_view text) {
  std::vector<Number> coefficients;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find(' '), text.size());
    coefficients.push_back(Number(mpq_class(std::string(text.substr(0, end)))));
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return to_qpoly(coefficients);
}

// Within kMaxRootSumDegree and kMaxRootSumBits, for a primitive polynomial.
bool primitive_in_reach(const QPoly& primitive) {
  fmpz_poly_t integral;
  fmpz_poly_init(integral);
  fmpq_poly_get_numerator(integral, primitive.raw());
  const slong bits = std::abs(fmpz_poly_max_bits(integral));
  fmpz_poly_clear(integral);
  return primitive.degree() <= kMaxRootSumDegree && bits <= kMaxRootSumBits;
}

}  // namespace

bool root_sum_in_reach(const QPoly& polynomial) {
  QPoly p(polynomial);
  if (p.degree() > 0) make_primitive(p);
  return primitive_in_reach(p);
}

Expr root_sum(const QPoly& polynomial, const QPoly& coefficient, const Expr& u) {
  QPoly p(polynomial), c(coefficient);
  const long degree = p.degree();
  if (degree < 1) throw Error(ErrorKind::Domain, "a root sum needs a polynomial with roots");
  make_primitive(p);  // the same roots
  if (!primitive_in_reach(p)) {
    throw Error(ErrorKind::Limit,
                fmt::format("a root sum runs over at most {} roots of a polynomial whose "
                            "coefficients have at most {} bits",
                            kMaxRootSumDegree, kMaxRootSumBits));
  }
  fmpz_poly_t integral;
  fmpz_poly_init(integral);
  fmpq_poly_get_numerator(integral, p.raw());
  const bool squarefree = fmpz_poly_is_squarefree(integral) != 0;
  fmpz_poly_clear(integral);
  if (!squarefree) {
    throw Error(ErrorKind::Domain, fmt::format("a root sum runs over distinct roots: {} has a "
                                               "repeated root",
                                               print_text(to_expr(p, symbol("t")))));
  }
  fmpq_poly_rem(c.raw(), c.raw(), p.raw());
  if (c.degree() < 0) return integer(0);
  if (degree == 1) {  // one real root r = −p₀/p₁: c(r)·ln|u − r|
    const Number r = -p.coefficient(0) / p.coefficient(1);
    return mul(number(c.coefficient(0)), func(Fn::Ln, func(Fn::Abs, sub(u, number(r)))));
  }
  const Number content = make_primitive(c);
  const Expr args[] = {u};
  return mul(number(content), detail::make_named(Kind::RootSum, key_of(p, c), args));
}

RootSumParts root_sum_parts(const Expr& e) {
  LZ_ASSERT(e.is(Kind::RootSum), "root_sum_parts of a node that is no root sum");
  const std::string_view key = e.name();
  const std::size_t split = key.find(';');
  return {polynomial_in_key(key.substr(0, split)), polynomial_in_key(key.substr(split + 1))};
}

Expr root_sum_derivative(const Expr& e) {
  const RootSumParts parts = root_sum_parts(e);
  const QPoly& p = parts.polynomial;
  // Σ c(α)/(u − α) is N(u)/P(u) for N with N(α) = c(α)·P′(α) at every root α and
  // deg N < deg P (partial fractions over the distinct roots).
  QPoly n;
  fmpq_poly_derivative(n.raw(), p.raw());
  fmpq_poly_mul(n.raw(), n.raw(), parts.coefficient.raw());
  fmpq_poly_rem(n.raw(), n.raw(), p.raw());
  const Expr& u = e.arg(0);
  return div(to_expr(n, u), to_expr(p, u));
}

RootSumShown root_sum_shown(const Expr& e) {
  const RootSumParts parts = root_sum_parts(e);
  const Expr& u = e.arg(0);
  Expr t;
  for (const char* name : {"t", "s", "z", "w", "r", "v"}) {
    t = symbol(name);
    if (!occurs_in(t, u)) break;
  }
  for (int k = 1; occurs_in(t, u); ++k) t = symbol(fmt::format("t{}", k));
  const Expr summand = mul(to_expr(parts.coefficient, t), func(Fn::Ln, sub(u, t)));
  return {to_expr(parts.polynomial, t), t, summand};
}

Expr root_sum_read(std::span<const Expr> args, std::size_t pos) {
  constexpr const char* kForm = "rootsum(P(t), t, c(t)*ln(u - t))";
  auto fail = [pos](const std::string& message) { throw Error(ErrorKind::Parse, message, pos); };
  if (args.size() != 3) {
    fail(fmt::format("'rootsum' takes 3 arguments, not {}: {}", args.size(), kForm));
  }
  const Expr& t = args[1];
  if (!t.is(Kind::Symbol)) {
    fail(
        fmt::format("the second argument of 'rootsum' names the variable the roots are "
                    "taken in: {}",
                    kForm));
  }
  const auto p = polynomial_in(args[0], t, kMaxRootSumDegree);
  if (!p || p->degree() < 1) {
    fail(
        fmt::format("the first argument of 'rootsum' is a polynomial in {} of degree 1 to {} "
                    "with rational coefficients",
                    t.name(), kMaxRootSumDegree));
  }
  // The summand: c(t) times one logarithm ln(u − t).
  const Expr& summand = args[2];
  std::vector<Expr> rest;
  Expr logarithm;
  for (const Expr& factor : summand.is(Kind::Mul) ? summand.args() : std::span(&summand, 1)) {
    if (factor.is(Kind::Func) && factor.fn() == Fn::Ln && logarithm.is_null()) {
      logarithm = factor;
    } else {
      rest.push_back(factor);
    }
  }
  const Expr u = logarithm.is_null() ? Expr{} : add(logarithm.arg(0), t);
  const auto c = polynomial_in(mul(rest), t, kMaxRootSumDegree);
  if (u.is_null() || occurs_in(t, u) || !c) {
    fail(
        fmt::format("the summand of 'rootsum' is a polynomial in {} with rational "
                    "coefficients times ln(u - {}), u free of {}: {}",
                    t.name(), t.name(), t.name(), kForm));
  }
  try {
    // Its arguments were read without recording what they need (they hold t): the sum
    // is defined where u is and off the real roots.
    Expr sum = root_sum(*p, *c, u);
    DomainWitnesses::record(sum);
    return sum;
  } catch (const Error& error) {
    fail(error.what());
  }
  return {};
}

}  // namespace leibniz
