// leibniz integrate EXPR VAR [--from A --to B] [--numeric] [--steps]: an
// antiderivative (without + C), or a definite integral (the request "integrate").
#include "leibniz/cli/commands.h"
#include "leibniz/cli/output.h"

namespace leibniz::cli {

void register_integrate(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand(
      "integrate", "integrate: integrate EXPR VAR (an antiderivative), or with --from A --to B");
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
  cmd->add_option("expr", args->expr, "the integrand, or - to read it from stdin")->required();
  cmd->add_option("var", args->var, "the variable of integration")->required();
  cmd->add_option("--from", args->from, argument_help("integrate", "from"));
  cmd->add_option("--to", args->to, argument_help("integrate", "to"));
  cmd->add_flag("--numeric", args->numeric, argument_help("integrate", "numeric"));
  cmd->add_flag("--steps", args->steps, argument_help("integrate", "steps"));
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
