// leibniz diff EXPR VAR...: partial derivatives, applied in order (the request "diff").
#include "leibniz/cli/commands.h"
#include "leibniz/cli/output.h"

namespace leibniz::cli {
namespace {

constexpr std::string_view kDiff = "diff";

void register_diff(CLI::App& app, int& exit_status) {
  auto* cmd = add_request_command(app, kDiff);
  struct Args {
    std::string expr;
    std::vector<std::string> wrt;
    OutputOptions out;
    bool steps = false;
  };
  auto args = std::make_shared<Args>();
  add_argument(*cmd, kDiff, "expr", args->expr);
  add_argument(*cmd, kDiff, "wrt", args->wrt);
  add_output_flags(*cmd, args->out);
  add_flag_argument(*cmd, kDiff, "steps", args->steps);
  cmd->callback([args, &exit_status] {
    args->expr = expression_argument(args->expr);
    exit_status = answer_request(
        {{"op", kDiff}, {"expr", args->expr}, {"wrt", args->wrt}, {"steps", args->steps}},
        args->out, args->expr);
  });
}

}  // namespace

const Command kDiffCommand{{&kDiff, 1}, register_diff};

}  // namespace leibniz::cli
