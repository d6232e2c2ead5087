// The JSON of `leibniz backprop --json` (the backprop request's Result renders it)
// (spec/interfaces.md §4), with the extensions of docs/model-files.md: exact values as text,
// overrides, per-row results, training.
#pragma once

#include <iosfwd>
#include <nlohmann/json.hpp>
#include <optional>

#include "leibniz/graph/backprop.h"

namespace leibniz::app {

/// {"ok", "values", "loss", "gradients", ["updated"], ["exact"], ["overrides"], ["rows"]}.
nlohmann::ordered_json backprop_json(const graph::Graph& graph, const graph::Assignment& leaves,
                                     const graph::Evaluation& at, const std::optional<Number>& rate,
                                     bool per_row);

/// backprop_json's object with `extra`'s members last (dot, warnings), written to `out` as
/// dump() writes it; the values (a member a node: a million for a large model) are written
/// one by one, not built into a document first.
void write_backprop_json(std::ostream& out, const graph::Graph& graph,
                         const graph::Assignment& leaves, const graph::Evaluation& at,
                         const std::optional<Number>& rate, bool per_row,
                         const nlohmann::ordered_json& extra);

/// {"ok", "epochs", "losses", "updated"}.
nlohmann::ordered_json training_json(const graph::Graph& graph, const graph::Training& training);

}  // namespace leibniz::app
