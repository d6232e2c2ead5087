// leibniz eval EXPR x=1 y=2: the value, exact when it is rational (the request "eval").
#include <fmt/format.h>

#include "leibniz/cli/commands.h"
#include "leibniz/cli/output.h"
#include "leibniz/core/error.h"

namespace leibniz::cli {
namespace {

constexpr std::string_view kEval = "eval";

void register_eval(CLI::App& app, int& exit_status) {
  auto* cmd = add_request_command(app, kEval);
  struct Args {
    std::string expr;
    std::vector<std::string> bindings;
    OutputOptions out;
  };
  auto args = std::make_shared<Args>();
  add_argument(*cmd, kEval, "expr", args->expr);
  add_argument(*cmd, kEval, "at", args->bindings);
  add_output_flags(*cmd, args->out);
  cmd->callback([args, &exit_status] {
    args->expr = expression_argument(args->expr);
    nlohmann::json at = nlohmann::json::object();
    for (const std::string& binding : args->bindings) {
      const auto eq = binding.find('=');
      if (eq == std::string::npos || eq == 0) {
        exit_status = guarded(args->out, args->expr, [&] {
          throw Error(ErrorKind::Request, fmt::format("expected NAME=VALUE, got '{}'", binding));
        });
        return;
      }
      at[binding.substr(0, eq)] = binding.substr(eq + 1);
    }
    exit_status =
        answer_request({{"op", kEval}, {"expr", args->expr}, {"at", at}}, args->out, args->expr);
  });
}

}  // namespace

const Command kEvalCommand{{&kEval, 1}, register_eval};

}  // namespace leibniz::cli
