// One row per elementary function. Derivatives follow the notes' table; arcsec and
// arccsc use |u| so that they hold on their whole domain, not only for u > 1. The
// activations (relu, softplus, heaviside, sign, max, min) follow PyTorch at their kinks:
// see functions.h and docs/functions.md.
#include "leibniz/expr/functions.h"

#include <fmt/format.h>

#include <array>
#include <cmath>

#include "leibniz/core/error.h"
#include "leibniz/expr/builders.h"

namespace leibniz {
namespace {

[[noreturn]] void outside_domain(std::string_view name, double x) {
  throw Error(ErrorKind::Domain, fmt::format("{}({}) is not defined", name, x));
}

double checked(std::string_view name, double x, double y) {
  if (!std::isfinite(y)) outside_domain(name, x);
  return y;
}

double eval_ln(double x) {
  if (x <= 0) outside_domain("ln", x);
  return std::log(x);
}
double eval_tan(double x) { return checked("tan", x, std::tan(x)); }
double eval_cot(double x) {
  const double s = std::sin(x);
  if (s == 0) outside_domain("cot", x);
  return checked("cot", x, std::cos(x) / s);
}
double eval_sec(double x) {
  const double c = std::cos(x);
  if (c == 0) outside_domain("sec", x);
  return checked("sec", x, 1 / c);
}
double eval_csc(double x) {
  const double s = std::sin(x);
  if (s == 0) outside_domain("csc", x);
  return checked("csc", x, 1 / s);
}
double eval_asin(double x) {
  if (x < -1 || x > 1) outside_domain("asin", x);
  return std::asin(x);
}
double eval_acos(double x) {
  if (x < -1 || x > 1) outside_domain("acos", x);
  return std::acos(x);
}
double eval_acot(double x) { return M_PI / 2 - std::atan(x); }
double eval_asec(double x) {
  if (std::fabs(x) < 1) outside_domain("asec", x);
  return std::acos(1 / x);
}
double eval_acsc(double x) {
  if (std::fabs(x) < 1) outside_domain("acsc", x);
  return std::asin(1 / x);
}
double eval_sinh(double x) { return checked("sinh", x, std::sinh(x)); }
double eval_cosh(double x) { return checked("cosh", x, std::cosh(x)); }
double eval_sigmoid(double x) {
  // Stable for large |x|: never exp of a large positive number.
  if (x >= 0) return 1 / (1 + std::exp(-x));
  const double z = std::exp(x);
  return z / (1 + z);
}

double eval_softplus(double x) {
  // ln(1 + e^x) without overflow: x + ln(1 + e^-x) for positive x.
  return x > 0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x));
}
double eval_relu(double x) { return x > 0 ? x : 0.0; }
double eval_heaviside(double x) { return x > 0 ? 1.0 : 0.0; }
double eval_sign(double x) { return x > 0 ? 1.0 : x < 0 ? -1.0 : 0.0; }

Expr one() { return integer(1); }
Expr zero_derivative(const Expr&) { return integer(0); }

// ∂max(a, b)/∂a = (1 + sign(a − b))/2: 1 where a > b, 0 where a < b, 1/2 at a tie.
Expr half_step(const Expr& a, const Expr& b, bool rising) {
  const Expr s = func(Fn::Sign, sub(a, b));
  return div(rising ? add(one(), s) : sub(one(), s), integer(2));
}
Expr one_minus_square(const Expr& u) { return sub(one(), pow(u, 2)); }
Expr square_minus_one(const Expr& u) { return sub(pow(u, 2), one()); }
Expr one_plus_square(const Expr& u) { return add(one(), pow(u, 2)); }

const std::array<FunctionInfo, kFnCount> kTable = {{
    {Fn::Ln, "ln", "log", "\\ln", "ln", eval_ln, [](const Expr& u) { return pow(u, -1); }},
    {Fn::Sin, "sin", "", "\\sin", "sin", [](double x) { return std::sin(x); },
     [](const Expr& u) { return func(Fn::Cos, u); }},
    {Fn::Cos, "cos", "", "\\cos", "cos", [](double x) { return std::cos(x); },
     [](const Expr& u) { return neg(func(Fn::Sin, u)); }},
    {Fn::Tan, "tan", "", "\\tan", "tan", eval_tan,
     [](const Expr& u) { return pow(func(Fn::Sec, u), 2); }},
    {Fn::Cot, "cot", "", "\\cot", "cot", eval_cot,
     [](const Expr& u) { return neg(pow(func(Fn::Csc, u), 2)); }},
    {Fn::Sec, "sec", "", "\\sec", "sec", eval_sec,
     [](const Expr& u) { return mul(func(Fn::Sec, u), func(Fn::Tan, u)); }},
    {Fn::Csc, "csc", "", "\\csc", "csc", eval_csc,
     [](const Expr& u) { return neg(mul(func(Fn::Csc, u), func(Fn::Cot, u))); }},
    {Fn::Asin, "asin", "arcsin", "\\arcsin", "asin", eval_asin,
     [](const Expr& u) { return pow(one_minus_square(u), rational(-1, 2)); }},
    {Fn::Acos, "acos", "arccos", "\\arccos", "acos", eval_acos,
     [](const Expr& u) { return neg(pow(one_minus_square(u), rational(-1, 2))); }},
    {Fn::Atan, "atan", "arctan", "\\arctan", "atan", [](double x) { return std::atan(x); },
     [](const Expr& u) { return pow(one_plus_square(u), -1); }},
    {Fn::Acot, "acot", "arccot", "\\operatorname{arccot}", "acot", eval_acot,
     [](const Expr& u) { return neg(pow(one_plus_square(u), -1)); }},
    {Fn::Asec, "asec", "arcsec", "\\operatorname{arcsec}", "asec", eval_asec,
     [](const Expr& u) { return pow(mul(func(Fn::Abs, u), sqrt(square_minus_one(u))), -1); }},
    {Fn::Acsc, "acsc", "arccsc", "\\operatorname{arccsc}", "acsc", eval_acsc,
     [](const Expr& u) { return neg(pow(mul(func(Fn::Abs, u), sqrt(square_minus_one(u))), -1)); }},
    {Fn::Sinh, "sinh", "", "\\sinh", "sinh", eval_sinh,
     [](const Expr& u) { return func(Fn::Cosh, u); }},
    {Fn::Cosh, "cosh", "", "\\cosh", "cosh", eval_cosh,
     [](const Expr& u) { return func(Fn::Sinh, u); }},
    {Fn::Tanh, "tanh", "", "\\tanh", "tanh", [](double x) { return std::tanh(x); },
     [](const Expr& u) { return sub(one(), pow(func(Fn::Tanh, u), 2)); }},
    {Fn::Sigmoid, "sigmoid", "", "\\sigma", "σ", eval_sigmoid,
     [](const Expr& u) {
       Expr s = func(Fn::Sigmoid, u);
       return mul(s, sub(one(), s));
     }},
    {Fn::Abs, "abs", "", "", "abs", [](double x) { return std::fabs(x); },
     // d|u|/du = u/|u|, defined where u != 0 (evaluation reports 0/0 at u = 0).
     [](const Expr& u) { return mul(u, pow(func(Fn::Abs, u), -1)); }},
    {Fn::Relu, "relu", "", "\\operatorname{relu}", "relu", eval_relu,
     // relu'(0) = heaviside(0) = 0, as PyTorch.
     [](const Expr& u) { return func(Fn::Heaviside, u); }},
    {Fn::Softplus, "softplus", "", "\\operatorname{softplus}", "softplus", eval_softplus,
     [](const Expr& u) { return func(Fn::Sigmoid, u); }},
    // heaviside(0) = 0 (relu's derivative); its derivative is 0 away from 0, and 0 at 0
    // by convention (autograd's), as is sign's.
    {Fn::Heaviside, "heaviside", "", "\\operatorname{heaviside}", "heaviside", eval_heaviside,
     zero_derivative},
    {Fn::Sign, "sign", "sgn", "\\operatorname{sgn}", "sign", eval_sign, zero_derivative},
    {Fn::Max, "max", "", "\\max", "max", nullptr, nullptr,
     [](double a, double b) { return a >= b ? a : b; },
     [](const Expr& a, const Expr& b, std::size_t i) { return half_step(a, b, i == 0); }},
    {Fn::Min, "min", "", "\\min", "min", nullptr, nullptr,
     [](double a, double b) { return a <= b ? a : b; },
     [](const Expr& a, const Expr& b, std::size_t i) { return half_step(a, b, i != 0); }},
}};

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

const FunctionInfo& function_info(Fn fn) {
  const FunctionInfo& info = kTable[static_cast<std::size_t>(fn)];
  LZ_ASSERT(info.fn == fn, "function table out of order");
  return info;
}

std::optional<Fn> function_by_name(std::string_view name) {
  for (const FunctionInfo& info : kTable) {
    if (info.name == name || (!info.alias.empty() && info.alias == name)) return info.fn;
  }
  return std::nullopt;
}

bool is_reserved_name(std::string_view name) {
  return function_by_name(name).has_value() || name == "exp" || name == "sqrt" || name == "e" ||
         name == "pi";
}

double function_value(Fn fn, std::span<const double> args) {
  const FunctionInfo& f = function_info(fn);
  LZ_ASSERT(args.size() == f.arity(), "wrong number of arguments");
  return f.evaluate2 ? f.evaluate2(args[0], args[1]) : f.evaluate(args[0]);
}

Expr function_partial(Fn fn, std::span<const Expr> args, std::size_t i) {
  const FunctionInfo& f = function_info(fn);
  LZ_ASSERT(args.size() == f.arity() && i < args.size(), "wrong number of arguments");
  return f.partial ? f.partial(args[0], args[1], i) : f.derivative(args[0]);
}

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
  LZ_ASSERT(function_info(fn).arity() == 1, "a function of one argument");
  if (fn == Fn::Ln && arg.is_e()) return integer(1);
  if (auto r = multiple_of_pi(arg)) return trig_at_pi_multiple(fn, *r);
  if (!arg.is_number()) return std::nullopt;
  const Number& x = arg.number();
  if (x.is_float()) return number(Number::from_double(function_info(fn).evaluate(x.to_double())));
  if (fn == Fn::Abs) return number(x.abs());
  if (fn == Fn::Relu) return x.is_negative() ? integer(0) : arg;
  if (fn == Fn::Heaviside) return integer(x.is_negative() || x.is_zero() ? 0 : 1);
  if (fn == Fn::Sign) return integer(x.is_negative() ? -1 : x.is_zero() ? 0 : 1);
  if (fn == Fn::Softplus && x.is_zero()) return func(Fn::Ln, integer(2));  // ln(1 + e⁰)
  if (x.is_zero()) {
    switch (fn) {
      case Fn::Sin:
      case Fn::Tan:
      case Fn::Asin:
      case Fn::Atan:
      case Fn::Sinh:
      case Fn::Tanh: return integer(0);
      case Fn::Cos:
      case Fn::Sec:
      case Fn::Cosh: return integer(1);
      case Fn::Sigmoid: return rational(1, 2);
      case Fn::Ln: throw Error(ErrorKind::Domain, "ln(0) is not defined");
      case Fn::Cot: throw Error(ErrorKind::Domain, "cot(0) is not defined");
      case Fn::Csc: throw Error(ErrorKind::Domain, "csc(0) is not defined");
      default: return std::nullopt;
    }
  }
  if (x.is_one()) {
    if (fn == Fn::Ln || fn == Fn::Acos || fn == Fn::Asec) return integer(0);
  }
  if (fn == Fn::Ln && x.is_negative()) {
    throw Error(ErrorKind::Domain, fmt::format("ln({}) is not defined", x.to_string()));
  }
  return std::nullopt;
}

}  // namespace leibniz
