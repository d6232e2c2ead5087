#include "leibniz/eval/program.h"

#include <cmath>

#include "leibniz/core/error.h"

namespace leibniz {

Program::Program(const Expr& e, std::span<const Expr> variables) {
  SlotMap slots;
  std::uint32_t next = 0;
  for (std::size_t i = 0; i < variables.size(); ++i) {
    slots.emplace(variables[i].node(), next);
    code_.instructions.push_back({Op::Input, Fn::Ln, 0, static_cast<std::uint32_t>(i), next++, 0});
  }
  result_ = CodeCompiler().compile(e, code_, slots, nullptr, next);
}

double Program::run(std::span<const double> point) const {
  for (const double x : point) {
    if (!std::isfinite(x)) {
      throw Error(ErrorKind::Domain, "the value is not a finite number (overflow)");
    }
  }
  // One slot per instruction, written in order.
  std::vector<double> slots(code_.size());
  std::uint32_t at = 0;
  execute(code_, 0, code_.size(), slots.data(), point.data(), at);
  return slots[result_];
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
