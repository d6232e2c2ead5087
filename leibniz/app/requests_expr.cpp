// The requests on one expression: diff, integrate, simplify, expand, eval.
#include <fmt/format.h>

#include <cmath>
#include <optional>

#include "leibniz/app/answers.h"
#include "leibniz/app/notes.h"
#include "leibniz/app/operations.h"
#include "leibniz/app/request_families.h"
#include "leibniz/app/request_fields.h"
#include "leibniz/app/steps_format.h"
#include "leibniz/calculus/integrate.h"
#include "leibniz/numeric/definite.h"

namespace leibniz::app {
namespace {

constexpr Argument kExpr{"expr", ArgumentKind::Expression,
                         true,   "",
                         "",     "the expression (the CLI reads it from stdin when it is -)"};
constexpr Argument kSteps{"steps",   ArgumentKind::Flag,
                          false,     "false",
                          "--steps", "the derivation rule by rule, as the notes show it"};

// An expression, with the steps that led to it when they were asked for.
class ExprResult : public Result {
 public:
  ExprResult(Expr value, std::optional<std::vector<Step>> steps)
      : value_(std::move(value)), steps_(std::move(steps)) {}
  Answer json() const override {
    Answer answer = expr_answer(value_);
    if (steps_) {
      answer["steps"] = steps_json(*steps_);
      answer["derivation"] = derivation_json(*steps_);
    }
    return answer;
  }
  bool append_json_members(std::string& out) const override {
    if (steps_) return false;
    append_expr_answer_members(value_, out);
    return true;
  }
  std::string text(Notation notation) const override {
    if (!steps_) return show(value_, notation) + "\n";
    return notation == Notation::Latex ? steps_latex(*steps_) : steps_text(*steps_);
  }

 private:
  Expr value_;
  std::optional<std::vector<Step>> steps_;
};

class EvalResult : public Result {
 public:
  explicit EvalResult(Evaluation evaluation) : evaluation_(std::move(evaluation)) {}
  Answer json() const override { return eval_answer(evaluation_); }
  std::string text(Notation notation) const override {
    if (notation == Notation::Latex && !evaluation_.exact.is_null()) {
      return show(evaluation_.exact, notation) + "\n";
    }
    return evaluation_.text() + "\n";
  }

 private:
  Evaluation evaluation_;
};

class DefiniteResult : public Result {
 public:
  explicit DefiniteResult(DefiniteIntegral integral) : integral_(std::move(integral)) {}
  Answer json() const override { return definite_answer(integral_); }
  std::string text(Notation notation) const override {
    const DefiniteIntegral& r = integral_;
    if (!r.exact.is_null() && std::isnan(r.value)) {  // symbolic bounds: no number
      return fmt::format("{}  (fundamental theorem, F = {})\n", show(r.exact, notation),
                         show(r.antiderivative, notation));
    }
    if (!r.exact.is_null()) {
      return fmt::format("{} ≈ {:.15g}  (fundamental theorem, F = {})\n", show(r.exact, notation),
                         r.value, show(r.antiderivative, notation));
    }
    return fmt::format("{:.15g} ± {:.1e}  (Gauss–Kronrod quadrature{})\n", r.value, r.error,
                       r.converged ? "" : "; did not converge: the integral may diverge");
  }

 private:
  DefiniteIntegral integral_;
};

Expr expression(const Fields& request) {
  return parse_input(request.text("expr"), request.syntax());
}

std::unique_ptr<Result> run_diff(const Fields& request) {
  const Expr e = expression(request);
  const bool steps = request.flag("steps");
  Trace trace;
  Expr result = app::run_diff(e, request.names("wrt"), steps ? &trace : nullptr);
  return std::make_unique<ExprResult>(std::move(result),
                                      steps ? std::optional(trace.steps()) : std::nullopt);
}

std::unique_ptr<Result> run_integrate(const Fields& request) {
  const Expr e = expression(request);
  const auto wrt = request.names("wrt");
  if (wrt.size() != 1) {
    Fields::bad_request(
        fmt::format("field {} must name one variable for integrate", request.label("wrt")));
  }
  const bool steps = request.flag("steps");
  const bool numeric = request.flag("numeric");
  if (request.has("from") || request.has("to") || numeric) {
    if (steps) {
      throw Error(ErrorKind::Unsupported,
                  "steps are available for antiderivatives, not for definite integrals");
    }
    if (!request.has("from") || !request.has("to")) {
      Fields::bad_request(fmt::format("a definite integral needs both {} and {}",
                                      request.label("from"), request.label("to")));
    }
    return std::make_unique<DefiniteResult>(definite_integral(
        e, variable(wrt[0]), request.bound("from"), request.bound("to"), numeric));
  }
  Trace trace;
  Expr result = integrate(e, variable(wrt[0]), steps ? &trace : nullptr);
  note_parameter_assumptions(e, result, variable(wrt[0]));
  return std::make_unique<ExprResult>(std::move(result),
                                      steps ? std::optional(trace.steps()) : std::nullopt);
}

std::unique_ptr<Result> run_simplify(const Fields& request) {
  return std::make_unique<ExprResult>(app::run_simplify(expression(request)), std::nullopt);
}

std::unique_ptr<Result> run_expand(const Fields& request) {
  return std::make_unique<ExprResult>(app::run_expand(expression(request)), std::nullopt);
}

std::unique_ptr<Result> run_eval(const Fields& request) {
  const Expr e = expression(request);
  return std::make_unique<EvalResult>(app::run_eval(e, request.values("at")));
}

}  // namespace

std::vector<RequestRow> expression_requests() {
  const Argument wrt_list{
      "wrt", ArgumentKind::Variables,
      true,  "",
      "",    "the variables, applied in order ([\"x\", \"x\"]: the second derivative)"};
  return {
      {"diff",
       "partial derivatives, applied in order",
       {kExpr, wrt_list, kSyntaxArgument, kSteps, kFunctionsArgument},
       run_diff},
      {"integrate",
       "an antiderivative (without + C), or with from and to a definite integral",
       {kExpr,
        {"wrt", ArgumentKind::Variables, true, "", "", "the variable of integration"},
        {"from", ArgumentKind::Bound, false, "", "--from", "lower bound: an expression, or -inf"},
        {"to", ArgumentKind::Bound, false, "", "--to", "upper bound: an expression, or inf"},
        {"numeric", ArgumentKind::Flag, false, "false", "--numeric",
         "a definite integral by quadrature only"},
        kSyntaxArgument,
        kSteps,
        kFunctionsArgument},
       run_integrate},
      {"simplify",
       "the simplified canonical form",
       {kExpr, kSyntaxArgument, kFunctionsArgument},
       run_simplify},
      {"expand",
       "multiply out products and powers of sums",
       {kExpr, kSyntaxArgument, kFunctionsArgument},
       run_expand},
      {"eval",
       "the value, exact when it is rational",
       {kExpr,
        {"at", ArgumentKind::Values, false, "{}", "",
         "each variable's value: a number or an expression (NAME=VALUE on the CLI)"},
        kSyntaxArgument,
        kFunctionsArgument},
       run_eval},
  };
}

}  // namespace leibniz::app
