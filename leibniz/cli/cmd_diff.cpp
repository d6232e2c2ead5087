// leibniz diff EXPR VAR...: partial derivatives, applied in order.
#include <iostream>

#include "leibniz/app/operations.h"
#include "leibniz/app/steps_format.h"
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
      const Expr result = app::run_diff(app::parse_input(args->expr, app::Syntax::Auto), args->wrt,
                                        args->steps ? &trace : nullptr);
      if (args->out.json) {
        auto answer = answer_json(result);
        if (args->steps) answer["steps"] = app::steps_json(trace.steps());
        std::cout << answer.dump() << std::endl;
      } else if (args->steps) {
        std::cout << (args->out.latex ? app::steps_latex(trace.steps())
                                      : app::steps_text(trace.steps()));
      } else {
        std::cout << show(result, args->out) << std::endl;
      }
    });
  });
}

}  // namespace leibniz::cli
