// A derivation, step by step: each rule of calculus records the step it takes in the
// same function that computes its result, so that an explanation cannot drift from
// the answer. A null Trace* records nothing and costs nothing.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "leibniz/expr/expr.h"

namespace leibniz {

enum class StepOperation {
  Derivative,      ///< d/dvar before = after
  Antiderivative,  ///< ∫ before dvar = after
  Rewrite,         ///< before = after (simplifying: expand, collect, cancel)
};

struct Step {
  StepOperation operation = StepOperation::Rewrite;
  std::string rule;  ///< "product rule", "chain rule", "table: sin", "linearity", ...
  Expr var;          ///< the variable of a derivative or antiderivative
  Expr before;
  Expr after;
  /// Named parts, in the notes' terms: {"u", x^2 + y^2}, {"∂u/∂x", 2*x}, ...
  std::vector<std::pair<std::string, Expr>> parts;
  int depth = 0;  ///< nesting: a step taken to compute a part of its parent
};

class Trace {
 public:
  /// Appends a step and returns its index, so that a rule can record its step before
  /// its sub-derivations (which come after it, one level deeper) and fill in the
  /// result when they are done.
  std::size_t add(Step step) {
    step.depth = depth_;
    steps_.push_back(std::move(step));
    return steps_.size() - 1;
  }
  Step& step(std::size_t index) { return steps_[index]; }
  const std::vector<Step>& steps() const { return steps_; }
  /// Steps recorded while a sub-derivation runs are one level deeper.
  int depth() const { return depth_; }
  void enter() { ++depth_; }
  void leave() { --depth_; }

 private:
  std::vector<Step> steps_;
  int depth_ = 0;
};

}  // namespace leibniz
