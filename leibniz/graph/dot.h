// Pictures of the computation graph: Graphviz DOT with each node's operation and
// forward value and, on each edge, the gradient flowing back along it; SVG and PNG
// drawn by Graphviz's `dot` within the time limit (io/run_tool.h). Files are written
// atomically (io/atomic_file.h).
#pragma once

#include <cstddef>
#include <string>

#include "leibniz/graph/evaluate.h"

namespace leibniz::graph {

enum class PictureFormat { Dot, Svg, Png };

/// Graphviz takes minutes to lay out graphs much larger than this.
inline constexpr std::size_t kMaxPictureNodes = 1'000;

/// Throws Error{Limit} when the graph has more nodes than SVG and PNG pictures may.
void check_picture_size(const Graph& graph);

/// The graph in DOT.
std::string dot_text(const Graph& graph, const Pass& pass);

/// Writes the picture; throws Error{Request} when the file cannot be written,
/// Error{Unsupported} when Graphviz is missing or fails, Error{Limit} past
/// check_picture_size or the time limit.
void write_picture(const Graph& graph, const Pass& pass, const std::string& path,
                   PictureFormat format);

}  // namespace leibniz::graph
