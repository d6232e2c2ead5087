// leibniz diff EXPR VAR...: partial derivatives, applied in order (the request "diff").
#include "leibniz/cli/commands.h"
#include "leibniz/cli/output.h"

namespace leibniz::cli {

void register_diff(CLI::App& app, int& exit_status) {
  auto* cmd =
      app.add_subcommand("diff", "differentiate: diff EXPR VAR... (x x = second derivative)");
  struct Args {
    std::string expr;
    std::vector<std::string> wrt;
    OutputOptions out;
    bool steps = false;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("expr", args->expr, "the expression, or - to read it from stdin")->required();
  cmd->add_option("vars", args->wrt, "variables, applied in order")->required();
  add_output_flags(*cmd, args->out);
  cmd->add_flag("--steps", args->steps, argument_help("diff", "steps"));
  cmd->callback([args, &exit_status] {
    args->expr = expression_argument(args->expr);
    exit_status = answer_request(
        {{"op", "diff"}, {"expr", args->expr}, {"wrt", args->wrt}, {"steps", args->steps}},
        args->out, args->expr);
  });
}

}  // namespace leibniz::cli
