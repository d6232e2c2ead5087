#include "tape.h"

#include <algorithm>
#include <cmath>

#include "tape_math.h"

namespace leibniz::graph {

void Tape::reserve(std::size_t nodes) {
  op_.reserve(nodes);
  a_.reserve(nodes);
  b_.reserve(nodes);
  value_.reserve(nodes);
}

void Tape::clear() {
  op_.clear();
  a_.clear();
  b_.clear();
  value_.clear();
  adjoint_.clear();
  constants_.clear();
  first_op_ = 0;
}

Tape::Var Tape::scale(Var a, double c) {
  constants_.push_back(c);
  return push(Op::Scale, a, static_cast<Var>(constants_.size() - 1), c * value_[a]);
}
Tape::Var Tape::exp(Var a) { return push(Op::Exp, a, 0, std::exp(value_[a])); }
Tape::Var Tape::log(Var a) { return push(Op::Log, a, 0, std::log(value_[a])); }
Tape::Var Tape::tanh(Var a) { return push(Op::Tanh, a, 0, tape_tanh(value_[a])); }
Tape::Var Tape::sigmoid(Var a) { return push(Op::Sigmoid, a, 0, tape_sigmoid(value_[a])); }

void Tape::forward() {
  const std::size_t n = op_.size();
  double* v = value_.data();
  for (std::size_t i = first_op_; i < n; ++i) {
    const Var a = a_[i], b = b_[i];
    switch (op_[i]) {
      case Op::Input: break;
      case Op::Add: v[i] = v[a] + v[b]; break;
      case Op::Sub: v[i] = v[a] - v[b]; break;
      case Op::Mul: v[i] = v[a] * v[b]; break;
      case Op::Div: v[i] = v[a] / v[b]; break;
      case Op::Scale: v[i] = constants_[b] * v[a]; break;
      case Op::Exp: v[i] = std::exp(v[a]); break;
      case Op::Log: v[i] = std::log(v[a]); break;
      case Op::Tanh: v[i] = tape_tanh(v[a]); break;
      case Op::Sigmoid: v[i] = tape_sigmoid(v[a]); break;
    }
  }
}

void Tape::backward(Var output) {
  adjoint_.assign(op_.size(), 0.0);
  double* g = adjoint_.data();
  const double* v = value_.data();
  g[output] = 1.0;
  const std::size_t first = std::min<std::size_t>(first_op_, output);
  for (std::size_t i = output + 1; i-- > first;) {
    const double gi = g[i];
    if (gi == 0.0) continue;
    const Var a = a_[i], b = b_[i];
    // The local derivatives of each operation, from the values already on the tape.
    switch (op_[i]) {
      case Op::Input: break;
      case Op::Add:
        g[a] += gi;
        g[b] += gi;
        break;
      case Op::Sub:
        g[a] += gi;
        g[b] -= gi;
        break;
      case Op::Mul:
        g[a] += gi * v[b];
        g[b] += gi * v[a];
        break;
      case Op::Div:
        g[a] += gi / v[b];
        g[b] -= gi * v[i] / v[b];
        break;
      case Op::Scale: g[a] += gi * constants_[b]; break;
      case Op::Exp: g[a] += gi * v[i]; break;
      case Op::Log: g[a] += gi / v[a]; break;
      case Op::Tanh: g[a] += gi * (1.0 - v[i] * v[i]); break;
      case Op::Sigmoid: g[a] += gi * v[i] * (1.0 - v[i]); break;
    }
  }
}

}  // namespace leibniz::graph
