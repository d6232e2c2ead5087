// leibniz check "CLAIM" [--is-derivative-of EXPR --wrt x]: does the claim hold (the
// request "check")? Exit status as cmp and diff: 0 it holds, 1 it does not, 2 bad input,
// 3 unknown.
#include "leibniz/cli/commands.h"
#include "leibniz/cli/output.h"

namespace leibniz::cli {
namespace {

constexpr std::string_view kCheck = "check";

void register_check(CLI::App& app, int& exit_status) {
  auto* cmd = add_request_command(app, kCheck);
  struct Args {
    std::vector<std::string> claims;
    std::string derivative_of;
    std::vector<std::string> wrt;
    OutputOptions out;
  };
  auto args = std::make_shared<Args>();
  add_argument(*cmd, kCheck, "expr", args->claims);
  auto* of = add_argument(*cmd, kCheck, "derivative_of", args->derivative_of);
  add_argument(*cmd, kCheck, "wrt", args->wrt)->needs(of);
  cmd->add_flag("--json", args->out.json, "print the verdict as one JSON object");
  // The row's "syntax", spelled --latex: how the claims are read.
  cmd->add_flag("--latex", args->out.latex, std::string(request_argument(kCheck, "syntax").help));
  cmd->callback([args, &exit_status] {
    nlohmann::json request{{"op", kCheck}};
    request["expr"] =
        args->claims.size() == 1 ? nlohmann::json(args->claims[0]) : nlohmann::json(args->claims);
    if (!args->derivative_of.empty()) request["derivative_of"] = args->derivative_of;
    if (!args->wrt.empty()) request["wrt"] = args->wrt;
    // --latex is how the claims are read; the verdict is shown as text.
    request["syntax"] = args->out.latex ? "latex" : "text";
    OutputOptions out = args->out;
    out.latex = false;
    exit_status = answer_request(request, out, args->claims.size() == 1 ? args->claims[0] : "");
  });
}

}  // namespace

const Command kCheckCommand{{&kCheck, 1}, register_check};

}  // namespace leibniz::cli
