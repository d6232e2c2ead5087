// The fast evaluator of the eval layer (precise.h is the rigorous one, in MPFR): an Expr
// DAG compiled to a flat program of numeric instructions in topological order. Each
// shared subexpression is computed once, and evaluation at many points (finite
// differences, gradient checks, plots, backprop) costs no tree walks.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

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

  std::size_t size() const { return code_.size(); }

 private:
  enum class Op : std::uint8_t { Constant, Variable, Add, Mul, Pow, PowInt, RealRoot, Func };
  struct Instruction {
    Op op;
    Fn fn = Fn::Ln;
    std::uint32_t first = 0;  // index into args_, or the variable index
    std::uint32_t count = 0;  // number of args
    double value = 0;         // Constant value; PowInt exponent; RealRoot p/q as p and q
    double extra = 0;
  };

  std::vector<Instruction> code_;
  std::vector<std::uint32_t> args_;  // operands: indices of earlier instructions
};

/// The powers of a program, one definition for every numeric evaluator (Program, the
/// compiled graph of a model file). Each throws Error{Domain} where the power is undefined.
/// b^n for an integer n.
double integer_power(double b, double n);
/// b^(p/q) for q odd: real for negative b too.
double real_root_power(double b, double p, double q);
/// b^x for any real x: undefined for b < 0 and x not an integer.
double real_power(double b, double x);

/// Evaluates e with the variables bound by name.
double evaluate(const Expr& e, const std::map<std::string, double>& bindings);

}  // namespace leibniz
