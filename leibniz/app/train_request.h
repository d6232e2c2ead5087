// The train request of spec §5: a network trained on a CSV file, answered with {ok, epochs,
// train_loss, val_loss, [val_accuracy], seconds}. The CLI reads it from its flags (and
// --config), watches the progress and catches Ctrl-C; reading the choices, training,
// plotting and the answer are here. It reads and writes files by name, so it is not a row
// of the request table, whose requests carry their data (a model's text, CSV rows).
#pragma once

#include <optional>
#include <string>

#include "leibniz/app/requests.h"
#include "leibniz/nn/train.h"

namespace leibniz::app {

struct TrainRequest {
  nn::TrainConfig config;  ///< the numbers and files; the choices below are read into it
  std::string task = "classify";
  std::string hidden = "64,32";
  std::string activation = "relu";
  std::string model = "mlp";
  std::string loss = "auto";
  std::string schedule = "constant";
  std::string dtype = "float32";
  bool no_standardize = false;
  std::string plot;  ///< draw the loss curves here (.png or .svg)
};

/// The config the request asks for: each choice read, the outputs checked writable before
/// any work. Error{Request} names the flag of a bad choice.
nn::TrainConfig train_config(const TrainRequest& request);

struct Training {
  nn::TrainResult result;
  nn::Task task = nn::Task::Classify;
  double seconds = 0;
  /// The last finished epoch's figures, if one finished.
  std::optional<double> train_loss, val_loss, val_accuracy;
};

/// Trains with `config` (from train_config), telling `observer`; then draws the curves to
/// request.plot when asked and an epoch finished.
Training run_training(const TrainRequest& request, const nn::TrainConfig& config,
                      nn::TrainObserver& observer);
/// The same on rows already read (the Python module's arrays), standing for config.data.
Training run_training(const TrainRequest& request, const nn::TrainConfig& config,
                      const io::CsvTable& table, nn::TrainObserver& observer);

/// The answer of spec §5 (with "interrupted": true when stopped early).
Answer training_answer(const Training& training);

/// The closing lines of `leibniz train`: the final figures, what was saved and plotted.
std::string training_text(const TrainRequest& request, const Training& training);

/// Losses with 4 significant digits (they shrink by orders of magnitude), accuracies with
/// 4 decimals; "-" for none.
std::string loss_text(const std::optional<double>& v);
std::string accuracy_text(const std::optional<double>& v);

}  // namespace leibniz::app
