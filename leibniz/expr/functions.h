// The table of elementary functions: one row per function with everything the engine
// knows about it — names, printing, numeric value, exact values, derivative,
// antiderivative with the rule the steps show, sign, role in integration by parts,
// the slope bound the 256-bit check needs, and the interval the tests sample. Adding a
// function is adding its Fn and its row (and its line in docs/functions.md); the
// parsers, printers, evaluators, differentiator, integrator and the table's tests read
// the row.
//
// At a kink the derivative follows PyTorch's conventions (docs/functions.md):
// relu'(0) = heaviside(0) = 0; heaviside' = sign' = 0 (away from 0 they are; at 0
// there is no derivative and autograd's 0 is used); at a tie a = b, max(a, b) and
// min(a, b) pass half the gradient to each argument (∂max/∂a = (1 + sign(a − b))/2).
// |u| has no such convention: its derivative u/|u| is undefined at 0.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include "leibniz/core/number.h"
#include "leibniz/expr/expr.h"

namespace leibniz {

/// What is known of f's sign wherever f is defined (for ln|u| = ln u).
enum class FunctionSign : std::uint8_t { Any, Nonnegative, Positive };

/// How integration by parts uses f(linear): as dv next to a polynomial u (its
/// antiderivatives stay in its family: sin, cos, sinh, cosh), or as u next to anything
/// integrable (its derivative is algebraic: ln and the inverse functions).
enum class PartsRole : std::uint8_t { None, Dv, U };

struct Interval {
  double lo = 0, hi = 0;
  bool empty() const { return !(lo < hi); }
};

struct FunctionInfo {
  static constexpr double kUnbounded = 1e308;

  Fn fn = Fn::Ln;
  std::string_view name = {};     ///< the text name printed: "asin"
  std::string_view alias = {};    ///< another accepted name ("arcsin"), or empty
  std::string_view latex = {};    ///< "\\sin", "\\operatorname{arccot}"
  std::string_view unicode = {};  ///< "sin", "σ"
  /// The value at a double; throws Error{Domain} outside the real domain. Null for
  /// functions of two arguments (evaluate2).
  double (*evaluate)(double) = nullptr;
  /// f'(u) as an expression of u (the chain rule multiplies by u'). Null for two
  /// arguments (partial).
  Expr (*derivative)(const Expr& u) = nullptr;
  /// F(u) with F' = f, as an expression of u; null when F is not elementary. Absolute
  /// values are written out (ln|cos u|); the integrator drops those it proves needless.
  Expr (*antiderivative)(const Expr& u) = nullptr;
  /// The row of the integral table as the steps show it: "∫ sin u du = −cos u".
  std::string_view antiderivative_rule = {};
  /// f at an exact number, when it has a simple exact value (sin(0) = 0, relu(−3/4) =
  /// 0); nullopt otherwise; throws Error{Domain} where f is undefined (ln(0)).
  std::optional<Expr> (*exact)(const Number& x) = nullptr;
  FunctionSign sign = FunctionSign::Any;
  PartsRole parts = PartsRole::None;
  /// sup |f'| over the real line (∞ when unbounded), for carrying an argument's error
  /// through f where the 256-bit check has no MPFR counterpart for f.
  double slope_bound = kUnbounded;
  /// Where the tests sample f: one or two intervals of its domain, away from its kinks.
  std::array<Interval, 2> test_domain = {};
  /// Functions of two arguments (max, min): the value, and ∂f/∂(argument i) as an
  /// expression of the arguments.
  double (*evaluate2)(double, double) = nullptr;
  Expr (*partial)(const Expr& a, const Expr& b, std::size_t i) = nullptr;

  std::size_t arity() const { return evaluate2 ? 2 : 1; }
};

const FunctionInfo& function_info(Fn fn);

/// Every row, in the order of Fn.
std::span<const FunctionInfo> function_table();

/// The function named `name` (or an alias); nullopt for other names.
std::optional<Fn> function_by_name(std::string_view name);

/// Names that parse as something other than a variable: functions, "exp", "sqrt",
/// "log", the constants.
bool is_reserved_name(std::string_view name);

/// The value of f at doubles, one per argument; throws Error{Domain} outside the domain.
double function_value(Fn fn, std::span<const double> args);

/// ∂f/∂(argument i) as an expression of the arguments.
Expr function_partial(Fn fn, std::span<const Expr> args, std::size_t i);

/// The exact value of f at a number, when it has a simple one (sin(0) = 0, ln(1) = 0);
/// floats are evaluated.
std::optional<Expr> function_at_number(Fn fn, const Expr& arg);

/// The same for the functions of two arguments: max and min of two numbers, and of two
/// equal arguments.
std::optional<Expr> function_at_numbers(Fn fn, const Expr& a, const Expr& b);

}  // namespace leibniz
