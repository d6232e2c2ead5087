// cancel over one generator: the same fractions, built by the same steps as the general
// path (cancel.cpp), in FLINT's dense univariate fmpq_poly, whose operations cost a
// few hundred instructions where the sparse multivariate ones cost thousands (a context
// per call, packed exponents, a factoring context of their own). Every step is exact and
// the answer (numerator over a monic denominator, in lowest terms) is unique, so both
// paths give the same expression; the bounds below keep this path to the sizes where the
// general one could not have stopped at a limit either.
#include "leibniz/calculus/cancel_univariate.h"

#include <flint/fmpq.h>
#include <flint/fmpq_poly.h>
#include <flint/fmpz_poly.h>
#include <flint/fmpz_poly_factor.h>
#include <gmpxx.h>

#include <algorithm>
#include <cmath>
#include <deque>
#include <functional>
#include <utility>
#include <vector>

#include "leibniz/calculus/polynomial.h"
#include "leibniz/core/limits.h"
#include "leibniz/core/thread_caches.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/node_map.h"

namespace leibniz {
namespace {

// Degrees up to this stay here. With at most kMaxDegree + 1 terms per polynomial, no
// term limit of the general path (max_terms, limits().max_terms) can be reached when
// both are above it.
constexpr long kMaxDegree = 256;
// An integer power's coefficients, estimated as the general path does (Poly::pow), up
// to this many bits stay here.
constexpr double kMaxPowerBits = 16'384;

struct OutOfReach {};  // the general path takes over

class UPoly {
 public:
  UPoly() { fmpq_poly_init(p_); }
  ~UPoly() { fmpq_poly_clear(p_); }
  UPoly(const UPoly& other) : UPoly() { fmpq_poly_set(p_, other.p_); }
  UPoly(UPoly&& other) noexcept : UPoly() { fmpq_poly_swap(p_, other.p_); }
  UPoly& operator=(UPoly&& other) noexcept {
    fmpq_poly_swap(p_, other.p_);
    return *this;
  }
  UPoly& operator=(const UPoly& other) {
    fmpq_poly_set(p_, other.p_);
    return *this;
  }

  static UPoly constant(const Number& value) {
    UPoly p;
    fmpq_poly_set_mpq(p.p_, value.exact().get_mpq_t());
    return p;
  }
  static UPoly generator() {
    UPoly p;
    fmpq_poly_set_coeff_si(p.p_, 1, 1);
    return p;
  }

  long degree() const { return fmpq_poly_degree(p_); }
  bool is_zero() const { return fmpq_poly_is_zero(p_) != 0; }
  bool is_one() const { return fmpq_poly_is_one(p_) != 0; }
  fmpq_poly_struct* raw() { return p_; }
  const fmpq_poly_struct* raw() const { return p_; }

 private:
  fmpq_poly_t p_;
};

UPoly operator*(const UPoly& a, const UPoly& b) {
  if (a.degree() + b.degree() > kMaxDegree) throw OutOfReach{};
  UPoly p;
  fmpq_poly_mul(p.raw(), a.raw(), b.raw());
  return p;
}

UPoly operator+(const UPoly& a, const UPoly& b) {
  UPoly p;
  fmpq_poly_add(p.raw(), a.raw(), b.raw());
  return p;
}

UPoly gcd(const UPoly& a, const UPoly& b) {  // monic, like fmpq_mpoly_gcd
  UPoly g;
  fmpq_poly_gcd(g.raw(), a.raw(), b.raw());
  return g;
}

UPoly divide_exact(const UPoly& a, const UPoly& divisor) {
  UPoly q;
  fmpq_poly_div(q.raw(), a.raw(), divisor.raw());
  return q;
}

// The bound Poly::pow checks before an integer power, for the same polynomial.
double power_bits(const UPoly& base, unsigned long exponent) {
  double terms = 0, denominator_bits = 0, numerator_bits = 0;
  fmpq_t c;
  fmpq_init(c);
  for (long k = 0; k <= base.degree(); ++k) {
    fmpq_poly_get_coeff_fmpq(c, base.raw(), k);
    if (fmpq_is_zero(c)) continue;
    terms += 1;
    auto log2_bound = [](const fmpz_t n) { return fmpz_is_pm1(n) ? 0.0 : double(fmpz_bits(n)); };
    denominator_bits += log2_bound(fmpq_denref(c));
    numerator_bits = std::max(numerator_bits, log2_bound(fmpq_numref(c)));
  }
  fmpq_clear(c);
  return static_cast<double>(exponent) *
         (std::log2(std::max(terms, 1.0)) + numerator_bits + denominator_bits);
}

UPoly power(const UPoly& base, unsigned long exponent) {
  if (static_cast<double>(base.degree()) * static_cast<double>(exponent) > kMaxDegree ||
      power_bits(base, exponent) >
          std::min(kMaxPowerBits, static_cast<double>(limits().max_number_bits))) {
    throw OutOfReach{};
  }
  UPoly p;
  fmpq_poly_pow(p.raw(), base.raw(), exponent);
  return p;
}

struct UFraction {
  UPoly num;
  UPoly den;
};

class OneGenerator {
 public:
  explicit OneGenerator(const Expr& generator) : generator_(generator) {}

  // The mirror of Canceller::convert_uncached (cancel.cpp), step for step, except that a
  // step by 1 (a sum of polynomials, a product by a polynomial) is left out: the same
  // fraction without the gcd, quotients and products by 1.
  const UFraction& convert(const Expr& e) {
    tick();
    if (const std::size_t* known = memo_.find(e)) return fractions_[*known];
    UFraction f = convert_uncached(e);
    memo_.insert(e, fractions_.size());
    fractions_.push_back(std::move(f));
    return fractions_.back();
  }

 private:
  UFraction convert_uncached(const Expr& e) {
    if (e.is_number()) return {UPoly::constant(e.number()), UPoly::constant(Number(1))};
    if (e == generator_) return {UPoly::generator(), UPoly::constant(Number(1))};
    if (e.is(Kind::Add)) {
      UFraction sum = convert(e.arg(0));
      for (std::size_t i = 1; i < e.args().size(); ++i) {
        const UFraction& t = convert(e.arg(i));
        if (sum.den.is_one() && t.den.is_one()) {
          sum.num = sum.num + t.num;
          continue;
        }
        UPoly g = gcd(sum.den, t.den);
        UPoly sum_cofactor = divide_exact(t.den, g), term_cofactor = divide_exact(sum.den, g);
        sum.num = sum.num * sum_cofactor + t.num * term_cofactor;
        sum.den = sum.den * sum_cofactor;
      }
      return sum;
    }
    if (e.is(Kind::Mul)) {
      UFraction product = convert(e.arg(0));
      for (std::size_t i = 1; i < e.args().size(); ++i) {
        const UFraction& x = convert(e.arg(i));
        if (!x.num.is_one()) product.num = product.num * x.num;
        if (!x.den.is_one()) product.den = product.den * x.den;
      }
      return product;
    }
    if (!e.is(Kind::Pow) || !e.exponent().is_integer()) throw OutOfReach{};  // not scanned so
    auto n = e.exponent().number().to_long();
    if (!n || *n > 10'000 || *n < -10'000) throw OutOfReach{};  // the general path's "too large"
    const UFraction& base = convert(e.base());
    const auto magnitude = static_cast<unsigned long>(*n < 0 ? -*n : *n);
    UPoly num = power(base.num, magnitude), den = power(base.den, magnitude);
    if (*n < 0) return {std::move(den), std::move(num)};
    return {std::move(num), std::move(den)};
  }

  const Expr& generator_;
  NodeMap<std::size_t> memo_;        // the index of a node's fraction in fractions_
  std::deque<UFraction> fractions_;  // stays in place as it grows: convert() refers into it
};

// The polynomial in the context's generator `g`, for its to_expr.
Poly to_poly(const UPoly& p, const PolyContext& ctx, std::size_t g) {
  Poly result(ctx);
  std::vector<ulong> exponents(std::max<std::size_t>(ctx.size(), 1), 0);
  fmpq_t c;
  fmpq_init(c);
  for (long k = 0; k <= p.degree(); ++k) {
    fmpq_poly_get_coeff_fmpq(c, p.raw(), k);
    if (fmpq_is_zero(c)) continue;
    exponents[g] = static_cast<ulong>(k);
    fmpq_mpoly_set_coeff_fmpq_ui(result.raw(), c, exponents.data(), ctx.raw());
  }
  fmpq_clear(c);
  return result;
}

// PolyContext({g}).to_expr(p) written from the dense coefficients, without the sparse
// polynomial between: the same nodes (cancel_test compares them), built as its path for
// canonical monomials builds them: coefficient first in a term, terms in storage order
// after the constant. Only for a generator whose base is not a number (that path's
// condition); nullopt otherwise.
std::optional<Expr> written_directly(const UPoly& p, const Expr& g) {
  if (split_power(g).first.is_number()) return std::nullopt;
  std::vector<Expr> terms;
  Expr constant_term;
  mpq_class c;
  for (long k = 0; k <= p.degree(); ++k) {
    tick();
    fmpq_poly_get_coeff_mpq(c.get_mpq_t(), p.raw(), k);
    if (c == 0) continue;
    const Number coefficient(c);
    if (k == 0) {
      constant_term = number(coefficient);
      continue;
    }
    const Expr power = k == 1 ? g : pow(g, number(Number(mpq_class(mpz_class(k)))));
    if (coefficient.is_one()) {
      terms.push_back(power);
      continue;
    }
    const Expr factors[] = {number(coefficient), power};
    terms.push_back(detail::make_node(Kind::Mul, std::span<const Expr>(factors)));
  }
  std::sort(terms.begin(), terms.end(), storage_less);
  if (!constant_term.is_null()) terms.insert(terms.begin(), constant_term);
  if (terms.empty()) return integer(0);
  if (terms.size() == 1) return terms[0];
  return detail::make_node(Kind::Add, std::move(terms));
}

// How factored() writes a polynomial in its one generator.
using Writer = std::function<Expr(const UPoly&)>;

// p (in one generator, each factor written by `write`) factored over the rationals, as
// PolyContext::to_factored_expr writes it (FLINT's fmpq_mpoly_factor): a constant times
// primitive integer factors with positive leading coefficients, each to its multiplicity.
// The constant is p's leading coefficient over the product of theirs.
Expr factored(const UPoly& p, const Writer& write) {
  fmpz_poly_t integral;
  fmpz_poly_init(integral);
  fmpq_poly_get_numerator(integral, p.raw());
  fmpz_poly_factor_t factors;
  fmpz_poly_factor_init(factors);
  fmpz_poly_factor(factors, integral);
  std::vector<Expr> parts;
  mpz_class leads = 1;
  for (slong i = 0; i < factors->num; ++i) {
    fmpz_poly_struct* f = factors->p + i;
    if (fmpz_sgn(fmpz_poly_lead(f)) < 0) fmpz_poly_neg(f, f);
    mpz_class lead;
    fmpz_get_mpz(lead.get_mpz_t(), fmpz_poly_lead(f));
    for (slong k = 0; k < factors->exp[i]; ++k) leads *= lead;
    UPoly factor;
    fmpq_poly_set_fmpz_poly(factor.raw(), f);
    parts.push_back(pow(write(factor), integer(factors->exp[i])));
  }
  mpq_class constant;
  fmpq_poly_get_coeff_mpq(constant.get_mpq_t(), p.raw(), p.degree());
  constant /= leads;
  parts.insert(parts.begin(), number(Number(constant)));
  fmpz_poly_factor_clear(factors);
  fmpz_poly_clear(integral);
  return mul(parts);
}

}  // namespace

std::optional<Expr> cancel_univariate(const Expr& e, const Expr& generator, std::size_t max_terms) {
  if (std::min(max_terms, limits().max_terms) <= static_cast<std::size_t>(kMaxDegree)) {
    return std::nullopt;
  }
  free_library_caches_at_thread_exit();
  try {
    OneGenerator one(generator);
    UFraction f = one.convert(e);
    if (f.den.is_zero()) return std::nullopt;
    const UPoly g = gcd(f.num, f.den);
    UPoly num = divide_exact(f.num, g), den = divide_exact(f.den, g);
    fmpq_t lead;
    fmpq_init(lead);
    fmpq_poly_get_coeff_fmpq(lead, den.raw(), den.degree());
    fmpq_poly_scalar_div_fmpq(num.raw(), num.raw(), lead);
    fmpq_poly_scalar_div_fmpq(den.raw(), den.raw(), lead);
    fmpq_clear(lead);
    std::optional<PolyContext> ctx;  // made only when a polynomial is not written directly
    const Writer write = [&](const UPoly& p) {
      if (auto direct = written_directly(p, generator)) return *direct;
      if (!ctx) ctx.emplace(std::vector<Expr>{generator});
      return ctx->to_expr(to_poly(p, *ctx, 0));
    };
    Expr top = write(num);
    if (den.is_one()) return top;
    return mul(top, pow(factored(den, write), integer(-1)));
  } catch (const OutOfReach&) {
    return std::nullopt;
  }
}

namespace {

// p, a polynomial of ctx, as polynomials in its generator g, one for each monomial in the
// other generators (in the order the terms first show them).
std::vector<UPoly> coefficients_in(const Poly& p, const PolyContext& ctx, std::size_t g) {
  std::vector<std::vector<ulong>> others;  // each group's exponents of the other generators
  std::vector<UPoly> groups;
  std::vector<ulong> exponents(ctx.size());
  fmpq_t c;
  fmpq_init(c);
  for (slong i = 0; i < fmpq_mpoly_length(p.raw(), ctx.raw()); ++i) {
    fmpq_mpoly_get_term_coeff_fmpq(c, p.raw(), i, ctx.raw());
    fmpq_mpoly_get_term_exp_ui(exponents.data(), p.raw(), i, ctx.raw());
    const auto k = static_cast<slong>(exponents[g]);
    exponents[g] = 0;
    auto at = std::ranges::find(others, exponents);
    if (at == others.end()) {
      others.push_back(exponents);
      groups.emplace_back();
      at = others.end() - 1;
    }
    fmpq_poly_set_coeff_fmpq(groups[static_cast<std::size_t>(at - others.begin())].raw(), k, c);
  }
  fmpq_clear(c);
  return groups;
}

}  // namespace

Expr factored_in_one_generator(const Poly& p, const PolyContext& ctx, std::size_t g) {
  free_library_caches_at_thread_exit();
  std::vector<UPoly> univariate = coefficients_in(p, ctx, g);
  return factored(univariate.at(0),
                  [&](const UPoly& q) { return ctx.to_expr(to_poly(q, ctx, g)); });
}

Poly gcd_in_one_generator(const Poly& a, const Poly& b, const PolyContext& ctx, std::size_t g) {
  free_library_caches_at_thread_exit();
  std::vector<UPoly> of_b = coefficients_in(b, ctx, g);
  // gcd(a, b) divides b, so it lies in g alone and divides each coefficient of a.
  UPoly common = std::move(of_b.at(0));
  const std::vector<UPoly> of_a = coefficients_in(a, ctx, g);
  if (of_a.empty()) common = gcd(common, UPoly());  // a = 0: b made monic
  for (const UPoly& part : of_a) {
    common = gcd(common, part);
    if (common.degree() == 0) break;
  }
  if (common.degree() == 0) return Poly::constant(ctx, Number(1));
  return to_poly(common, ctx, g);
}

}  // namespace leibniz
