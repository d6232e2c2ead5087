// One row per elementary function. Derivatives follow the notes' table; arcsec and
// arccsc use |u| so that they hold on their whole domain, not only for u > 1. The
// activations (relu, softplus, heaviside, sign, max, min) follow PyTorch at their kinks:
// see functions.h and docs/functions.md. The table is in the order of Fn, which a
// static_assert checks: a missing or misplaced row does not compile.
#include "leibniz/expr/functions.h"

#include <fmt/format.h>

#include <algorithm>
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
double eval_coth(double x) {
  if (x == 0) outside_domain("coth", x);
  return 1 / std::tanh(x);
}
double eval_csch(double x) {
  if (x == 0) outside_domain("csch", x);
  return checked("csch", x, 1 / std::sinh(x));
}
double eval_acosh(double x) {
  if (x < 1) outside_domain("acosh", x);
  return std::acosh(x);
}
double eval_atanh(double x) {
  if (x <= -1 || x >= 1) outside_domain("atanh", x);
  return std::atanh(x);
}
double eval_acoth(double x) {
  if (x >= -1 && x <= 1) outside_domain("acoth", x);
  return std::atanh(1 / x);
}
double eval_asech(double x) {
  if (x <= 0 || x > 1) outside_domain("asech", x);
  return std::acosh(1 / x);
}
double eval_acsch(double x) {
  if (x == 0) outside_domain("acsch", x);
  return std::asinh(1 / x);
}
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
Expr square_plus_one(const Expr& u) { return add(pow(u, 2), one()); }
Expr ln_abs(const Expr& u) { return func(Fn::Ln, func(Fn::Abs, u)); }
// u·f(u) ± rest: the antiderivative of an inverse function, by parts.
Expr u_times(Fn fn, const Expr& u) { return mul(u, func(fn, u)); }
// ln(|u| + √(u² − 1)): d/du of it is sign(u)/√(u² − 1), what u·arcsec u leaves over.
Expr ln_abs_plus_root(const Expr& u) {
  return func(Fn::Ln, add(func(Fn::Abs, u), sqrt(square_minus_one(u))));
}

// Exact values: the rows name the few arguments with a simple value.
std::optional<Expr> zero_at_zero(const Number& x) {
  return x.is_zero() ? std::optional(integer(0)) : std::nullopt;
}
std::optional<Expr> one_at_zero(const Number& x) {
  return x.is_zero() ? std::optional(integer(1)) : std::nullopt;
}
std::optional<Expr> zero_at_one(const Number& x) {
  return x.is_one() ? std::optional(integer(0)) : std::nullopt;
}
std::optional<Expr> exact_cot(const Number& x) {
  if (x.is_zero()) throw Error(ErrorKind::Domain, "cot(0) is not defined");
  return std::nullopt;
}
std::optional<Expr> exact_csc(const Number& x) {
  if (x.is_zero()) throw Error(ErrorKind::Domain, "csc(0) is not defined");
  return std::nullopt;
}
std::optional<Expr> exact_coth(const Number& x) {
  if (x.is_zero()) throw Error(ErrorKind::Domain, "coth(0) is not defined");
  return std::nullopt;
}
std::optional<Expr> exact_csch(const Number& x) {
  if (x.is_zero()) throw Error(ErrorKind::Domain, "csch(0) is not defined");
  return std::nullopt;
}
std::optional<Expr> exact_acosh(const Number& x) {
  if (x < Number(1)) {
    throw Error(ErrorKind::Domain, fmt::format("acosh({}) is not defined", x.to_string()));
  }
  return zero_at_one(x);
}
std::optional<Expr> exact_atanh(const Number& x) {
  if (!(x.abs() < Number(1))) {
    throw Error(ErrorKind::Domain, fmt::format("atanh({}) is not defined", x.to_string()));
  }
  return zero_at_zero(x);
}
std::optional<Expr> exact_acoth(const Number& x) {
  if (!(Number(1) < x.abs())) {
    throw Error(ErrorKind::Domain, fmt::format("acoth({}) is not defined", x.to_string()));
  }
  return std::nullopt;
}
std::optional<Expr> exact_asech(const Number& x) {
  if (!x.is_positive() || Number(1) < x) {
    throw Error(ErrorKind::Domain, fmt::format("asech({}) is not defined", x.to_string()));
  }
  return zero_at_one(x);
}
std::optional<Expr> exact_acsch(const Number& x) {
  if (x.is_zero()) throw Error(ErrorKind::Domain, "acsch(0) is not defined");
  return std::nullopt;
}
std::optional<Expr> exact_ln(const Number& x) {
  if (x.is_zero()) throw Error(ErrorKind::Domain, "ln(0) is not defined");
  if (x.is_negative()) {
    throw Error(ErrorKind::Domain, fmt::format("ln({}) is not defined", x.to_string()));
  }
  return zero_at_one(x);
}

constexpr double kTwoOverRootPi = 1.1283791670955126;  // sup |erf'| = erf'(0)

constexpr double kNoBound = FunctionInfo::kUnbounded;

constexpr std::array<FunctionInfo, kFnCount> kTable = {{
    {.fn = Fn::Ln,
     .name = "ln",
     .alias = "log",
     .latex = "\\ln",
     .unicode = "ln",
     .evaluate = eval_ln,
     .derivative = [](const Expr& u) { return pow(u, -1); },
     .antiderivative = [](const Expr& u) { return sub(u_times(Fn::Ln, u), u); },
     .antiderivative_rule = "∫ ln u du = u·ln u − u",
     .exact = exact_ln,
     .parts = PartsRole::U,
     .slope_bound = kNoBound,
     .test_domain = {{{0.1, 5}}}},
    {.fn = Fn::Sin,
     .name = "sin",
     .latex = "\\sin",
     .unicode = "sin",
     .evaluate = [](double x) { return std::sin(x); },
     .derivative = [](const Expr& u) { return func(Fn::Cos, u); },
     .antiderivative = [](const Expr& u) { return neg(func(Fn::Cos, u)); },
     .antiderivative_rule = "∫ sin u du = −cos u",
     .exact = zero_at_zero,
     .parts = PartsRole::Dv,
     .slope_bound = 1,
     .test_domain = {{{-3, 3}}}},
    {.fn = Fn::Cos,
     .name = "cos",
     .latex = "\\cos",
     .unicode = "cos",
     .evaluate = [](double x) { return std::cos(x); },
     .derivative = [](const Expr& u) { return neg(func(Fn::Sin, u)); },
     .antiderivative = [](const Expr& u) { return func(Fn::Sin, u); },
     .antiderivative_rule = "∫ cos u du = sin u",
     .exact = one_at_zero,
     .parts = PartsRole::Dv,
     .slope_bound = 1,
     .test_domain = {{{-3, 3}}}},
    {.fn = Fn::Tan,
     .name = "tan",
     .latex = "\\tan",
     .unicode = "tan",
     .evaluate = eval_tan,
     .derivative = [](const Expr& u) { return pow(func(Fn::Sec, u), 2); },
     .antiderivative = [](const Expr& u) { return neg(ln_abs(func(Fn::Cos, u))); },
     .antiderivative_rule = "∫ tan u du = −ln|cos u|",
     .exact = zero_at_zero,
     .slope_bound = kNoBound,
     .test_domain = {{{-1.2, 1.2}}}},
    {.fn = Fn::Cot,
     .name = "cot",
     .latex = "\\cot",
     .unicode = "cot",
     .evaluate = eval_cot,
     .derivative = [](const Expr& u) { return neg(pow(func(Fn::Csc, u), 2)); },
     .antiderivative = [](const Expr& u) { return ln_abs(func(Fn::Sin, u)); },
     .antiderivative_rule = "∫ cot u du = ln|sin u|",
     .exact = exact_cot,
     .slope_bound = kNoBound,
     .test_domain = {{{0.2, 2.9}}}},
    {.fn = Fn::Sec,
     .name = "sec",
     .latex = "\\sec",
     .unicode = "sec",
     .evaluate = eval_sec,
     .derivative = [](const Expr& u) { return mul(func(Fn::Sec, u), func(Fn::Tan, u)); },
     .antiderivative =
         [](const Expr& u) { return ln_abs(add(func(Fn::Sec, u), func(Fn::Tan, u))); },
     .antiderivative_rule = "∫ sec u du = ln|sec u + tan u|",
     .exact = one_at_zero,
     .slope_bound = kNoBound,
     .test_domain = {{{-1.2, 1.2}}}},
    {.fn = Fn::Csc,
     .name = "csc",
     .latex = "\\csc",
     .unicode = "csc",
     .evaluate = eval_csc,
     .derivative = [](const Expr& u) { return neg(mul(func(Fn::Csc, u), func(Fn::Cot, u))); },
     .antiderivative =
         [](const Expr& u) { return neg(ln_abs(add(func(Fn::Csc, u), func(Fn::Cot, u)))); },
     .antiderivative_rule = "∫ csc u du = −ln|csc u + cot u|",
     .exact = exact_csc,
     .slope_bound = kNoBound,
     .test_domain = {{{0.2, 2.9}}}},
    {.fn = Fn::Asin,
     .name = "asin",
     .alias = "arcsin",
     .latex = "\\arcsin",
     .unicode = "asin",
     .evaluate = eval_asin,
     .derivative = [](const Expr& u) { return pow(one_minus_square(u), rational(-1, 2)); },
     .antiderivative =
         [](const Expr& u) { return add(u_times(Fn::Asin, u), sqrt(one_minus_square(u))); },
     .antiderivative_rule = "∫ arcsin u du = u·arcsin u + √(1 − u²)",
     .exact = zero_at_zero,
     .parts = PartsRole::U,
     .slope_bound = kNoBound,
     .test_domain = {{{-0.9, 0.9}}}},
    {.fn = Fn::Acos,
     .name = "acos",
     .alias = "arccos",
     .latex = "\\arccos",
     .unicode = "acos",
     .evaluate = eval_acos,
     .derivative = [](const Expr& u) { return neg(pow(one_minus_square(u), rational(-1, 2))); },
     .antiderivative =
         [](const Expr& u) { return sub(u_times(Fn::Acos, u), sqrt(one_minus_square(u))); },
     .antiderivative_rule = "∫ arccos u du = u·arccos u − √(1 − u²)",
     .exact = zero_at_one,
     .parts = PartsRole::U,
     .slope_bound = kNoBound,
     .test_domain = {{{-0.9, 0.9}}}},
    {.fn = Fn::Atan,
     .name = "atan",
     .alias = "arctan",
     .latex = "\\arctan",
     .unicode = "atan",
     .evaluate = [](double x) { return std::atan(x); },
     .derivative = [](const Expr& u) { return pow(one_plus_square(u), -1); },
     .antiderivative =
         [](const Expr& u) {
           return sub(u_times(Fn::Atan, u), div(func(Fn::Ln, one_plus_square(u)), integer(2)));
         },
     .antiderivative_rule = "∫ arctan u du = u·arctan u − ln(1 + u²)/2",
     .exact = zero_at_zero,
     .parts = PartsRole::U,
     .slope_bound = 1,
     .test_domain = {{{-4, 4}}}},
    {.fn = Fn::Acot,
     .name = "acot",
     .alias = "arccot",
     .latex = "\\operatorname{arccot}",
     .unicode = "acot",
     .evaluate = eval_acot,
     .derivative = [](const Expr& u) { return neg(pow(one_plus_square(u), -1)); },
     .antiderivative =
         [](const Expr& u) {
           return add(u_times(Fn::Acot, u), div(func(Fn::Ln, one_plus_square(u)), integer(2)));
         },
     .antiderivative_rule = "∫ arccot u du = u·arccot u + ln(1 + u²)/2",
     .parts = PartsRole::U,
     .slope_bound = 1,
     .test_domain = {{{-4, 4}}}},
    {.fn = Fn::Asec,
     .name = "asec",
     .alias = "arcsec",
     .latex = "\\operatorname{arcsec}",
     .unicode = "asec",
     .evaluate = eval_asec,
     .derivative =
         [](const Expr& u) { return pow(mul(func(Fn::Abs, u), sqrt(square_minus_one(u))), -1); },
     .antiderivative = [](const Expr& u) { return sub(u_times(Fn::Asec, u), ln_abs_plus_root(u)); },
     .antiderivative_rule = "∫ arcsec u du = u·arcsec u − ln(|u| + √(u² − 1))",
     .exact = zero_at_one,
     .parts = PartsRole::U,
     .slope_bound = kNoBound,
     .test_domain = {{{1.1, 5}, {-5, -1.1}}}},
    {.fn = Fn::Acsc,
     .name = "acsc",
     .alias = "arccsc",
     .latex = "\\operatorname{arccsc}",
     .unicode = "acsc",
     .evaluate = eval_acsc,
     .derivative =
         [](const Expr& u) {
           return neg(pow(mul(func(Fn::Abs, u), sqrt(square_minus_one(u))), -1));
         },
     .antiderivative = [](const Expr& u) { return add(u_times(Fn::Acsc, u), ln_abs_plus_root(u)); },
     .antiderivative_rule = "∫ arccsc u du = u·arccsc u + ln(|u| + √(u² − 1))",
     .parts = PartsRole::U,
     .slope_bound = kNoBound,
     .test_domain = {{{1.1, 5}, {-5, -1.1}}}},
    {.fn = Fn::Sinh,
     .name = "sinh",
     .latex = "\\sinh",
     .unicode = "sinh",
     .evaluate = eval_sinh,
     .derivative = [](const Expr& u) { return func(Fn::Cosh, u); },
     .antiderivative = [](const Expr& u) { return func(Fn::Cosh, u); },
     .antiderivative_rule = "∫ sinh u du = cosh u",
     .exact = zero_at_zero,
     .parts = PartsRole::Dv,
     .slope_bound = kNoBound,
     .test_domain = {{{-3, 3}}}},
    {.fn = Fn::Cosh,
     .name = "cosh",
     .latex = "\\cosh",
     .unicode = "cosh",
     .evaluate = eval_cosh,
     .derivative = [](const Expr& u) { return func(Fn::Sinh, u); },
     .antiderivative = [](const Expr& u) { return func(Fn::Sinh, u); },
     .antiderivative_rule = "∫ cosh u du = sinh u",
     .exact = one_at_zero,
     .sign = FunctionSign::Positive,
     .parts = PartsRole::Dv,
     .slope_bound = kNoBound,
     .test_domain = {{{-3, 3}}}},
    {.fn = Fn::Tanh,
     .name = "tanh",
     .latex = "\\tanh",
     .unicode = "tanh",
     .evaluate = [](double x) { return std::tanh(x); },
     .derivative = [](const Expr& u) { return sub(one(), pow(func(Fn::Tanh, u), 2)); },
     .antiderivative = [](const Expr& u) { return func(Fn::Ln, func(Fn::Cosh, u)); },
     .antiderivative_rule = "∫ tanh u du = ln(cosh u)",
     .exact = zero_at_zero,
     .slope_bound = 1,
     .test_domain = {{{-3, 3}}}},
    {.fn = Fn::Sigmoid,
     .name = "sigmoid",
     .latex = "\\sigma",
     .unicode = "σ",
     .evaluate = eval_sigmoid,
     .derivative =
         [](const Expr& u) {
           Expr s = func(Fn::Sigmoid, u);
           return mul(s, sub(one(), s));
         },
     .antiderivative = [](const Expr& u) { return func(Fn::Ln, add(one(), exp(u))); },
     .antiderivative_rule = "∫ σ(u) du = ln(1 + eᵘ)",
     .exact =
         [](const Number& x) { return x.is_zero() ? std::optional(rational(1, 2)) : std::nullopt; },
     .sign = FunctionSign::Positive,
     .slope_bound = 0.25,
     .test_domain = {{{-5, 5}}}},
    {.fn = Fn::Abs,
     .name = "abs",
     .latex = "",
     .unicode = "abs",
     .evaluate = [](double x) { return std::fabs(x); },
     // d|u|/du = u/|u|, defined where u != 0 (evaluation reports 0/0 at u = 0).
     .derivative = [](const Expr& u) { return mul(u, pow(func(Fn::Abs, u), -1)); },
     // Each antiderivative of a kinked function holds on both sides of 0 and is
     // continuous there.
     .antiderivative = [](const Expr& u) { return div(mul(u, func(Fn::Abs, u)), integer(2)); },
     .antiderivative_rule = "∫ |u| du = u·|u|/2",
     .exact = [](const Number& x) { return std::optional(number(x.abs())); },
     .sign = FunctionSign::Nonnegative,
     .slope_bound = 1,
     .test_domain = {{{0.1, 5}, {-5, -0.1}}}},
    {.fn = Fn::Relu,
     .name = "relu",
     .latex = "\\operatorname{relu}",
     .unicode = "relu",
     .evaluate = eval_relu,
     // relu'(0) = heaviside(0) = 0, as PyTorch.
     .derivative = [](const Expr& u) { return func(Fn::Heaviside, u); },
     .antiderivative = [](const Expr& u) { return div(mul(u, func(Fn::Relu, u)), integer(2)); },
     .antiderivative_rule = "∫ relu(u) du = u·relu(u)/2",
     .exact =
         [](const Number& x) { return std::optional(x.is_negative() ? integer(0) : number(x)); },
     .sign = FunctionSign::Nonnegative,
     .slope_bound = 1,
     .test_domain = {{{0.1, 5}, {-5, -0.1}}}},
    {.fn = Fn::Softplus,
     .name = "softplus",
     .latex = "\\operatorname{softplus}",
     .unicode = "softplus",
     .evaluate = eval_softplus,
     .derivative = [](const Expr& u) { return func(Fn::Sigmoid, u); },
     // ∫ softplus = −Li₂(−eᵘ): not elementary.
     .exact =
         [](const Number& x) {  // ln(1 + e⁰)
           return x.is_zero() ? std::optional(func(Fn::Ln, integer(2))) : std::nullopt;
         },
     .sign = FunctionSign::Positive,
     .slope_bound = 1,
     .test_domain = {{{-30, 30}}}},
    // heaviside(0) = 0 (relu's derivative); its derivative is 0 away from 0, and 0 at 0
    // by convention (autograd's), as is sign's.
    {.fn = Fn::Heaviside,
     .name = "heaviside",
     .latex = "\\operatorname{heaviside}",
     .unicode = "heaviside",
     .evaluate = eval_heaviside,
     .derivative = zero_derivative,
     .antiderivative = [](const Expr& u) { return func(Fn::Relu, u); },
     .antiderivative_rule = "∫ heaviside(u) du = relu(u)",
     .exact = [](const Number& x) { return std::optional(integer(x.is_positive() ? 1 : 0)); },
     .sign = FunctionSign::Nonnegative,
     .slope_bound = kNoBound,
     .test_domain = {{{0.1, 5}, {-5, -0.1}}}},
    {.fn = Fn::Sign,
     .name = "sign",
     .alias = "sgn",
     .latex = "\\operatorname{sgn}",
     .unicode = "sign",
     .evaluate = eval_sign,
     .derivative = zero_derivative,
     .antiderivative = [](const Expr& u) { return func(Fn::Abs, u); },
     .antiderivative_rule = "∫ sign(u) du = |u|",
     .exact =
         [](const Number& x) {
           return std::optional(integer(x.is_negative() ? -1 : x.is_zero() ? 0 : 1));
         },
     .slope_bound = kNoBound,
     .test_domain = {{{0.1, 5}, {-5, -0.1}}}},
    {.fn = Fn::Max,
     .name = "max",
     .latex = "\\max",
     .unicode = "max",
     .slope_bound = 1,
     .test_domain = {{{-5, 5}}},
     .evaluate2 = [](double a, double b) { return a >= b ? a : b; },
     .partial = [](const Expr& a, const Expr& b,
                   std::size_t i) { return half_step(a, b, i == 0); }},
    {.fn = Fn::Min,
     .name = "min",
     .latex = "\\min",
     .unicode = "min",
     .slope_bound = 1,
     .test_domain = {{{-5, 5}}},
     .evaluate2 = [](double a, double b) { return a <= b ? a : b; },
     .partial = [](const Expr& a, const Expr& b,
                   std::size_t i) { return half_step(a, b, i != 0); }},
    {.fn = Fn::Erf,
     .name = "erf",
     .latex = "\\operatorname{erf}",
     .unicode = "erf",
     .evaluate = [](double x) { return std::erf(x); },
     .derivative =
         [](const Expr& u) {
           return mul(div(integer(2), sqrt(pi_constant())), exp(neg(pow(u, 2))));
         },
     .antiderivative =
         [](const Expr& u) {
           return add(u_times(Fn::Erf, u), div(exp(neg(pow(u, 2))), sqrt(pi_constant())));
         },
     .antiderivative_rule = "∫ erf u du = u·erf u + e^(−u²)/√π",
     .exact = zero_at_zero,
     .slope_bound = kTwoOverRootPi,
     .test_domain = {{{-3, 3}}}},
    {.fn = Fn::Coth,
     .name = "coth",
     .latex = "\\coth",
     .unicode = "coth",
     .evaluate = eval_coth,
     .derivative = [](const Expr& u) { return neg(pow(func(Fn::Csch, u), 2)); },
     .antiderivative = [](const Expr& u) { return ln_abs(func(Fn::Sinh, u)); },
     .antiderivative_rule = "∫ coth u du = ln|sinh u|",
     .exact = exact_coth,
     .slope_bound = kNoBound,
     .test_domain = {{{0.2, 3}, {-3, -0.2}}}},
    {.fn = Fn::Sech,
     .name = "sech",
     .latex = "\\operatorname{sech}",
     .unicode = "sech",
     .evaluate = [](double x) { return 1 / std::cosh(x); },
     .derivative = [](const Expr& u) { return neg(mul(func(Fn::Sech, u), func(Fn::Tanh, u))); },
     .antiderivative = [](const Expr& u) { return func(Fn::Atan, func(Fn::Sinh, u)); },
     .antiderivative_rule = "∫ sech u du = arctan(sinh u)",
     .exact = one_at_zero,
     .sign = FunctionSign::Positive,
     .slope_bound = 0.5,  // |sech·tanh| ≤ 1/2
     .test_domain = {{{-3, 3}}}},
    {.fn = Fn::Csch,
     .name = "csch",
     .latex = "\\operatorname{csch}",
     .unicode = "csch",
     .evaluate = eval_csch,
     .derivative = [](const Expr& u) { return neg(mul(func(Fn::Csch, u), func(Fn::Coth, u))); },
     .antiderivative = [](const Expr& u) { return ln_abs(func(Fn::Tanh, div(u, integer(2)))); },
     .antiderivative_rule = "∫ csch u du = ln|tanh(u/2)|",
     .exact = exact_csch,
     .slope_bound = kNoBound,
     .test_domain = {{{0.2, 3}, {-3, -0.2}}}},
    // The inverse hyperbolic functions print in LaTeX by their ISO 80000-2 names
    // (arsinh); text and LaTeX read asinh, arcsinh and arsinh alike.
    {.fn = Fn::Asinh,
     .name = "asinh",
     .alias = "arcsinh",
     .latex = "\\operatorname{arsinh}",
     .unicode = "asinh",
     .evaluate = [](double x) { return std::asinh(x); },
     .derivative = [](const Expr& u) { return pow(square_plus_one(u), rational(-1, 2)); },
     .antiderivative =
         [](const Expr& u) { return sub(u_times(Fn::Asinh, u), sqrt(square_plus_one(u))); },
     .antiderivative_rule = "∫ arsinh u du = u·arsinh u − √(u² + 1)",
     .exact = zero_at_zero,
     .parts = PartsRole::U,
     .slope_bound = 1,
     .test_domain = {{{-4, 4}}}},
    {.fn = Fn::Acosh,
     .name = "acosh",
     .alias = "arccosh",
     .latex = "\\operatorname{arcosh}",
     .unicode = "acosh",
     .evaluate = eval_acosh,
     .derivative = [](const Expr& u) { return pow(square_minus_one(u), rational(-1, 2)); },
     .antiderivative =
         [](const Expr& u) { return sub(u_times(Fn::Acosh, u), sqrt(square_minus_one(u))); },
     .antiderivative_rule = "∫ arcosh u du = u·arcosh u − √(u² − 1)",
     .exact = exact_acosh,
     .sign = FunctionSign::Nonnegative,
     .parts = PartsRole::U,
     .slope_bound = kNoBound,
     .test_domain = {{{1.1, 5}}}},
    {.fn = Fn::Atanh,
     .name = "atanh",
     .alias = "arctanh",
     .latex = "\\operatorname{artanh}",
     .unicode = "atanh",
     .evaluate = eval_atanh,
     .derivative = [](const Expr& u) { return pow(one_minus_square(u), -1); },
     // 1 − u² > 0 on the whole domain |u| < 1: no absolute value needed.
     .antiderivative =
         [](const Expr& u) {
           return add(u_times(Fn::Atanh, u), div(func(Fn::Ln, one_minus_square(u)), integer(2)));
         },
     .antiderivative_rule = "∫ artanh u du = u·artanh u + ln(1 − u²)/2",
     .exact = exact_atanh,
     .parts = PartsRole::U,
     .slope_bound = kNoBound,
     .test_domain = {{{-0.9, 0.9}}}},
    {.fn = Fn::Acoth,
     .name = "acoth",
     .alias = "arccoth",
     .latex = "\\operatorname{arcoth}",
     .unicode = "acoth",
     .evaluate = eval_acoth,
     .derivative = [](const Expr& u) { return pow(one_minus_square(u), -1); },
     // u² − 1 > 0 on the whole domain |u| > 1.
     .antiderivative =
         [](const Expr& u) {
           return add(u_times(Fn::Acoth, u), div(func(Fn::Ln, square_minus_one(u)), integer(2)));
         },
     .antiderivative_rule = "∫ arcoth u du = u·arcoth u + ln(u² − 1)/2",
     .exact = exact_acoth,
     .parts = PartsRole::U,
     .slope_bound = kNoBound,
     .test_domain = {{{1.1, 4}, {-4, -1.1}}}},
    {.fn = Fn::Asech,
     .name = "asech",
     .alias = "arcsech",
     .latex = "\\operatorname{arsech}",
     .unicode = "asech",
     .evaluate = eval_asech,
     // u > 0 on the whole domain 0 < u ≤ 1: no absolute value needed.
     .derivative = [](const Expr& u) { return neg(pow(mul(u, sqrt(one_minus_square(u))), -1)); },
     .antiderivative = [](const Expr& u) { return add(u_times(Fn::Asech, u), func(Fn::Asin, u)); },
     .antiderivative_rule = "∫ arsech u du = u·arsech u + arcsin u",
     .exact = exact_asech,
     .sign = FunctionSign::Nonnegative,
     .parts = PartsRole::U,
     .slope_bound = kNoBound,
     .test_domain = {{{0.1, 0.9}}}},
    // arcsch u = arsinh(1/u): its derivative has |u|, as arcsec's.
    {.fn = Fn::Acsch,
     .name = "acsch",
     .alias = "arccsch",
     .latex = "\\operatorname{arcsch}",
     .unicode = "acsch",
     .evaluate = eval_acsch,
     .derivative =
         [](const Expr& u) {
           return neg(pow(mul(func(Fn::Abs, u), sqrt(square_plus_one(u))), -1));
         },
     .antiderivative =
         [](const Expr& u) {
           return add(u_times(Fn::Acsch, u), func(Fn::Asinh, func(Fn::Abs, u)));
         },
     .antiderivative_rule = "∫ arcsch u du = u·arcsch u + arsinh|u|",
     .exact = exact_acsch,
     .parts = PartsRole::U,
     .slope_bound = kNoBound,
     .test_domain = {{{0.2, 3}, {-3, -0.2}}}},
}};

constexpr bool in_the_order_of_fn() {
  for (std::size_t k = 0; k < kTable.size(); ++k) {
    if (kTable[k].fn != static_cast<Fn>(k) || kTable[k].name.empty()) return false;
  }
  return true;
}
static_assert(in_the_order_of_fn(), "one row per Fn, in the order of the enum");

}  // namespace

const FunctionInfo& function_info(Fn fn) { return kTable[static_cast<std::size_t>(fn)]; }

std::span<const FunctionInfo> function_table() { return kTable; }

std::optional<Fn> function_by_name(std::string_view name) {
  // The one-letter variables of every formula are shorter than any name: no scan.
  constexpr std::size_t kShortest = [] {
    std::size_t shortest = kTable[0].name.size();
    for (const FunctionInfo& info : kTable) {
      shortest = std::min(shortest, info.name.size());
      if (!info.alias.empty()) shortest = std::min(shortest, info.alias.size());
    }
    return shortest;
  }();
  if (name.size() < kShortest) return std::nullopt;
  for (const FunctionInfo& info : kTable) {
    if (info.name == name || (!info.alias.empty() && info.alias == name)) return info.fn;
  }
  // The ISO 80000-2 names of the inverse hyperbolic functions: arsinh, arcosh, artanh, ...
  if (name == "arsinh") return Fn::Asinh;
  if (name == "arcosh") return Fn::Acosh;
  if (name == "artanh") return Fn::Atanh;
  if (name == "arcoth") return Fn::Acoth;
  if (name == "arsech") return Fn::Asech;
  if (name == "arcsch") return Fn::Acsch;
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

}  // namespace leibniz
