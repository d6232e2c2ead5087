// The fast evaluator of the eval layer (precise.h is the rigorous one, in MPFR): one
// expression over named variables, compiled once to the code of code.h. Each shared
// subexpression is computed once, and evaluation at many points (finite differences,
// gradient checks, plots) costs no tree walks.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "leibniz/eval/code.h"
#include "leibniz/expr/expr.h"

namespace leibniz {

class Program {
 public:
  /// Compiles e over the given variables (Symbols), in that order. Any other symbol in
  /// e is an Error{Request}: "no value given for 'y'".
  Program(const Expr& e, std::span<const Expr> variables);

  /// The value at the point (one double per variable). Throws Error{Domain} naming the
  /// operation when a value is undefined (ln(-1), 1/0) or not finite.
  double run(std::span<const double> point) const;

  /// Instructions, the variables' included.
  std::size_t size() const { return code_.size(); }

 private:
  Code code_;  // slot i < variables: variable i; then one slot per instruction
  std::uint32_t result_ = 0;
};

/// Evaluates e with the variables bound by name.
double evaluate(const Expr& e, const std::map<std::string, double>& bindings);

}  // namespace leibniz
