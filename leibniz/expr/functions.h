// The table of elementary functions: one row per function with everything the
// engine knows about it (names, printing, numeric value, exact values, derivative).
//
// At a kink the derivative follows PyTorch's conventions (docs/functions.md):
// relu'(0) = heaviside(0) = 0; heaviside' = sign' = 0 (away from 0 they are; at 0
// there is no derivative and autograd's 0 is used); at a tie a = b, max(a, b) and
// min(a, b) pass half the gradient to each argument (∂max/∂a = (1 + sign(a − b))/2).
// |u| has no such convention: its derivative u/|u| is undefined at 0.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include "leibniz/expr/expr.h"

namespace leibniz {

struct FunctionInfo {
  Fn fn;
  std::string_view name;     ///< the text name printed: "asin"
  std::string_view alias;    ///< another accepted name ("arcsin"), or empty
  std::string_view latex;    ///< "\\sin", "\\operatorname{arccot}"
  std::string_view unicode;  ///< "sin", "σ"
  /// The value at a double; throws Error{Domain} outside the real domain. Null for
  /// functions of two arguments (evaluate2).
  double (*evaluate)(double);
  /// f'(u) as an expression of u (the chain rule multiplies by u'). Null for two
  /// arguments (partial).
  Expr (*derivative)(const Expr& u);
  /// Functions of two arguments (max, min): the value, and ∂f/∂(argument i) as an
  /// expression of the arguments.
  double (*evaluate2)(double, double) = nullptr;
  Expr (*partial)(const Expr& a, const Expr& b, std::size_t i) = nullptr;

  std::size_t arity() const { return evaluate2 ? 2 : 1; }
};

const FunctionInfo& function_info(Fn fn);

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
