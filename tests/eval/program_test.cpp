// The fast evaluator: doubles, shared subexpressions once, errors named.
#include "leibniz/eval/program.h"

#include <gtest/gtest.h>

#include <cmath>

#include "leibniz/core/error.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"

namespace leibniz {
namespace {

std::string error_of(const char* text, std::map<std::string, double> at) {
  try {
    evaluate(parse_text(text), at);
  } catch (const Error& e) {
    return std::string(kind_name(e.kind())) + ": " + e.what();
  }
  return "no error";
}

TEST(Program, ValuesAtAPoint) {
  EXPECT_DOUBLE_EQ(evaluate(parse_text("x^2*sin(y)"), {{"x", 2}, {"y", 0.5}}), 4 * std::sin(0.5));
  EXPECT_DOUBLE_EQ(evaluate(parse_text("(-8)^(1/3)"), {}), -2);  // the real cube root
  EXPECT_DOUBLE_EQ(evaluate(parse_text("3/4 + pi"), {}), 0.75 + M_PI);
}

TEST(Program, RunsAtManyPoints) {
  const std::vector<Expr> vars{symbol("x")};
  const Program p(parse_text("x^3 - x"), vars);
  for (const double x : {-2.0, 0.0, 0.5, 3.0}) {
    const double at[] = {x};
    EXPECT_DOUBLE_EQ(p.run(at), x * x * x - x);
  }
}

// A shared subexpression is one instruction: x + 1 appears three times and is computed
// once (x, 1, x + 1, 2, sin, cos, the square, the sum).
TEST(Program, SharedSubexpressionsOnce) {
  const std::vector<Expr> vars{symbol("x")};
  EXPECT_EQ(Program(parse_text("sin(x+1) + cos(x+1) + (x+1)^2"), vars).size(), 8u);
}

TEST(Program, ErrorsNameWhatWentWrong) {
  EXPECT_EQ(error_of("x + y", {{"x", 1}}), "request: no value given for 'y'");
  EXPECT_EQ(error_of("1/x", {{"x", 0}}), "domain: division by zero");
  EXPECT_EQ(error_of("(-2)^x", {{"x", 0.5}}), "domain: (-2)^(0.5) is not a real number");
  EXPECT_EQ(error_of("e^x", {{"x", 1000}}), "domain: the value is not a finite number (overflow)");
  EXPECT_EQ(error_of("x", {{"x", INFINITY}}),
            "domain: the value is not a finite number (overflow)");
}

// The code of code.h, as the compiled graph uses it: a second expression reads the
// slots of the first one's subexpressions through `outer`, and computes only what is new.
TEST(Code, ASecondExpressionReadsTheSlotsOfTheFirst) {
  const Expr x = symbol("x");
  Code code;
  SlotMap forward{{x.node(), 0}};
  code.instructions.push_back({Op::Input, Fn::Ln, 0, 0, 0, 0});
  std::uint32_t next = 1;
  CodeCompiler compiler;
  // The maps hold nodes, not references: the expressions stay alive while they are used.
  const Expr sine = parse_text("sin(x + 1)"), cosine = parse_text("cos(x + 1)");
  const std::uint32_t body = compiler.compile(sine, code, forward, nullptr, next);
  const std::uint32_t body_end = code.size();
  SlotMap local;
  const std::uint32_t derivative = compiler.compile(cosine, code, local, &forward, next);
  EXPECT_EQ(code.size(), body_end + 1);  // only the cos: x + 1 is in its slot
  std::vector<double> slots(next);
  const double inputs[] = {0.5};
  std::uint32_t at = 0;
  execute(code, 0, code.size(), slots.data(), inputs, at);
  EXPECT_DOUBLE_EQ(slots[body], std::sin(1.5));
  EXPECT_DOUBLE_EQ(slots[derivative], std::cos(1.5));
}

TEST(Code, AnErrorNamesTheInstructionThatFailed) {
  const Expr x = symbol("x");
  Code code;
  SlotMap slots{{x.node(), 0}};
  code.instructions.push_back({Op::Input, Fn::Ln, 0, 0, 0, 0});
  std::uint32_t next = 1;
  CodeCompiler().compile(parse_text("ln(x - 1) + 2"), code, slots, nullptr, next);
  std::vector<double> values(next);
  const double inputs[] = {1.0};
  std::uint32_t at = 0;
  try {
    execute(code, 0, code.size(), values.data(), inputs, at);
    FAIL() << "ln(0) has no value";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Domain);
    EXPECT_EQ(code.instructions[at].op, Op::Func);
  }
}

}  // namespace
}  // namespace leibniz
