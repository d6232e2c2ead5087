// The bound, for e = P(x) + c1*x^i*g + c*x^a/D^k: the fraction is in lowest terms (x^a
// and D, which has a constant term, are coprime), so cancel writes N/Q with Q = D^k made
// monic, which has at least two terms, and N = (P + c1*x^i*g)*Q + c*x^a*(Q/D^k). The
// terms of N holding g are c1*x^i*g times the terms of Q: at least two, one of them with
// a power of x; and N has a term without g (P*D^k cannot be a monomial). So the answer,
// N times Q^(-1) with Q written factored, has at least
//   1 (the product) + 1 (the sum N) + |g| + (|g| + 2) + 1 + 5 (Q^(-1), Q a sum)
// nodes: 2|g| + 10.
// And e = c*x^a/D^k with D monic and irreducible (degree 1, or 2 without a rational
// root) and a constant term: e is already in lowest terms with a monic denominator, and
// cancel writes e itself.
#include "leibniz/calculus/simplify_cancel_bound.h"

#include <optional>
#include <span>

#include "leibniz/calculus/expand.h"
#include "leibniz/calculus/simplify.h"
#include "leibniz/core/number.h"

namespace leibniz {
namespace {

std::span<const Expr> factors_of(const Expr& term) {
  return term.is(Kind::Mul) ? term.args() : std::span<const Expr>(&term, 1);
}

// x or x^n, n >= 1, of the one symbol x (taken from the first one seen).
bool is_power_of_x(const Expr& f, Expr& x) {
  const Expr& base = f.is(Kind::Pow) ? f.base() : f;
  if (!base.is(Kind::Symbol)) return false;
  if (f.is(Kind::Pow) && !(f.exponent().is_integer() && f.exponent().number().is_positive())) {
    return false;
  }
  if (x.is_null()) x = base;
  return base == x;
}

bool is_exact_number(const Expr& f) { return f.is_number() && f.number().is_exact(); }

// c*x^j (or c, or x^j): a monomial in x.
bool is_monomial_in(const Expr& term, Expr& x) {
  for (const Expr& f : factors_of(term)) {
    if (!is_exact_number(f) && !is_power_of_x(f, x)) return false;
  }
  return true;
}

// D^(-k): D a sum of monomials in x, written as expand() writes it, with a constant term.
bool is_denominator(const Expr& f, Expr& x) {
  if (!f.is(Kind::Pow) || !f.exponent().is_integer() || !f.exponent().number().is_negative()) {
    return false;
  }
  const Expr& d = f.base();
  if (!d.is(Kind::Add) || !is_expanded(d) || !is_exact_number(d.arg(0))) return false;
  for (const Expr& t : d.args()) {
    if (!is_monomial_in(t, x)) return false;
  }
  return true;
}

// The degree and coefficient of a monomial c*x^j in x.
std::pair<long, Number> degree_and_coefficient(const Expr& term) {
  long degree = 0;
  Number c(1);
  for (const Expr& f : factors_of(term)) {
    if (f.is_number()) {
      c = f.number();
    } else {
      degree = f.is(Kind::Pow) ? f.exponent().number().to_long().value_or(0) : 1;
    }
  }
  return {degree, c};
}

// D monic and irreducible over the rationals: x + c, or x^2 + b*x + c with b^2 - 4c not
// the square of a rational.
bool is_monic_irreducible(const Expr& d) {
  Number c0, b(0);
  long top = 0;
  Number lead(0);
  for (const Expr& t : d.args()) {
    const auto [degree, c] = degree_and_coefficient(t);
    if (degree == 0) c0 = c;
    if (degree == 1) b = c;
    if (degree > top) {
      top = degree;
      lead = c;
    }
  }
  if (!lead.is_one()) return false;
  if (top == 1) return true;
  if (top != 2) return false;
  const Number discriminant = b * b - Number(4) * c0;
  return !discriminant.exact_root(2).has_value();
}

// c*x^a*D^(-k), D monic and irreducible, in lowest terms as it stands.
bool is_cancelled_fraction(const Expr& e) {
  Expr x;
  const Expr* denominator = nullptr;
  for (const Expr& f : factors_of(e)) {
    if (is_exact_number(f) || is_power_of_x(f, x)) continue;
    if (denominator || !is_denominator(f, x)) return false;
    denominator = &f;
  }
  return denominator && is_monic_irreducible(denominator->base());
}

}  // namespace

bool cancel_cannot_be_smaller(const Expr& e, double size) {
  if (e.is(Kind::Mul)) return is_cancelled_fraction(e) && tree_size(e) >= size;
  if (!e.is(Kind::Add)) return false;
  Expr x;
  const Expr* g = nullptr;
  bool fraction = false;
  for (const Expr& term : e.args()) {
    if (is_monomial_in(term, x)) continue;
    // c*x^j*g or c*x^a*D^(-k), each once.
    const Expr* function = nullptr;
    bool denominator = false;
    for (const Expr& f : factors_of(term)) {
      if (is_exact_number(f) || is_power_of_x(f, x)) continue;
      if (f.is(Kind::Func) && !function) {
        function = &f;
      } else if (!denominator && is_denominator(f, x)) {
        denominator = true;
      } else {
        return false;
      }
    }
    if (function && denominator) return false;
    if (function) {
      if (g) return false;
      g = function;
    } else {
      if (fraction) return false;
      fraction = true;
    }
  }
  if (!g || !fraction) return false;
  return 2 * tree_size(*g) + 10 >= size;
}

}  // namespace leibniz
