// leibniz diff EXPR VAR...: partial derivatives, applied in order.
#include <iostream>

#include "leibniz/app/operations.h"
#include "leibniz/cli/commands.h"
#include "leibniz/cli/output.h"
#include "leibniz/expr/print.h"

namespace leibniz::cli {

void register_diff(CLI::App& app, int& exit_status) {
  auto* cmd =
      app.add_subcommand("diff", "differentiate: diff EXPR VAR... (x x = second derivative)");
  struct Args {
    std::string expr;
    std::vector<std::string> wrt;
    OutputOptions out;
    bool steps = false;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("expr", args->expr, "the expression, or - to read it from stdin")->required();
  cmd->add_option("vars", args->wrt, "variables, applied in order")->required();
  add_output_flags(*cmd, args->out);
  cmd->add_flag("--steps", args->steps, "show the derivation rule by rule, as the notes do");
  cmd->callback([args, &exit_status] {
    args->expr = expression_argument(args->expr);
    exit_status = guarded(args->out, args->expr, [&] {
      Trace trace;
      const Expr result = app::run_diff(app::parse_input(args->expr, args->out.syntax), args->wrt,
                                        args->steps ? &trace : nullptr);
      print_answer(result, args->steps ? &trace : nullptr, args->out);
    });
  });
}

}  // namespace leibniz::cli
