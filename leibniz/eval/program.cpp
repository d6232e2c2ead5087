#include "leibniz/eval/program.h"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <unordered_map>

#include "leibniz/core/error.h"
#include "leibniz/core/limits.h"
#include "leibniz/expr/call.h"
#include "leibniz/expr/functions.h"

namespace leibniz {
namespace {

[[noreturn]] void not_finite() {
  throw Error(ErrorKind::Domain, "the value is not a finite number (overflow)");
}

}  // namespace

Program::Program(const Expr& e, std::span<const Expr> variables) {
  std::unordered_map<const Node*, std::uint32_t> slot;
  for (std::size_t i = 0; i < variables.size(); ++i) {
    slot.emplace(variables[i].node(), static_cast<std::uint32_t>(code_.size()));
    code_.push_back({Op::Variable, Fn::Ln, static_cast<std::uint32_t>(i), 0, 0, 0});
  }
  // Post-order walk with an explicit stack: children before parents.
  std::vector<std::pair<Expr, bool>> stack{{e, false}};
  while (!stack.empty()) {
    auto [node, expanded] = stack.back();
    stack.pop_back();
    if (slot.count(node.node())) continue;
    if (!expanded) {
      stack.push_back({node, true});
      for (const Expr& a : node.args()) stack.push_back({a, false});
      continue;
    }
    Instruction in{Op::Constant};
    switch (node.kind()) {
      case Kind::Number: in.value = node.number().to_double(); break;
      case Kind::Constant: in.value = node.is_e() ? M_E : M_PI; break;
      case Kind::Symbol:
        throw Error(ErrorKind::Request, fmt::format("no value given for '{}'", node.name()));
      case Kind::Add: in.op = Op::Add; break;
      case Kind::Mul: in.op = Op::Mul; break;
      case Kind::Func:
        in.op = Op::Func;
        in.fn = node.fn();
        break;
      case Kind::Call:
        throw Error(
            ErrorKind::Unsupported,
            fmt::format("'{}' is an undefined function: it has no numeric value", call_name(node)));
      case Kind::Pow: {
        in.op = Op::Pow;
        const Expr& x = node.exponent();
        if (x.is_integer() && x.number().to_long()) {
          in.op = Op::PowInt;
          in.value = static_cast<double>(*x.number().to_long());
        } else if (x.is_number() && x.number().is_exact() &&
                   mpz_odd_p(x.number().exact().get_den_mpz_t())) {
          // p/q with q odd: a real root exists for negative bases too.
          in.op = Op::RealRoot;
          in.value = x.number().exact().get_num().get_d();
          in.extra = x.number().exact().get_den().get_d();
        }
        break;
      }
    }
    in.first = static_cast<std::uint32_t>(args_.size());
    if (in.op == Op::Constant) {
      in.count = 0;
    } else if (in.op == Op::PowInt || in.op == Op::RealRoot) {
      args_.push_back(slot.at(node.base().node()));
      in.count = 1;
    } else {
      for (const Expr& a : node.args()) args_.push_back(slot.at(a.node()));
      in.count = static_cast<std::uint32_t>(node.args().size());
    }
    slot.emplace(node.node(), static_cast<std::uint32_t>(code_.size()));
    code_.push_back(in);
  }
  // The result is the last instruction; a bare variable or repeated node needs a copy.
  const std::uint32_t result = slot.at(e.node());
  if (result != code_.size() - 1) {
    code_.push_back({Op::Add, Fn::Ln, static_cast<std::uint32_t>(args_.size()), 1, 0, 0});
    args_.push_back(result);
  }
}

double Program::run(std::span<const double> point) const {
  std::vector<double> v(code_.size());
  for (std::size_t i = 0; i < code_.size(); ++i) {
    const Instruction& in = code_[i];
    // No operands, no pointer: args_ may be empty, and null + 0 is undefined behaviour.
    const std::uint32_t* a = in.count > 0 ? &args_[in.first] : nullptr;
    double r = 0;
    switch (in.op) {
      case Op::Constant: r = in.value; break;
      case Op::Variable: r = point[in.first]; break;
      case Op::Add:
        for (std::uint32_t k = 0; k < in.count; ++k) r += v[a[k]];
        break;
      case Op::Mul:
        r = 1;
        for (std::uint32_t k = 0; k < in.count; ++k) r *= v[a[k]];
        break;
      case Op::PowInt: r = integer_power(v[a[0]], in.value); break;
      case Op::RealRoot: r = real_root_power(v[a[0]], in.value, in.extra); break;
      case Op::Pow: r = real_power(v[a[0]], v[a[1]]); break;
      case Op::Func:
        r = in.count == 2 ? function_value(in.fn, std::array{v[a[0]], v[a[1]]})
                          : function_value(in.fn, std::span(&v[a[0]], 1));
        break;
    }
    if (!std::isfinite(r)) not_finite();
    v[i] = r;
  }
  return v.back();
}

double integer_power(double b, double n) {
  if (b == 0 && n < 0) throw Error(ErrorKind::Domain, "division by zero");
  return std::pow(b, n);
}

double real_root_power(double b, double p, double q) {
  if (b == 0 && p < 0) throw Error(ErrorKind::Domain, "division by zero");
  const double magnitude = std::pow(std::fabs(b), p / q);
  const bool odd_numerator = std::fmod(std::fabs(p), 2.0) == 1.0;
  return b < 0 && odd_numerator ? -magnitude : magnitude;
}

double real_power(double b, double x) {
  if (b == 0 && x < 0) throw Error(ErrorKind::Domain, "division by zero");
  if (b < 0 && x != std::floor(x)) {
    throw Error(ErrorKind::Domain, fmt::format("({})^({}) is not a real number", b, x));
  }
  return std::pow(b, x);
}

double evaluate(const Expr& e, const std::map<std::string, double>& bindings) {
  std::vector<Expr> variables;
  std::vector<double> point;
  for (const auto& [name, value] : bindings) {
    variables.push_back(detail::make_symbol(name));
    point.push_back(value);
  }
  return Program(e, variables).run(point);
}

}  // namespace leibniz
