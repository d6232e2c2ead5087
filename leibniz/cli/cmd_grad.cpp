// leibniz grad EXPR VAR..., leibniz jacobian "F1; F2; ..." VAR... and leibniz hessian EXPR
// VAR... (the requests of the same names).
#include "leibniz/cli/commands.h"
#include "leibniz/cli/output.h"

namespace leibniz::cli {
namespace {

// The derivative requests: each a subcommand of its name.
constexpr std::string_view kDerivatives[] = {"grad", "jacobian", "hessian"};

void add_derivatives(CLI::App& app, int& exit_status, std::string_view name) {
  auto* cmd = add_request_command(app, name);
  struct Args {
    std::string expr;
    std::vector<std::string> wrt;
    OutputOptions out;
  };
  auto args = std::make_shared<Args>();
  add_argument(*cmd, name, "expr", args->expr);
  add_argument(*cmd, name, "wrt", args->wrt);
  add_output_flags(*cmd, args->out);
  cmd->callback([args, &exit_status, name] {
    args->expr = expression_argument(args->expr);
    exit_status = answer_request({{"op", name}, {"expr", args->expr}, {"wrt", args->wrt}},
                                 args->out, args->expr);
  });
}

void register_grad(CLI::App& app, int& exit_status) {
  for (const std::string_view name : kDerivatives) add_derivatives(app, exit_status, name);
}

}  // namespace

const Command kGradCommand{kDerivatives, register_grad};

}  // namespace leibniz::cli
