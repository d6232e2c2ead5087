// The predict request: the predictions of a model saved by `leibniz train`, one a row
// (the class with its probabilities, or the value), and the accuracy or the mean squared
// error when the data holds the targets. Like train it reads files by name, so the CLI
// calls it directly rather than through a row of the request table.
#pragma once

#include <memory>

#include "leibniz/app/requests.h"
#include "leibniz/nn/predict.h"

namespace leibniz::app {

/// json(): {ok, task, rows, predictions, [accuracy], [mse]}; text(): one line a row, then
/// the accuracy or the mse.
std::unique_ptr<Result> run_predict(const nn::PredictConfig& config);

}  // namespace leibniz::app
