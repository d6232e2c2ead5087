#include "leibniz/expr/builders_roots.h"

#include <cmath>

#include "leibniz/expr/builders.h"

namespace leibniz::detail {
namespace {

bool even_denominator(const Expr& x) {
  if (!x.is_number() || !x.number().is_exact()) return false;
  return x.number().denominator().is_even();
}

// b^x is defined only for b >= 0: an exact exponent with an even denominator, or a
// float that is no whole number (its binary fraction has one too: x^0.5).
bool needs_nonnegative_base(const Expr& x) {
  if (!x.is_number()) return false;
  if (x.number().is_float()) {
    const double v = x.number().to_double();
    return v != std::floor(v);
  }
  return even_denominator(x);
}

bool is_half(const Expr& x) { return x.is_number() && x.number() == Number::rational(1, 2); }

// (b^(1/2))^k, the kept root: b^(k/2) needs no b >= 0 of its own.
bool is_kept_root(const Expr& e) {
  return e.is(Kind::Pow) && e.base().is(Kind::Pow) && is_half(e.base().exponent()) &&
         e.exponent().is_number() &&
         !needs_nonnegative_base(mul(e.exponent(), e.base().exponent()));
}

bool nonnegative(const Expr& e, int depth) {
  if (depth > 8) return false;  // unsure is false
  switch (e.kind()) {
    case Kind::Number: return !e.number().is_negative();
    case Kind::Constant: return true;  // e, pi
    case Kind::Func:
      switch (e.fn()) {
        case Fn::Abs:
        case Fn::Cosh:
        case Fn::Sigmoid:
        case Fn::Relu:
        case Fn::Softplus:
        case Fn::Heaviside:
        case Fn::Acos:
        case Fn::Acot:
        case Fn::Asec: return true;
        default: return false;
      }
    case Kind::Pow: {
      const Expr& x = e.exponent();
      if (needs_nonnegative_base(x)) return true;  // a root is >= 0
      if (x.is_integer() && x.number().is_even()) return true;
      return nonnegative(e.base(), depth + 1);
    }
    case Kind::Mul:
    case Kind::Add:
      for (const Expr& a : e.args()) {
        if (!nonnegative(a, depth + 1)) return false;
      }
      return true;
    default: return false;
  }
}

}  // namespace

CollectedPower collected_power(const Expr& factor) {
  if (is_kept_root(factor)) {
    const Expr& root = factor.base();
    return {root.base(), mul(factor.exponent(), root.exponent()), true};
  }
  if (factor.is(Kind::Pow)) {
    return {factor.base(), factor.exponent(), needs_nonnegative_base(factor.exponent())};
  }
  return {factor, integer(1), false};
}

Expr power_keeping_domain(const Expr& base, const Expr& exponent, bool even_root) {
  if (!even_root || !exponent.is_number() || needs_nonnegative_base(exponent) ||
      exponent.is_zero() || known_nonnegative(base)) {
    return pow(base, exponent);
  }
  const Expr root_parts[] = {base, rational(1, 2)};
  const Expr root = make_node(Kind::Pow, std::span<const Expr>(root_parts));
  const Expr parts[] = {root, mul(integer(2), exponent)};
  return make_node(Kind::Pow, std::span<const Expr>(parts));
}

bool known_nonnegative(const Expr& e) { return nonnegative(e, 0); }

}  // namespace leibniz::detail
