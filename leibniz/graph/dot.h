// Pictures of the computation graph: Graphviz DOT with each node's operation and
// forward value and, on each edge, the gradient flowing back along it; SVG and PNG
// drawn by Graphviz's `dot`. Files are written atomically (a temporary file in the
// same folder, then renamed).
#pragma once

#include <string>

#include "leibniz/graph/evaluate.h"

namespace leibniz::graph {

enum class PictureFormat { Dot, Svg, Png };

/// The graph in DOT.
std::string dot_text(const Graph& graph, const Pass& pass);

/// Writes the picture; throws Error{Request} when the file cannot be written or
/// Graphviz is missing or fails.
void write_picture(const Graph& graph, const Pass& pass, const std::string& path,
                   PictureFormat format);

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename.
void write_file_atomic(const std::string& path, const std::string& bytes);

}  // namespace leibniz::graph
