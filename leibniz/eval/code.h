// The one instruction set of the numeric evaluators and its one compiler: an Expr DAG
// becomes straight-line code over an array of slots (doubles), in topological order, each
// shared subexpression computed once. Program (one expression over variables) and the
// compiled graph of a model file (graph/numeric_graph.h: every node's body and local
// derivatives over node slots) are both this code; they differ only in how slots are
// assigned.
//
//   Code code;  SlotMap slots{{x.node(), 0}};  std::uint32_t next = 1;
//   CodeCompiler compiler;  std::uint32_t out = compiler.compile(e, code, slots, nullptr, next);
//   execute(code, 0, code.size(), values, inputs, at);   // values[out] = e at the inputs
#pragma once

#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

#include "leibniz/eval/root_sum_value.h"
#include "leibniz/expr/expr.h"

namespace leibniz {

enum class Op : std::uint8_t { Input, Constant, Add, Mul, PowInt, RealRoot, Pow, Func, RootSum };

struct Instruction {
  Op op = Op::Constant;
  Fn fn = Fn::Ln;
  std::uint32_t count = 0;  ///< operands
  std::uint32_t first = 0;  ///< operands: args[first, first + count); Input: its index
  std::uint32_t out = 0;    ///< the slot written
  std::uint32_t constant =
      0;  ///< constants[constant] (PowInt: n; RealRoot: p, q); RootSum: root_sums[constant]
};

struct Code {
  std::vector<Instruction> instructions;
  std::vector<std::uint32_t> args;  ///< operand slots
  std::vector<double> constants;
  std::vector<std::vector<RootTerm>> root_sums;  ///< the roots of each root sum

  std::uint32_t size() const { return static_cast<std::uint32_t>(instructions.size()); }
  std::size_t bytes() const {
    return instructions.size() * sizeof(Instruction) + args.size() * sizeof(std::uint32_t) +
           constants.size() * sizeof(double);
  }
};

/// The slot of each subexpression already compiled (a symbol: the slot of its value).
using SlotMap = std::unordered_map<const Node*, std::uint32_t>;

class CodeCompiler {
 public:
  /// Appends the code of e to `code` and returns e's slot. A subexpression in `map` (or in
  /// `outer`, read only) is read from its slot; every other one is computed once, into
  /// slot `next++`, and added to `map`. A symbol in neither map is an Error{Request} "no
  /// value given for 'y'"; an undefined function, Error{Unsupported}.
  std::uint32_t compile(const Expr& e, Code& code, SlotMap& map, const SlotMap* outer,
                        std::uint32_t& next);

 private:
  // Pointers into the tree, which the compiled expression keeps alive: no reference
  // counting per visit; reused between calls.
  std::vector<std::pair<const Expr*, bool>> stack_;
};

/// Runs code.instructions[begin, end) over `slots`; Input reads inputs[first]. Throws
/// Error{Domain} naming the operation where a value is undefined (ln(-1), 1/0) or not
/// finite, with `at` set to the instruction that failed.
void execute(const Code& code, std::uint32_t begin, std::uint32_t end, double* slots,
             const double* inputs, std::uint32_t& at);

/// The powers of the code, one definition for every numeric evaluator. Each throws
/// Error{Domain} where the power is undefined. b^n for an integer n.
double integer_power(double b, double n);
/// b^(p/q) for q odd: real for negative b too.
double real_root_power(double b, double p, double q);
/// b^x for any real x: undefined for b < 0 and x not an integer.
double real_power(double b, double x);

}  // namespace leibniz
