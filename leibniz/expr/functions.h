// The table of elementary functions: one row per function with everything the
// engine knows about it (names, printing, numeric value, exact values, derivative).
#pragma once

#include <optional>
#include <string_view>

#include "leibniz/expr/expr.h"

namespace leibniz {

struct FunctionInfo {
  Fn fn;
  std::string_view name;     ///< the text name printed: "asin"
  std::string_view alias;    ///< another accepted name ("arcsin"), or empty
  std::string_view latex;    ///< "\\sin", "\\operatorname{arccot}"
  std::string_view unicode;  ///< "sin", "σ"
  /// The value at a double; throws Error{Domain} outside the real domain.
  double (*evaluate)(double);
  /// f'(u) as an expression of u (the chain rule multiplies by u').
  Expr (*derivative)(const Expr& u);
};

const FunctionInfo& function_info(Fn fn);

/// The function named `name` (or an alias); nullopt for other names.
std::optional<Fn> function_by_name(std::string_view name);

/// Names that parse as something other than a variable: functions, "exp", "sqrt",
/// "log", the constants.
bool is_reserved_name(std::string_view name);

/// The exact value of f at a number, when it has a simple one (sin(0) = 0, ln(1) = 0);
/// floats are evaluated.
std::optional<Expr> function_at_number(Fn fn, const Expr& arg);

}  // namespace leibniz
