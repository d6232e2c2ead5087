// How a subcommand prints its answer: readable Unicode math on a terminal, the text
// syntax of spec §1 otherwise (or with --plain), LaTeX with --latex, JSON with --json.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "leibniz/app/operations.h"
#include "leibniz/app/render.h"
#include "leibniz/app/requests.h"
#include "leibniz/core/error.h"

namespace leibniz::cli {

struct OutputOptions {
  /// How the expression is read: auto (LaTeX when it holds a backslash or braces), or
  /// as told by --syntax text|latex (batch's "syntax").
  app::Syntax syntax = app::Syntax::Auto;
  bool latex = false;
  bool json = false;
  bool plain = false;
  bool pretty = false;
};

/// The expression argument: itself, or all of standard input when it is "-" (for
/// expressions longer than a command line can hold).
std::string expression_argument(const std::string& argument);

/// Adds --syntax, --latex, --json, --plain and --pretty to a subcommand.
void add_output_flags(CLI::App& command, OutputOptions& options);

/// The argument `name` of the request `op`: its row of the request table (app/requests.h)
/// is the one home of its help, its CLI spelling and whether it is required.
const app::Argument& request_argument(std::string_view op, std::string_view name);

/// Adds a request's argument to its subcommand as the request table spells it: a
/// positional named after its JSON member when it has no CLI spelling, else the option
/// (--from); required when the row says so, with the row's help and default.
template <class T>
CLI::Option* add_argument(CLI::App& command, std::string_view op, std::string_view name,
                          T& target) {
  const app::Argument& a = request_argument(op, name);
  CLI::Option* option =
      command.add_option(std::string(a.cli.empty() ? a.name : a.cli), target, std::string(a.help));
  if (a.required) option->required();
  if (!a.cli.empty() && !a.fallback.empty()) option->default_str(std::string(a.fallback));
  return option;
}

/// Adds a request's flag (--steps, --numeric) to its subcommand, with the row's help.
CLI::Option* add_flag_argument(CLI::App& command, std::string_view op, std::string_view name,
                               bool& target);

/// Adds the subcommand of a request or command, described by its row's summary.
CLI::App* add_request_command(CLI::App& app, std::string_view op);

/// Every subcommand has a row in the request table and every row a subcommand: the CLI
/// and the other doors cannot disagree on what there is (a mismatch is a bug: it aborts).
void check_commands_match_table(const CLI::App& app);

/// The notation the options ask for: LaTeX, Unicode on a terminal or with --pretty, else
/// the text syntax.
app::Notation notation(const OutputOptions& options);

/// Runs `request` (a JSON request object, spec §3) through the request table, as batch
/// mode does, adding the --function names and the syntax of the options, and prints the
/// answer: with --json the answer object, otherwise its text in the chosen notation. An
/// error is reported as guarded() does. Returns the exit status (the result's own, e.g.
/// 1 for a claim that fails).
int answer_request(nlohmann::json request, const OutputOptions& options, std::string_view input);

/// Runs `body` within the time limit; reports an Error as the options ask (JSON on
/// stdout, or a message with a caret under `input` on stderr) and returns the exit
/// status: 0, or 2 when it could not answer.
int guarded(const OutputOptions& options, std::string_view input,
            const std::function<void()>& body);

/// Runs `body` within the time limit and hands any failure, as an Error (out of memory
/// is a limit, anything else internal), to `fail`, whose result is the exit status.
int run_guarded(const std::function<void()>& body, const std::function<int(const Error&)>& fail);

}  // namespace leibniz::cli
