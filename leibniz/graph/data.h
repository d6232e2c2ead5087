// Mini-batch data for a model: a CSV whose header names inputs and targets of the
// model (h[1] or h_1 for an indexed name), one row per example, numbers read exactly.
#pragma once

#include <string>
#include <vector>

#include "leibniz/graph/graph.h"

namespace leibniz::graph {

struct DataSet {
  std::string name;                       ///< the file, for messages
  std::vector<NodeId> columns;            ///< the input or target each column sets
  std::vector<std::vector<Number>> rows;  ///< rows[r][c]
};

/// Parses CSV text; throws Error{Parse} "NAME:LINE:COL: ..." for a column that is not
/// an input or target of the model, a repeated column, a row of the wrong length, a
/// bad number, or no rows.
DataSet parse_data(const Graph& graph, const Source& csv);

/// Reads and parses a CSV file.
DataSet read_data(const Graph& graph, const std::string& path);

}  // namespace leibniz::graph
