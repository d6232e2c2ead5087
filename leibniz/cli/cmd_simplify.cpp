// leibniz simplify EXPR and leibniz expand EXPR.
#include <iostream>

#include "leibniz/app/operations.h"
#include "leibniz/cli/commands.h"
#include "leibniz/cli/output.h"

namespace leibniz::cli {
namespace {

void add_rewrite(CLI::App& app, int& exit_status, const char* name, const char* help,
                 Expr (*operation)(const Expr&)) {
  auto* cmd = app.add_subcommand(name, help);
  struct Args {
    std::string expr;
    OutputOptions out;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("expr", args->expr, "the expression, or - to read it from stdin")->required();
  add_output_flags(*cmd, args->out);
  cmd->callback([args, &exit_status, operation] {
    args->expr = expression_argument(args->expr);
    exit_status = guarded(args->out, args->expr, [&] {
      const Expr result = operation(app::parse_input(args->expr, args->out.syntax));
      if (args->out.json) {
        std::cout << answer_json(result).dump() << std::endl;
      } else {
        std::cout << show(result, args->out) << std::endl;
      }
    });
  });
}

}  // namespace

void register_simplify(CLI::App& app, int& exit_status) {
  add_rewrite(app, exit_status, "simplify", "the simplified canonical form", app::run_simplify);
  add_rewrite(app, exit_status, "expand", "multiply out products and powers of sums",
              app::run_expand);
}

}  // namespace leibniz::cli
