// The backprop request of spec §4: a model's text, optional rows of data and a learning
// rate, answered with {ok, values, loss, gradients, [updated]}. Shared by
// `leibniz backprop --json` and batch mode's backprop op.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "leibniz/core/number.h"
#include "leibniz/graph/source.h"

namespace leibniz::app {

struct BackpropRequest {
  graph::Source model;
  std::optional<graph::Source> data;  ///< CSV whose header names inputs and targets
  std::optional<Number> rate;         ///< one gradient-descent step when given
  bool per_row = false;               ///< each row's loss and gradient too
  bool use_overrides = true;          ///< deriv lines replace true derivatives
};

/// A learning rate: a positive number, read exactly ("0.1" is 1/10); Error{Request}
/// "WHAT needs a positive number, not 'TEXT'" otherwise.
Number learning_rate(std::string_view text, std::string_view what);

/// The answer of spec §4. Errors are located in the model or the data by their names.
nlohmann::ordered_json backprop_answer(const BackpropRequest& request);

}  // namespace leibniz::app
