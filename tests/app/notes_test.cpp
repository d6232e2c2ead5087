#include "leibniz/app/notes.h"

#include <gtest/gtest.h>

#include "leibniz/app/batch.h"
#include "leibniz/app/operations.h"
#include "leibniz/app/requests.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/print.h"

namespace leibniz::app {
namespace {

std::vector<std::string> notes_of_diff(const std::string& expr, std::vector<std::string> wrt,
                                       Syntax syntax = Syntax::Text) {
  Notes notes;
  run_diff(parse_input(expr, syntax), wrt);
  return notes.list();
}

const char* const kXy =
    "x does not occur in the expression; did you mean x*y? (xy is one name; write 2*x*y^3, or "
    "read it as LaTeX (--syntax latex), the notes' notation)";

// Issue 10 A9: the notes' 2xy^3 in text is 2*xy^3; differentiating by x answers 0 and says why.
TEST(Notes, AVariableInsideALongerName) {
  EXPECT_EQ(notes_of_diff("2xy^3", {"x"}), std::vector<std::string>{kXy});
  EXPECT_EQ(notes_of_diff("xy + xz", {"x"}),
            std::vector<std::string>{"x does not occur in the expression; did you mean x*y? (xy, "
                                     "xz are each one name; write x*y + x*z, or read it as LaTeX "
                                     "(--syntax latex), the notes' notation)"});
  EXPECT_EQ(notes_of_diff("sin(x1)", {"x"}),
            std::vector<std::string>{"x does not occur in the expression (x1 is one name)"});
  EXPECT_EQ(notes_of_diff("2xy^3", {"x", "x"}), std::vector<std::string>{kXy});  // once
}

TEST(Notes, NoneWhenTheVariableOccursOrNoNameHoldsIt) {
  EXPECT_TRUE(notes_of_diff("x*xy", {"x"}).empty());
  EXPECT_TRUE(notes_of_diff("y^2", {"x"}).empty());
  EXPECT_TRUE(notes_of_diff("2*x*y^3", {"x"}).empty());
  EXPECT_TRUE(notes_of_diff("2xy^3", {"x"}, Syntax::Latex).empty());  // LaTeX: 2·x·y³
}

TEST(Notes, EveryDerivativeRequest) {
  Notes notes;
  run_grad(parse_input("2xy^3", Syntax::Text), {"x"});
  run_hessian(parse_input("2xy^3", Syntax::Text), {"x"});
  run_jacobian(parse_inputs("2xy^3; y", Syntax::Text), {"x"});
  ASSERT_EQ(notes.list().size(), 2u);  // the same note once; the jacobian's has no rewrite
  EXPECT_EQ(notes.list()[0], kXy);
  EXPECT_EQ(notes.list()[1],
            "x does not occur in the expression; did you mean x*y? (xy is one name; read it as "
            "LaTeX (--syntax latex), the notes' notation)");
}

TEST(Notes, TheNotesDerivativeNotation) {
  Notes notes;
  EXPECT_EQ(parse_input("d/dx 2xy^3", Syntax::Text), integer(0));
  EXPECT_EQ(notes.list(), std::vector<std::string>{kXy});
}

TEST(Notes, OnlyWhileACollectorLives) {
  run_diff(parse_input("2xy^3", Syntax::Text), {"x"});  // no collector: nothing kept
  EXPECT_EQ(Notes::current(), nullptr);
  Notes outer;
  {
    Notes inner;
    EXPECT_EQ(Notes::current(), &inner);
  }
  EXPECT_EQ(Notes::current(), &outer);
  EXPECT_TRUE(outer.list().empty());
}

TEST(Notes, BatchAnswersCarryWarnings) {
  EXPECT_EQ(
      answer_line(R"({"id":1,"op":"diff","expr":"2xy^3","wrt":["x"]})").dump(),
      std::string(R"({"id":1,"ok":true,"result":"0","latex":"0","warnings":[")") + kXy + R"("]})");
  EXPECT_EQ(answer_line(R"({"id":2,"op":"diff","expr":"2*x*y^3","wrt":["x"]})").dump(),
            R"({"id":2,"ok":true,"result":"2*y^3","latex":"2 y^{3}"})");
}

// A generic antiderivative says what it divides by: ∫ xⁿ dx = xⁿ⁺¹/(n + 1) needs n ≠ −1.
std::vector<std::string> notes_of_integral(const std::string& expr) {
  const Answer a = answer({{"op", "integrate"}, {"expr", expr}, {"wrt", "x"}});
  EXPECT_TRUE(a["ok"].get<bool>()) << a.dump();
  return a.contains("warnings") ? a["warnings"].get<std::vector<std::string>>()
                                : std::vector<std::string>{};
}

TEST(Notes, WhatAGenericAntiderivativeAssumes) {
  EXPECT_EQ(notes_of_integral("x^n"),
            std::vector<std::string>{"the antiderivative assumes n + 1 ≠ 0 (the general case)"});
  EXPECT_EQ(notes_of_integral("1/((x-a)*(x-b))"),
            std::vector<std::string>{"the antiderivative assumes b - a ≠ 0 (the general case)"});
  EXPECT_EQ(
      notes_of_integral("sin(a*x) + cos(b*x)"),
      std::vector<std::string>{"the antiderivative assumes a ≠ 0 and b ≠ 0 (the general case)"});
  // Nothing assumed: no parameter below, or the integrand divides by it already, or a
  // constant such as π.
  EXPECT_TRUE(notes_of_integral("x/(x^2 + a^2)").empty());
  EXPECT_TRUE(notes_of_integral("e^x/a").empty());
  EXPECT_TRUE(notes_of_integral("erf(2*x)").empty());
}

}  // namespace
}  // namespace leibniz::app
