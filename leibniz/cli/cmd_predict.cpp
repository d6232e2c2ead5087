// leibniz predict MODEL.safetensors --data FILE.csv: the predictions of a model saved by
// `leibniz train` (app/predict_request.h), one line a row, or one JSON object.
#include <iostream>
#include <memory>

#include "leibniz/app/predict_request.h"
#include "leibniz/cli/commands.h"
#include "leibniz/cli/output.h"

namespace leibniz::cli {
namespace {

struct PredictArgs {
  nn::PredictConfig config;
  OutputOptions output;
};

}  // namespace

void register_predict(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand("predict", "predict with a model saved by leibniz train");
  auto args = std::make_shared<PredictArgs>();
  nn::PredictConfig& c = args->config;
  cmd->add_option("model", c.model, "the model (.safetensors) saved by leibniz train --save")
      ->required();
  cmd->add_option("--data", c.data, "the CSV: the features, and the target column if known")
      ->required();
  cmd->add_flag("--header", c.header, "the first line names the columns");
  cmd->add_option("--target", c.target,
                  "the target column when the file has one (default: as in training)");
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

}  // namespace leibniz::cli
