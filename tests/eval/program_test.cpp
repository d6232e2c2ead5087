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

// Code whose slot 0 is the input x; the maps hold nodes, so the expressions compiled
// are kept alive while the maps are used.
struct CodeOverX {
  Expr x = symbol("x");
  Code code;
  SlotMap slots{{x.node(), 0}};
  std::uint32_t next = 1;
  std::vector<Expr> compiled;

  CodeOverX() { code.instructions.push_back({Op::Input, Fn::Ln, 0, 0, 0, 0}); }
  std::uint32_t compile(const char* text, SlotMap& map, const SlotMap* outer) {
    compiled.push_back(parse_text(text));
    return compiler.compile(compiled.back(), code, map, outer, next);
  }
  // Every slot at x = value; `at` is the instruction that failed, if one does.
  std::vector<double> run(double value, std::uint32_t& at) const {
    std::vector<double> values(next);
    execute(code, 0, code.size(), values.data(), &value, at);
    return values;
  }

 private:
  CodeCompiler compiler;
};

// The code of code.h, as the compiled graph uses it: a second expression reads the
// slots of the first one's subexpressions through `outer`, and computes only what is new.
TEST(Code, ASecondExpressionReadsTheSlotsOfTheFirst) {
  CodeOverX c;
  const std::uint32_t body = c.compile("sin(x + 1)", c.slots, nullptr);
  const std::uint32_t body_end = c.code.size();
  SlotMap local;
  const std::uint32_t derivative = c.compile("cos(x + 1)", local, &c.slots);
  EXPECT_EQ(c.code.size(), body_end + 1);  // only the cos: x + 1 is in its slot
  std::uint32_t at = 0;
  const std::vector<double> values = c.run(0.5, at);
  EXPECT_DOUBLE_EQ(values[body], std::sin(1.5));
  EXPECT_DOUBLE_EQ(values[derivative], std::cos(1.5));
}

TEST(Code, AnErrorNamesTheInstructionThatFailed) {
  CodeOverX c;
  c.compile("ln(x - 1) + 2", c.slots, nullptr);
  std::uint32_t at = 0;
  try {
    c.run(1.0, at);
    FAIL() << "ln(0) has no value";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Domain);
    EXPECT_EQ(c.code.instructions[at].op, Op::Func);
  }
}

}  // namespace
}  // namespace leibniz
