// The JSON of `leibniz backprop --json` (spec/interfaces.md §4), with the extensions
// of docs/model-files.md: exact values as text, overrides, per-row results, training.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "leibniz/graph/backprop.h"

namespace leibniz::graph {

/// {"ok", "values", "loss", "gradients", ["updated"], ["exact"], ["overrides"], ["rows"]}.
nlohmann::ordered_json backprop_json(const Graph& graph, const Assignment& leaves,
                                     const Evaluation& at, const std::optional<Number>& rate,
                                     bool per_row);

/// {"ok", "epochs", "losses", "updated"}.
nlohmann::ordered_json training_json(const Graph& graph, const Training& training);

}  // namespace leibniz::graph
