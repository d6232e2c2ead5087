#include "leibniz/calculus/polynomial.h"

#include <flint/fmpq.h>
#include <flint/fmpq_mpoly_factor.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <unordered_set>

#include "leibniz/core/error.h"
#include "leibniz/core/limits.h"
#include "leibniz/core/thread_caches.h"
#include "leibniz/expr/builders.h"

namespace leibniz {
namespace {

Number to_number(const fmpq_t q) {
  mpq_class value;
  fmpq_get_mpq(value.get_mpq_t(), q);
  return Number(value);
}

void check_terms(double bound, const char* what) {
  if (bound > static_cast<double>(limits().max_terms)) {
    throw TermLimitExceeded(fmt::format("{} could have about {:.3g} terms; the limit is {}", what,
                                        bound, limits().max_terms));
  }
}

// The whole expansion in bits, at most: (x + y)^(5^9) has only 2 million terms, but
// coefficients of up to 2 million bits each (about 240 GB).
constexpr double kMaxPolynomialBits = 0x1p33;  // 1 GiB

// C(n + k, k): monomials of total degree <= n in k variables.
double monomials_up_to(double degree, std::size_t variables) {
  double result = 1;
  for (std::size_t i = 1; i <= variables; ++i) {
    result *= (degree + static_cast<double>(i)) / static_cast<double>(i);
    if (result > 1e300) return 1e300;
  }
  return result;
}

}  // namespace

double product_terms_bound(double length_a, double length_b, double degree_sum,
                           std::size_t variables) {
  return std::min(length_a * length_b, monomials_up_to(degree_sum, variables));
}

Poly::Poly(const PolyContext& ctx) : ctx_(&ctx) { fmpq_mpoly_init(p_, ctx.raw()); }

Poly::Poly(Poly&& other) noexcept : ctx_(other.ctx_) {
  fmpq_mpoly_init(p_, ctx_->raw());
  fmpq_mpoly_swap(p_, other.p_, ctx_->raw());
}

Poly& Poly::operator=(Poly&& other) noexcept {
  fmpq_mpoly_swap(p_, other.p_, ctx_->raw());
  return *this;
}

Poly::~Poly() { fmpq_mpoly_clear(p_, ctx_->raw()); }

Poly Poly::constant(const PolyContext& ctx, const Number& value) {
  LZ_ASSERT(value.is_exact(), "polynomial with a float coefficient");
  Poly p(ctx);
  fmpq_t q;
  fmpq_init(q);
  fmpq_set_mpq(q, value.exact().get_mpq_t());
  fmpq_mpoly_set_fmpq(p.p_, q, ctx.raw());
  fmpq_clear(q);
  return p;
}

Poly Poly::generator(const PolyContext& ctx, std::size_t index) {
  Poly p(ctx);
  fmpq_mpoly_gen(p.p_, static_cast<slong>(index), ctx.raw());
  return p;
}

Poly Poly::copy() const {
  Poly p(*ctx_);
  fmpq_mpoly_set(p.p_, p_, ctx_->raw());
  return p;
}

Poly Poly::operator+(const Poly& other) const {
  Poly p(*ctx_);
  fmpq_mpoly_add(p.p_, p_, other.p_, ctx_->raw());
  return p;
}

Poly Poly::operator*(const Poly& other) const {
  check_time();
  check_terms(product_terms_bound(
                  static_cast<double>(length()), static_cast<double>(other.length()),
                  // in doubles: degrees up to LONG_MAX each (x^(2^62))
                  static_cast<double>(total_degree()) + static_cast<double>(other.total_degree()),
                  ctx_->size()),
              "the product");
  Poly p(*ctx_);
  fmpq_mpoly_mul(p.p_, p_, other.p_, ctx_->raw());
  return p;
}

Poly Poly::pow(unsigned long exponent) const {
  check_time();
  const double k = static_cast<double>(length());
  // Multinomial count C(n + k - 1, k - 1), and the dense bound.
  double multinomial = 1;
  for (double i = 1; i < k && multinomial < 1e300; ++i) {
    multinomial *= (static_cast<double>(exponent) + i) / i;
  }
  const double dense = monomials_up_to(
      static_cast<double>(exponent) * static_cast<double>(std::max(total_degree(), 0L)),
      ctx_->size());
  const double terms = std::min(multinomial, dense);
  check_terms(terms, "the expanded power");
  // Its coefficients' size: |numerators| <= (k·max|a|)^n, the denominator <= (Π den)^n.
  double denominator_bits = 0, numerator_bits = 0;
  fmpq_t c;
  fmpq_init(c);
  for (slong i = 0; i < fmpq_mpoly_length(p_, ctx_->raw()); ++i) {
    fmpq_mpoly_get_term_coeff_fmpq(c, p_, i, ctx_->raw());
    // log2|n| < bits(n), and 0 for ±1
    auto log2_bound = [](const fmpz_t n) { return fmpz_is_pm1(n) ? 0.0 : double(fmpz_bits(n)); };
    denominator_bits += log2_bound(fmpq_denref(c));
    numerator_bits = std::max(numerator_bits, log2_bound(fmpq_numref(c)));
  }
  fmpq_clear(c);
  const double coefficient_bits = static_cast<double>(exponent) *
                                  (std::log2(std::max(k, 1.0)) + numerator_bits + denominator_bits);
  if (coefficient_bits > static_cast<double>(limits().max_number_bits) ||
      coefficient_bits * terms > kMaxPolynomialBits) {
    throw TermLimitExceeded(fmt::format(
        "the expanded power could have coefficients of about {:.3g} bits in {:.3g} terms; the "
        "limits are {} bits a number and {:.3g} bits in all",
        coefficient_bits, terms, limits().max_number_bits, kMaxPolynomialBits));
  }
  Poly p(*ctx_);
  if (!fmpq_mpoly_pow_ui(p.p_, p_, exponent, ctx_->raw())) {
    throw TermLimitExceeded("the expanded power has exponents beyond the limit");
  }
  return p;
}

Poly Poly::gcd(const Poly& other) const {
  check_time();
  Poly g(*ctx_);
  if (!fmpq_mpoly_gcd(g.p_, p_, other.p_, ctx_->raw())) {
    throw Error(ErrorKind::Limit, "the polynomial gcd could not be computed");
  }
  return g;
}

Poly Poly::divide_exact(const Poly& divisor) const {
  Poly q(*ctx_);
  const int exact = fmpq_mpoly_divides(q.p_, p_, divisor.p_, ctx_->raw());
  LZ_ASSERT(exact, "inexact polynomial division");
  return q;
}

std::size_t Poly::length() const {
  return static_cast<std::size_t>(fmpq_mpoly_length(p_, ctx_->raw()));
}
long Poly::total_degree() const { return fmpq_mpoly_total_degree_si(p_, ctx_->raw()); }
bool Poly::is_zero() const { return fmpq_mpoly_is_zero(p_, ctx_->raw()); }
bool Poly::is_one() const { return fmpq_mpoly_is_one(p_, ctx_->raw()); }

Number Poly::leading_coefficient() const {
  if (is_zero()) return Number(0);
  fmpq_t c;
  fmpq_init(c);
  fmpq_mpoly_get_term_coeff_fmpq(c, p_, 0, ctx_->raw());
  Number result = to_number(c);
  fmpq_clear(c);
  return result;
}

Poly Poly::scaled(const Number& factor) const {
  Poly p(*ctx_);
  fmpq_t q;
  fmpq_init(q);
  fmpq_set_mpq(q, factor.exact().get_mpq_t());
  fmpq_mpoly_scalar_mul_fmpq(p.p_, p_, q, ctx_->raw());
  fmpq_clear(q);
  return p;
}

namespace {

// A FLINT context depends only on the number of variables and the ordering, and takes
// about 10,000 instructions to set up, more than a small cancel's arithmetic: each thread
// keeps one per number of variables, read-only once made (no heap of its own).
class ThreadContexts {
 public:
  ThreadContexts() = default;
  ThreadContexts(const ThreadContexts&) = delete;
  ThreadContexts& operator=(const ThreadContexts&) = delete;
  ~ThreadContexts() {
    for (auto& c : contexts_) {
      if (c) fmpq_mpoly_ctx_clear(c.get());
    }
  }

  fmpq_mpoly_ctx_struct* get(std::size_t variables) {
    if (variables >= contexts_.size()) contexts_.resize(variables + 1);
    auto& c = contexts_[variables];
    if (!c) {
      c = std::make_unique<fmpq_mpoly_ctx_struct>();
      fmpq_mpoly_ctx_init(c.get(), static_cast<slong>(variables), ORD_DEGREVLEX);
    }
    return c.get();
  }

 private:
  std::vector<std::unique_ptr<fmpq_mpoly_ctx_struct>> contexts_;
};

fmpq_mpoly_ctx_struct* thread_context(std::size_t variables) {
  thread_local ThreadContexts contexts;
  return contexts.get(variables);
}

}  // namespace

PolyContext::PolyContext(std::vector<Expr> generators)
    : generators_(std::move(generators)),
      ctx_(thread_context(std::max<std::size_t>(generators_.size(), 1))) {
  free_flint_caches_at_thread_exit();
}

PolyContext::~PolyContext() = default;

// True when every monomial over the generators is already canonical as written:
// distinct, non-numeric bases, so that no two factors of a term can combine.
bool PolyContext::monomials_are_canonical() const {
  if (canonical_monomials_) return *canonical_monomials_;
  std::unordered_set<const Node*> bases;
  bool ok = true;
  for (const Expr& g : generators_) {
    const Expr base = split_power(g).first;
    ok = ok && !base.is_number() && bases.insert(base.node()).second;
  }
  canonical_monomials_ = ok;
  return ok;
}

Expr PolyContext::generator_power(std::size_t g, ulong k) const {
  auto [it, inserted] = powers_.try_emplace({g, k});
  if (inserted)
    it->second =
        k == 1 ? generators_[g] : pow(generators_[g], number(Number(mpq_class(mpz_class(k)))));
  return it->second;
}

// A monomial with an exponent past a machine word (products of huge powers), exactly.
void PolyContext::big_exponent_factors(const Poly& p, slong term,
                                       std::vector<Expr>& factors) const {
  const std::size_t count = std::max<std::size_t>(generators_.size(), 1);
  std::vector<fmpz> storage(count);
  std::vector<fmpz*> exps(count);
  for (std::size_t g = 0; g < count; ++g) {
    fmpz_init(&storage[g]);
    exps[g] = &storage[g];
  }
  fmpq_mpoly_get_term_exp_fmpz(exps.data(), p.raw(), term, ctx_);
  for (std::size_t g = 0; g < generators_.size(); ++g) {
    if (fmpz_is_zero(exps[g])) continue;
    mpz_class k;
    fmpz_get_mpz(k.get_mpz_t(), exps[g]);
    factors.push_back(pow(generators_[g], number(Number(mpq_class(k)))));
  }
  for (fmpz& e : storage) fmpz_clear(&e);
}

Expr PolyContext::to_expr(const Poly& p) const {
  const slong n = fmpq_mpoly_length(p.raw(), ctx_);
  std::vector<ulong> exps(std::max<std::size_t>(generators_.size(), 1));
  fmpq_t c;
  fmpq_init(c);
  std::vector<Expr> terms;
  terms.reserve(static_cast<std::size_t>(n));
  std::vector<Expr> factors;
  const bool raw = monomials_are_canonical();
  Expr constant_term;
  for (slong i = 0; i < n; ++i) {
    tick();
    fmpq_mpoly_get_term_coeff_fmpq(c, p.raw(), i, ctx_);
    factors.clear();
    if (fmpq_mpoly_term_exp_fits_ui(p.raw(), i, ctx_)) {
      fmpq_mpoly_get_term_exp_ui(exps.data(), p.raw(), i, ctx_);
      for (std::size_t g = 0; g < generators_.size(); ++g) {
        if (exps[g] != 0) factors.push_back(generator_power(g, exps[g]));
      }
    } else {
      big_exponent_factors(p, i, factors);
    }
    const Number coefficient = to_number(c);
    if (!raw) {
      factors.push_back(number(coefficient));
      terms.push_back(mul(factors));
      continue;
    }
    // Distinct monomials with canonical factors: build the nodes directly.
    if (factors.empty()) {
      constant_term = number(coefficient);
      continue;
    }
    if (factors.size() == 1 && coefficient.is_one()) {
      terms.push_back(factors[0]);
      continue;
    }
    std::sort(factors.begin(), factors.end(), storage_less);
    if (!coefficient.is_one()) factors.insert(factors.begin(), number(coefficient));
    terms.push_back(detail::make_node(Kind::Mul, factors));
  }
  fmpq_clear(c);
  if (!raw) return add(terms);
  std::sort(terms.begin(), terms.end(), storage_less);
  if (!constant_term.is_null()) terms.insert(terms.begin(), constant_term);
  if (terms.empty()) return integer(0);
  if (terms.size() == 1) return terms[0];
  return detail::make_node(Kind::Add, std::move(terms));
}

Expr PolyContext::to_factored_expr(const Poly& p) const {
  fmpq_mpoly_factor_t f;
  fmpq_mpoly_factor_init(f, ctx_);
  if (!fmpq_mpoly_factor(f, p.raw(), ctx_)) {
    fmpq_mpoly_factor_clear(f, ctx_);
    return to_expr(p);
  }
  std::vector<Expr> factors{number(to_number(f->constant))};
  for (slong i = 0; i < f->num; ++i) {
    Poly factor(*this);
    fmpq_mpoly_set(factor.raw(), f->poly + i, ctx_);
    const long multiplicity = fmpz_get_si(f->exp + i);
    factors.push_back(pow(to_expr(factor), integer(multiplicity)));
  }
  fmpq_mpoly_factor_clear(f, ctx_);
  return mul(factors);
}

}  // namespace leibniz
