// Predictions of a saved model (`leibniz predict`): the rows of a CSV through the
// network `leibniz train` saved, standardised as in training, and, when the file holds
// the targets too, the accuracy (classification) or the mean squared error (regression).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "leibniz/io/csv.h"
#include "leibniz/nn/checkpoint.h"
#include "leibniz/nn/dataset.h"

namespace leibniz::nn {

struct PredictConfig {
  std::string model;  ///< .safetensors saved by `leibniz train`
  std::string data;   ///< CSV: the features, and optionally the target column
  bool header = false;
  std::string target;  ///< which column is the target; empty: the one saved with the model
};

struct Predictions {
  nn::Task task = nn::Task::Classify;
  std::int64_t rows = 0;
  std::vector<std::int64_t> classes;               ///< Classify: the most likely class
  std::vector<std::vector<double>> probabilities;  ///< Classify: of each class
  std::vector<double> values;                      ///< Regress
  bool has_targets = false;
  std::optional<double> accuracy;  ///< Classify, with targets
  std::optional<double> mse;       ///< Regress, with targets
};

/// Errors name the file: a model that is not one, a CSV whose columns do not fit the
/// model, labels outside the model's classes.
Predictions predict(const PredictConfig& config);

/// The predictions (no targets) of `model`, the network of `saved` (its parameters may
/// since have changed), for `features` (rows, inputs) as in the data, before
/// standardisation. `source` names the model in messages.
Predictions predict_rows(Module& model, const Checkpoint& saved, const tensor::Tensor& features,
                         const std::string& source);

/// Error{Domain} naming file, row and column for the first label that is not one of
/// the `classes` classes of `owner` (a model or a data file); `why` ends the message.
void check_labels(const io::CsvTable& table, std::int64_t target_col,
                  const std::vector<std::int64_t>& labels, std::int64_t classes,
                  const std::string& owner, const std::string& why);

}  // namespace leibniz::nn
