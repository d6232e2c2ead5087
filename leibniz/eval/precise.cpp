// An expression's value in MPFR at two precisions, and where its behaviour changes.
#include "leibniz/eval/precise.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include "leibniz/core/error.h"
#include "leibniz/core/limits.h"
#include "leibniz/core/thread_caches.h"
#include "leibniz/eval/root_sum_value.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/call.h"
#include "leibniz/expr/functions.h"
#include "leibniz/expr/print.h"

namespace leibniz::precise {
namespace {

// A value and a first-order bound on its rounding error, propagated through every
// operation (Higham, Accuracy and Stability of Numerical Algorithms, ch. 3): the bound
// sees cancellation that two precisions can both round away (cosh(x)² − sinh(x)² at
// x = 171 is 0 at 192 and at 256 bits). An infinite bound: no digit can be trusted.
struct Approx {
  Real v;
  long double err = 0;
};
using Value = std::optional<Approx>;  // nullopt: undefined here

long double magnitude(const Real& r) { return std::fabs(mpfr_get_ld(r.get(), MPFR_RNDN)); }

// One evaluation at one precision. Functions without an MPFR counterpart fall back to
// their double row of the function table; in the low-precision pass their value is
// nudged by 2^-40 so that the gap between the passes covers their rounding too.
class Evaluator {
 public:
  Evaluator(mpfr_prec_t bits, std::span<const Expr> vars, std::span<const double> point, bool nudge)
      : bits_(bits),
        unit_(std::ldexp(1.0L, static_cast<int>(1 - bits))),
        vars_(vars),
        point_(point),
        nudge_(nudge) {
    free_mpfr_caches_at_thread_exit();
  }

  Value value(const Expr& e) {
    if (auto it = memo_.find(e.node()); it != memo_.end()) return it->second;
    tick();
    Value v = compute(e);
    if (v && !mpfr_number_p(v->v.get())) {
      overflow_ |= mpfr_inf_p(v->v.get()) != 0;
      v.reset();
    }
    if (v) v->err += rounding(v->v);
    memo_.emplace(e.node(), v);
    return v;
  }
  bool overflow() const { return overflow_; }
  bool approximate() const { return approximate_; }

 private:
  Approx fresh(long double err = 0) const { return {Real(bits_), err}; }

  // The rounding of one operation. A nonzero value below long double's range (csch(x)²
  // at x = 23000 is 1e-19977) is still uncertain: its bound is the smallest long double,
  // not 0, or a cancellation there (coth²·csch² − csch²) would look exact.
  long double rounding(const Real& r) const {
    const long double bound = magnitude(r) * unit_;
    if (bound > 0 || mpfr_zero_p(r.get())) return bound;
    return std::numeric_limits<long double>::denorm_min();
  }

  Value compute(const Expr& e) {
    switch (e.kind()) {
      case Kind::Number: {
        Approx r = fresh();
        if (e.number().is_float()) {
          // A decimal the user wrote (0.1) stands for itself, not for its nearest double:
          // it is uncertain by half an ulp.
          mpfr_set_d(r.v.get(), e.number().to_double(), MPFR_RNDN);
          r.err = std::fabs(e.number().to_double()) * std::ldexp(1.0L, -53);
          approximate_ = true;
        } else {
          mpfr_set_q(r.v.get(), e.number().exact().get_mpq_t(), MPFR_RNDN);
        }
        return r;
      }
      case Kind::Constant: {
        Approx r = fresh();
        if (e.is_e()) {
          mpfr_set_ui(r.v.get(), 1, MPFR_RNDN);
          mpfr_exp(r.v.get(), r.v.get(), MPFR_RNDN);
        } else {
          mpfr_const_pi(r.v.get(), MPFR_RNDN);
        }
        return r;
      }
      case Kind::Symbol:
        for (std::size_t i = 0; i < vars_.size(); ++i) {
          if (vars_[i] == e) {
            Approx r = fresh();
            mpfr_set_d(r.v.get(), point_[i], MPFR_RNDN);
            return r;
          }
        }
        break;
      case Kind::Add:
      case Kind::Mul: {
        Approx r = fresh();
        mpfr_set_ui(r.v.get(), e.is(Kind::Add) ? 0 : 1, MPFR_RNDN);
        for (const Expr& a : e.args()) {
          const Value x = value(a);
          if (!x) return {};
          if (e.is(Kind::Add)) {
            mpfr_add(r.v.get(), r.v.get(), x->v.get(), MPFR_RNDN);
            r.err += x->err;
          } else {
            // |ab − âb̂| ≤ |a|·δb + |b|·δa + δa·δb
            r.err = magnitude(r.v) * x->err + magnitude(x->v) * r.err + r.err * x->err;
            mpfr_mul(r.v.get(), r.v.get(), x->v.get(), MPFR_RNDN);
            r.err += magnitude(r.v) * unit_;
          }
        }
        return r;
      }
      case Kind::Pow: return power(e);
      case Kind::Func:
        if (e.args().size() == 1) return function(e);
        if (e.fn() == Fn::Max || e.fn() == Fn::Min) return extremum(e);
        break;
      case Kind::RootSum: {
        const Value u = value(e.arg(0));
        if (!u) return {};
        Approx r = fresh();
        if (!root_sum_value(e, u->v.get(), u->err, bits_, r.v.get(), r.err)) return {};
        return r;
      }
      case Kind::Call:  // no values to compare: only a proof decides
        throw Error(ErrorKind::Unsupported,
                    fmt::format("'{}' is an undefined function: it has no values to compare",
                                call_name(e)));
    }
    throw Error(ErrorKind::Unsupported, fmt::format("cannot evaluate {}", print_text(e)));
  }

  static constexpr long double kLost = std::numeric_limits<long double>::infinity();

  // The error of f(x) from the error of x, for f with |f'| ≤ slope near x; infinite when
  // x is so uncertain that a first-order bound means nothing.
  static long double carried(long double slope, const Approx& x, long double scale) {
    if (x.err == 0) return 0;
    if (x.err > scale / 8) return kLost;
    return slope * x.err;
  }

  Value power(const Expr& e) {
    const Expr& n = e.exponent();
    if (e.base().is_e()) {
      Value x = value(n);
      if (!x) return {};
      mpfr_exp(x->v.get(), x->v.get(), MPFR_RNDN);
      x->err = x->err > 1 ? kLost : magnitude(x->v) * std::expm1(x->err);
      return x;
    }
    const Value b = value(e.base());
    if (!b) return {};
    Approx r = fresh();
    const int sign = mpfr_sgn(b->v.get());
    const long double size = magnitude(b->v);
    if (n.is_number() && n.number().is_exact()) {
      const mpq_class& q = n.number().exact();
      if (sign == 0) {
        if (q <= 0) return {};  // 0^0 and 0^-k are undefined
        mpfr_set_ui(r.v.get(), 0, MPFR_RNDN);
        r.err = b->err == 0 ? 0 : kLost;
        return r;
      }
      if (q.get_den() == 1) {
        mpfr_pow_z(r.v.get(), b->v.get(), q.get_num().get_mpz_t(), MPFR_RNDN);
      } else {
        // A rational power p/q: the real q-th root, for odd q also of a negative base.
        if (!q.get_den().fits_ulong_p()) return {};
        if (sign < 0 && q.get_den() % 2 == 0) return {};
        mpfr_abs(r.v.get(), b->v.get(), MPFR_RNDN);
        mpfr_rootn_ui(r.v.get(), r.v.get(), q.get_den().get_ui(), MPFR_RNDN);
        mpfr_pow_z(r.v.get(), r.v.get(), q.get_num().get_mpz_t(), MPFR_RNDN);
        if (sign < 0 && q.get_num() % 2 != 0) mpfr_neg(r.v.get(), r.v.get(), MPFR_RNDN);
      }
      // d(b^q) = q·b^q/b·db
      const long double exponent = std::fabs(static_cast<long double>(q.get_d()));
      r.err = carried(exponent * magnitude(r.v) / size, *b, size / (1 + exponent));
      return r;
    }
    const Value x = value(n);
    if (!x) return {};
    if (sign == 0 && mpfr_sgn(x->v.get()) <= 0) return {};
    mpfr_pow(r.v.get(), b->v.get(), x->v.get(), MPFR_RNDN);  // NaN for a negative base
    if (!mpfr_number_p(r.v.get()) || sign == 0) return r;
    // d(b^x) = b^x·(x/b·db + ln b·dx)
    const long double ln_b = std::fabs(std::log(size)), size_x = magnitude(x->v);
    r.err = x->err > 1 ? kLost
                       : magnitude(r.v) * (carried(size_x / size, *b, size / (1 + size_x)) +
                                           std::expm1(ln_b * x->err));
    return r;
  }

  Value function(const Expr& e) {
    Value v = value(e.arg(0));
    if (!v) return {};
    mpfr_ptr x = v->v.get();
    const mpfr_rnd_t n = MPFR_RNDN;
    const long double size = magnitude(v->v);
    const Approx in = *v;
    auto pole_slope = [&] {  // tan, cot, sec, csc: |f'| ≤ 1 + f², valid while far from a pole
      const long double f = magnitude(v->v);
      return in.err * (1 + f) > 0.01L ? kLost : carried(1 + f * f, in, kLost);
    };
    const bool periodic = e.fn() == Fn::Sin || e.fn() == Fn::Cos || e.fn() == Fn::Tan ||
                          e.fn() == Fn::Sec || e.fn() == Fn::Cot || e.fn() == Fn::Csc;
    if (periodic && !mpfr_zero_p(x) && mpfr_get_exp(x) > bits_ + 64) {
      // Its rounding is wider than the period: no value, and reducing it would be slow.
      overflow_ = true;
      return {};
    }
    switch (e.fn()) {
      case Fn::Ln:
        if (mpfr_sgn(x) <= 0) return {};
        mpfr_log(x, x, n);
        v->err = carried(1 / size, in, size);
        return v;
      case Fn::Sin:
        mpfr_sin(x, x, n);
        v->err = in.err;
        return v;
      case Fn::Cos:
        mpfr_cos(x, x, n);
        v->err = in.err;
        return v;
      case Fn::Tan:
        mpfr_tan(x, x, n);
        v->err = pole_slope();
        return v;
      case Fn::Sec:
        mpfr_sec(x, x, n);
        v->err = pole_slope();
        return v;
      case Fn::Cot:
      case Fn::Csc:
        if (mpfr_zero_p(x)) return {};
        e.fn() == Fn::Cot ? mpfr_cot(x, x, n) : mpfr_csc(x, x, n);
        v->err = pole_slope();
        return v;
      case Fn::Asin:  // NaN outside [-1, 1]; |f'| = 1/√(1 − x²)
      case Fn::Acos: {
        const long double room = 1 - size;
        e.fn() == Fn::Asin ? mpfr_asin(x, x, n) : mpfr_acos(x, x, n);
        v->err = carried(1 / std::sqrt(room * (1 + size)), in, room);
        return v;
      }
      case Fn::Atan:
        mpfr_atan(x, x, n);
        v->err = in.err;
        return v;
      case Fn::Acot: {  // π/2 − atan(x), as the function table
        Real half_pi(bits_);
        mpfr_const_pi(half_pi.get(), n);
        mpfr_div_2ui(half_pi.get(), half_pi.get(), 1, n);
        mpfr_atan(x, x, n);
        mpfr_sub(x, half_pi.get(), x, n);
        v->err = in.err;
        return v;
      }
      case Fn::Asec:
      case Fn::Acsc: {  // |f'| = 1/(|x|·√(x² − 1))
        if (mpfr_cmpabs_ui(x, 1) < 0) return {};
        const long double room = size - 1;
        mpfr_ui_div(x, 1, x, n);
        e.fn() == Fn::Asec ? mpfr_acos(x, x, n) : mpfr_asin(x, x, n);
        v->err = carried(1 / (size * std::sqrt(room * (size + 1))), in, room);
        return v;
      }
      case Fn::Sinh:
      case Fn::Cosh:
        e.fn() == Fn::Sinh ? mpfr_sinh(x, x, n) : mpfr_cosh(x, x, n);
        v->err = in.err > 1 ? kLost : (magnitude(v->v) + 1) * std::expm1(in.err);
        return v;
      case Fn::Tanh:
        mpfr_tanh(x, x, n);
        v->err = in.err;
        return v;
      case Fn::Sech:  // |f'| = |sech·tanh| ≤ 1/2
        mpfr_sech(x, x, n);
        v->err = in.err;
        return v;
      case Fn::Coth:  // |f'| = coth² − 1 and |csch·coth| ≤ |f|(1 + |f|), near a pole at 0
      case Fn::Csch: {
        if (mpfr_zero_p(x)) return {};
        e.fn() == Fn::Coth ? mpfr_coth(x, x, n) : mpfr_csch(x, x, n);
        const long double f = magnitude(v->v);
        v->err = carried(2 * f * (1 + f), in, size);
        return v;
      }
      case Fn::Asinh:  // |f'| = 1/√(x² + 1) ≤ 1
        mpfr_asinh(x, x, n);
        v->err = in.err;
        return v;
      case Fn::Acosh: {  // NaN below 1; |f'| = 1/√(x² − 1)
        if (mpfr_cmp_ui(x, 1) < 0) return {};
        const long double room = size - 1;
        mpfr_acosh(x, x, n);
        v->err = carried(1 / std::sqrt(room * (size + 1)), in, room);
        return v;
      }
      case Fn::Atanh: {  // defined for |x| < 1; |f'| = 1/(1 − x²)
        if (mpfr_cmpabs_ui(x, 1) >= 0) return {};
        const long double room = 1 - size;
        mpfr_atanh(x, x, n);
        v->err = carried(1 / (room * (1 + size)), in, room);
        return v;
      }
      case Fn::Acoth: {  // artanh(1/x), defined for |x| > 1; |f'| = 1/(x² − 1)
        if (mpfr_cmpabs_ui(x, 1) <= 0) return {};
        const long double room = size - 1;
        mpfr_ui_div(x, 1, x, n);
        mpfr_atanh(x, x, n);
        v->err = carried(1 / (room * (size + 1)), in, room);
        return v;
      }
      case Fn::Asech: {  // arcosh(1/x), defined for 0 < x ≤ 1; |f'| = 1/(x·√(1 − x²))
        if (mpfr_sgn(x) <= 0 || mpfr_cmp_ui(x, 1) > 0) return {};
        const long double room = std::min(size, 1 - size);
        mpfr_ui_div(x, 1, x, n);
        mpfr_acosh(x, x, n);
        v->err = carried(1 / (size * std::sqrt((1 - size) * (1 + size))), in, room);
        return v;
      }
      case Fn::Acsch: {  // arsinh(1/x), x ≠ 0; |f'| = 1/(|x|·√(x² + 1))
        if (mpfr_zero_p(x)) return {};
        mpfr_ui_div(x, 1, x, n);
        mpfr_asinh(x, x, n);
        v->err = carried(1 / (size * std::sqrt(size * size + 1)), in, size);
        return v;
      }
      case Fn::Sigmoid:  // 1/(1 + e^-x)
        mpfr_neg(x, x, n);
        mpfr_exp(x, x, n);
        mpfr_add_ui(x, x, 1, n);
        mpfr_ui_div(x, 1, x, n);
        v->err = in.err;
        return v;
      case Fn::Erf:  // |f'| ≤ 2/√π
        mpfr_erf(x, x, n);
        v->err = in.err * function_info(Fn::Erf).slope_bound;
        return v;
      case Fn::Abs: mpfr_abs(x, x, n); return v;
      case Fn::Relu:  // max(x, 0): 1-Lipschitz
        if (mpfr_sgn(x) < 0) mpfr_set_zero(x, 1);
        return v;
      case Fn::Softplus:  // ln(1 + e^x): 1-Lipschitz
        mpfr_exp(x, x, n);
        mpfr_log1p(x, x, n);
        return v;
      case Fn::Heaviside:  // steps at 0: exact away from it, unknown within the error of x
      case Fn::Sign: {
        const int sign = mpfr_sgn(x);
        const bool step = mpfr_cmpabs_ui(x, 0) == 0 ? in.err > 0 : size <= in.err;
        if (e.fn() == Fn::Heaviside) {
          mpfr_set_ui(x, sign > 0 ? 1 : 0, n);
        } else {
          mpfr_set_si(x, sign, n);
        }
        v->err = step ? kLost : 0;
        return v;
      }
      default: break;
    }
    try {
      const FunctionInfo& row = function_info(e.fn());
      const double y = row.evaluate(mpfr_get_d(x, n));
      mpfr_set_d(x, y, n);
      if (nudge_) mpfr_mul_d(x, x, 1 + std::ldexp(1.0, -40), n);
      // Its rounding, and its argument's error carried with the row's bound on |f'| (a
      // function without one is lost as soon as its argument carries an error).
      const long double slope = row.slope_bound;
      const long double carried_err = in.err == 0                         ? 0
                                      : slope >= FunctionInfo::kUnbounded ? kLost
                                                                          : in.err * slope;
      v->err = carried_err + magnitude(v->v) * std::ldexp(1.0L, -40);
      return v;
    } catch (const Error& error) {
      if (error.kind() != ErrorKind::Domain) throw;
      return {};
    }
  }

  // max(a, b), min(a, b): 1-Lipschitz in each argument.
  Value extremum(const Expr& e) {
    Value a = value(e.arg(0));
    const Value b = value(e.arg(1));
    if (!a || !b) return {};
    const bool take_b = e.fn() == Fn::Max ? mpfr_less_p(a->v.get(), b->v.get()) != 0
                                          : mpfr_greater_p(a->v.get(), b->v.get()) != 0;
    if (take_b) mpfr_set(a->v.get(), b->v.get(), MPFR_RNDN);
    a->err = std::max(a->err, b->err);
    return a;
  }

  mpfr_prec_t bits_;
  long double unit_;  // the unit roundoff of bits_
  std::span<const Expr> vars_;
  std::span<const double> point_;
  bool nudge_;
  bool overflow_ = false;
  bool approximate_ = false;
  std::unordered_map<const Node*, Value> memo_;
};

}  // namespace

namespace {

std::string digits_text(const SideValue& v, int digits) {
  if (!v.high) return v.overflow ? "beyond the range of numbers" : "undefined";
  char* s = nullptr;
  mpfr_asprintf(&s, "%.*Rg", digits, v.high->get());
  std::string out(s);
  mpfr_free_str(s);
  return out;
}

}  // namespace

std::string SideValue::text() const { return digits_text(*this, 15); }

std::pair<std::string, std::string> distinct_texts(const SideValue& a, const SideValue& b) {
  for (int digits : {15, 17, 30, 70}) {
    std::pair<std::string, std::string> t{digits_text(a, digits), digits_text(b, digits)};
    if (t.first != t.second || digits == 70) return t;
  }
  return {};
}

SideValue evaluate_side(const Expr& e, std::span<const Expr> vars, std::span<const double> point) {
  SideValue side;
  Evaluator high(kHighBits, vars, point, false), low(kLowBits, vars, point, true);
  if (Value h = high.value(e)) {
    side.high = std::move(h->v);
    side.error = h->err;
  }
  if (Value l = low.value(e)) side.low = std::move(l->v);
  side.overflow = high.overflow() || low.overflow();
  side.approximate = high.approximate();
  if (!side.defined()) side.high.reset(), side.low.reset();
  return side;
}

double evaluate_quick(const Expr& e, std::span<const Expr> vars, std::span<const double> point,
                      mpfr_prec_t bits) {
  Evaluator quick(bits, vars, point, false);
  const Value v = quick.value(e);
  return v ? v->v.to_double() : std::nan("");
}

namespace {

// The rounding noise of a value: the gap between its precisions plus its error bound.
Real noise_of(const SideValue& v) {
  Real noise(kHighBits), bound(kHighBits);
  mpfr_sub(noise.get(), v.high->get(), v.low->get(), MPFR_RNDN);
  mpfr_abs(noise.get(), noise.get(), MPFR_RNDN);
  mpfr_set_ld(bound.get(), v.error, MPFR_RNDU);
  mpfr_add(noise.get(), noise.get(), bound.get(), MPFR_RNDU);
  return noise;
}

}  // namespace

Comparison compare(const SideValue& a, const SideValue& b, const SideValue* difference) {
  Real noise = noise_of(a), other = noise_of(b), d(kHighBits), magnitude(kHighBits),
       bound(kHighBits);
  mpfr_add(noise.get(), noise.get(), other.get(), MPFR_RNDU);
  mpfr_sub(d.get(), a.high->get(), b.high->get(), MPFR_RNDN);
  // The simplified difference sees what A and B are too large to show (x and
  // x + e^-1000): when it is certainly not 0 and consistent with A − B, they differ.
  bool certainly_nonzero = false;
  if (difference != nullptr && difference->defined()) {
    const Real d_noise = noise_of(*difference);
    mpfr_abs(other.get(), difference->high->get(), MPFR_RNDN);
    mpfr_mul_ui(bound.get(), d_noise.get(), 1000, MPFR_RNDU);
    certainly_nonzero = mpfr_greater_p(other.get(), bound.get());
    if (certainly_nonzero) {
      mpfr_sub(other.get(), difference->high->get(), d.get(), MPFR_RNDN);
      mpfr_abs(other.get(), other.get(), MPFR_RNDN);
      mpfr_add(bound.get(), noise.get(), d_noise.get(), MPFR_RNDU);
      mpfr_mul_2ui(bound.get(), bound.get(), 2, MPFR_RNDU);
      if (mpfr_lessequal_p(other.get(), bound.get())) return Comparison::Differ;
    }
  }
  mpfr_abs(d.get(), d.get(), MPFR_RNDN);
  mpfr_abs(magnitude.get(), a.high->get(), MPFR_RNDN);
  mpfr_abs(other.get(), b.high->get(), MPFR_RNDN);
  mpfr_max(magnitude.get(), magnitude.get(), other.get(), MPFR_RNDN);

  // differ: d > 1000·noise and d > 2^-96·magnitude
  mpfr_mul_ui(bound.get(), noise.get(), 1000, MPFR_RNDU);
  mpfr_div_2ui(other.get(), magnitude.get(), 96, MPFR_RNDN);
  if (mpfr_greater_p(d.get(), bound.get()) && mpfr_greater_p(d.get(), other.get())) {
    return Comparison::Differ;
  }
  // no evidence: noise > 2^-40·max(magnitude, 1)
  mpfr_set_ui(other.get(), 1, MPFR_RNDN);
  mpfr_max(other.get(), other.get(), magnitude.get(), MPFR_RNDN);
  mpfr_div_2ui(other.get(), other.get(), 40, MPFR_RNDN);
  if (!mpfr_lessequal_p(noise.get(), other.get())) return Comparison::Vague;
  // agree: d ≤ 4·noise + 2^-200·magnitude
  mpfr_mul_2ui(bound.get(), noise.get(), 2, MPFR_RNDU);
  mpfr_div_2ui(other.get(), magnitude.get(), 200, MPFR_RNDN);
  mpfr_add(bound.get(), bound.get(), other.get(), MPFR_RNDU);
  if (mpfr_lessequal_p(d.get(), bound.get()) && !certainly_nonzero) return Comparison::Agree;
  return Comparison::Undecided;
}

std::vector<Expr> breakpoint_functions(const Expr& e) {
  std::vector<Expr> out;
  std::unordered_set<const Node*> seen;
  auto add_kink = [&](const Expr& g) {
    if (std::find(out.begin(), out.end(), g) == out.end()) out.push_back(g);
  };
  auto walk = [&](auto&& self, const Expr& x) -> void {
    if (!seen.insert(x.node()).second) return;
    for (const Expr& a : x.args()) self(self, a);
    if (x.is(Kind::Pow)) {
      const Expr& n = x.exponent();
      const bool whole = n.is_number() && n.number().is_integer() && !n.number().is_negative();
      if (!whole && !x.base().is(Kind::Constant) && !x.base().is_number()) add_kink(x.base());
    } else if (x.is(Kind::Func) && (x.fn() == Fn::Max || x.fn() == Fn::Min)) {
      add_kink(sub(x.arg(0), x.arg(1)));
    } else if (x.is(Kind::Func) && x.args().size() == 1) {
      const Expr& u = x.arg(0);
      switch (x.fn()) {
        case Fn::Abs:
        case Fn::Relu:
        case Fn::Heaviside:
        case Fn::Sign:
        case Fn::Coth:
        case Fn::Csch:
        case Fn::Acsch:
        case Fn::Ln: add_kink(u); break;
        case Fn::Asech:
          add_kink(u);
          add_kink(sub(u, integer(1)));
          break;
        case Fn::Acosh: add_kink(sub(u, integer(1))); break;
        case Fn::Asin:
        case Fn::Acos:
        case Fn::Asec:
        case Fn::Acsc:
        case Fn::Atanh:
        case Fn::Acoth:
          add_kink(sub(u, integer(1)));
          add_kink(add(u, integer(1)));
          break;
        case Fn::Tan:
        case Fn::Sec: add_kink(func(Fn::Cos, u)); break;
        case Fn::Cot:
        case Fn::Csc: add_kink(func(Fn::Sin, u)); break;
        default: break;
      }
    }
  };
  walk(walk, e);
  return out;
}

}  // namespace leibniz::precise
