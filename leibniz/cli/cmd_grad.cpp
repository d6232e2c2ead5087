// leibniz grad EXPR VAR..., leibniz jacobian "F1; F2; ..." VAR... and leibniz hessian EXPR
// VAR... (the requests of the same names).
#include "leibniz/cli/commands.h"
#include "leibniz/cli/output.h"

namespace leibniz::cli {
namespace {

void add_derivatives(CLI::App& app, int& exit_status, const char* name, const char* help) {
  auto* cmd = app.add_subcommand(name, help);
  struct Args {
    std::string expr;
    std::vector<std::string> wrt;
    OutputOptions out;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("expr", args->expr, "the expression, or - to read it from stdin")->required();
  cmd->add_option("vars", args->wrt, "the variables")->required();
  add_output_flags(*cmd, args->out);
  cmd->callback([args, &exit_status, name] {
    args->expr = expression_argument(args->expr);
    exit_status = answer_request({{"op", name}, {"expr", args->expr}, {"wrt", args->wrt}},
                                 args->out, args->expr);
  });
}

}  // namespace

void register_grad(CLI::App& app, int& exit_status) {
  add_derivatives(app, exit_status, "grad", "the gradient: grad EXPR VAR...");
  add_derivatives(app, exit_status, "jacobian",
                  "the matrix of first derivatives of several functions: jacobian "
                  "\"F1; F2; ...\" VAR...");
  add_derivatives(app, exit_status, "hessian",
                  "the matrix of second derivatives: hessian EXPR VAR...");
}

}  // namespace leibniz::cli
