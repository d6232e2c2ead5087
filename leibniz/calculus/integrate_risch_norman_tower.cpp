// The kernels of an integrand and their derivation (integrate_risch_norman_tower.h). A
// first walk registers the kernels, innermost first, so that each kernel's argument is a
// rational function of the kernels before it; exponentials whose exponents are rational
// multiples c·g of one g share one kernel e^(d·g), d the gcd of the c (e^x, e^(2x), e^(-x)
// are θ, θ², 1/θ); so do angles: sin, cos, sec, csc of c·g are rational in t = tan(d·g/2)
// (de Moivre: cos 2nψ + i·sin 2nψ = (1 + i·t)²ⁿ/(1 + t²)ⁿ for t = tan ψ), tan and cot of c·g
// alone in t = tan(d·g); sinh, cosh, … of c·g are rational in e^(d·g). A second walk writes
// the integrand in the kernels.
#include "leibniz/calculus/integrate_risch_norman_tower.h"

#include <flint/fmpq_mpoly.h>
#include <gmpxx.h>

#include <optional>
#include <unordered_map>

#include "leibniz/calculus/integrate_rules.h"
#include "leibniz/expr/builders.h"

namespace leibniz::integration {
namespace {

// More kernels make the guessed numerator's unknowns too many anyway.
constexpr std::size_t kMaxTowerKernels = 5;

enum class TowerKernelKind { Variable, Exponential, Logarithm, Tangent, Arctangent };

struct TowerKernel {
  TowerKernelKind kind;
  Expr argument;            // g of e^(d·g), u of ln u and atan u, u of tan u or tan(u/2)
  mpq_class unit = 0;       // d: the kernel is e^(d·g), tan(d·g) or tan(d·g/2)
  bool half_angle = false;  // tan(d·g/2) (tangent)
};

Poly poly_partial(const Poly& p, std::size_t i, const PolyContext& ctx) {
  Poly d(ctx);
  fmpq_mpoly_derivative(d.raw(), p.raw(), static_cast<slong>(i), ctx.raw());
  return d;
}

RationalFunction reduced(Poly numerator, Poly denominator) {
  LZ_ASSERT(!denominator.is_zero(), "a rational function with denominator 0");
  const Poly g = numerator.gcd(denominator);
  if (!g.is_one()) {
    numerator = numerator.divide_exact(g);
    denominator = denominator.divide_exact(g);
  }
  const Number lead = denominator.leading_coefficient();
  if (!lead.is_one()) {
    const Number inverse = Number(mpq_class(1) / lead.exact());
    numerator = numerator.scaled(inverse);
    denominator = denominator.scaled(inverse);
  }
  return {std::move(numerator), std::move(denominator)};
}

RationalFunction rf_constant(const PolyContext& ctx, const Number& c) {
  return {Poly::constant(ctx, c), Poly::constant(ctx, Number(1))};
}
RationalFunction rf_copy(const RationalFunction& a) {
  return {a.numerator.copy(), a.denominator.copy()};
}
RationalFunction rf_sum(const RationalFunction& a, const RationalFunction& b) {
  return reduced(a.numerator * b.denominator + b.numerator * a.denominator,
                 a.denominator * b.denominator);
}
RationalFunction rf_product(const RationalFunction& a, const RationalFunction& b) {
  return reduced(a.numerator * b.numerator, a.denominator * b.denominator);
}
std::optional<RationalFunction> rf_power(const RationalFunction& a, long k) {
  if (k >= 0) return reduced(a.numerator.pow(k), a.denominator.pow(k));
  if (a.numerator.is_zero()) return std::nullopt;
  return reduced(a.denominator.pow(-k), a.numerator.pow(-k));
}

std::optional<RationalFunction> rf_quotient(const RationalFunction& a, const RationalFunction& b) {
  auto inverse = rf_power(b, -1);
  if (!inverse) return std::nullopt;
  return rf_product(a, *inverse);
}

class TowerBuilder {
 public:
  explicit TowerBuilder(Integrator& in) : in_(in) {
    kernels_.push_back({TowerKernelKind::Variable, in.var()});
  }

  // Registers the kernels of e; false when e is not in reach.
  bool collect(const Expr& e) {
    if (kernels_.size() > kMaxTowerKernels) return false;
    switch (e.kind()) {
      case Kind::Number: return e.number().is_exact();
      case Kind::Symbol: return e == in_.var();
      case Kind::Constant:
      case Kind::Call:
      case Kind::RootSum: return false;
      case Kind::Add:
      case Kind::Mul:
        for (const Expr& a : e.args()) {
          if (!collect(a)) return false;
        }
        return true;
      case Kind::Pow:
        if (e.base().is_e()) return exponential(e.exponent(), false);
        return e.exponent().is_integer() && collect(e.base());
      case Kind::Func: break;
    }
    if (e.args().size() != 1 || !in_.depends(e.arg(0))) return false;
    const Expr& u = e.arg(0);
    switch (e.fn()) {
      case Fn::Ln:
      case Fn::Atan:
        if (!collect(u)) return false;
        register_function(e);
        return true;
      case Fn::Sin:
      case Fn::Cos:
      case Fn::Sec:
      case Fn::Csc: return trigonometric(u, true);
      case Fn::Tan:
      case Fn::Cot: return trigonometric(u, false);
      case Fn::Sinh:
      case Fn::Cosh:
      case Fn::Tanh:
      case Fn::Coth:
      case Fn::Sech:
      case Fn::Csch: return exponential(u, true);
      default: return false;
    }
  }

  std::unique_ptr<KernelTower> build(const Expr& e) {
    if (kernels_.size() < 2) return nullptr;
    std::vector<Expr> generators;
    for (const TowerKernel& k : kernels_) generators.push_back(generator(k));
    context_ = std::make_unique<PolyContext>(std::move(generators));
    const PolyContext& ctx = *context_;
    // Dθᵢ in order: each needs only the derivatives of the kernels before it.
    for (std::size_t i = 0; i < kernels_.size(); ++i) {
      std::optional<RationalFunction> d = kernel_derivative(i);
      if (!d) return nullptr;
      derivations_.push_back(std::move(*d));
    }
    std::optional<RationalFunction> f = convert(e);
    if (!f || f->numerator.is_zero()) return nullptr;
    Poly q = Poly::constant(ctx, Number(1));
    for (const RationalFunction& d : derivations_) {
      q = (q * d.denominator).divide_exact(q.gcd(d.denominator));
    }
    std::vector<Poly> scaled;
    for (const RationalFunction& d : derivations_) {
      scaled.push_back(d.numerator * q.divide_exact(d.denominator));
    }
    KernelTower::Kernels kinds;
    kinds.from_hyperbolic = hyperbolic_;
    for (std::size_t i = 0; i < kernels_.size(); ++i) {
      const TowerKernel& k = kernels_[i];
      if (k.kind == TowerKernelKind::Exponential) {
        kinds.exponentials.push_back({i, context_->generator(i).exponent()});
      }
      if (k.kind != TowerKernelKind::Tangent) continue;
      kinds.tangents.push_back(i);
      if (k.half_angle) kinds.half_angles.push_back({i, mul(number(Number(k.unit)), k.argument)});
    }
    derivations_.clear();  // before the context they hold moves into the tower
    return std::make_unique<KernelTower>(std::move(context_), std::move(*f), std::move(scaled),
                                         std::move(q), std::move(kinds));
  }

 private:
  // The kernel of c·g for a table of kernels keyed by g: d becomes gcd(d, |c|).
  bool multiple(const Expr& u, std::unordered_map<Expr, std::size_t, ExprHash>& table,
                TowerKernelKind kind, bool half_angle) {
    const auto [c, g] = split_coefficient(u);
    if (!c.is_exact() || !collect(g)) return false;
    const mpq_class m = abs(c.exact());
    if (auto it = table.find(g); it != table.end()) {
      TowerKernel& k = kernels_[it->second];
      mpz_class num, den;
      mpz_gcd(num.get_mpz_t(), k.unit.get_num_mpz_t(), m.get_num_mpz_t());
      mpz_lcm(den.get_mpz_t(), k.unit.get_den_mpz_t(), m.get_den_mpz_t());
      k.unit = mpq_class(num, den);
      k.unit.canonicalize();
      k.half_angle = k.half_angle || half_angle;
      return true;
    }
    table.emplace(g, kernels_.size());
    kernels_.push_back({kind, g, m, half_angle});
    return kernels_.size() <= kMaxTowerKernels;
  }

  bool exponential(const Expr& exponent, bool hyperbolic) {
    if (!in_.depends(exponent)) return false;
    hyperbolic_ = hyperbolic_ || hyperbolic;
    return multiple(exponent, exponentials_, TowerKernelKind::Exponential, false);
  }

  bool trigonometric(const Expr& u, bool half_angle) {
    return multiple(u, tangents_, TowerKernelKind::Tangent, half_angle);
  }

  void register_function(const Expr& e) {
    if (functions_.contains(e)) return;
    functions_.emplace(e, kernels_.size());
    kernels_.push_back(
        {e.fn() == Fn::Ln ? TowerKernelKind::Logarithm : TowerKernelKind::Arctangent, e.arg(0)});
  }

  static Expr generator(const TowerKernel& k) {
    switch (k.kind) {
      case TowerKernelKind::Variable: return k.argument;
      case TowerKernelKind::Exponential: return exp(mul(number(Number(k.unit)), k.argument));
      case TowerKernelKind::Logarithm: return func(Fn::Ln, k.argument);
      case TowerKernelKind::Arctangent: return func(Fn::Atan, k.argument);
      case TowerKernelKind::Tangent:
        return func(Fn::Tan, mul(number(Number(k.half_angle ? k.unit / 2 : k.unit)), k.argument));
    }
    return {};
  }

  RationalFunction generator_rf(std::size_t i) const {
    return {Poly::generator(*context_, i), Poly::constant(*context_, Number(1))};
  }

  // D of a polynomial through the derivations known so far (a partial by a later kernel
  // must vanish).
  std::optional<RationalFunction> derive(const Poly& p) const {
    RationalFunction sum = rf_constant(*context_, Number(0));
    for (std::size_t j = 0; j < context_->size(); ++j) {
      Poly partial = poly_partial(p, j, *context_);
      if (partial.is_zero()) continue;
      if (j >= derivations_.size()) return std::nullopt;
      sum = rf_sum(sum, rf_product({std::move(partial), Poly::constant(*context_, Number(1))},
                                   derivations_[j]));
    }
    return sum;
  }

  std::optional<RationalFunction> derive(const RationalFunction& f) const {
    auto dn = derive(f.numerator);
    auto dd = derive(f.denominator);
    if (!dn || !dd) return std::nullopt;
    const RationalFunction numerator = rf_sum(
        rf_product(*dn, {f.denominator.copy(), Poly::constant(*context_, Number(1))}),
        rf_product(*dd, {f.numerator.scaled(Number(-1)), Poly::constant(*context_, Number(1))}));
    return reduced(numerator.numerator.copy(),
                   numerator.denominator * f.denominator * f.denominator);
  }

  std::optional<RationalFunction> kernel_derivative(std::size_t i) const {
    const TowerKernel& k = kernels_[i];
    if (k.kind == TowerKernelKind::Variable) return rf_constant(*context_, Number(1));
    std::optional<RationalFunction> u = convert(k.argument);
    if (!u) return std::nullopt;
    std::optional<RationalFunction> du = derive(*u);
    if (!du) return std::nullopt;
    const RationalFunction theta = generator_rf(i);
    switch (k.kind) {
      case TowerKernelKind::Exponential:  // D e^(d·g) = d·g′·e^(d·g)
        return rf_product(rf_product(rf_constant(*context_, Number(k.unit)), *du), theta);
      case TowerKernelKind::Logarithm: {  // D ln u = u′/u
        auto inverse = rf_power(*u, -1);
        if (!inverse) return std::nullopt;
        return rf_product(*du, *inverse);
      }
      case TowerKernelKind::Arctangent: {  // D atan u = u′/(1 + u²)
        auto inverse = rf_power(rf_sum(rf_constant(*context_, Number(1)), rf_product(*u, *u)), -1);
        if (!inverse) return std::nullopt;
        return rf_product(*du, *inverse);
      }
      case TowerKernelKind::Tangent: {  // D tan v = v′·(1 + tan²v)
        const RationalFunction one_plus_t2 =
            rf_sum(rf_constant(*context_, Number(1)), rf_product(theta, theta));
        const RationalFunction dv =
            rf_product(rf_constant(*context_, Number(k.half_angle ? k.unit / 2 : k.unit)), *du);
        return rf_product(dv, one_plus_t2);
      }
      case TowerKernelKind::Variable: break;
    }
    return std::nullopt;
  }

  // e as a rational function of the kernels (nullopt at a division by zero).
  std::optional<RationalFunction> convert(const Expr& e) const {
    const PolyContext& ctx = *context_;
    switch (e.kind()) {
      case Kind::Number: return rf_constant(ctx, e.number());
      case Kind::Symbol: return generator_rf(0);
      case Kind::Add:
      case Kind::Mul: {
        const bool sum = e.is(Kind::Add);
        RationalFunction r = rf_constant(ctx, Number(sum ? 0 : 1));
        for (const Expr& a : e.args()) {
          auto t = convert(a);
          if (!t) return std::nullopt;
          r = sum ? rf_sum(r, *t) : rf_product(r, *t);
        }
        return r;
      }
      case Kind::Pow: {
        if (e.base().is_e()) return exponential_power(e.exponent(), 1);
        auto base = convert(e.base());
        const auto k = e.exponent().number().to_long();
        if (!base || !k) return std::nullopt;
        return rf_power(*base, *k);
      }
      case Kind::Func: break;
      default: return std::nullopt;
    }
    const Expr& u = e.arg(0);
    switch (e.fn()) {
      case Fn::Ln:
      case Fn::Atan: return generator_rf(functions_.at(e));
      case Fn::Sinh:
      case Fn::Cosh:
      case Fn::Tanh:
      case Fn::Coth:
      case Fn::Sech:
      case Fn::Csch: return hyperbolic(e.fn(), u);
      default: return trigonometric_value(e.fn(), u);
    }
  }

  // e^(s·exponent), s = ±1: a power of its kernel.
  std::optional<RationalFunction> exponential_power(const Expr& exponent, long sign) const {
    const auto [c, g] = split_coefficient(exponent);
    const std::size_t i = exponentials_.at(g);
    const mpq_class k = sign * c.exact() / kernels_[i].unit;
    LZ_ASSERT(k.get_den() == 1, "an exponential's power of its kernel is whole");
    if (!k.get_num().fits_slong_p()) return std::nullopt;
    return rf_power(generator_rf(i), k.get_num().get_si());
  }

  std::optional<RationalFunction> hyperbolic(Fn fn, const Expr& u) const {
    auto plus = exponential_power(u, 1);
    auto minus = exponential_power(u, -1);
    if (!plus || !minus) return std::nullopt;
    const RationalFunction half = rf_constant(*context_, Number(mpq_class(1, 2)));
    const RationalFunction sinh =
        rf_product(half, rf_sum(*plus, rf_product(rf_constant(*context_, Number(-1)), *minus)));
    const RationalFunction cosh = rf_product(half, rf_sum(*plus, *minus));
    switch (fn) {
      case Fn::Sinh: return rf_copy(sinh);
      case Fn::Cosh: return rf_copy(cosh);
      case Fn::Csch: return rf_power(sinh, -1);
      case Fn::Sech: return rf_power(cosh, -1);
      case Fn::Tanh: {
        auto r = rf_power(cosh, -1);
        if (!r) return std::nullopt;
        return rf_product(sinh, *r);
      }
      default: {  // coth
        auto r = rf_power(sinh, -1);
        if (!r) return std::nullopt;
        return rf_product(cosh, *r);
      }
    }
  }

  // (1 + i·t)ⁿ = re + i·im, n ≥ 0: with t = tan ψ, cos nψ + i·sin nψ = (1 + i·t)ⁿ/(1 + t²)^(n/2).
  std::pair<RationalFunction, RationalFunction> de_moivre(const RationalFunction& t, long n) const {
    const PolyContext& ctx = *context_;
    RationalFunction re = rf_constant(ctx, Number(0)), im = rf_constant(ctx, Number(0));
    mpz_class binomial = 1;
    for (long k = 0; k <= n; ++k) {
      if (k > 0) binomial = binomial * (n - k + 1) / k;
      const long sign = (k / 2) % 2 == 0 ? 1 : -1;  // iᵏ = ±1 or ±i
      const RationalFunction term =
          rf_product(rf_constant(ctx, Number(mpq_class(binomial * sign))), *rf_power(t, k));
      (k % 2 == 0 ? re : im) = rf_sum(k % 2 == 0 ? re : im, term);
    }
    return {std::move(re), std::move(im)};
  }

  // sin, cos, tan, cot, sec, csc of n·d·g in t = tan(d·g/2) (sin 2nψ and cos 2nψ over
  // (1 + t²)ⁿ) or t = tan(d·g) (tan nψ = im/re).
  std::optional<RationalFunction> trigonometric_value(Fn fn, const Expr& u) const {
    const auto [c, g] = split_coefficient(u);
    const std::size_t i = tangents_.at(g);
    const mpq_class multiple = c.exact() / kernels_[i].unit;
    LZ_ASSERT(multiple.get_den() == 1, "an angle's multiple of its kernel's is whole");
    if (!multiple.get_num().fits_slong_p()) return std::nullopt;
    const long n = multiple.get_num().get_si();
    const long sign = n < 0 ? -1 : 1;  // sin, tan, cot, csc are odd; cos, sec even
    const PolyContext& ctx = *context_;
    const RationalFunction t = generator_rf(i);
    if (!kernels_[i].half_angle) {
      auto [re, im] = de_moivre(t, sign * n);
      im = rf_product(rf_constant(ctx, Number(sign)), im);
      return fn == Fn::Tan ? rf_quotient(im, re) : rf_quotient(re, im);
    }
    auto [re, im] = de_moivre(t, 2 * sign * n);
    im = rf_product(rf_constant(ctx, Number(sign)), im);
    const RationalFunction scale =
        *rf_power(rf_sum(rf_constant(ctx, Number(1)), rf_product(t, t)), -sign * n);
    switch (fn) {
      case Fn::Sin: return rf_product(im, scale);
      case Fn::Cos: return rf_product(re, scale);
      case Fn::Tan: return rf_quotient(im, re);
      case Fn::Cot: return rf_quotient(re, im);
      case Fn::Sec: return rf_quotient(rf_constant(ctx, Number(1)), rf_product(re, scale));
      case Fn::Csc: return rf_quotient(rf_constant(ctx, Number(1)), rf_product(im, scale));
      default: return std::nullopt;
    }
  }

  Integrator& in_;
  std::vector<TowerKernel> kernels_;
  std::unordered_map<Expr, std::size_t, ExprHash> exponentials_;  // g → e^(d·g)
  std::unordered_map<Expr, std::size_t, ExprHash> tangents_;      // g → tan(d·g) or tan(d·g/2)
  std::unordered_map<Expr, std::size_t, ExprHash> functions_;     // ln u, atan u
  bool hyperbolic_ = false;
  std::unique_ptr<PolyContext> context_;
  std::vector<RationalFunction> derivations_;
};

}  // namespace

std::unique_ptr<KernelTower> KernelTower::of(Integrator& in, const Expr& e) {
  TowerBuilder builder(in);
  if (!builder.collect(e)) return nullptr;
  return builder.build(e);
}

Poly KernelTower::derive(const Poly& p) const {
  Poly sum(*context_);
  for (std::size_t j = 0; j < size(); ++j) {
    const Poly partial = poly_partial(p, j, *context_);
    if (!partial.is_zero()) sum = sum + partial * scaled_derivations_[j];
  }
  return sum;
}

std::vector<Poly> KernelTower::darboux_polynomials() const {
  std::vector<Poly> result;
  for (std::size_t i : tangents_) {
    const Poly t = Poly::generator(*context_, i);
    result.push_back(Poly::constant(*context_, Number(1)) + t * t);
  }
  return result;
}

}  // namespace leibniz::integration
