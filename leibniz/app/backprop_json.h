// The JSON of `leibniz backprop --json` (the backprop request's Result renders it)
// (spec/interfaces.md §4), with the extensions of docs/model-files.md: exact values as text,
// overrides, per-row results, training.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "leibniz/graph/backprop.h"

namespace leibniz::app {

/// {"ok", "values", "loss", "gradients", ["updated"], ["exact"], ["overrides"], ["rows"]}.
nlohmann::ordered_json backprop_json(const graph::Graph& graph, const graph::Assignment& leaves,
                                     const graph::Evaluation& at, const std::optional<Number>& rate,
                                     bool per_row);

/// {"ok", "epochs", "losses", "updated"}.
nlohmann::ordered_json training_json(const graph::Graph& graph, const graph::Training& training);

}  // namespace leibniz::app
