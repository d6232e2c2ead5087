// What `leibniz backprop` prints as text, in the notes' notation (graph/ computes, this
// writes; the backprop request's Result calls it): the forward values, ∂L/∂node
// for every node from the loss back, the gradients, the update, the overrides in use;
// the symbolic gradient; the chain-rule paths of --explain; the losses of training.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>

#include "leibniz/graph/backprop.h"
#include "leibniz/graph/explain.h"
#include "leibniz/graph/overrides.h"
#include "leibniz/graph/symbolic.h"

namespace leibniz::app {

struct ReportOptions {
  const graph::DataSet* data = nullptr;
  bool per_row = false;
  std::optional<Number> rate;
};

/// The forward and backward pass at `leaves` (mean over the data rows when given).
void write_backprop(std::ostream& out, const graph::Graph& graph, const graph::Assignment& leaves,
                    const graph::Evaluation& at, const ReportOptions& options);

/// The overrides in use and how far each is from the true derivative.
void write_overrides(std::ostream& out, const graph::Graph& graph,
                     const std::vector<graph::OverrideCheck>& checks);

/// Every ∂L/∂node as a formula over named auxiliaries, with its value at the pass.
void write_symbolic(std::ostream& out, const graph::Graph& graph,
                    const graph::SymbolicGradient& symbolic, const graph::Pass& pass);

/// The chain-rule paths to a node with the local derivative on each edge.
void write_explanation(std::ostream& out, const graph::Graph& graph,
                       const graph::Explanation& explanation);

/// The loss before each step and the params after the last.
void write_training(std::ostream& out, const graph::Graph& graph, const graph::Training& training,
                    const Number& rate);

}  // namespace leibniz::app
