// The leibniz command-line tool: one subcommand per cmd_*.cpp.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "leibniz/app/operations.h"
#include "leibniz/app/request_families.h"
#include "leibniz/cli/commands.h"
#include "leibniz/cli/output.h"
#include "leibniz/core/error.h"
#include "leibniz/core/limits.h"

namespace {

// An argument that starts with '-' but is none of the subcommand's options is an
// expression or a value ("-x^2", "-1"), which CLI11 would take for an option. So the
// subcommand's arguments are put in a form CLI11 cannot misread: each option with its
// values attached (--from=-1), then "--" and the positionals in their order. An option
// of leibniz itself (--timeout 5) may come after the subcommand too.
std::vector<std::string> unambiguous_arguments(const CLI::App& app, int argc, char** argv) {
  std::vector<std::string> in(argv + 1, argv + argc), out;
  std::size_t i = 0;
  const CLI::App* sub = nullptr;
  for (; i < in.size() && !sub; ++i) {  // global options, up to the subcommand's name
    out.push_back(in[i]);
    if (in[i] == "--timeout" && i + 1 < in.size()) out.push_back(in[++i]);
    for (const CLI::App* s : app.get_subcommands({})) {
      if (s->get_name() == in[i]) sub = s;
    }
  }
  if (!sub) return in;
  const std::size_t sub_at = out.size() - 1;
  std::vector<std::string> positionals, hoisted;
  bool list_last = false;  // CLI11 takes a "--" right after a list option as the list's end
  while (i < in.size()) {
    const std::string& arg = in[i++];
    if (arg == "--") {
      positionals.insert(positionals.end(), in.begin() + static_cast<long>(i), in.end());
      break;
    }
    const std::string name = arg.substr(0, arg.find('='));
    const bool dash = arg.size() > 1 && arg[0] == '-';
    if (const CLI::Option* global = dash ? app.get_option_no_throw(name) : nullptr;
        global && !sub->get_option_no_throw(name)) {
      if (global->get_items_expected_max() == 0 || name != arg) {
        hoisted.push_back(arg);
        continue;
      }
      if (i == in.size()) {
        throw CLI::ArgumentMismatch::TypedAtLeast(global->get_name(), 1, global->get_type_name());
      }
      hoisted.push_back(arg + "=" + in[i++]);
      continue;
    }
    const CLI::Option* option = dash ? sub->get_option_no_throw(name) : nullptr;
    if (option) list_last = option->get_items_expected_max() > 1;
    if (!option) {
      positionals.push_back(arg);
    } else if (option->get_items_expected_max() == 0 || arg.find('=') != std::string::npos) {
      out.push_back(arg);  // a flag, or a value already attached
    } else if (option->get_items_expected_max() <= 1) {
      if (i < in.size()) {
        out.push_back(arg + "=" + in[i++]);
      } else {
        out.push_back(arg);  // CLI11 says the value is missing
      }
    } else {  // several values: as CLI11 does, up to the next argument that starts with '-'
      bool any = false;
      for (; i < in.size() && (in[i].empty() || in[i][0] != '-' || in[i] == "-"); ++i) {
        out.push_back(arg + "=" + in[i]);
        any = true;
      }
      if (!any) out.push_back(arg);
    }
  }
  if (!positionals.empty()) {
    if (list_last) out.push_back("--");
    out.push_back("--");
    out.insert(out.end(), positionals.begin(), positionals.end());
  }
  out.insert(out.begin() + static_cast<long>(sub_at), hoisted.begin(), hoisted.end());
  return out;
}

// Every register function; each names its subcommands in its own cmd_*.cpp.
constexpr const leibniz::cli::Command* kCommands[] = {
    &leibniz::cli::kDiffCommand,     &leibniz::cli::kSimplifyCommand,
    &leibniz::cli::kEvalCommand,     &leibniz::cli::kGradCommand,
    &leibniz::cli::kCheckCommand,    &leibniz::cli::kBatchCommand,
    &leibniz::cli::kTourCommand,     &leibniz::cli::kIntegrateCommand,
    &leibniz::cli::kBackpropCommand, &leibniz::cli::kGradcheckCommand,
    &leibniz::cli::kTrainCommand,    &leibniz::cli::kPredictCommand,
    &leibniz::cli::kServeCommand,    &leibniz::cli::kNotesCommand,
};

// Whether `command` adds the subcommand `name`.
bool names(const leibniz::cli::Command& command, std::string_view name) {
  return std::find(command.names.begin(), command.names.end(), name) != command.names.end();
}

// Whether `name` is registered on `app`.
bool has_subcommand(const CLI::App& app, std::string_view name) {
  return !app.get_subcommands([&](const CLI::App* c) { return c->get_name() == name; }).empty();
}

// The command a run names: its first argument that is neither an option of leibniz itself
// nor that option's value; empty when there is none (leibniz --help).
std::string_view command_name(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--timeout" || arg == "--function") {
      ++i;
    } else if (arg.empty() || arg[0] != '-') {
      return arg;
    } else if (arg.rfind("--timeout=", 0) != 0 && arg.rfind("--function=", 0) != 0) {
      return {};  // --help, --version, or a mistake CLI11 names
    }
  }
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"leibniz: calculus for AI — derivatives, simplification and more, exactly."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "leibniz 0.1.0");
  // The process-wide default (docs/threads.md): every thread's limits start from it.
  double timeout = leibniz::default_limits().seconds;
  app.add_option("--timeout", timeout, "seconds allowed for one request")
      ->capture_default_str()
      ->check(CLI::Validator(
          [](const std::string& text) {
            double seconds = 0;
            return CLI::detail::lexical_cast(text, seconds) && seconds > 0
                       ? std::string()
                       : "needs a positive number of seconds, not '" + text + "'";
          },
          "SECONDS"))
      ->each([](const std::string& text) {
        leibniz::Limits defaults = leibniz::default_limits();
        CLI::detail::lexical_cast(text, defaults.seconds);
        leibniz::set_default_limits(defaults);
      });
  std::vector<std::string> functions;
  app.add_option("--function", functions, std::string(leibniz::app::kFunctionsArgument.help))
      ->each([](const std::string& name) { leibniz::app::declare_function(name); });
  int exit_status = 0;
  // Registering a command's options is most of start-up's own work, so a run that names
  // its command registers that one only; help, and anything else, gets all of them.
  const std::string_view named = command_name(argc, argv);
  const auto it = std::find_if(std::begin(kCommands), std::end(kCommands),
                               [&](const leibniz::cli::Command* c) { return names(*c, named); });
  if (it != std::end(kCommands)) {
    (*it)->add(app, exit_status);
    LZ_ASSERT(app.get_subcommands({}).size() == (*it)->names.size() &&
                  std::all_of((*it)->names.begin(), (*it)->names.end(),
                              [&](std::string_view name) { return has_subcommand(app, name); }),
              "a register function adds the subcommands its Command names, no others");
  } else {
    for (const leibniz::cli::Command* command : kCommands) command->add(app, exit_status);
    leibniz::cli::check_commands_match_table(app);
    for (const CLI::App* sub : app.get_subcommands({})) {
      const bool listed =
          std::any_of(std::begin(kCommands), std::end(kCommands),
                      [&](const leibniz::cli::Command* c) { return names(*c, sub->get_name()); });
      LZ_ASSERT(listed, "every subcommand is named by the Command of its register function");
    }
    if (!named.empty()) {
      std::cerr << "leibniz: request error: unknown command '" << named
                << "'; run leibniz --help for the list\n";
      return 2;
    }
  }
  try {
    std::vector<std::string> arguments = unambiguous_arguments(app, argc, argv);
    std::reverse(arguments.begin(), arguments.end());  // CLI11 takes them last first
    app.parse(arguments);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;  // a usage error is bad input: status 2
  }
  return exit_status;
}
