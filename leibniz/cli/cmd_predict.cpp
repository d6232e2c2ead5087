// leibniz predict MODEL.safetensors --data FILE.csv: the predictions of a model saved by
// `leibniz train` (app/predict_request.h), one line a row, or one JSON object.
#include <iostream>
#include <memory>

#include "leibniz/app/predict_request.h"
#include "leibniz/cli/commands.h"
#include "leibniz/cli/output.h"

namespace leibniz::cli {
namespace {

constexpr std::string_view kPredict = "predict";

struct PredictArgs {
  nn::PredictConfig config;
  OutputOptions output;
};

void register_predict(CLI::App& app, int& exit_status) {
  auto* cmd = add_request_command(app, kPredict);
  auto args = std::make_shared<PredictArgs>();
  nn::PredictConfig& c = args->config;
  add_argument(*cmd, kPredict, "model", c.model);
  add_argument(*cmd, kPredict, "data", c.data);
  add_flag_argument(*cmd, kPredict, "header", c.header);
  add_argument(*cmd, kPredict, "target", c.target);
  cmd->add_flag("--json", args->output.json, "one JSON object, with class probabilities");
  cmd->callback([args, &exit_status] {
    exit_status = guarded(args->output, {}, [&] {
      const auto result = app::run_predict(args->config);
      std::cout << (args->output.json ? app::answer_of(*result).dump() + "\n"
                                      : result->text(app::Notation::Text))
                << std::flush;
    });
  });
}

}  // namespace

const Command kPredictCommand{{&kPredict, 1}, register_predict};

}  // namespace leibniz::cli
