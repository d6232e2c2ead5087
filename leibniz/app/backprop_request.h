// The requests on a model file (spec §4). backprop: a model's text, optional rows of data
// and a learning rate, answered with {ok, values, loss, gradients, [updated]} or the report
// of `leibniz backprop`. gradcheck: every gradient against finite differences. The rows of
// the request table (batch's "backprop" and "gradcheck") and the CLI, which names the
// sources by their files, both run them.
#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include "leibniz/app/requests.h"
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

/// The forward and backward pass; its json() is the answer of spec §4 and its text() the
/// report of `leibniz backprop`. Errors are located in the model or the data by their names.
std::unique_ptr<Result> run_backprop(const BackpropRequest& request);

struct GradcheckRequest {
  graph::Source model;
  double tolerance = 1e-6;    ///< the largest relative error that agrees
  bool use_overrides = true;  ///< deriv lines replace true derivatives
};

/// Every gradient of backprop against central finite differences; its exit_status() is 1
/// when some gradient differs.
std::unique_ptr<Result> run_gradcheck(const GradcheckRequest& request);

}  // namespace leibniz::app
