// The exact values of the functions at numbers: sin, cos and tan at the multiples of
// π/12 with a simple closed form, each row's own exact values (function_info().exact),
// max and min of numbers; a float argument is evaluated.
#include <fmt/format.h>

#include "leibniz/core/error.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/functions.h"

namespace leibniz {
namespace {

// r with arg = r*pi, for rational r.
std::optional<mpq_class> multiple_of_pi(const Expr& arg) {
  if (arg.is(Kind::Constant) && arg.constant() == ConstantId::Pi) return mpq_class(1);
  if (arg.is(Kind::Mul) && arg.args().size() == 2 && arg.arg(0).is_number() &&
      arg.arg(0).number().is_exact() && arg.arg(1).is(Kind::Constant) &&
      arg.arg(1).constant() == ConstantId::Pi) {
    return arg.arg(0).number().exact();
  }
  return std::nullopt;
}

// sin(k*pi/12) for the k that have a simple closed form: 0, 1/2, sqrt(2)/2, sqrt(3)/2, 1.
std::optional<Expr> sin_of_pi_multiple(const mpq_class& r) {
  mpq_class t = r - 2 * mpz_class(mpz_class(r.get_num() / r.get_den()) / 2);  // into [0, 2) roughly
  while (t < 0) t += 2;
  while (t >= 2) t -= 2;
  int sign = 1;
  if (t >= 1) {  // sin(x + pi) = -sin(x)
    t -= 1;
    sign = -1;
  }
  if (t > mpq_class(1, 2)) t = 1 - t;  // sin(pi - x) = sin(x)
  Expr value;
  if (t == 0)
    value = integer(0);
  else if (t == mpq_class(1, 6))
    value = rational(1, 2);
  else if (t == mpq_class(1, 4))
    value = div(sqrt(integer(2)), integer(2));
  else if (t == mpq_class(1, 3))
    value = div(sqrt(integer(3)), integer(2));
  else if (t == mpq_class(1, 2))
    value = integer(1);
  else
    return std::nullopt;
  return sign < 0 ? neg(value) : value;
}

std::optional<Expr> trig_at_pi_multiple(Fn fn, const mpq_class& r) {
  switch (fn) {
    case Fn::Sin: return sin_of_pi_multiple(r);
    case Fn::Cos: return sin_of_pi_multiple(r + mpq_class(1, 2));
    case Fn::Tan: {
      auto s = sin_of_pi_multiple(r), c = sin_of_pi_multiple(r + mpq_class(1, 2));
      if (!s || !c) return std::nullopt;
      if (c->is_zero())
        throw Error(ErrorKind::Domain, "tan is not defined at odd multiples of pi/2");
      return div(*s, *c);
    }
    default: return std::nullopt;
  }
}

}  // namespace

std::optional<Expr> function_at_numbers(Fn fn, const Expr& a, const Expr& b) {
  LZ_ASSERT(fn == Fn::Max || fn == Fn::Min, "max and min take two arguments");
  if (a == b) return a;
  if (!a.is_number() || !b.is_number()) return std::nullopt;
  const Number &x = a.number(), &y = b.number();
  if (x.is_float() || y.is_float()) {
    return number(Number::from_double(function_info(fn).evaluate2(x.to_double(), y.to_double())));
  }
  const bool a_larger = x.exact() >= y.exact();
  return (fn == Fn::Max) == a_larger ? a : b;
}

std::optional<Expr> function_at_number(Fn fn, const Expr& arg) {
  const FunctionInfo& f = function_info(fn);
  LZ_ASSERT(f.arity() == 1, "a function of one argument");
  if (fn == Fn::Ln && arg.is_e()) return integer(1);
  if (auto r = multiple_of_pi(arg)) return trig_at_pi_multiple(fn, *r);
  if (!arg.is_number()) return std::nullopt;
  const Number& x = arg.number();
  if (x.is_float()) return number(Number::from_double(f.evaluate(x.to_double())));
  return f.exact ? f.exact(x) : std::nullopt;
}

}  // namespace leibniz
