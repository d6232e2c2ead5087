// Every gradient of a model against central finite differences of the loss computed by
// the compiled tape (overrides play no part there: it is the true function), with
// the step chosen per parameter, and the worst relative error; an override that
// differs from the true derivative is reported with it. A gradient whose difference
// step crosses a kink (relu, abs, heaviside or sign at 0, a tie of max or min) cannot be
// checked so: it is reported as at a kink and left out of the verdict.
#pragma once

#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "leibniz/graph/overrides.h"

namespace leibniz::graph {

struct GradcheckEntry {
  NodeId node = 0;
  double backprop = 0;
  double numeric = 0;
  double step = 0;
  double relative_error = 0;
  std::string kink;  ///< the function whose kink the step crosses ("relu(w*x + b)"), or empty
};

struct Gradcheck {
  std::vector<GradcheckEntry> entries;  ///< params, then inputs
  std::size_t worst = 0;                ///< index into entries
  double tolerance = 0;
  std::vector<OverrideCheck> overrides;
  bool agree = true;  ///< every relative error within the tolerance, kinks aside
};

/// Checks ∂L/∂p for every param and input at `leaves`.
Gradcheck gradcheck(const Graph& graph, const Assignment& leaves, double tolerance = 1e-6);

void write_gradcheck(std::ostream& out, const Graph& graph, const Gradcheck& check);

nlohmann::ordered_json gradcheck_json(const Graph& graph, const Gradcheck& check);

}  // namespace leibniz::graph
