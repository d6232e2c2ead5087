// leibniz gradcheck MODEL: every gradient of backprop against central finite
// differences; exit status 1 when some gradient differs (an override flagged).
#include <iostream>
#include <memory>

#include "leibniz/app/requests.h"
#include "leibniz/cli/commands.h"
#include "leibniz/cli/model_command.h"
#include "leibniz/core/limits.h"

namespace leibniz::cli {
namespace {

constexpr std::string_view kGradcheck = "gradcheck";

void register_gradcheck(CLI::App& app, int& exit_status) {
  auto* cmd = add_request_command(app, kGradcheck);
  struct Args {
    std::string model;
    bool json = false;
    bool true_derivatives = false;
    double tolerance = 1e-6;
  };
  auto args = std::make_shared<Args>();
  add_argument(*cmd, kGradcheck, "model", args->model);
  cmd->add_flag("--json", args->json, "print one JSON object");
  add_flag_argument(*cmd, kGradcheck, "true_derivatives", args->true_derivatives);
  add_argument(*cmd, kGradcheck, "tolerance", args->tolerance)->check(CLI::PositiveNumber);
  cmd->callback([args, &exit_status] {
    bool agree = true;
    exit_status = run_model_command(args->json, [&](std::vector<graph::Source>& sources) {
      sources.push_back(graph::read_source(args->model));
      nlohmann::json request{{"op", kGradcheck},
                             {"model", sources.back().text},
                             {"model_name", sources.back().name},
                             {"tolerance", args->tolerance}};
      if (args->true_derivatives) request["true_derivatives"] = true;
      const app::Result& result = keep_to_exit(app::run_request(request, app::Door::Cli));
      agree = result.exit_status() == 0;
      // Printed once complete: past the time limit only the limit error is printed.
      const std::string out =
          args->json ? app::answer_of(result).dump() + "\n" : result.text(app::Notation::Text);
      check_time();
      std::cout << out << std::flush;
    });
    if (exit_status == 0 && !agree) exit_status = 1;
  });
}

}  // namespace

const Command kGradcheckCommand{{&kGradcheck, 1}, register_gradcheck};

}  // namespace leibniz::cli
