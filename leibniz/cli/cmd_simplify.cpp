// leibniz simplify EXPR and leibniz expand EXPR (the requests "simplify" and "expand").
#include "leibniz/cli/commands.h"
#include "leibniz/cli/output.h"

namespace leibniz::cli {
namespace {

void add_rewrite(CLI::App& app, int& exit_status, const char* name, const char* help) {
  auto* cmd = app.add_subcommand(name, help);
  struct Args {
    std::string expr;
    OutputOptions out;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("expr", args->expr, "the expression, or - to read it from stdin")->required();
  add_output_flags(*cmd, args->out);
  cmd->callback([args, &exit_status, name] {
    args->expr = expression_argument(args->expr);
    exit_status = answer_request({{"op", name}, {"expr", args->expr}}, args->out, args->expr);
  });
}

}  // namespace

void register_simplify(CLI::App& app, int& exit_status) {
  add_rewrite(app, exit_status, "simplify", "the simplified canonical form");
  add_rewrite(app, exit_status, "expand", "multiply out products and powers of sums");
}

}  // namespace leibniz::cli
