// The check request: does a chain of equalities hold, or is each side the derivative of
// an expression?
#include <fmt/format.h>

#include "leibniz/app/check_request.h"
#include "leibniz/app/request_families.h"
#include "leibniz/app/request_fields.h"

namespace leibniz::app {
namespace {

class CheckResult : public Result {
 public:
  explicit CheckResult(CheckReport report) : report_(std::move(report)) {}
  Answer json() const override { return check_json(report_); }
  // The claims are shown as written, whatever the notation.
  std::string text(Notation) const override { return check_text(report_); }
  int exit_status() const override { return check_exit_status(report_); }

 private:
  CheckReport report_;
};

std::unique_ptr<Result> check_request(const Fields& request) {
  std::optional<std::string> derivative_of;
  std::vector<std::string> wrt;
  if (request.has("derivative_of")) {
    if (!request.has("wrt")) {
      Fields::bad_request(
          fmt::format("{} needs {}", request.label("derivative_of"), request.usage("wrt", "VAR")));
    }
    derivative_of = request.text("derivative_of");
    wrt = request.names("wrt");
  } else if (request.has("wrt")) {
    Fields::bad_request(fmt::format("{} of check needs {}", request.field_label("wrt"),
                                    request.label("derivative_of")));
  }
  return std::make_unique<CheckResult>(
      run_check(request.texts("expr"), derivative_of, wrt, request.syntax() == Syntax::Latex));
}

}  // namespace

std::vector<RequestRow> check_requests() {
  return {
      {"check",
       "whether a claim holds: \"A = B = C\", or each side against a derivative",
       {{"expr", ArgumentKind::Claims, true, "", "", "the claim; a list of claims forms one chain"},
        {"derivative_of", ArgumentKind::Expression, false, "", "--is-derivative-of",
         "compare every side with the derivative of this expression"},
        {"wrt", ArgumentKind::Variables, false, "", "--wrt", "the variables of that derivative"},
        {"syntax", ArgumentKind::Syntax, false, "text", "--latex",
         "latex reads the claims as LaTeX even without markup (2xy^3 is 2*x*y^3); text "
         "reads LaTeX where it sees markup"},
        kFunctionsArgument},
       check_request}};
}

}  // namespace leibniz::app
