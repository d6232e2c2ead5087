// The leibniz command-line tool: one subcommand per cmd_*.cpp.
#include <CLI/CLI.hpp>
#include <iostream>

#include "leibniz/cli/commands.h"
#include "leibniz/core/limits.h"

int main(int argc, char** argv) {
  CLI::App app{"leibniz: calculus for AI — derivatives, simplification and more, exactly."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "leibniz 0.1.0");
  app.add_option("--timeout", leibniz::limits().seconds, "seconds allowed for one request")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  int exit_status = 0;
  leibniz::cli::register_diff(app, exit_status);
  leibniz::cli::register_simplify(app, exit_status);
  leibniz::cli::register_eval(app, exit_status);
  leibniz::cli::register_grad(app, exit_status);
  leibniz::cli::register_check(app, exit_status);
  leibniz::cli::register_batch(app, exit_status);
  leibniz::cli::register_tour(app, exit_status);
#ifdef LEIBNIZ_HAS_CMD_INTEGRATE
  leibniz::cli::register_integrate(app, exit_status);
#endif
#ifdef LEIBNIZ_HAS_CMD_BACKPROP
  leibniz::cli::register_backprop(app, exit_status);
#endif
#ifdef LEIBNIZ_HAS_CMD_GRADCHECK
  leibniz::cli::register_gradcheck(app, exit_status);
#endif
#ifdef LEIBNIZ_HAS_CMD_TRAIN
  leibniz::cli::register_train(app, exit_status);
#endif
#ifdef LEIBNIZ_HAS_CMD_PREDICT
  leibniz::cli::register_predict(app, exit_status);
#endif
  if (argc > 1 && argv[1][0] != '-') {
    bool known = false;
    for (const CLI::App* sub : app.get_subcommands({})) known |= sub->get_name() == argv[1];
    if (!known) {
      std::cerr << "leibniz: request error: unknown command '" << argv[1]
                << "'; run leibniz --help for the list\n";
      return 2;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;  // a usage error is bad input: status 2
  }
  return exit_status;
}
