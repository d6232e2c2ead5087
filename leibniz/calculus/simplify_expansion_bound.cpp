// The bound: in a product of polynomials, the greatest monomial in a monomial order (lex
// here, symbols in storage order) is the product of each factor's greatest, with the
// product of their coefficients, and so is the least; neither can cancel. When some
// factor is a sum, the two differ and the expansion is a sum holding at least these two
// terms, each written as PolyContext::to_expr writes a monomial.
#include "leibniz/calculus/simplify_expansion_bound.h"

#include <optional>
#include <utility>
#include <vector>

#include "leibniz/core/number.h"

namespace leibniz {
namespace {

// Powers of a monomial, symbols in storage order, each once, exponents from 1 up.
using Powers = std::vector<std::pair<Expr, long>>;

// Whether a product of numbers is 1, known without multiplying them (GMP's arithmetic
// costs more than the rest of the bound): a product of integers is 1 exactly when each
// is 1 or -1 and an even number are -1. With a fraction among them it is not known,
// and the bound takes it as 1, the smaller size.
struct Coefficient {
  bool integral = true, unit = true, negative = false;

  void multiply(const Number& v, long n) {
    if (!v.is_integer()) {
      integral = false;
      return;
    }
    unit &= v.is_one() || v.is_minus_one();
    negative ^= v.is_negative() && n % 2 == 1;
  }
  void multiply(const Coefficient& c, long n) {
    integral &= c.integral;
    unit &= c.unit;
    negative ^= c.negative && n % 2 == 1;
  }
  bool maybe_one() const { return !integral || (unit && !negative); }
};

struct Term {
  Coefficient coefficient;
  Powers powers;
};

// Beyond these a factor is not judged: raising coefficients costs, and the term counts
// of long sums are checked pairwise.
constexpr long kMaxExponent = 64;
constexpr std::size_t kMaxTerms = 32;

std::optional<long> small_positive_exponent(const Expr& power) {
  if (!power.exponent().is_integer()) return std::nullopt;
  const std::optional<long> n = power.exponent().number().to_long();
  if (!n || *n < 1 || *n > kMaxExponent) return std::nullopt;
  return n;
}

// x or x^n (n >= 1), as a symbol and its exponent.
std::optional<std::pair<Expr, long>> symbol_power(const Expr& f) {
  if (f.is(Kind::Symbol)) return std::pair(f, 1L);
  if (!f.is(Kind::Pow) || !f.base().is(Kind::Symbol)) return std::nullopt;
  const std::optional<long> n = small_positive_exponent(f);
  if (!n) return std::nullopt;
  return std::pair(f.base(), *n);
}

// An exact nonzero number, a symbol power, or a product of an exact number and symbol
// powers with distinct symbols.
std::optional<Term> monomial(const Expr& e) {
  if (e.is_number()) {
    if (!e.number().is_exact() || e.number().is_zero()) return std::nullopt;
    Term term;
    term.coefficient.multiply(e.number(), 1);
    return term;
  }
  const std::span<const Expr> factors = e.is(Kind::Mul) ? e.args() : std::span<const Expr>(&e, 1);
  Term term;
  for (const Expr& f : factors) {
    if (f.is_number()) {
      if (!f.number().is_exact() || f.number().is_zero()) return std::nullopt;
      term.coefficient.multiply(f.number(), 1);
      continue;
    }
    const auto power = symbol_power(f);
    if (!power) return std::nullopt;
    for (const auto& [symbol, n] : term.powers) {
      if (symbol == power->first) return std::nullopt;
    }
    term.powers.push_back(*power);
  }
  std::ranges::sort(term.powers,
                    [](const auto& a, const auto& b) { return storage_less(a.first, b.first); });
  return term;
}

// Lexicographic order of monomials, symbols in storage order: 1 if a > b, -1 if a < b.
int compare(const Powers& a, const Powers& b) {
  std::size_t i = 0, j = 0;
  for (; i < a.size() && j < b.size(); ++i, ++j) {
    if (a[i].first == b[j].first) {
      if (a[i].second != b[j].second) return a[i].second > b[j].second ? 1 : -1;
      continue;
    }
    // The earlier symbol is in one monomial only: that one is the greater.
    return storage_less(a[i].first, b[j].first) ? 1 : -1;
  }
  if (i < a.size()) return 1;
  if (j < b.size()) return -1;
  return 0;
}

// a * b^n, exponents of a symbol in both added.
void multiply(Term& a, const Term& b, long n) {
  a.coefficient.multiply(b.coefficient, n);
  for (const auto& [symbol, k] : b.powers) {
    bool found = false;
    for (auto& [s, m] : a.powers) {
      if (s == symbol) {
        m += k * n;
        found = true;
      }
    }
    if (!found) a.powers.emplace_back(symbol, k * n);
  }
}

// The size of the monomial as PolyContext::to_expr writes it: the coefficient unless
// it is 1, x for x^1 and x^n as a power, in one product when there are several.
double written_size(const Term& t) {
  int factors = 0;
  double size = 0;
  if (!t.coefficient.maybe_one()) {
    ++factors;
    size += 1;
  }
  for (const auto& [symbol, n] : t.powers) {
    ++factors;
    size += n == 1 ? 1 : 3;
  }
  if (factors == 0) return 1;
  return factors >= 2 ? size + 1 : size;
}

struct Extremes {
  Term greatest, least;
  bool differ = false;
};

// The greatest and least monomials of a factor u^n, u a sum of monomials or one.
std::optional<Extremes> factor_extremes(const Expr& base) {
  if (!base.is(Kind::Add)) {
    std::optional<Term> t = monomial(base);
    if (!t) return std::nullopt;
    return Extremes{*t, *t, false};
  }
  if (base.args().size() > kMaxTerms) return std::nullopt;
  std::vector<Term> terms;
  terms.reserve(base.args().size());
  for (const Expr& t : base.args()) {
    std::optional<Term> m = monomial(t);
    if (!m) return std::nullopt;
    for (const Term& other : terms) {
      if (compare(other.powers, m->powers) == 0) return std::nullopt;  // not collected
    }
    terms.push_back(std::move(*m));
  }
  std::size_t greatest = 0, least = 0;
  for (std::size_t i = 1; i < terms.size(); ++i) {
    if (compare(terms[i].powers, terms[greatest].powers) > 0) greatest = i;
    if (compare(terms[i].powers, terms[least].powers) < 0) least = i;
  }
  return Extremes{terms[greatest], terms[least], greatest != least};
}

}  // namespace

bool expansion_cannot_be_smaller(const Expr& e, double size) {
  const std::span<const Expr> factors = e.is(Kind::Mul) ? e.args() : std::span<const Expr>(&e, 1);
  Extremes product;
  for (const Expr& f : factors) {
    if (f.is_number()) {
      if (!f.number().is_exact()) return false;
      product.greatest.coefficient.multiply(f.number(), 1);
      product.least.coefficient.multiply(f.number(), 1);
      continue;
    }
    long n = 1;
    const Expr* base = &f;
    if (f.is(Kind::Pow) && !f.base().is(Kind::Symbol)) {
      const std::optional<long> k = small_positive_exponent(f);
      if (!k) return false;
      n = *k;
      base = &f.base();
    }
    const std::optional<Extremes> x = factor_extremes(*base);
    if (!x) return false;
    multiply(product.greatest, x->greatest, n);
    multiply(product.least, x->least, n);
    product.differ |= x->differ;
  }
  const double bound = product.differ
                           ? 1 + written_size(product.greatest) + written_size(product.least)
                           : written_size(product.greatest);
  return bound >= size;
}

}  // namespace leibniz
