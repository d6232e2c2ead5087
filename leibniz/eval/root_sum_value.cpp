#include "leibniz/eval/root_sum_value.h"

#include <acb_poly.h>
#include <arb_fmpz_poly.h>
#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <utility>

#include "leibniz/core/error.h"
#include "leibniz/core/thread_caches.h"
#include "leibniz/expr/rational_polynomial.h"
#include "leibniz/expr/root_sum.h"

namespace leibniz {
namespace {

// The roots of a root sum's polynomial and c at each, as Arb balls at `bits` of
// precision: real roots first (imaginary parts exactly 0), then conjugate pairs.
class RootBalls {
 public:
  RootBalls(const Expr& e, slong bits) {
    free_flint_caches_at_thread_exit();
    const RootSumParts parts = root_sum_parts(e);
    count_ = parts.polynomial.degree();
    roots_ = _acb_vec_init(count_);
    weights_ = _acb_vec_init(count_);
    fmpz_poly_t p;  // P has integer coefficients: its numerator is itself
    fmpz_poly_init(p);
    fmpq_poly_get_numerator(p, parts.polynomial.raw());
    arb_fmpz_poly_complex_roots(roots_, p, 0, bits);
    fmpz_poly_clear(p);
    acb_poly_t weight;
    acb_poly_init(weight);
    acb_poly_set_fmpq_poly(weight, parts.coefficient.raw(), bits);
    for (slong k = 0; k < count_; ++k) acb_poly_evaluate(weights_ + k, weight, roots_ + k, bits);
    acb_poly_clear(weight);
  }
  RootBalls(const RootBalls&) = delete;
  RootBalls& operator=(const RootBalls&) = delete;
  ~RootBalls() {
    _acb_vec_clear(roots_, count_);
    _acb_vec_clear(weights_, count_);
  }

  slong count() const { return count_; }
  const acb_struct* root(slong k) const { return roots_ + k; }
  const acb_struct* weight(slong k) const { return weights_ + k; }

 private:
  slong count_ = 0;
  acb_ptr roots_ = nullptr;
  acb_ptr weights_ = nullptr;
};

// The roots of the sums evaluated lately, by key and precision: a check evaluates one sum
// at about a hundred points in two precisions, and root isolation is most of the cost
// (it cannot be interrupted by the time limit).
const RootBalls& roots_of(const Expr& e, slong bits) {
  free_flint_caches_at_thread_exit();  // first, so that FLINT outlives the cache
  thread_local std::map<std::pair<std::string, slong>, std::unique_ptr<RootBalls>> cache;
  auto key = std::make_pair(e.name(), bits);
  if (auto found = cache.find(key); found != cache.end()) return *found->second;
  constexpr std::size_t kKept = 16;
  if (cache.size() >= kKept) cache.clear();
  return *cache.emplace(std::move(key), std::make_unique<RootBalls>(e, bits)).first->second;
}

std::complex<double> to_complex(const acb_struct* z) {
  return {arf_get_d(arb_midref(acb_realref(z)), ARF_RND_NEAR),
          arf_get_d(arb_midref(acb_imagref(z)), ARF_RND_NEAR)};
}

}  // namespace

std::vector<RootTerm> root_terms(const Expr& e) {
  const RootBalls& balls = roots_of(e, 128);
  std::vector<RootTerm> terms;
  for (slong k = 0; k < balls.count(); ++k) {
    terms.push_back({to_complex(balls.root(k)), to_complex(balls.weight(k)),
                     arb_is_zero(acb_imagref(balls.root(k))) != 0});
  }
  return terms;
}

double root_sum_value(std::span<const RootTerm> terms, double u) {
  double sum = 0;
  for (const RootTerm& t : terms) {
    if (t.real) {
      const double distance = std::fabs(u - t.root.real());
      if (distance == 0) {
        throw Error(ErrorKind::Domain, "a root sum is undefined at a real root: ln(0)");
      }
      sum += t.weight.real() * std::log(distance);
    } else {
      sum += (t.weight * std::log(std::complex<double>(u) - t.root)).real();
    }
  }
  return sum;
}

bool root_sum_value(const Expr& e, const mpfr_t u, long double u_error, mpfr_prec_t bits,
                    mpfr_t out, long double& error) {
  const slong precision = static_cast<slong>(bits) + 32;
  const RootBalls& balls = roots_of(e, precision);
  acb_t at, term, sum;
  acb_init(at);
  acb_init(term);
  acb_init(sum);
  arf_set_mpfr(arb_midref(acb_realref(at)), u);
  const double radius = static_cast<double>(u_error);
  mag_set_d(arb_radref(acb_realref(at)),
            std::isfinite(radius) ? radius : std::numeric_limits<double>::infinity());
  for (slong k = 0; k < balls.count(); ++k) {
    acb_sub(term, at, balls.root(k), precision);
    acb_log(term, term, precision);
    acb_addmul(sum, term, balls.weight(k), precision);
  }
  const arb_struct* value = acb_realref(sum);
  const bool defined = arf_is_finite(arb_midref(value)) != 0;
  if (defined) {
    arf_get_mpfr(out, arb_midref(value), MPFR_RNDN);
    error = mag_is_finite(arb_radref(value)) ? mag_get_d(arb_radref(value))
                                             : std::numeric_limits<long double>::infinity();
  }
  acb_clear(at);
  acb_clear(term);
  acb_clear(sum);
  return defined;
}

}  // namespace leibniz
