// leibniz eval EXPR x=1 y=2: the value, exact when it is rational.
#include <fmt/format.h>

#include <iostream>

#include "leibniz/app/answers.h"
#include "leibniz/app/operations.h"
#include "leibniz/cli/commands.h"
#include "leibniz/cli/output.h"
#include "leibniz/core/error.h"

namespace leibniz::cli {

void register_eval(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand("eval", "evaluate: eval EXPR x=1 y=1/2 ...");
  struct Args {
    std::string expr;
    std::vector<std::string> bindings;
    OutputOptions out;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("expr", args->expr, "the expression, or - to read it from stdin")->required();
  cmd->add_option("bindings", args->bindings, "NAME=VALUE for each variable");
  add_output_flags(*cmd, args->out);
  cmd->callback([args, &exit_status] {
    args->expr = expression_argument(args->expr);
    exit_status = guarded(args->out, args->expr, [&] {
      const Expr e = app::parse_input(args->expr, args->out.syntax);
      std::map<std::string, Expr> at;
      for (const std::string& binding : args->bindings) {
        const auto eq = binding.find('=');
        if (eq == std::string::npos || eq == 0) {
          throw Error(ErrorKind::Request, fmt::format("expected NAME=VALUE, got '{}'", binding));
        }
        at[binding.substr(0, eq)] = app::parse_input(binding.substr(eq + 1), args->out.syntax);
      }
      const app::Evaluation result = app::run_eval(e, at);
      if (args->out.json) {
        std::cout << app::eval_answer(result).dump() << std::endl;
      } else if (args->out.latex && !result.exact.is_null()) {
        std::cout << show(result.exact, args->out) << std::endl;
      } else {
        std::cout << result.text() << std::endl;
      }
    });
  });
}

}  // namespace leibniz::cli
