// Two bounds, each from what expand() would write:
// - A product of polynomials: the greatest monomial in a monomial order (lex here,
//   symbols in storage order) is the product of each factor's greatest, with the product
//   of their coefficients, and so is the least; neither can cancel. When some factor is a
//   sum, the two differ and the expansion is a sum holding at least these two terms.
// - Sums, products and powers of integers, one symbol x and inverse powers of sums
//   already expanded (the denominators of a quotient's derivative): the expansion is
//   computed in small integers, a polynomial in x for each power product of the
//   denominators (which expand() keeps as generators), and its size is then exact.
#include "leibniz/calculus/simplify_expansion_bound.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <optional>
#include <utility>
#include <vector>

#include "leibniz/calculus/expand.h"
#include "leibniz/calculus/simplify.h"
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

// The product bound: a number times powers of symbols and of sums of monomials.
std::optional<double> product_bound(const Expr& e) {
  const std::span<const Expr> factors = e.is(Kind::Mul) ? e.args() : std::span<const Expr>(&e, 1);
  Extremes product;
  for (const Expr& f : factors) {
    if (f.is_number()) {
      if (!f.number().is_exact()) return std::nullopt;
      product.greatest.coefficient.multiply(f.number(), 1);
      product.least.coefficient.multiply(f.number(), 1);
      continue;
    }
    long n = 1;
    const Expr* base = &f;
    if (f.is(Kind::Pow) && !f.base().is(Kind::Symbol)) {
      const std::optional<long> k = small_positive_exponent(f);
      if (!k) return std::nullopt;
      n = *k;
      base = &f.base();
    }
    const std::optional<Extremes> x = factor_extremes(*base);
    if (!x) return std::nullopt;
    multiply(product.greatest, x->greatest, n);
    multiply(product.least, x->least, n);
    product.differ |= x->differ;
  }
  return product.differ ? 1 + written_size(product.greatest) + written_size(product.least)
                        : written_size(product.greatest);
}

// The exact bound. Coefficients are machine integers (any overflow, fraction or degree
// past kMaxExponent and the expression is not judged).
class SmallExpansion {
 public:
  std::optional<double> size_of(const Expr& e) {
    std::optional<Sum> sum = convert(e);
    if (!sum) return std::nullopt;
    double size = 0;
    int terms = 0;
    for (const auto& [denominators, poly] : *sum) {
      double powers = 0;  // D^(-k), as the generator 1/D to the k
      for (const auto& [d, k] : denominators) powers += tree_size(d) + 2;
      for (std::size_t i = 0; i < poly.size(); ++i) {
        if (poly[i] == 0) continue;
        ++terms;
        const int factors = (poly[i] != 1) + (i > 0) + static_cast<int>(denominators.size());
        double t = (poly[i] != 1) + (i == 0 ? 0 : i == 1 ? 1 : 3) + powers;
        if (factors == 0) t = 1;
        if (factors >= 2) t += 1;
        size += t;
      }
    }
    if (terms == 0) return 1;
    return terms == 1 ? size : size + 1;
  }

 private:
  // Coefficients by degree in x, held in place: times() and add_to() never make more
  // than kMaxExponent + 1 of them, and a vector each cost the bound most of its time.
  class Poly {
   public:
    Poly() = default;
    Poly(std::initializer_list<long> c) : size_(c.size()) { std::ranges::copy(c, c_.begin()); }
    Poly(const Poly& p) : size_(p.size_) { std::copy_n(p.c_.begin(), size_, c_.begin()); }
    Poly& operator=(const Poly& p) {
      size_ = p.size_;
      std::copy_n(p.c_.begin(), size_, c_.begin());
      return *this;
    }
    ~Poly() = default;

    std::size_t size() const { return size_; }
    long& operator[](std::size_t i) { return c_[i]; }
    long operator[](std::size_t i) const { return c_[i]; }
    // Grows to n coefficients, the new ones 0; n is at most kMaxExponent + 1.
    void grow_to(std::size_t n) {
      std::fill(c_.begin() + static_cast<std::ptrdiff_t>(size_),
                c_.begin() + static_cast<std::ptrdiff_t>(n), 0);
      size_ = n;
    }

   private:
    std::array<long, kMaxExponent + 1> c_;  // only the first size_ are ever read
    std::size_t size_ = 0;
  };
  using Denominators = std::vector<std::pair<Expr, long>>;  // D and k of D^(-k), by node
  using Sum = std::vector<std::pair<Denominators, Poly>>;

  static bool add_to(Poly& a, const Poly& b) {
    if (a.size() < b.size()) a.grow_to(b.size());
    for (std::size_t i = 0; i < b.size(); ++i) {
      if (__builtin_add_overflow(a[i], b[i], &a[i])) return false;
    }
    return true;
  }

  static bool add_to(Sum& a, const Denominators& d, const Poly& p) {
    for (auto& [key, poly] : a) {
      if (key == d) return add_to(poly, p);
    }
    if (a.size() == kMaxTerms) return false;
    a.emplace_back(d, p);
    return true;
  }

  std::optional<Poly> times(const Poly& a, const Poly& b) {
    if (a.size() + b.size() > kMaxExponent + 2) return std::nullopt;
    work_ -= static_cast<long>(a.size() * b.size());
    if (work_ < 0) return std::nullopt;
    Poly c;
    c.grow_to(a.size() + b.size() - 1);
    for (std::size_t i = 0; i < a.size(); ++i) {
      for (std::size_t j = 0; j < b.size(); ++j) {
        long p = 0;
        if (__builtin_mul_overflow(a[i], b[j], &p) ||
            __builtin_add_overflow(c[i + j], p, &c[i + j])) {
          return std::nullopt;
        }
      }
    }
    return c;
  }

  static Denominators times(const Denominators& a, const Denominators& b) {
    Denominators c = a;
    for (const auto& power : b) {  // not a structured binding: clang 14 cannot capture one
      auto it = std::ranges::find_if(c, [&](const auto& x) { return x.first == power.first; });
      if (it != c.end()) {
        it->second += power.second;
      } else {
        c.push_back(power);
      }
    }
    std::ranges::sort(c,
                      [](const auto& x, const auto& y) { return x.first.node() < y.first.node(); });
    return c;
  }

  std::optional<Sum> times(const Sum& a, const Sum& b) {
    Sum c;
    for (const auto& [da, pa] : a) {
      for (const auto& [db, pb] : b) {
        std::optional<Poly> p = times(pa, pb);
        if (!p || !add_to(c, times(da, db), *p)) return std::nullopt;
      }
    }
    return c;
  }

  std::optional<Sum> convert(const Expr& e) {
    switch (e.kind()) {
      case Kind::Number: {
        if (!e.number().is_integer()) return std::nullopt;
        const std::optional<long> v = e.number().to_long();
        if (!v) return std::nullopt;
        return Sum{{{}, {*v}}};
      }
      case Kind::Symbol:
        if (x_.is_null()) x_ = e;
        if (e != x_) return std::nullopt;
        return Sum{{{}, {0, 1}}};
      case Kind::Add: {
        Sum sum;
        for (const Expr& t : e.args()) {
          std::optional<Sum> s = convert(t);
          if (!s) return std::nullopt;
          for (const auto& [d, p] : *s) {
            if (!add_to(sum, d, p)) return std::nullopt;
          }
        }
        return sum;
      }
      case Kind::Mul: {
        std::optional<Sum> product = convert(e.arg(0));
        for (std::size_t i = 1; product && i < e.args().size(); ++i) {
          std::optional<Sum> f = convert(e.arg(i));
          if (!f) return std::nullopt;
          product = times(*product, *f);
        }
        return product;
      }
      case Kind::Pow: {
        if (!e.exponent().is_integer()) return std::nullopt;
        const std::optional<long> n = e.exponent().number().to_long();
        if (!n || *n == 0 || *n > kMaxExponent || *n < -kMaxExponent) return std::nullopt;
        if (*n < 0) {  // a generator of expand(): the base must be written as it keeps it
          if (!e.base().is(Kind::Add) || !is_expanded(e.base())) return std::nullopt;
          return Sum{{{{e.base(), -*n}}, {1}}};
        }
        std::optional<Sum> base = convert(e.base());
        std::optional<Sum> power = base;
        for (long i = 1; power && i < *n; ++i) power = times(*power, *base);
        return power;
      }
      default: return std::nullopt;
    }
  }

  Expr x_;
  // Products of coefficients left before the expression is not judged: far more than
  // a derivative's expansion needs, far less than a large power of a sum would take.
  long work_ = 20'000;
};

}  // namespace

bool expansion_cannot_be_smaller(const Expr& e, double size) {
  std::optional<double> bound = product_bound(e);
  if (!bound || *bound < size) bound = SmallExpansion().size_of(e);
  return bound && *bound >= size;
}

}  // namespace leibniz
