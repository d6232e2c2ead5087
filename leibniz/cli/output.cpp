#include "leibniz/cli/output.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <iterator>

#include "leibniz/app/notes.h"
#include "leibniz/app/request_families.h"
#include "leibniz/app/requests.h"
#include "leibniz/cli/report.h"
#include "leibniz/core/limits.h"

namespace leibniz::cli {

std::string expression_argument(const std::string& argument) {
  if (argument != "-") return argument;
  std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

void add_output_flags(CLI::App& command, OutputOptions& options) {
  command
      .add_option_function<std::string>(
          "--syntax",
          [&options](const std::string& name) {
            options.syntax = name == "latex"  ? app::Syntax::Latex
                             : name == "text" ? app::Syntax::Text
                                              : app::Syntax::Auto;
          },
          std::string(app::kSyntaxArgument.help))
      ->check(CLI::IsMember({"text", "latex", "auto"}));
  command.add_flag("--latex", options.latex, "print the result as LaTeX");
  command.add_flag("--json", options.json, "print the result as one JSON object");
  command.add_flag("--plain", options.plain, "print the text syntax even on a terminal");
  command.add_flag("--pretty", options.pretty, "print Unicode math even when not on a terminal");
}

const app::Argument& request_argument(std::string_view op, std::string_view name) {
  for (const app::Argument& a : app::command_row(op).arguments) {
    if (a.name == name) return a;
  }
  throw Error(ErrorKind::Internal, fmt::format("the {} request has no argument '{}'", op, name));
}

CLI::Option* add_flag_argument(CLI::App& command, std::string_view op, std::string_view name,
                               bool& target) {
  const app::Argument& a = request_argument(op, name);
  LZ_ASSERT(a.kind == app::ArgumentKind::Flag && !a.cli.empty(), "a flag has a CLI spelling");
  return command.add_flag(std::string(a.cli), target, std::string(a.help));
}

CLI::App* add_request_command(CLI::App& app, std::string_view op) {
  return app.add_subcommand(std::string(op), std::string(app::command_row(op).summary));
}

void check_commands_match_table(const CLI::App& app) {
  const std::vector<const CLI::App*> commands = app.get_subcommands({});
  for (const app::RequestRow& row : app::request_table()) {
    const bool found = std::any_of(commands.begin(), commands.end(),
                                   [&](const CLI::App* c) { return c->get_name() == row.op; });
    LZ_ASSERT(found, "every row of the request table is a subcommand");
  }
  for (const CLI::App* command : commands) {
    const bool found =
        std::any_of(app::request_table().begin(), app::request_table().end(),
                    [&](const app::RequestRow& row) { return row.op == command->get_name(); });
    LZ_ASSERT(found, "every subcommand has a row in the request table");
  }
}

app::Notation notation(const OutputOptions& options) {
  if (options.latex) return app::Notation::Latex;
  if (options.pretty || (!options.plain && isatty(STDOUT_FILENO))) return app::Notation::Unicode;
  return app::Notation::Text;
}

int answer_request(nlohmann::json request, const OutputOptions& options, std::string_view input) {
  if (!app::declared_functions().empty()) request["functions"] = app::declared_functions();
  if (!request.contains("syntax")) {
    request["syntax"] = options.syntax == app::Syntax::Latex  ? "latex"
                        : options.syntax == app::Syntax::Text ? "text"
                                                              : "auto";
  }
  int status = 0;
  const int failed = guarded(options, input, [&] {
    const auto result = app::run_request(request, app::Door::Cli);
    std::cout << (options.json ? app::answer_of(*result).dump() + "\n"
                               : result->text(notation(options)))
              << std::flush;
    status = result->exit_status();
  });
  return failed != 0 ? failed : status;
}

int guarded(const OutputOptions& options, std::string_view input,
            const std::function<void()>& body) {
  auto fail = [&](const Error& error) {
    if (options.json) {
      std::cout << app::error_answer(error).dump() << std::endl;
      return 2;
    }
    return report_error(error, input);
  };
  app::Notes notes;  // what the request noted: in the JSON answer, or on stderr here
  const int status = run_guarded(body, fail);
  if (!options.json) {
    for (const std::string& note : notes.list()) std::cerr << "note: " << note << "\n";
  }
  return status;
}

int run_guarded(const std::function<void()>& body, const std::function<int(const Error&)>& fail) {
  try {
    TimeBudget budget(limits().seconds);
    body();
    return 0;
  } catch (...) {
    return fail(app::error_of(std::current_exception()));
  }
}

}  // namespace leibniz::cli
