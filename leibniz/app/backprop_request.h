// The requests on a model file (spec §4), rows of the request table: backprop (values,
// loss, ∂L/∂node, one descent step; with "epochs" several steps; its text the report of
// `leibniz backprop`, or with "explain" the chain-rule paths to a node, with "symbolic"
// every gradient as a formula) and gradcheck (every gradient against finite differences).
// The model and the data come as text; "model_name" and "data_name" name them in messages
// (the CLI gives the files' names).
#pragma once

#include <string_view>

#include "leibniz/core/number.h"

namespace leibniz::app {

/// A learning rate: a positive number, read exactly ("0.1" is 1/10); Error{Request}
/// "WHAT needs a positive number, not 'TEXT'" otherwise.
Number learning_rate(std::string_view text, std::string_view what);

}  // namespace leibniz::app
