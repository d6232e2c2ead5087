#include "leibniz/app/batch.h"

#include <gtest/gtest.h>

#include <new>
#include <sstream>
#include <stdexcept>

namespace leibniz::app {
namespace {

std::string answer(const std::string& line) { return answer_line(line).dump(); }

TEST(Batch, TheSpecExamples) {
  EXPECT_EQ(answer(R"j({"id": "d1", "op": "diff", "expr": "x^2*sin(y)", "wrt": ["x"]})j"),
            R"j({"id":"d1","ok":true,"result":"2*x*sin(y)","latex":"2 x \\sin\\left(y\\right)"})j");
  EXPECT_EQ(answer(R"j({"id": "d2", "op": "diff", "expr": "x^3*y^2", "wrt": ["x", "y"]})j"),
            R"j({"id":"d2","ok":true,"result":"6*x^2*y","latex":"6 x^{2} y"})j");
  EXPECT_EQ(answer(R"j({"id": "s1", "op": "simplify", "expr": "(x+y)^2 - x^2"})j"),
            R"j({"id":"s1","ok":true,"result":"2*x*y + y^2","latex":"2 x y + y^{2}"})j");
  EXPECT_EQ(
      answer(
          R"j({"id": "e1", "op": "eval", "expr": "sigmoid(w1*x+b1)", "at": {"w1": 0.5, "x": 1, "b1": -0.5}})j"),
      R"j({"id":"e1","ok":true,"result":"0.5","value":0.5})j");
}

TEST(Batch, IntegrateGivesAnAntiderivativeWithoutTheConstant) {
  EXPECT_EQ(answer(R"j({"id": "i1", "op": "integrate", "expr": "sec(x)^2", "wrt": "x"})j"),
            R"j({"id":"i1","ok":true,"result":"tan(x)","latex":"\\tan\\left(x\\right)"})j");
}

TEST(Batch, LatexSyntax) {
  EXPECT_EQ(
      answer(
          R"j({"id": "l1", "op": "diff", "expr": "\\frac{x^2}{y}", "wrt": ["x"], "syntax": "latex"})j"),
      R"j({"id":"l1","ok":true,"result":"2*x/y","latex":"\\frac{2 x}{y}"})j");
  EXPECT_EQ(
      answer(R"j({"id": "l2", "op": "simplify", "expr": "\\frac{x", "syntax": "latex"})j"),
      R"j({"id":"l2","ok":false,"error":{"kind":"parse","message":"expected '}' to close '{' opened at column 6","pos":7}})j");
}

// spec §3: pos counts characters, not the bytes of their UTF-8 encoding; so does the
// column in the message.
TEST(Batch, ErrorPositionsCountCharacters) {
  EXPECT_EQ(
      answer(R"j({"id": "u", "op": "simplify", "expr": "α*β + )"})j"),
      R"j({"id":"u","ok":false,"error":{"kind":"parse","message":"expected an expression, found ')'","pos":6}})j");
  EXPECT_EQ(
      answer(R"j({"id": "v", "op": "simplify", "expr": "α*(β + 1"})j"),
      R"j({"id":"v","ok":false,"error":{"kind":"parse","message":"expected ')' to close '(' opened at column 3","pos":8}})j");
}

TEST(Batch, SecondDerivativeIsAListOfTheSameVariable) {
  EXPECT_EQ(answer(R"j({"id": 7, "op": "diff", "expr": "x^4", "wrt": ["x", "x"]})j"),
            R"j({"id":7,"ok":true,"result":"12*x^2","latex":"12 x^{2}"})j");
}

TEST(Batch, GradientJacobianAndHessianAnswerListsAndRows) {
  EXPECT_EQ(
      answer(R"j({"id": "g", "op": "grad", "expr": "x^2*y", "wrt": ["x", "y"]})j"),
      R"j({"id":"g","ok":true,"result":["2*x*y","x^2"],"latex":["2 x y","x^{2}"],"gradient":{"x":"2*x*y","y":"x^2"}})j");
  EXPECT_EQ(
      answer(R"j({"id": "j", "op": "jacobian", "expr": "x*y; x + y^2", "wrt": ["x", "y"]})j"),
      R"j({"id":"j","ok":true,"result":[["y","x"],["1","2*y"]],"latex":[["y","x"],["1","2 y"]],"functions":["x*y","y^2 + x"],"variables":["x","y"],"jacobian":[["y","x"],["1","2*y"]]})j");
  EXPECT_EQ(
      answer(R"j({"id": "h", "op": "hessian", "expr": "x^3*y^2", "wrt": ["x", "y"]})j"),
      R"j({"id":"h","ok":true,"result":[["6*x*y^2","6*x^2*y"],["6*x^2*y","2*x^3"]],"latex":[["6 x y^{2}","6 x^{2} y"],["6 x^{2} y","2 x^{3}"]],"variables":["x","y"],"hessian":[["6*x*y^2","6*x^2*y"],["6*x^2*y","2*x^3"]]})j");
  // An error in the second function is placed in the whole text.
  EXPECT_EQ(
      answer(R"j({"id": "e", "op": "jacobian", "expr": "x*y; (x", "wrt": ["x", "y"]})j"),
      R"j({"id":"e","ok":false,"error":{"kind":"parse","message":"expected ')' to close '(' opened at column 6","pos":7}})j");
}

TEST(Batch, EvalIsExactWhenTheInputsAre) {
  EXPECT_EQ(answer(R"j({"id": "e2", "op": "eval", "expr": "x^2/3", "at": {"x": 2}})j"),
            R"j({"id":"e2","ok":true,"result":"4/3","value":1.3333333333333333})j");
}

TEST(Batch, ErrorsNameTheirKindAndPosition) {
  EXPECT_EQ(
      answer(R"j({"id": "x9", "op": "diff", "expr": "sin(x^2 + (y", "wrt": ["x"]})j"),
      R"j({"id":"x9","ok":false,"error":{"kind":"parse","message":"expected ')' to close '(' opened at column 11","pos":12}})j");
  EXPECT_EQ(
      answer(R"j({"id": "e3", "op": "eval", "expr": "ln(x)", "at": {"x": -1}})j"),
      R"j({"id":"e3","ok":false,"error":{"kind":"domain","message":"ln(-1) is not defined","pos":null}})j");
  EXPECT_EQ(
      answer(R"j({"id": "e4", "op": "eval", "expr": "1/x", "at": {"x": 0}})j"),
      R"j({"id":"e4","ok":false,"error":{"kind":"domain","message":"division by zero","pos":null}})j");
  EXPECT_EQ(
      answer(R"j({"id": "i2", "op": "integrate", "expr": "exp(x^2)", "wrt": "x"})j"),
      R"j({"id":"i2","ok":false,"error":{"kind":"unsupported","message":"e^(x^2) has no elementary antiderivative with respect to x (Liouville's theorem)","pos":null}})j");
  EXPECT_EQ(
      answer(R"j({"id": "l1", "op": "expand", "expr": "(x+y)^(10^9)"})j"),
      R"j({"id":"l1","ok":false,"error":{"kind":"limit","message":"the expanded power could have about 1e+09 terms; the limit is 2000000","pos":null}})j");
}

TEST(Batch, MalformedRequests) {
  EXPECT_EQ(
      answer("{not json"),
      R"j({"id":null,"ok":false,"error":{"kind":"request","message":"the line is not valid JSON (at byte 3)","pos":null}})j");
  EXPECT_EQ(
      answer(R"j([1, 2])j"),
      R"j({"id":null,"ok":false,"error":{"kind":"request","message":"a request must be a JSON object","pos":null}})j");
  EXPECT_EQ(
      answer(R"j({"id": 1, "op": "frobnicate", "expr": "x"})j"),
      R"j({"id":1,"ok":false,"error":{"kind":"request","message":"unknown op 'frobnicate' (the ops are: diff, integrate, simplify, expand, eval, grad, jacobian, hessian, check, backprop, gradcheck, notes)","pos":null}})j");
  EXPECT_EQ(
      answer(R"j({"id": 2, "op": "diff", "expr": "x"})j"),
      R"j({"id":2,"ok":false,"error":{"kind":"request","message":"missing field 'wrt'","pos":null}})j");
  EXPECT_EQ(
      answer(R"j({"id": 3, "op": "diff", "expr": "x", "wrt": ["2x"]})j"),
      R"j({"id":3,"ok":false,"error":{"kind":"request","message":"'2x' is not a variable name","pos":null}})j");
  EXPECT_EQ(
      answer(R"j({"id": 4, "op": "eval", "expr": "x*y", "at": {"x": 1}})j"),
      R"j({"id":4,"ok":false,"error":{"kind":"request","message":"no value given for 'y'","pos":null}})j");
}

// Issue 17 #5, issue 10.B: whatever a line holds, it is answered, with its id when the id
// can be read.
TEST(Batch, NumbersBeyondDoubleRangeAreLocatedLimitErrors) {
  EXPECT_EQ(
      answer("1e309"),
      R"j({"id":null,"ok":false,"error":{"kind":"limit","message":"the number 1e309 at byte 0 is beyond the range of a double","pos":null}})j");
  EXPECT_EQ(
      answer(R"j({"id":1,"op":"eval","expr":"x","at":{"x":1e309}})j"),
      R"j({"id":1,"ok":false,"error":{"kind":"limit","message":"the number 1e309 at byte 41 is beyond the range of a double","pos":null}})j");
  EXPECT_EQ(
      answer(R"j({"op":"eval","at":{"x":1e400},"expr":"x","id":"after"})j"),
      R"j({"id":"after","ok":false,"error":{"kind":"limit","message":"the number 1e400 at byte 23 is beyond the range of a double","pos":null}})j");
  EXPECT_EQ(
      answer(R"j({"id":1e400,"op":"eval","expr":"x"})j"),
      R"j({"id":null,"ok":false,"error":{"kind":"limit","message":"the number 1e400 at byte 6 is beyond the range of a double","pos":null}})j");
  // Nor is a number that would read as 0 (zero itself is fine).
  EXPECT_EQ(
      answer(R"j({"id":2,"op":"eval","expr":"x","at":{"x":-2.5e-400}})j"),
      R"j({"id":2,"ok":false,"error":{"kind":"limit","message":"the number -2.5e-400 is too small for a double: it would read as 0","pos":null}})j");
  EXPECT_EQ(answer(R"j({"id":2,"op":"eval","expr":"x+1","at":{"x":0.0e-400}})j"),
            R"j({"id":2,"ok":true,"result":"1.0","value":1.0})j");
  // An integer beyond a long is read exactly.
  EXPECT_EQ(
      answer(
          R"j({"id":18446744073709551615,"op":"eval","expr":"x+1","at":{"x":18446744073709551615}})j"),
      R"j({"id":18446744073709551615,"ok":true,"result":"18446744073709551616","value":1.8446744073709552e+19})j");
  // The expression's own number is the expression reader's to judge; the line is answered.
  const auto in_expr = answer_line(R"j({"id":3,"op":"eval","expr":"1e400*x","at":{"x":1}})j");
  EXPECT_EQ(in_expr["id"], 3);
  EXPECT_TRUE(in_expr.contains("ok"));
}

TEST(Batch, DeepNestingIsALimitAndTheIdIsRecoveredWhenItCanBe) {
  const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
  EXPECT_EQ(
      answer(R"j({"id":)j" + deep + R"j(,"op":"eval","expr":"x"})j"),
      R"j({"id":null,"ok":false,"error":{"kind":"limit","message":"the line nests arrays and objects deeper than 64 levels (at byte 69)","pos":null}})j");
  EXPECT_EQ(
      answer(R"j({"id":"d","op":"eval","expr":"x","at":)j" + deep + "}"),
      R"j({"id":"d","ok":false,"error":{"kind":"limit","message":"the line nests arrays and objects deeper than 64 levels (at byte 101)","pos":null}})j");
  // Brackets inside strings do not count, at any depth.
  EXPECT_EQ(answer(R"j({"id":"[[[{","op":"simplify","expr":"x+x"})j"),
            R"j({"id":"[[[{","ok":true,"result":"2*x","latex":"2 x"})j");
}

TEST(Batch, ALoneSurrogateIsNotValidJsonAndKeepsTheId) {
  EXPECT_EQ(
      answer(R"j({"id":4,"op":"simplify","expr":"x\ud800+1"})j"),
      R"j({"id":4,"ok":false,"error":{"kind":"request","message":"the line is not valid JSON (at byte 40): a \\u escape between \\ud800 and \\udfff must be one half of a surrogate pair","pos":null}})j");
  EXPECT_EQ(
      answer(R"j({"expr":"x\udc00","id":[1,{"a":"}"}]})j"),
      R"j({"id":[1,{"a":"}"}],"ok":false,"error":{"kind":"request","message":"the line is not valid JSON (at byte 16): a \\u escape between \\ud800 and \\udfff must be one half of a surrogate pair","pos":null}})j");
}

TEST(Batch, AnyExceptionIsAnErrorObject) {
  EXPECT_EQ(error_json(error_of(std::make_exception_ptr(std::logic_error("vector::at")))).dump(),
            R"j({"kind":"internal","message":"internal failure: vector::at","pos":null})j");
  EXPECT_EQ(error_json(error_of(std::make_exception_ptr(std::bad_alloc()))).dump(),
            R"j({"kind":"limit","message":"the computation ran out of memory","pos":null})j");
  EXPECT_EQ(error_json(error_of(std::make_exception_ptr(42))).dump(),
            R"j({"kind":"internal","message":"internal failure","pos":null})j");
}

// Issue 10.C: integrate with bounds, check and backprop, in the objects the CLI's --json
// prints for the same requests.
TEST(Batch, IntegrateWithBoundsIsTheDefiniteIntegral) {
  EXPECT_EQ(
      answer(R"j({"id":"d","op":"integrate","expr":"1/(1+x^2)","wrt":"x","from":0,"to":1})j"),
      R"j({"id":"d","ok":true,"result":"pi/4","latex":"\\frac{\\pi}{4}","antiderivative":"atan(x)","value":0.7853981633974483,"error_estimate":0.0,"converged":true,"method":"fundamental theorem"})j");
  EXPECT_EQ(
      answer(R"j({"id":"s","op":"integrate","expr":"sin(x)","wrt":["x"],"from":"0","to":"pi"})j"),
      R"j({"id":"s","ok":true,"result":"2","latex":"2","antiderivative":"-cos(x)","value":2.0,"error_estimate":0.0,"converged":true,"method":"fundamental theorem"})j");
  EXPECT_EQ(
      answer(
          R"j({"id":"n","op":"integrate","expr":"x^2","wrt":"x","from":0,"to":1,"numeric":true})j"),
      R"j({"id":"n","ok":true,"value":0.3333333333333333,"error_estimate":0.0,"converged":true,"method":"Gauss–Kronrod quadrature"})j");
  EXPECT_EQ(
      answer(R"j({"id":"h","op":"integrate","expr":"x","wrt":"x","from":0})j"),
      R"j({"id":"h","ok":false,"error":{"kind":"request","message":"a definite integral needs both 'from' and 'to'","pos":null}})j");
  EXPECT_EQ(
      answer(R"j({"id":"b","op":"integrate","expr":"x","wrt":"x","from":[0],"to":1})j"),
      R"j({"id":"b","ok":false,"error":{"kind":"request","message":"field 'from' must be a number or an expression","pos":null}})j");
  EXPECT_EQ(
      answer(R"j({"id":"t","op":"integrate","expr":"x","wrt":"x","from":0,"to":1,"steps":true})j"),
      R"j({"id":"t","ok":false,"error":{"kind":"unsupported","message":"steps are available for antiderivatives, not for definite integrals","pos":null}})j");
  EXPECT_EQ(
      answer(R"j({"id":"u","op":"integrate","expr":"1/x^2","wrt":"x","from":-1,"to":1})j"),
      R"j({"id":"u","ok":false,"error":{"kind":"domain","message":"the integrand is unbounded near x = 0 (inside [-1, 1]); the integral diverges","pos":null}})j");
}

TEST(Batch, CheckAnswersVerdictFirstBrokenAndLinks) {
  EXPECT_EQ(
      answer(R"j({"id":"c","op":"check","expr":"(x+1)^2 = x^2 + 2*x + 1 = x^2 + 1"})j"),
      R"j({"id":"c","ok":true,"verdict":"fails","links":[{"left":"(x+1)^2","right":"x^2 + 2*x + 1","verdict":"holds","difference":"0","method":"symbolic"},{"left":"x^2 + 2*x + 1","right":"x^2 + 1","verdict":"fails","difference":"2*x","point":{"x":"1"},"left_value":"4","right_value":"2"}],"first_broken":1})j");
  EXPECT_EQ(
      answer(R"j({"id":"d","op":"check","expr":"2*x*y","derivative_of":"x^2*y","wrt":["x"]})j"),
      R"j({"id":"d","ok":true,"verdict":"holds","derivative":"2*x*y","links":[{"left":"2*x*y","right":"2*x*y","verdict":"holds","difference":"0","method":"symbolic"}],"first_broken":null})j");
  EXPECT_EQ(
      answer(R"j({"id":"w","op":"check","expr":"2*x","derivative_of":"x^2"})j"),
      R"j({"id":"w","ok":false,"error":{"kind":"request","message":"'derivative_of' needs 'wrt'","pos":null}})j");
  EXPECT_EQ(
      answer(R"j({"id":"v","op":"check","expr":"2*x","wrt":["x"]})j"),
      R"j({"id":"v","ok":false,"error":{"kind":"request","message":"field 'wrt' of check needs 'derivative_of'","pos":null}})j");
}

TEST(Batch, BackpropAnswersTheObjectOfSpecSection4) {
  EXPECT_EQ(
      answer(
          R"j({"id":"b","op":"backprop","model":"param w = 3\ninput x = 2\nloss L = (w*x)^2","lr":0.1})j"),
      R"j({"id":"b","ok":true,"values":{},"loss":36.0,"gradients":{"w":24.0,"x":36.0},"updated":{"w":0.6},"exact":{"values":{},"loss":"36","gradients":{"w":"24","x":"36"},"updated":{"w":"3/5"}}})j");
  EXPECT_EQ(
      answer(
          R"j({"id":"r","op":"backprop","model":"input x = 1\nparam w = 2\ntarget y = 0\nloss L = (w*x - y)^2","data":"x,y\n1,0\n2,1\n","lr":"1/10"})j"),
      R"j({"id":"r","ok":true,"values":{},"loss":6.5,"gradients":{"w":8.0,"x":10.0},"updated":{"w":1.2},"exact":{"values":{},"loss":"13/2","gradients":{"w":"8","x":"10"},"updated":{"w":"6/5"}}})j");
  EXPECT_EQ(
      answer(R"j({"id":"e","op":"backprop","model":"param w = 1\nloss L = w*z"})j"),
      R"j({"id":"e","ok":false,"error":{"kind":"parse","message":"model:2:12: undefined name 'z'","pos":23}})j");
  EXPECT_EQ(
      answer(R"j({"id":"l","op":"backprop","model":"param w = 1\nloss L = w^2","lr":-1})j"),
      R"j({"id":"l","ok":false,"error":{"kind":"request","message":"field 'lr' needs a positive number, not '-1'","pos":null}})j");
  EXPECT_EQ(
      answer(R"j({"id":"m","op":"backprop"})j"),
      R"j({"id":"m","ok":false,"error":{"kind":"request","message":"missing field 'model'","pos":null}})j");
}

// The page draws the computation graph from the DOT text the CLI's --dot writes.
TEST(Batch, BackpropGivesTheGraphInDotWhenAsked) {
  EXPECT_EQ(
      answer(R"j({"id":"g","op":"backprop","model":"param w = 3\nloss L = w^2","dot":true})j"),
      R"j({"id":"g","ok":true,"values":{},"loss":9.0,"gradients":{"w":6.0},"exact":{"values":{},"loss":"9","gradients":{"w":"6"}},"dot":"digraph model {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=11];\n  edge [fontname=\"Helvetica\", fontsize=10, color=\"#555555\", fontcolor=\"#b22222\"];\n  n0 [shape=ellipse, style=filled, fillcolor=\"#dbe9f6\", label=\"param w\\n= 3\\n∂L/∂w = 6\"];\n  n1 [shape=box, style=filled, fillcolor=\"#f6dbdb\", label=\"L = w²\\n= 9\"];\n  n0 -> n1 [label=\"← 6\"];\n}\n"})j");
  EXPECT_EQ(
      answer(
          R"j({"id":"d","op":"backprop","model":"param w = 3\nloss L = w^2","dot":true,"lr":0.1,"epochs":2})j"),
      R"j({"id":"d","ok":false,"error":{"kind":"request","message":"field 'dot' draws one pass; it does not go with field 'epochs'","pos":null}})j");
  EXPECT_EQ(
      answer(
          R"j({"id":"big","op":"backprop","model":"param w = 1\nfor t = 1..1000\n  h[t] = w*t\nend\nloss L = sum(h[t] for t = 1..1000)","dot":true})j"),
      R"j({"id":"big","ok":false,"error":{"kind":"limit","message":"field 'dot' is for graphs of at most 1000 nodes; this one has 1002","pos":null}})j");
}

TEST(Batch, KeepsGoingSkipsBlankLinesAnswersInOrder) {
  std::istringstream in(
      "{\"id\": 1, \"op\": \"diff\", \"expr\": \"x^2\", \"wrt\": [\"x\"]}\n"
      "\n"
      "garbage\n"
      "   \n"
      "{\"id\": 3, \"op\": \"simplify\", \"expr\": \"x + x\"}\n");
  std::ostringstream out;
  run_batch(in, out);
  EXPECT_EQ(out.str(),
            "{\"id\":1,\"ok\":true,\"result\":\"2*x\",\"latex\":\"2 x\"}\n"
            "{\"id\":null,\"ok\":false,\"error\":{\"kind\":\"request\",\"message\":\"the line is "
            "not valid JSON (at byte 1)\",\"pos\":null}}\n"
            "{\"id\":3,\"ok\":true,\"result\":\"2*x\",\"latex\":\"2 x\"}\n");
}

// The messages of a malformed list, written only when the list is malformed.
TEST(Batch, MalformedListsAreRequestErrors) {
  EXPECT_EQ(
      answer(R"j({"id":"w","op":"diff","expr":"x","wrt":["x",1]})j"),
      R"j({"id":"w","ok":false,"error":{"kind":"request","message":"field 'wrt' must be a list of variable names","pos":null}})j");
  EXPECT_EQ(
      answer(R"j({"id":"v","op":"diff","expr":"x","wrt":{"x":1}})j"),
      R"j({"id":"v","ok":false,"error":{"kind":"request","message":"field 'wrt' must be a list of variable names","pos":null}})j");
  EXPECT_EQ(
      answer(R"j({"id":"f","op":"diff","expr":"f(x)","wrt":"x","functions":"f"})j"),
      R"j({"id":"f","ok":false,"error":{"kind":"request","message":"field 'functions' must be a list of function names","pos":null}})j");
}

}  // namespace
}  // namespace leibniz::app
