// What `leibniz backprop` shows, in the notes' notation: the forward values, ∂L/∂node
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

namespace leibniz::graph {

/// "1/8 (0.125)", "-1", "-6*ln(3) (-6.591673732)", "0.2423…" for floats.
std::string format_value(const Expr& value);

/// "o1 = σ(b1 + w1·x)", "z1 = psi(t1)": a node's equation.
std::string format_equation(const Graph& graph, NodeId n);

struct ReportOptions {
  const DataSet* data = nullptr;
  bool per_row = false;
  std::optional<Number> rate;
};

/// The forward and backward pass at `leaves` (mean over the data rows when given).
void write_backprop(std::ostream& out, const Graph& graph, const Assignment& leaves,
                    const Evaluation& at, const ReportOptions& options);

/// The overrides in use and how far each is from the true derivative.
void write_overrides(std::ostream& out, const Graph& graph,
                     const std::vector<OverrideCheck>& checks);

/// Every ∂L/∂node as a formula over named auxiliaries, with its value at the pass.
void write_symbolic(std::ostream& out, const Graph& graph, const SymbolicGradient& symbolic,
                    const Pass& pass);

/// The chain-rule paths to a node with the local derivative on each edge.
void write_explanation(std::ostream& out, const Graph& graph, const Explanation& explanation);

/// The loss before each step and the params after the last.
void write_training(std::ostream& out, const Graph& graph, const Training& training,
                    const Number& rate);

}  // namespace leibniz::graph
