#include "leibniz/eval/code.h"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <optional>

#include "leibniz/core/error.h"
#include "leibniz/expr/call.h"
#include "leibniz/expr/functions.h"

namespace leibniz {
namespace {

std::optional<std::uint32_t> find(const Expr& e, const SlotMap& map, const SlotMap* outer) {
  if (auto it = map.find(e.node()); it != map.end()) return it->second;
  if (outer) {
    if (auto it = outer->find(e.node()); it != outer->end()) return it->second;
  }
  if (e.is(Kind::Symbol)) {
    throw Error(ErrorKind::Request, fmt::format("no value given for '{}'", e.name()));
  }
  return std::nullopt;
}

std::uint32_t constant(Code& code, double v) {
  code.constants.push_back(v);
  return static_cast<std::uint32_t>(code.constants.size() - 1);
}

}  // namespace

std::uint32_t CodeCompiler::compile(const Expr& root, Code& code, SlotMap& map,
                                    const SlotMap* outer, std::uint32_t& next) {
  if (auto slot = find(root, map, outer)) return *slot;
  // Post-order with an explicit stack: operands before the operation.
  stack_.clear();
  stack_.emplace_back(&root, false);
  while (!stack_.empty()) {
    const auto [at, expanded] = stack_.back();
    const Expr& e = *at;
    stack_.pop_back();
    if (find(e, map, outer)) continue;
    if (!expanded) {
      stack_.emplace_back(at, true);
      for (const Expr& a : e.args()) stack_.emplace_back(&a, false);
      continue;
    }
    Instruction in{Op::Constant};
    switch (e.kind()) {
      case Kind::Number: in.constant = constant(code, e.number().to_double()); break;
      case Kind::Constant: in.constant = constant(code, e.is_e() ? M_E : M_PI); break;
      case Kind::Symbol: break;  // found above
      case Kind::Add: in.op = Op::Add; break;
      case Kind::Mul: in.op = Op::Mul; break;
      case Kind::Func:
        in.op = Op::Func;
        in.fn = e.fn();
        break;
      case Kind::RootSum:
        in.op = Op::RootSum;
        in.constant = static_cast<std::uint32_t>(code.root_sums.size());
        code.root_sums.push_back(root_terms(e));
        break;
      case Kind::Call:
        throw Error(
            ErrorKind::Unsupported,
            fmt::format("'{}' is an undefined function: it has no numeric value", call_name(e)));
      case Kind::Pow: {
        in.op = Op::Pow;
        const Expr& x = e.exponent();
        if (x.is_integer() && x.number().to_long()) {
          in.op = Op::PowInt;
          in.constant = constant(code, static_cast<double>(*x.number().to_long()));
        } else if (x.is_number() && x.number().is_exact() && !x.number().denominator().is_even()) {
          in.op = Op::RealRoot;  // p/q with q odd: real for negative bases too
          in.constant = constant(code, x.number().exact().get_num().get_d());
          constant(code, x.number().exact().get_den().get_d());
        }
        break;
      }
    }
    in.first = static_cast<std::uint32_t>(code.args.size());
    if (in.op == Op::PowInt || in.op == Op::RealRoot) {
      code.args.push_back(*find(e.base(), map, outer));
      in.count = 1;
    } else if (in.op != Op::Constant) {
      for (const Expr& a : e.args()) code.args.push_back(*find(a, map, outer));
      in.count = static_cast<std::uint32_t>(e.args().size());
    }
    in.out = next++;
    map.emplace(e.node(), in.out);
    code.instructions.push_back(in);
  }
  return *find(root, map, outer);
}

void execute(const Code& code, std::uint32_t begin, std::uint32_t end, double* v,
             const double* inputs, std::uint32_t& at) {
  const double* c = code.constants.data();
  const std::uint32_t* args = code.args.data();
  const Instruction* instructions = code.instructions.data();
  std::uint32_t i = begin;
  try {
    for (; i < end; ++i) {
      const Instruction& in = instructions[i];
      // No operands, no pointer: args may be empty, and null + 0 is undefined behaviour.
      const std::uint32_t* a = in.count > 0 ? args + in.first : nullptr;
      double r = 0;
      switch (in.op) {
        case Op::Input: r = inputs[in.first]; break;
        case Op::Constant: r = c[in.constant]; break;
        case Op::Add:
          for (std::uint32_t k = 0; k < in.count; ++k) r += v[a[k]];
          break;
        case Op::Mul:
          r = 1;
          for (std::uint32_t k = 0; k < in.count; ++k) r *= v[a[k]];
          break;
        case Op::PowInt: r = integer_power(v[a[0]], c[in.constant]); break;
        case Op::RealRoot: r = real_root_power(v[a[0]], c[in.constant], c[in.constant + 1]); break;
        case Op::Pow: r = real_power(v[a[0]], v[a[1]]); break;
        case Op::RootSum: r = root_sum_value(code.root_sums[in.constant], v[a[0]]); break;
        case Op::Func:
          r = in.count == 2 ? function_value(in.fn, std::array{v[a[0]], v[a[1]]})
                            : function_value(in.fn, std::span(&v[a[0]], 1));
          break;
      }
      if (in.op != Op::Input && !std::isfinite(r)) {
        throw Error(ErrorKind::Domain, "the value is not a finite number (overflow)");
      }
      v[in.out] = r;
    }
  } catch (const Error&) {
    at = i;
    throw;
  }
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

}  // namespace leibniz
