// leibniz diff EXPR VAR...: partial derivatives, applied in order (the request "diff").
#include "leibniz/cli/commands.h"
#include "leibniz/cli/output.h"

namespace leibniz::cli {

void register_diff(CLI::App& app, int& exit_status) {
  auto* cmd = add_request_command(app, "diff");
  struct Args {
    std::string expr;
    std::vector<std::string> wrt;
    OutputOptions out;
    bool steps = false;
  };
  auto args = std::make_shared<Args>();
  add_argument(*cmd, "diff", "expr", args->expr);
  add_argument(*cmd, "diff", "wrt", args->wrt);
  add_output_flags(*cmd, args->out);
  add_flag_argument(*cmd, "diff", "steps", args->steps);
  cmd->callback([args, &exit_status] {
    args->expr = expression_argument(args->expr);
    exit_status = answer_request(
        {{"op", "diff"}, {"expr", args->expr}, {"wrt", args->wrt}, {"steps", args->steps}},
        args->out, args->expr);
  });
}

}  // namespace leibniz::cli
