// leibniz predict MODEL.safetensors --data FILE.csv: the predictions of a model saved by
// `leibniz train`, one line a row (the class, or the value), and the accuracy or the
// mean squared error when the file holds the targets too.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "leibniz/cli/commands.h"
#include "leibniz/cli/output.h"
#include "leibniz/nn/predict.h"

namespace leibniz::cli {
namespace {

struct PredictArgs {
  nn::PredictConfig config;
  OutputOptions output;
};

void print_json(const nn::Predictions& p) {
  const bool classify = p.task == nn::Task::Classify;
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (std::int64_t r = 0; r < p.rows; ++r) {
    const auto i = static_cast<std::size_t>(r);
    if (classify) {
      rows.push_back({{"class", p.classes[i]}, {"probabilities", p.probabilities[i]}});
    } else {
      rows.push_back(p.values[i]);
    }
  }
  nlohmann::ordered_json j{{"ok", true},
                           {"task", classify ? "classify" : "regress"},
                           {"rows", p.rows},
                           {"predictions", rows}};
  if (p.accuracy) j["accuracy"] = *p.accuracy;
  if (p.mse) j["mse"] = *p.mse;
  std::cout << j.dump() << std::endl;
}

void print_lines(const nn::Predictions& p) {
  std::string out;
  for (std::int64_t r = 0; r < p.rows; ++r) {
    const auto i = static_cast<std::size_t>(r);
    out += p.task == nn::Task::Classify ? fmt::format("{}\n", p.classes[i])
                                        : fmt::format("{:.6g}\n", p.values[i]);
  }
  if (p.accuracy) {
    const auto right = static_cast<std::int64_t>(std::llround(*p.accuracy * p.rows));
    out += fmt::format("accuracy {:.4f} ({} of {} rows)\n", *p.accuracy, right, p.rows);
  }
  if (p.mse) out += fmt::format("mse {:.6g} over {} rows\n", *p.mse, p.rows);
  std::cout << out << std::flush;
}

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
      const nn::Predictions p = nn::predict(args->config);
      if (args->output.json) {
        print_json(p);
      } else {
        print_lines(p);
      }
    });
  });
}

}  // namespace leibniz::cli
