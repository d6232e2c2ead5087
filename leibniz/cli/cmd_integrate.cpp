// leibniz integrate EXPR VAR [--from A --to B] [--numeric] [--steps]: an
// antiderivative (without + C), or a definite integral (the request "integrate").
#include "leibniz/cli/commands.h"
#include "leibniz/cli/output.h"

namespace leibniz::cli {
namespace {

constexpr std::string_view kIntegrate = "integrate";

void register_integrate(CLI::App& app, int& exit_status) {
  auto* cmd = add_request_command(app, kIntegrate);
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
  add_argument(*cmd, kIntegrate, "expr", args->expr);
  add_argument(*cmd, kIntegrate, "wrt", args->var);
  add_argument(*cmd, kIntegrate, "from", args->from);
  add_argument(*cmd, kIntegrate, "to", args->to);
  add_flag_argument(*cmd, kIntegrate, "numeric", args->numeric);
  add_flag_argument(*cmd, kIntegrate, "steps", args->steps);
  add_output_flags(*cmd, args->out);
  cmd->callback([args, &exit_status] {
    args->expr = expression_argument(args->expr);
    nlohmann::json request{{"op", kIntegrate}, {"expr", args->expr}, {"wrt", args->var}};
    if (!args->from.empty()) request["from"] = args->from;
    if (!args->to.empty()) request["to"] = args->to;
    if (args->numeric) request["numeric"] = true;
    if (args->steps) request["steps"] = true;
    exit_status = answer_request(request, args->out, args->expr);
  });
}

}  // namespace

const Command kIntegrateCommand{{&kIntegrate, 1}, register_integrate};

}  // namespace leibniz::cli
