// The Risch–Norman answer written back in the integrand's functions
// (integrate_risch_norman_forms.h). sin and cos: see HalfAngleSinCos. sinh and cosh: for
// θ = e^w and p with lowest and highest powers θˡ, θʰ, l + h = 2k even, p/θᵏ pairs
// c₊·e^(s·w) + c₋·e^(−s·w) = (c₊ + c₋)·cosh(s·w) + (c₊ − c₋)·sinh(s·w) (−cosh(x)/(x + cosh(x)),
// not (−e^(2x)/2 − 1/2)/(x·eˣ + e^(2x)/2 + 1/2)), kept when no larger.
#include "leibniz/calculus/integrate_risch_norman_forms.h"

#include <flint/fmpq.h>
#include <flint/fmpq_mpoly.h>

#include <algorithm>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "leibniz/calculus/expand.h"
#include "leibniz/calculus/integrate_rules.h"
#include "leibniz/calculus/simplify.h"
#include "leibniz/expr/builders.h"

namespace leibniz::integration {
namespace {

// f(exponents, coefficient) for each term of p.
template <class F>
void for_each_kernel_term(const Poly& p, const PolyContext& ctx, F&& f) {
  std::vector<ulong> exponents(ctx.size());
  fmpq_t c;
  fmpq_init(c);
  for (slong i = 0; i < fmpq_mpoly_length(p.raw(), ctx.raw()); ++i) {
    fmpq_mpoly_get_term_exp_ui(exponents.data(), p.raw(), i, ctx.raw());
    fmpq_mpoly_get_term_coeff_fmpq(c, p.raw(), i, ctx.raw());
    mpq_class value;
    fmpq_get_mpq(value.get_mpq_t(), c);
    f(exponents, value);
  }
  fmpq_clear(c);
}

// sin u and cos u back for t = tan(u/2): t^(2a) = (1 − cos u)^a/(1 + cos u)^a and
// t^(2a+1) = sin u·(1 − cos u)^a/(1 + cos u)^(a+1), so 2^m·p/(1 + t²)^m, with m the
// largest ⌈j/2⌉ of p's powers tʲ, is a polynomial in sin u and cos u (1 + t² =
// 2/(1 + cos u)). One m per half angle.
// A sum over the gcd of its terms' coefficients (ln|4x + 4·sin x·cos x| is
// ln|x + sin x·cos x| up to a constant).
Expr without_content(const Expr& sum) {
  if (!sum.is(Kind::Add)) return sum;
  mpz_class numerator = 0, denominator = 1;
  for (const Expr& term : sum.args()) {
    const Number c = split_coefficient(term).first;
    if (!c.is_exact()) return sum;
    mpz_gcd(numerator.get_mpz_t(), numerator.get_mpz_t(), c.exact().get_num_mpz_t());
    mpz_lcm(denominator.get_mpz_t(), denominator.get_mpz_t(), c.exact().get_den_mpz_t());
  }
  if (numerator == 0 || (numerator == 1 && denominator == 1)) return sum;
  return expand(div(sum, number(Number(mpq_class(numerator, denominator)))));
}

class HalfAngleSinCos {
 public:
  explicit HalfAngleSinCos(const KernelTower& tower) : tower_(tower) {}

  bool applies() const { return !tower_.half_angles().empty(); }

  std::vector<long> powers(const Poly& p) const {
    std::vector<long> m(tower_.half_angles().size(), 0);
    for_each_kernel_term(
        p, tower_.context(), [&](const std::vector<ulong>& exponents, const mpq_class&) {
          for (std::size_t k = 0; k < m.size(); ++k) {
            const auto j = static_cast<long>(exponents[tower_.half_angles()[k].kernel]);
            m[k] = std::max(m[k], (j + 1) / 2);
          }
        });
    return m;
  }

  Expr rewritten(const Poly& p, const std::vector<long>& m) const {
    const PolyContext& ctx = tower_.context();
    std::vector<Expr> terms;
    for_each_kernel_term(
        p, tower_.context(), [&](const std::vector<ulong>& exponents, const mpq_class& c) {
          std::vector<Expr> factors{number(Number(c))};
          for (std::size_t i = 0; i < exponents.size(); ++i) {
            if (exponents[i] == 0) continue;
            const auto k = half_angle_of(i);
            if (!k) {
              factors.push_back(pow(ctx.generator(i), static_cast<long>(exponents[i])));
              continue;
            }
            const Expr& u = tower_.half_angles()[*k].angle;
            const auto j = static_cast<long>(exponents[i]);
            const long a = j / 2;
            if (j % 2 == 1) factors.push_back(func(Fn::Sin, u));
            factors.push_back(pow(sub(integer(1), func(Fn::Cos, u)), a));
            factors.push_back(pow(add(integer(1), func(Fn::Cos, u)), m[*k] - a - j % 2));
          }
          // the kernels with tʲ, j = 0, still give (1 + cos u)^m
          for (std::size_t k = 0; k < m.size(); ++k) {
            if (exponents[tower_.half_angles()[k].kernel] == 0) {
              factors.push_back(
                  pow(add(integer(1), func(Fn::Cos, tower_.half_angles()[k].angle)), m[k]));
            }
          }
          terms.push_back(mul(factors));
        });
    return expand(add(terms));
  }

  // ln(1 + cos u) for each half angle: ln(1 + t²) = ln 2 − ln(1 + cos u).
  Expr log_of_one_plus_cos(std::size_t k) const {
    return ln_abs(add(integer(1), func(Fn::Cos, tower_.half_angles()[k].angle)));
  }

 private:
  std::optional<std::size_t> half_angle_of(std::size_t kernel) const {
    for (std::size_t k = 0; k < tower_.half_angles().size(); ++k) {
      if (tower_.half_angles()[k].kernel == kernel) return k;
    }
    return std::nullopt;
  }

  const KernelTower& tower_;
};

class HyperbolicCoshSinh {
 public:
  explicit HyperbolicCoshSinh(const KernelTower& tower) : tower_(tower) {}

  bool applies() const {
    return tower_.from_hyperbolic() && tower_.exponentials().size() == 1 &&
           tower_.half_angles().empty();
  }

  // l + h for p's lowest and highest powers of θ.
  long span(const Poly& p) const {
    long low = -1, high = 0;
    for_each_kernel_term(p, tower_.context(),
                         [&](const std::vector<ulong>& exponents, const mpq_class&) {
                           const auto j = static_cast<long>(exponents[theta()]);
                           low = low < 0 ? j : std::min(low, j);
                           high = std::max(high, j);
                         });
    return low + high;
  }

  Expr rewritten(const Poly& p, long k) const {
    const PolyContext& ctx = tower_.context();
    // by the other kernels' powers and |s|: the coefficients of e^(s·w) and e^(−s·w)
    std::map<std::vector<ulong>, std::pair<mpq_class, mpq_class>> pairs;
    for_each_kernel_term(p, ctx, [&](std::vector<ulong> exponents, const mpq_class& c) {
      const long s = static_cast<long>(exponents[theta()]) - k;
      exponents[theta()] = static_cast<ulong>(s < 0 ? -s : s);
      auto& [plus, minus] = pairs[exponents];
      (s < 0 ? minus : plus) += c;
    });
    const Expr& w = tower_.exponentials()[0].exponent;
    std::vector<Expr> terms;
    for (const auto& [exponents, c] : pairs) {
      std::vector<Expr> factors;
      for (std::size_t i = 0; i < exponents.size(); ++i) {
        if (i != theta() && exponents[i] != 0) {
          factors.push_back(pow(ctx.generator(i), static_cast<long>(exponents[i])));
        }
      }
      const Expr rest = mul(factors);
      const auto s = static_cast<long>(exponents[theta()]);
      if (s == 0) {
        terms.push_back(mul(number(Number(c.first)), rest));
        continue;
      }
      const Expr sw = mul(integer(s), w);
      terms.push_back(mul({number(Number(c.first + c.second)), func(Fn::Cosh, sw), rest}));
      terms.push_back(mul({number(Number(c.first - c.second)), func(Fn::Sinh, sw), rest}));
    }
    return add(terms);
  }

  std::size_t theta() const { return tower_.exponentials()[0].kernel; }
  const Expr& exponent() const { return tower_.exponentials()[0].exponent; }

 private:
  const KernelTower& tower_;
};

}  // namespace

Expr rational_part_written_back(const KernelTower& tower, const Poly& A, const Poly& C) {
  const PolyContext& ctx = tower.context();
  if (A.is_zero()) return number(Number(0));
  const Expr plain = div(ctx.to_expr(A), ctx.to_factored_expr(C));
  const HalfAngleSinCos sin_cos(tower);
  if (sin_cos.applies()) {
    std::vector<long> m = sin_cos.powers(A);
    const std::vector<long> mC = sin_cos.powers(C);
    for (std::size_t k = 0; k < m.size(); ++k) m[k] = std::max(m[k], mC[k]);
    return div(sin_cos.rewritten(A, m), sin_cos.rewritten(C, m));
  }
  const HyperbolicCoshSinh hyperbolic(tower);
  if (!hyperbolic.applies()) return plain;
  long low = -1, high = 0;
  auto widen = [&](const Poly& p) {
    for_each_kernel_term(p, ctx, [&](const std::vector<ulong>& exponents, const mpq_class&) {
      const auto j = static_cast<long>(exponents[hyperbolic.theta()]);
      low = low < 0 ? j : std::min(low, j);
      high = std::max(high, j);
    });
  };
  widen(A);
  widen(C);
  if ((low + high) % 2 != 0) return plain;
  const Expr written =
      div(hyperbolic.rewritten(A, (low + high) / 2), hyperbolic.rewritten(C, (low + high) / 2));
  return tree_size(written) <= tree_size(plain) ? written : plain;
}

Expr logarithm_written_back(const KernelTower& tower, const mpq_class& c, const Poly& p) {
  const PolyContext& ctx = tower.context();
  const Expr plain = mul(number(Number(c)), ln_abs(ctx.to_expr(p)));
  const HalfAngleSinCos sin_cos(tower);
  if (sin_cos.applies()) {
    // ln|p(t)| = ln|2^m·p/(1 + t²)^m| − m·ln(1 + cos u) + a constant
    std::vector<Expr> terms;
    const std::vector<long> m = sin_cos.powers(p);
    const Expr p_sin_cos = sin_cos.rewritten(p, m);
    if (!p_sin_cos.is(Kind::Number))
      terms.push_back(mul(number(Number(c)), ln_abs(without_content(p_sin_cos))));
    for (std::size_t k = 0; k < m.size(); ++k) {
      if (m[k] != 0) {
        terms.push_back(mul(number(Number(-c * m[k])), sin_cos.log_of_one_plus_cos(k)));
      }
    }
    return add(terms);
  }
  const HyperbolicCoshSinh hyperbolic(tower);
  if (!hyperbolic.applies() || hyperbolic.span(p) % 2 != 0) return plain;
  // ln|p| = ln|p/θᵏ| + k·w
  const long k = hyperbolic.span(p) / 2;
  const Expr reduced = hyperbolic.rewritten(p, k);
  std::vector<Expr> terms{mul({number(Number(c)), integer(k), hyperbolic.exponent()})};
  if (!reduced.is(Kind::Number))
    terms.push_back(mul(number(Number(c)), ln_abs(without_content(reduced))));
  const Expr written = add(terms);
  return tree_size(written) <= tree_size(plain) ? written : plain;
}

}  // namespace leibniz::integration
