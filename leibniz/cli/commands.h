// The subcommands of the `leibniz` tool. Each cmd_*.cpp registers one on the app, named
// and described by its row of the request table (app/requests.h), which main checks;
// its callback sets `exit_status`: 0 answered, 1 a claim does not hold, 2 could not
// answer (bad input, a limit, an internal failure), 3 unknown.
#pragma once

#include <CLI/CLI.hpp>

namespace leibniz::cli {

void register_diff(CLI::App& app, int& exit_status);
void register_simplify(CLI::App& app, int& exit_status);
void register_eval(CLI::App& app, int& exit_status);
void register_grad(CLI::App& app, int& exit_status);
void register_check(CLI::App& app, int& exit_status);
void register_batch(CLI::App& app, int& exit_status);
void register_tour(CLI::App& app, int& exit_status);
void register_train(CLI::App& app, int& exit_status);
void register_predict(CLI::App& app, int& exit_status);
void register_integrate(CLI::App& app, int& exit_status);
void register_backprop(CLI::App& app, int& exit_status);
void register_gradcheck(CLI::App& app, int& exit_status);
void register_serve(CLI::App& app, int& exit_status);
void register_notes(CLI::App& app, int& exit_status);

}  // namespace leibniz::cli
