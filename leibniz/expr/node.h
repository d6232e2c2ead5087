// The node behind an Expr; private to the expr layer.
#pragma once

#include "leibniz/expr/expr.h"

namespace leibniz {

class Node {
 public:
  Kind kind = Kind::Number;
  Fn fn = Fn::Ln;
  ConstantId constant = ConstantId::E;
  std::uint32_t depth = 1;
  std::uint64_t hash = 0;
  mutable std::uint32_t refs = 0;
  Number number;
  std::string name;
  std::vector<Expr> args;
};

}  // namespace leibniz
