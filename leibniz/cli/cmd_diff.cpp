// leibniz diff EXPR VAR...: partial derivatives, applied in order.
#include <iostream>

#include "leibniz/app/operations.h"
#include "leibniz/cli/commands.h"
#include "leibniz/cli/output.h"
#include "leibniz/expr/print.h"

namespace leibniz::cli {

void register_diff(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand("diff", "differentiate: diff EXPR VAR... (x x = second derivative)");
  struct Args {
    std::string expr;
    std::vector<std::string> wrt;
    OutputOptions out;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("expr", args->expr, "the expression, or - to read it from stdin")->required();
  cmd->add_option("vars", args->wrt, "variables, applied in order")->required();
  add_output_flags(*cmd, args->out);
  cmd->callback([args, &exit_status] {
    args->expr = expression_argument(args->expr);
    exit_status = guarded(args->out, args->expr, [&] {
      const Expr result = app::run_diff(app::parse_input(args->expr, app::Syntax::Text), args->wrt);
      if (args->out.json) {
        std::cout << answer_json(result).dump() << std::endl;
      } else {
        std::cout << show(result, args->out) << std::endl;
      }
    });
  });
}

}  // namespace leibniz::cli
