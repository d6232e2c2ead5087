// Parsing the text syntax of spec/interfaces.md §1 into a canonical Expr.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leibniz/expr/expr.h"

namespace leibniz {

struct ParseOptions {
  /// Called for a call f(args) whose name is not a built-in function; returns the
  /// expression for the call, or nullopt if f is unknown. Model files use it for `def`.
  std::function<std::optional<Expr>(std::string_view name, const std::vector<Expr>& args)>
      user_function;
  /// Names that may not be used as variables (e.g. a user function without arguments).
  std::function<bool(std::string_view name)> is_function_name;
  /// Differentiates expr by var, for the notes' d/dx EXPR (spec §1 v2); the expr layer
  /// cannot see calculus, so the caller passes it in. Without it d/dx EXPR is an
  /// Error{Unsupported}.
  std::function<Expr(const Expr& expr, const Expr& var)> differentiate;
  /// Undefined functions (spec §1 v2): a one-letter name other than e applied to
  /// arguments, and the names in `functions`, are calls kept as objects (call.h).
  bool undefined_functions = true;
  std::vector<std::string> functions;
};

/// Parses "x^2*sin(y) + 2x", and the Unicode print_unicode writes ("4x³y", "√(1 − x²)"). Throws
/// Error{Parse} naming the problem with its 0-based offset, or Error{Limit} for input beyond
/// limits().
Expr parse_text(std::string_view input, const ParseOptions& options = {});

}  // namespace leibniz
