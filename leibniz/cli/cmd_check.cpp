// leibniz check "CLAIM" [--is-derivative-of EXPR --wrt x]: does the claim hold?
// Exit status as cmp and diff: 0 it holds, 1 it does not, 2 bad input, 3 unknown.
#include <iostream>

#include "leibniz/app/check_request.h"
#include "leibniz/cli/commands.h"
#include "leibniz/cli/output.h"
#include "leibniz/core/error.h"

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
                             "compare every side with the derivative of this expression");
  cmd->add_option("--wrt", args->wrt, "the variable(s) of the derivative")->needs(of);
  cmd->add_flag("--json", args->out.json, "print the verdict as one JSON object");
  cmd->add_flag("--latex", args->out.latex,
                "read the claims as LaTeX, the notes' notation (2xy^3 is 2*x*y^3)");
  cmd->callback([args, &exit_status] {
    int status = 0;
    const std::string input = args->claims.size() == 1 ? args->claims[0] : std::string();
    exit_status = guarded(args->out, input, [&] {
      if (!args->derivative_of.empty() && args->wrt.empty()) {
        throw leibniz::Error(leibniz::ErrorKind::Request, "--is-derivative-of needs --wrt VAR");
      }
      const auto report = app::run_check(
          args->claims,
          args->derivative_of.empty() ? std::nullopt : std::optional(args->derivative_of),
          args->wrt, args->out.latex);
      std::cout << (args->out.json ? app::check_json(report).dump() + "\n"
                                   : app::check_text(report));
      status = app::check_exit_status(report);
    });
    if (exit_status == 0) exit_status = status;
  });
}

}  // namespace leibniz::cli
