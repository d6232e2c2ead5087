// The subcommands of the `leibniz` tool. Each cmd_*.cpp registers one on the app, named
// and described by its row of the request table (app/requests.h), which main checks;
// its callback sets `exit_status`: 0 answered, 1 a claim does not hold, 2 could not
// answer (bad input, a limit, an internal failure), 3 unknown.
#pragma once

#include <CLI/CLI.hpp>
#include <span>
#include <string_view>

namespace leibniz::cli {

/// A subcommand's register function and the names of the subcommands it adds, both
/// defined in its cmd_*.cpp, which names them from these (main registers only the command
/// a run names, so it looks the names up before registering anything).
struct Command {
  std::span<const std::string_view> names;
  void (*add)(CLI::App& app, int& exit_status);
};

extern const Command kDiffCommand;
extern const Command kSimplifyCommand;
extern const Command kEvalCommand;
extern const Command kGradCommand;
extern const Command kCheckCommand;
extern const Command kBatchCommand;
extern const Command kTourCommand;
extern const Command kTrainCommand;
extern const Command kPredictCommand;
extern const Command kIntegrateCommand;
extern const Command kBackpropCommand;
extern const Command kGradcheckCommand;
extern const Command kServeCommand;
extern const Command kNotesCommand;

}  // namespace leibniz::cli
