// cancel over one generator: the same fractions, built by the same steps as the general
// path (cancel.cpp), in FLINT's dense univariate fmpq_poly, whose operations cost a
// few hundred instructions where the sparse multivariate ones cost thousands (a context
// per call, packed exponents, a factoring context of their own). Every step is exact and
// the answer (numerator over a monic denominator, in lowest terms) is unique, so both
// paths give the same expression; the bounds below keep this path to the sizes where the
// general one could not have stopped at a limit either. The small cases (most of them)
// run first in machine integers (cancel_machine_poly.h), the same steps again.
#include "leibniz/calculus/cancel_univariate.h"

#include <flint/fmpq.h>
#include <flint/fmpq_poly.h>
#include <flint/fmpz_poly.h>
#include <flint/fmpz_poly_factor.h>
#include <gmpxx.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <type_traits>
#include <utility>
#include <vector>

#include "leibniz/calculus/cancel_machine_poly.h"
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
  static UPoly one() {
    UPoly p;
    fmpq_poly_one(p.p_);
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

UPoly raised(const UPoly& base, unsigned long exponent) {
  UPoly p;
  fmpq_poly_pow(p.raw(), base.raw(), exponent);
  return p;
}

// den monic, num divided by the same.
void divide_by_leading_coefficient(UPoly& num, UPoly& den) {
  fmpq_t lead;
  fmpq_init(lead);
  fmpq_poly_get_coeff_fmpq(lead, den.raw(), den.degree());
  fmpq_poly_scalar_div_fmpq(num.raw(), num.raw(), lead);
  fmpq_poly_scalar_div_fmpq(den.raw(), den.raw(), lead);
  fmpq_clear(lead);
}

void divide_by_leading_coefficient(MachinePoly& num, MachinePoly& den) {
  const MachineRational inverse_lead = inverse(den.leading());
  num = scaled(num, inverse_lead);
  den = scaled(den, inverse_lead);
}

// What the bound Poly::pow checks before an integer power measures of a coefficient.
struct CoefficientSizes {
  double terms = 0;
  double numerator_bits = 0;    // the largest
  double denominator_bits = 0;  // summed
  void add(double numerator, double denominator) {
    terms += 1;
    numerator_bits = std::max(numerator_bits, numerator);
    denominator_bits += denominator;
  }
};

CoefficientSizes sizes(const UPoly& p) {
  CoefficientSizes s;
  fmpq_t c;
  fmpq_init(c);
  for (long k = 0; k <= p.degree(); ++k) {
    fmpq_poly_get_coeff_fmpq(c, p.raw(), k);
    if (fmpq_is_zero(c)) continue;
    auto log2_bound = [](const fmpz_t n) { return fmpz_is_pm1(n) ? 0.0 : double(fmpz_bits(n)); };
    s.add(log2_bound(fmpq_numref(c)), log2_bound(fmpq_denref(c)));
  }
  fmpq_clear(c);
  return s;
}

CoefficientSizes sizes(const MachinePoly& p) {
  CoefficientSizes s;
  for (long k = 0; k <= p.degree(); ++k) {
    const MachineRational& c = p.coefficient(k);
    if (c.num == 0) continue;
    auto log2_bound = [](std::int64_t n) {  // fmpz_bits: the bits of |n|
      const auto magnitude = static_cast<std::uint64_t>(n < 0 ? -n : n);
      return magnitude == 1 ? 0.0 : double(std::bit_width(magnitude));
    };
    s.add(log2_bound(c.num), log2_bound(c.den));
  }
  return s;
}

template <class P>
P power(const P& base, unsigned long exponent) {
  const CoefficientSizes s = sizes(base);
  const double bits = static_cast<double>(exponent) *
                      (std::log2(std::max(s.terms, 1.0)) + s.numerator_bits + s.denominator_bits);
  if (static_cast<double>(base.degree()) * static_cast<double>(exponent) > kMaxDegree ||
      bits > std::min(kMaxPowerBits, static_cast<double>(limits().max_number_bits))) {
    throw OutOfReach{};
  }
  return raised(base, exponent);
}

template <class P>
struct UFraction {
  P num;
  P den;
};

// P is UPoly (FLINT) or MachinePoly; both answer the same where the second does not
// overflow.
template <class P>
class OneGenerator {
 public:
  explicit OneGenerator(const Expr& generator) : generator_(generator) {
    fractions_.reserve(16);  // a derivative's fraction has about a dozen nodes
  }

  // The mirror of Canceller::convert_uncached (cancel.cpp), step for step, except that a
  // step by 1 (a sum of polynomials, a product by a polynomial) is left out: the same
  // fraction without the gcd, quotients and products by 1.
  const UFraction<P>& convert(const Expr& e) {
    tick();
    if (const std::size_t* known = memo_.find(e)) return fractions_[*known];
    UFraction<P> f = convert_uncached(e);
    memo_.insert(e, fractions_.size());
    fractions_.push_back(std::move(f));
    return fractions_.back();
  }

 private:
  UFraction<P> convert_uncached(const Expr& e) {
    if (e.is_number()) return {P::constant(e.number()), P::one()};
    if (e == generator_) return {P::generator(), P::one()};
    if (e.is(Kind::Add)) {
      UFraction<P> sum = convert(e.arg(0));
      for (std::size_t i = 1; i < e.args().size(); ++i) {
        const UFraction<P>& t = convert(e.arg(i));
        if (sum.den.is_one() && t.den.is_one()) {
          sum.num = sum.num + t.num;
          continue;
        }
        P g = gcd(sum.den, t.den);
        P sum_cofactor = divide_exact(t.den, g), term_cofactor = divide_exact(sum.den, g);
        sum.num = sum.num * sum_cofactor + t.num * term_cofactor;
        sum.den = sum.den * sum_cofactor;
      }
      return sum;
    }
    if (e.is(Kind::Mul)) {
      UFraction<P> product = convert(e.arg(0));
      for (std::size_t i = 1; i < e.args().size(); ++i) {
        const UFraction<P>& x = convert(e.arg(i));
        if (!x.num.is_one()) product.num = product.num * x.num;
        if (!x.den.is_one()) product.den = product.den * x.den;
      }
      return product;
    }
    if (!e.is(Kind::Pow) || !e.exponent().is_integer()) throw OutOfReach{};  // not scanned so
    auto n = e.exponent().number().to_long();
    if (!n || *n > 10'000 || *n < -10'000) throw OutOfReach{};  // the general path's "too large"
    const UFraction<P>& base = convert(e.base());
    const auto magnitude = static_cast<unsigned long>(*n < 0 ? -*n : *n);
    P num = power(base.num, magnitude), den = power(base.den, magnitude);
    if (*n < 0) return {std::move(den), std::move(num)};
    return {std::move(num), std::move(den)};
  }

  const Expr& generator_;
  NodeMap<std::size_t> memo_;  // the index of a node's fraction in fractions_
  // convert() returns a reference into it, which its callers use before they convert
  // again: it lives until the next push_back.
  std::vector<UFraction<P>> fractions_;
};

Number coefficient_number(const UPoly& p, long k) {
  mpq_class c;
  fmpq_poly_get_coeff_mpq(c.get_mpq_t(), p.raw(), k);
  return Number(std::move(c));
}

Number coefficient_number(const MachinePoly& p, long k) {
  const MachineRational& c = p.coefficient(k);
  return c.den == 1 ? Number(c.num) : Number::rational(c.num, c.den);  // the first canonical
}

// The coefficient as a number node.
Expr coefficient_expr(const UPoly& p, long k) { return number(coefficient_number(p, k)); }

Expr coefficient_expr(const MachinePoly& p, long k) {
  const MachineRational& c = p.coefficient(k);
  return c.den == 1 ? integer(c.num) : rational(c.num, c.den);  // small integers are cached
}

UPoly in_flint(const MachinePoly& p) {
  UPoly result;
  fmpq_t c;
  fmpq_init(c);
  for (long k = 0; k <= p.degree(); ++k) {
    fmpq_set_si(c, p.coefficient(k).num, static_cast<ulong>(p.coefficient(k).den));
    fmpq_poly_set_coeff_fmpq(result.raw(), k, c);
  }
  fmpq_clear(c);
  return result;
}

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
template <class P>
std::optional<Expr> written_directly(const P& p, const Expr& g) {
  if (split_power(g).first.is_number()) return std::nullopt;
  std::vector<Expr> terms;
  Expr constant_term;
  for (long k = 0; k <= p.degree(); ++k) {
    tick();
    const Expr coefficient = coefficient_expr(p, k);
    if (coefficient.is_zero()) continue;
    if (k == 0) {
      constant_term = coefficient;
      continue;
    }
    const Expr power = k == 1 ? g : pow(g, integer(k));
    if (coefficient.is_one()) {
      terms.push_back(power);
      continue;
    }
    const Expr factors[] = {coefficient, power};
    terms.push_back(detail::make_node(Kind::Mul, std::span<const Expr>(factors)));
  }
  std::sort(terms.begin(), terms.end(), storage_less);
  if (!constant_term.is_null()) terms.insert(terms.begin(), constant_term);
  if (terms.empty()) return integer(0);
  if (terms.size() == 1) return terms[0];
  return detail::make_node(Kind::Add, std::move(terms));
}

struct FlintFactor {
  UPoly factor;
  long multiplicity;
};

// p's irreducible factors over the rationals (fmpz_poly_factor): primitive integer
// polynomials with positive leading coefficients, each with its multiplicity.
std::vector<FlintFactor> rational_factors(const UPoly& p) {
  fmpz_poly_t integral;
  fmpz_poly_init(integral);
  fmpq_poly_get_numerator(integral, p.raw());
  fmpz_poly_factor_t factors;
  fmpz_poly_factor_init(factors);
  fmpz_poly_factor(factors, integral);
  std::vector<FlintFactor> result(static_cast<std::size_t>(factors->num));
  for (slong i = 0; i < factors->num; ++i) {
    fmpz_poly_struct* f = factors->p + i;
    if (fmpz_sgn(fmpz_poly_lead(f)) < 0) fmpz_poly_neg(f, f);
    FlintFactor& into = result[static_cast<std::size_t>(i)];
    fmpq_poly_set_fmpz_poly(into.factor.raw(), f);
    into.multiplicity = factors->exp[i];
  }
  fmpz_poly_factor_clear(factors);
  fmpz_poly_clear(integral);
  return result;
}

// p (in one generator, each factor written by `write`) factored over the rationals, as
// PolyContext::to_factored_expr writes it (FLINT's fmpq_mpoly_factor): a constant times
// primitive integer factors with positive leading coefficients, each to its multiplicity.
// The constant is p's leading coefficient over the product of theirs.
template <class P, class Write>
Expr factored(const P& p, const Write& write) {
  std::vector<Expr> parts(1);  // the constant first
  Number leads(1);
  for (const auto& [factor, multiplicity] : rational_factors(p)) {
    leads = leads * coefficient_number(factor, factor.degree()).pow(multiplicity);
    parts.push_back(pow(write(factor), integer(multiplicity)));
  }
  parts[0] = number(coefficient_number(p, p.degree()) / leads);
  return mul(parts);
}

// e as num/den in lowest terms, den monic; nullopt for a zero denominator.
template <class P>
std::optional<UFraction<P>> in_lowest_terms(const Expr& e, const Expr& generator) {
  OneGenerator<P> one(generator);
  const UFraction<P>& f = one.convert(e);
  if (f.den.is_zero()) return std::nullopt;
  const P g = gcd(f.num, f.den);
  UFraction<P> lowest{divide_exact(f.num, g), divide_exact(f.den, g)};
  divide_by_leading_coefficient(lowest.num, lowest.den);
  return lowest;
}

// The cancelled form of e, in the arithmetic P: num over den factored; nullopt for a
// zero denominator.
template <class P>
std::optional<Expr> cancelled(const Expr& e, const Expr& generator) {
  const auto lowest = in_lowest_terms<P>(e, generator);
  if (!lowest) return std::nullopt;
  std::optional<PolyContext> ctx;  // made only when a polynomial is not written directly
  const auto write = [&](const auto& p) {
    if (auto direct = written_directly(p, generator)) return *direct;
    if (!ctx) ctx.emplace(std::vector<Expr>{generator});
    if constexpr (std::is_same_v<std::decay_t<decltype(p)>, UPoly>) {
      return ctx->to_expr(to_poly(p, *ctx, 0));
    } else {
      return ctx->to_expr(to_poly(in_flint(p), *ctx, 0));
    }
  };
  Expr top = write(lowest->num);
  if (lowest->den.is_one()) return top;
  Expr denominator;
  if constexpr (std::is_same_v<P, MachinePoly>) {
    try {
      denominator = factored(lowest->den, write);
    } catch (const MachineOverflow&) {  // a squarefree part past the machine factoring
      denominator = factored(in_flint(lowest->den), write);
    }
  } else {
    denominator = factored(lowest->den, write);
  }
  return mul(top, pow(denominator, integer(-1)));
}

}  // namespace

std::optional<Expr> cancel_univariate(const Expr& e, const Expr& generator, std::size_t max_terms,
                                      UnivariateArithmetic arithmetic) {
  if (std::min(max_terms, limits().max_terms) <= static_cast<std::size_t>(kMaxDegree)) {
    return std::nullopt;
  }
  try {
    if (arithmetic != UnivariateArithmetic::flint_only) {
      try {
        return cancelled<MachinePoly>(e, generator);
      } catch (const MachineOverflow&) {
        if (arithmetic == UnivariateArithmetic::machine_integers_only) return std::nullopt;
      }
    }
    free_flint_caches_at_thread_exit();  // only here: the machine path needs no FLINT
    return cancelled<UPoly>(e, generator);
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
  free_flint_caches_at_thread_exit();
  std::vector<UPoly> univariate = coefficients_in(p, ctx, g);
  return factored(univariate.at(0),
                  [&](const UPoly& q) { return ctx.to_expr(to_poly(q, ctx, g)); });
}

Poly gcd_in_one_generator(const Poly& a, const Poly& b, const PolyContext& ctx, std::size_t g) {
  free_flint_caches_at_thread_exit();
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
