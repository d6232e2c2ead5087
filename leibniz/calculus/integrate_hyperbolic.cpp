// The reduction formulas of the reciprocal hyperbolic functions, twins of those for sec,
// csc and cot (u = a·x + b): ∫ sechᵏ and ∫ cschᵏ for odd k ≥ 3 (parts with dv = sech²u,
// csch²u), whose even powers Bioche's w = tanh u turns into polynomials, and ∫ cothᵏ for
// k ≥ 2 (coth² = 1 + csch²). Answers found in sinh, cosh and tanh are written back with
// coth, sech and csch when the integrand has them.
#include "leibniz/calculus/integrate_rules.h"
#include "leibniz/expr/builders.h"

namespace leibniz::integration {
namespace {

// From this power on, sechᵏ and cschᵏ of odd k go by their reduction formula.
constexpr long kMinOddPower = 3;
// Beyond this power the formulas are left to the other rules (each level is one step).
constexpr long kMaxReductionPower = 200;

struct Power {
  Fn fn;  // Sech, Csch or Coth
  Expr u;
  long k;
};

// sechᵏu, cschᵏu, cothᵏu, or 1/coshᵏu, 1/sinhᵏu, 1/tanhᵏu, with k ≥ 2.
std::optional<Power> as_reciprocal_power(const Expr& e) {
  if (!e.is(Kind::Pow) || !e.exponent().is_integer() || !e.base().is(Kind::Func)) {
    return std::nullopt;
  }
  const auto k = e.exponent().number().to_long();
  if (!k) return std::nullopt;
  const Expr& u = e.base().arg(0);
  auto power = [&](Fn fn, long n) -> std::optional<Power> {
    if (n < 2 || n > kMaxReductionPower) return std::nullopt;
    return Power{fn, u, n};
  };
  switch (e.base().fn()) {
    case Fn::Sech:
    case Fn::Csch:
    case Fn::Coth: return power(e.base().fn(), *k);
    case Fn::Cosh: return power(Fn::Sech, -*k);
    case Fn::Sinh: return power(Fn::Csch, -*k);
    case Fn::Tanh: return power(Fn::Coth, -*k);
    default: return std::nullopt;
  }
}

// ∫ sechᵏu du = sechᵏ⁻²u·tanh u/(k − 1) + (k − 2)/(k − 1)·∫ sechᵏ⁻²u du,
// ∫ cschᵏu du = −cschᵏ⁻²u·coth u/(k − 1) − (k − 2)/(k − 1)·∫ cschᵏ⁻²u du,
// ∫ cothᵏu du = −cothᵏ⁻¹u/(k − 1) + ∫ cothᵏ⁻²u du.
Expr reduction(Integrator& in, const Expr& e, const Power& p, const Linear& linear) {
  const Expr f = func(p.fn, p.u);
  const long k = p.k;
  RuleRow row;
  Expr first, lower_coefficient;
  switch (p.fn) {
    case Fn::Sech:
      row = {"sech", "∫ sechᵏu du = sechᵏ⁻²u·tanh u/(k − 1) + (k − 2)/(k − 1)·∫ sechᵏ⁻²u du"};
      first = mul(pow(f, k - 2), func(Fn::Tanh, p.u));
      lower_coefficient = rational(k - 2, k - 1);
      break;
    case Fn::Csch:
      row = {"csch", "∫ cschᵏu du = −cschᵏ⁻²u·coth u/(k − 1) − (k − 2)/(k − 1)·∫ cschᵏ⁻²u du"};
      first = neg(mul(pow(f, k - 2), func(Fn::Coth, p.u)));
      lower_coefficient = rational(-(k - 2), k - 1);
      break;
    default:
      row = {"coth", "∫ cothᵏu du = −cothᵏ⁻¹u/(k − 1) + ∫ cothᵏ⁻²u du"};
      first = neg(pow(f, k - 1));
      lower_coefficient = integer(1);
      break;
  }
  const std::size_t index = in.open<Rule::Reduction>(e, {.row = row, .k = integer(k)});
  const Expr lower = in.antiderivative(pow(f, k - 2));
  if (lower.is_null()) {
    in.abandon(index);
    return {};
  }
  return in.finish(index,
                   add(div(first, mul(integer(k - 1), linear.a)), mul(lower_coefficient, lower)));
}

bool has_reciprocal_hyperbolic(const Expr& e) {
  if (e.is(Kind::Func) && (e.fn() == Fn::Coth || e.fn() == Fn::Sech || e.fn() == Fn::Csch)) {
    return true;
  }
  for (const Expr& a : e.args()) {
    if (has_reciprocal_hyperbolic(a)) return true;
  }
  return false;
}

}  // namespace

Expr hyperbolic_reduction_rule(Integrator& in, const Expr& e) {
  const auto p = as_reciprocal_power(e);
  if (!p) return {};
  if (p->fn != Fn::Coth && (p->k < kMinOddPower || p->k % 2 == 0)) return {};
  const auto linear = linear_in(in, p->u);
  if (!linear) return {};
  return reduction(in, e, *p, *linear);
}

Expr reciprocal_hyperbolic_form(const Expr& f, const Expr& integrand) {
  if (!has_reciprocal_hyperbolic(integrand)) return f;
  return rewrite(f, [](const Expr& x) -> std::optional<Expr> {
    if (!x.is(Kind::Pow) || !x.exponent().is_integer() || !x.exponent().number().is_negative() ||
        !x.base().is(Kind::Func)) {
      return std::nullopt;
    }
    const Expr& u = x.base().arg(0);
    switch (x.base().fn()) {
      case Fn::Tanh: return pow(func(Fn::Coth, u), neg(x.exponent()));
      case Fn::Cosh: return pow(func(Fn::Sech, u), neg(x.exponent()));
      case Fn::Sinh: return pow(func(Fn::Csch, u), neg(x.exponent()));
      default: return std::nullopt;
    }
  });
}

}  // namespace leibniz::integration
