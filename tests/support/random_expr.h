// Seeded random expressions of several variables for property tests: compositions
// of + - * / ^ and the elementary functions. generate() keeps to each function's domain
// (for numeric checks); any() covers every form a printer must write back.
#pragma once

#include <iterator>
#include <random>
#include <vector>

#include "leibniz/expr/builders.h"
#include "leibniz/expr/call.h"
#include "leibniz/expr/expr.h"
#include "leibniz/expr/functions.h"

namespace leibniz::testing {

class RandomExpr {
 public:
  explicit RandomExpr(unsigned seed) : rng_(seed) {}

  const std::vector<Expr>& variables() const { return vars_; }

  Expr generate(int depth) {
    if (depth == 0 || pick(4) == 0) return leaf();
    switch (pick(9)) {
      case 0:
      case 1: return add(generate(depth - 1), generate(depth - 1));
      case 2:
      case 3: return mul(generate(depth - 1), generate(depth - 1));
      case 4: return sub(generate(depth - 1), generate(depth - 1));
      case 5: return div(generate(depth - 1), add(integer(2), pow(generate(depth - 1), 2)));
      case 6: return pow(generate(depth - 1), integer(pick(4) + 2));
      default: return function(generate(depth - 1));
    }
  }

  /// Everything a printer must write: every function of the table, negative and
  /// rational powers, variable exponents, subscripted, Greek and accented names, e, pi
  /// and floats, undefined functions and their derivatives. The builders may refuse a combination
  /// (ln 0): callers skip those.
  Expr any(int depth) {
    if (depth == 0 || pick(5) == 0) return any_leaf();
    switch (pick(9)) {
      case 0: return add(any(depth - 1), any(depth - 1));
      case 1: return sub(any(depth - 1), any(depth - 1));
      case 2: return mul(any(depth - 1), any(depth - 1));
      case 3: return div(any(depth - 1), any(depth - 1));
      case 4: return pow(any(depth - 1), any_exponent());
      case 5: return pow(any_leaf(), any(depth - 1));
      case 6: return neg(any(depth - 1));
      case 7:
        if (pick(2) == 0) return undefined_call(depth);
        [[fallthrough]];
      default: {
        const auto fn = static_cast<Fn>(pick(static_cast<int>(kFnCount)));
        if (function_info(fn).arity() == 2) return func(fn, any(depth - 1), any(depth - 1));
        return func(fn, any(depth - 1));
      }
    }
  }

  double uniform(double lo, double hi) { return std::uniform_real_distribution<>(lo, hi)(rng_); }

 private:
  int pick(int n) { return std::uniform_int_distribution<>(0, n - 1)(rng_); }

  // An undefined function of one or two arguments (spec §1 v2), or a derivative of one;
  // a third of them of calls, as the chain rule's f(g(x, y), h(x, y)) and its ∂f/∂g.
  Expr undefined_call(int depth) {
    static const char* const kNames[] = {"f", "g", "h", "u", "F"};
    std::vector<Expr> args;
    if (pick(3) == 0) {
      const std::vector<Expr> inner{vars_[0], vars_[static_cast<std::size_t>(pick(3))]};
      for (int k = pick(2); k >= 0; --k) {
        const std::size_t arity = static_cast<std::size_t>(pick(2)) + 1;
        std::vector<std::size_t> slots;
        if (pick(4) == 0) slots.push_back(0);
        args.push_back(call(kNames[pick(5)], std::span(inner.data(), arity), slots));
      }
      if (pick(4) == 0) args.push_back(any(depth - 1));
    } else {
      args.push_back(any(depth - 1));
      if (pick(2) == 0) args.push_back(pick(3) == 0 ? args[0] : any(depth - 1));
    }
    std::vector<std::size_t> slots;
    for (int k = pick(4); k > 0 && k < 3; --k) {
      slots.push_back(static_cast<std::size_t>(pick(static_cast<int>(args.size()))));
    }
    return call(kNames[pick(5)], args, slots);
  }

  Expr leaf() {
    if (pick(3) == 0) return rational(pick(9) - 4, pick(3) + 1);
    return vars_[static_cast<std::size_t>(pick(static_cast<int>(vars_.size())))];
  }

  Expr any_leaf() {
    static const char* const kNames[] = {
        "x",    "y",     "w_1",  "w1",       "h_theta", "w_P_1x_1", "theta", "alpha_2",
        "yhat", "sigma", "d",    "loss",     "h_tm1",   "x_1_2",    "e_1",   "pi_x",
        "w1_a", "Delta", "xbar", "sigma_12", "b_P1",    "z_",       "_t",    "sin_1",
        "f",    "g",     "z",    "xy",       "E5",      "e1",       "dx"};
    switch (pick(7)) {
      case 0: return integer(pick(19) - 9);
      case 1: return rational(pick(19) - 9, pick(5) + 2);
      case 2: return pick(2) == 0 ? e_constant() : pi_constant();
      case 3: {
        static const double kFloats[] = {0.5, 2.5, 1e-5, 1.5e10, 3.25, 0.1, 123456.789};
        return number(Number::from_double(kFloats[pick(7)]));
      }
      case 4: return number(Number::parse_exact(pick(2) ? "-12345678901234567890123" : "1e30"));
      default: return symbol(kNames[pick(static_cast<int>(std::size(kNames)))]);
    }
  }

  Expr any_exponent() {
    switch (pick(4)) {
      case 0: return integer(pick(9) - 4);
      case 1: return rational(pick(9) - 4, pick(3) + 2);
      case 2: return neg(any_leaf());
      default: return any_leaf();
    }
  }

  // Arguments are shaped to stay inside each function's domain at most points.
  Expr function(const Expr& u) {
    const Expr positive = add(integer(1), pow(u, 2));
    switch (pick(12)) {
      case 0: return func(Fn::Sin, u);
      case 1: return func(Fn::Cos, u);
      case 2: return exp(div(u, positive));
      case 3: return func(Fn::Ln, positive);
      case 4: return sqrt(positive);
      case 5: return func(Fn::Sigmoid, u);
      case 6: return func(Fn::Tanh, u);
      case 7: return func(Fn::Atan, u);
      case 8: return func(Fn::Asin, div(u, add(integer(2), pow(u, 2))));
      case 9: return pow(integer(2), div(u, positive));
      case 10: return func(Fn::Sinh, div(u, positive));
      default: return pow(positive, div(u, positive));  // variable base and exponent
    }
  }

  std::mt19937 rng_;
  std::vector<Expr> vars_{symbol("x"), symbol("y"), symbol("z")};
};

}  // namespace leibniz::testing
