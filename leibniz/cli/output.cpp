#include "leibniz/cli/output.h"

#include <unistd.h>

#include <iostream>
#include <iterator>

#include "leibniz/app/answers.h"
#include "leibniz/app/batch.h"
#include "leibniz/app/notes.h"
#include "leibniz/app/steps_format.h"
#include "leibniz/cli/report.h"
#include "leibniz/core/limits.h"
#include "leibniz/expr/print.h"

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
            options.syntax = name == "latex" ? app::Syntax::Latex : app::Syntax::Text;
          },
          "read the expression as text or latex (default: LaTeX when it holds a backslash or "
          "braces)")
      ->check(CLI::IsMember({"text", "latex"}));
  command.add_flag("--latex", options.latex, "print the result as LaTeX");
  command.add_flag("--json", options.json, "print the result as one JSON object");
  command.add_flag("--plain", options.plain, "print the text syntax even on a terminal");
  command.add_flag("--pretty", options.pretty, "print Unicode math even when not on a terminal");
}

std::string show(const Expr& e, const OutputOptions& options) {
  if (options.latex) return print_latex(e);
  if (options.pretty || (!options.plain && isatty(STDOUT_FILENO))) return print_unicode(e);
  return print_text(e);
}

nlohmann::ordered_json answer_json(const Expr& e) {
  nlohmann::ordered_json answer = app::expr_answer(e);
  add_warnings(answer);
  return answer;
}

void add_warnings(nlohmann::ordered_json& answer) {
  const app::Notes* notes = app::Notes::current();
  if (notes != nullptr && !notes->list().empty()) answer["warnings"] = notes->list();
}

void print_answer(const Expr& result, const Trace* steps, const OutputOptions& options) {
  if (options.json) {
    auto answer = answer_json(result);
    if (steps) answer["steps"] = app::steps_json(steps->steps());
    std::cout << answer.dump() << std::endl;
  } else if (steps) {
    std::cout << (options.latex ? app::steps_latex(steps->steps())
                                : app::steps_text(steps->steps()));
  } else {
    std::cout << show(result, options) << std::endl;
  }
}

int guarded(const OutputOptions& options, std::string_view input,
            const std::function<void()>& body) {
  auto fail = [&](const Error& error) {
    if (options.json) {
      std::cout << nlohmann::ordered_json{{"ok", false}, {"error", app::error_json(error)}}.dump()
                << std::endl;
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
