// The benchmark's engine (bench/backprop; not the library: model files go through
// leibniz/graph/numeric_graph.h). A flat scalar tape recorded node by node
// (define-by-run): micrograd's interface, Stan Math's storage. Each operation computes its
// value when recorded; the recording order is a topological order, so backward is one
// reverse loop over plain arrays. Memory: 25 bytes a node. For many gradients of one
// recorded graph, compile it (tape_compiled.h).
//
//   Tape t;  auto x = t.input(2), y = t.input(3);
//   auto f = t.mul(t.tanh(x), y);  t.backward(f);  t.adjoint(x) == y·(1 − tanh²x)
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace leibniz::graph {

class Tape {
 public:
  using Var = std::uint32_t;
  enum class Op : std::uint8_t { Input, Add, Sub, Mul, Div, Scale, Exp, Log, Tanh, Sigmoid };

  void reserve(std::size_t nodes);
  void clear();
  std::size_t size() const { return op_.size(); }

  Var input(double v) {
    if (first_op_ == op_.size()) ++first_op_;  // inputs recorded first need no visit
    return push(Op::Input, 0, 0, v);
  }
  Var add(Var a, Var b) { return push(Op::Add, a, b, value_[a] + value_[b]); }
  Var sub(Var a, Var b) { return push(Op::Sub, a, b, value_[a] - value_[b]); }
  Var mul(Var a, Var b) { return push(Op::Mul, a, b, value_[a] * value_[b]); }
  Var div(Var a, Var b) { return push(Op::Div, a, b, value_[a] / value_[b]); }
  /// c·a for a constant c (kept in the constant table).
  Var scale(Var a, double c);
  Var exp(Var a);
  Var log(Var a);
  Var tanh(Var a);
  Var sigmoid(Var a);

  double value(Var v) const { return value_[v]; }
  double adjoint(Var v) const { return adjoint_[v]; }
  /// Changes an input; forward() recomputes what depends on it.
  void set_input(Var v, double value) { value_[v] = value; }

  /// Recomputes every value from the inputs, in recording order.
  void forward();
  /// ∂output/∂v for every v recorded before output, in one reverse loop.
  void backward(Var output);

 private:
  friend class CompiledTape;  // reads the recording (tape_compiled.h)

  Var push(Op op, Var a, Var b, double value) {
    op_.push_back(op);
    a_.push_back(a);
    b_.push_back(b);
    value_.push_back(value);
    return static_cast<Var>(op_.size() - 1);
  }

  std::vector<Op> op_;
  std::vector<Var> a_, b_;  // operands (Scale: b indexes constants_)
  std::vector<double> value_, adjoint_;
  std::vector<double> constants_;
  std::size_t first_op_ = 0;  // the nodes before it are all inputs
};

}  // namespace leibniz::graph
