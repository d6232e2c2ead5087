// Deciding whether two expressions are equal: symbolically when their canonical
// forms meet, otherwise by evaluation at points (exact at integer points, in double
// precision at random ones) with an explicit tolerance, and "unknown" with the
// reason when neither can decide.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "leibniz/expr/expr.h"

namespace leibniz {

enum class Verdict { Holds, Fails, Unknown };

struct EqualityCheck {
  Verdict verdict = Verdict::Unknown;
  /// How it was decided: "symbolic", "numeric: 12 points agree within 1e-09", or
  /// for Fails "a counterexample".
  std::string method;
  Expr difference;  ///< simplify(left - right)
  /// For Fails: where the sides differ, and their values there (exact text when exact).
  std::vector<std::pair<std::string, std::string>> point;
  std::string left_value, right_value;
  std::string reason;  ///< for Unknown
};

/// Relative tolerance of the numeric comparison.
inline constexpr double kCheckTolerance = 1e-9;

EqualityCheck check_equal(const Expr& left, const Expr& right);

}  // namespace leibniz
