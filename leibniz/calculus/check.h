// Deciding whether two expressions are equal, the one home of that question (the
// claims of `leibniz check` and the self-check of every antiderivative). `holds` must
// be earned: by a proof (their difference simplifies to 0), or by agreement at points
// that would expose a difference (docs/checking.md): magnitudes 1e-3 … 1e6 of both
// signs, both sides of every breakpoint, evaluated in 256-bit arithmetic (MPFR).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "leibniz/expr/expr.h"

namespace leibniz {

enum class Verdict { Holds, Fails, Unknown };

/// The domain policy: a claim holds when its sides are equal wherever both are
/// defined (real numbers); where only one side is defined is reported in `domain`,
/// and there must be enough points where both are.
struct EqualityCheck {
  Verdict verdict = Verdict::Unknown;
  /// How it was decided: "symbolic", "numeric: 120 points agree …", or for Fails
  /// "a counterexample".
  std::string method;
  Expr difference;  ///< simplify(left - right)
  /// For Fails: where the sides differ, and their values there (exact text when exact).
  std::vector<std::pair<std::string, std::string>> point;
  std::string left_value, right_value;
  std::string reason;  ///< for Unknown
  /// For Holds: empty, or a point where only one side is defined ("at x = -1 the left
  /// side is undefined and the right side is -1"): it holds where both are defined.
  std::string domain;
  /// How many of the points sampled had only one side defined: one or two are isolated
  /// points (x = 1 in (x^2 - 1)/(x - 1) = x + 1), more a stretch where the domains differ
  /// (x < 0 in ln(x^2) = 2*ln(x)).
  int one_sided_points = 0;
};

struct CheckOptions {
  /// Try simplify(left - right) first, and evaluate that difference at every point
  /// too (it shows differences beyond the sides' precision: x and x + e^-1000).
  bool symbolic = true;
  /// What each side needs defined, as written (DomainWitnesses): sqrt(x)^2/x is built as
  /// 1 but is undefined for x <= 0. A side counts undefined where one of these is.
  std::vector<Expr> left_domain = {}, right_domain = {};
};

EqualityCheck check_equal(const Expr& left, const Expr& right, const CheckOptions& options = {});

}  // namespace leibniz
