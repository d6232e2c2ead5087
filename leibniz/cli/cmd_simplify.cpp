// leibniz simplify EXPR and leibniz expand EXPR (the requests "simplify" and "expand").
#include "leibniz/cli/commands.h"
#include "leibniz/cli/output.h"

namespace leibniz::cli {
namespace {

// The rewrites: each a subcommand and the request of its name.
constexpr std::string_view kRewrites[] = {"simplify", "expand"};

void add_rewrite(CLI::App& app, int& exit_status, std::string_view name) {
  auto* cmd = add_request_command(app, name);
  struct Args {
    std::string expr;
    OutputOptions out;
  };
  auto args = std::make_shared<Args>();
  add_argument(*cmd, name, "expr", args->expr);
  add_output_flags(*cmd, args->out);
  cmd->callback([args, &exit_status, name] {
    args->expr = expression_argument(args->expr);
    exit_status = answer_request({{"op", name}, {"expr", args->expr}}, args->out, args->expr);
  });
}

void register_simplify(CLI::App& app, int& exit_status) {
  for (const std::string_view name : kRewrites) add_rewrite(app, exit_status, name);
}

}  // namespace

const Command kSimplifyCommand{kRewrites, register_simplify};

}  // namespace leibniz::cli
