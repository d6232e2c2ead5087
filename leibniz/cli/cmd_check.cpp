// leibniz check "CLAIM" [--is-derivative-of EXPR --wrt x]: does the claim hold (the
// request "check")? Exit status as cmp and diff: 0 it holds, 1 it does not, 2 bad input,
// 3 unknown.
#include "leibniz/cli/commands.h"
#include "leibniz/cli/output.h"

namespace leibniz::cli {

void register_check(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand(
      "check",
      "check a claim: \"A = B = C\", or a derivative with --is-derivative-of EXPR --wrt x");
  struct Args {
    std::vector<std::string> claims;
    std::string derivative_of;
    std::vector<std::string> wrt;
    OutputOptions out;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("claims", args->claims, "the claim(s); several are one chain of equalities")
      ->required();
  auto* of = cmd->add_option("--is-derivative-of", args->derivative_of,
                             argument_help("check", "derivative_of"));
  cmd->add_option("--wrt", args->wrt, argument_help("check", "wrt"))->needs(of);
  cmd->add_flag("--json", args->out.json, "print the verdict as one JSON object");
  cmd->add_flag("--latex", args->out.latex,
                "read the claims as LaTeX, the notes' notation (2xy^3 is 2*x*y^3)");
  cmd->callback([args, &exit_status] {
    nlohmann::json request{{"op", "check"}};
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

}  // namespace leibniz::cli
