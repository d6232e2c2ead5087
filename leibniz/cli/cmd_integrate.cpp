// leibniz integrate EXPR VAR [--from A --to B] [--numeric] [--steps]: an
// antiderivative (without + C), or a definite integral (the request "integrate").
#include "leibniz/cli/commands.h"
#include "leibniz/cli/output.h"

namespace leibniz::cli {

void register_integrate(CLI::App& app, int& exit_status) {
  auto* cmd = add_request_command(app, "integrate");
  struct Args {
    std::string expr;
    std::string var;
    std::string from;
    std::string to;
    bool numeric = false;
    bool steps = false;
    OutputOptions out;
  };
  auto args = std::make_shared<Args>();
  add_argument(*cmd, "integrate", "expr", args->expr);
  add_argument(*cmd, "integrate", "wrt", args->var);
  add_argument(*cmd, "integrate", "from", args->from);
  add_argument(*cmd, "integrate", "to", args->to);
  add_flag_argument(*cmd, "integrate", "numeric", args->numeric);
  add_flag_argument(*cmd, "integrate", "steps", args->steps);
  add_output_flags(*cmd, args->out);
  cmd->callback([args, &exit_status] {
    args->expr = expression_argument(args->expr);
    nlohmann::json request{{"op", "integrate"}, {"expr", args->expr}, {"wrt", args->var}};
    if (!args->from.empty()) request["from"] = args->from;
    if (!args->to.empty()) request["to"] = args->to;
    if (args->numeric) request["numeric"] = true;
    if (args->steps) request["steps"] = true;
    exit_status = answer_request(request, args->out, args->expr);
  });
}

}  // namespace leibniz::cli
