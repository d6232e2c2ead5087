// A recorded Tape compiled once for many gradients, as ADOL-C tapes a function once and
// calls gradient() on it many times. The nodes are reordered by level (the longest path
// from an input) and, within a level, by operation, so that forward and backward run over
// runs of one operation in tight loops: no branch per node, tanh vectorised.
//
//   Tape t;  auto x = t.input(2), y = t.input(3);  auto f = t.mul(t.tanh(x), y);
//   CompiledTape c(t, f);  c.forward();  c.backward();  c.adjoint(x) == y·(1 − tanh²x)
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "tape.h"

namespace leibniz::graph {

class CompiledTape {
 public:
  using Var = Tape::Var;

  /// Compiles the nodes of `tape` up to `output` (those recorded later cannot reach it),
  /// with their current values.
  CompiledTape(const Tape& tape, Var output);

  /// Nodes, inputs included.
  std::size_t size() const { return value_.size(); }
  /// Runs of one operation that forward and backward loop over.
  std::size_t runs() const { return runs_.size(); }
  /// Memory held, for the benchmark's bytes-per-node figure.
  std::size_t bytes() const;

  /// v is the tape's Var, at most the output.
  double value(Var v) const { return value_[position_[v]]; }
  double adjoint(Var v) const { return adjoint_[position_[v]]; }
  void set_input(Var v, double value) { value_[position_[v]] = value; }

  /// Recomputes every value from the inputs.
  void forward();
  /// ∂output/∂v for every node v, from the current values: one reverse sweep, which also
  /// zeroes the adjoints (no separate pass: see tape_compiled.cpp). Every node sends its
  /// adjoint times its local derivatives, as in ADOL-C; Tape::backward skips the nodes
  /// whose adjoint is 0, so where a node with adjoint 0 has an infinite derivative (log 0,
  /// x / 0) the compiled tape gives NaN (0 · ∞) and the tape does not.
  void backward();

  enum class Kind : std::uint8_t {
    Independent,  // every operand precedes the run: values can be gathered, then mapped
    Chain,        // Add or Mul whose operand a is the node before: a register carries it
    Ordered,      // anything else, node by node in order
  };
  /// How a run's writes through one operand slot go: all first writes (they store), none
  /// (they add), or some of each (a mask from the flag bit decides).
  enum class Writes : std::uint8_t { Mixed, First, Later };
  struct Run {
    Tape::Op op;
    Kind kind;
    std::uint32_t begin, end;  // positions [begin, end)
    Writes a_writes = Writes::Mixed, b_writes = Writes::Mixed;
  };

 private:
  std::vector<Run> runs_;
  // Operands by position (Scale: b indexes constants_). Bit 31 of an operand marks the
  // first write to its adjoint in the reverse sweep: that write stores instead of adding.
  std::vector<std::uint32_t> a_, b_;
  std::vector<double> value_, adjoint_;  // by position
  std::vector<double> constants_;
  std::vector<std::uint32_t> position_;   // the position of each tape Var
  std::vector<std::uint32_t> untouched_;  // positions no operation writes an adjoint to
  std::uint32_t output_ = 0;              // a position
};

}  // namespace leibniz::graph
