#include "leibniz/graph/dot.h"

#include <fmt/format.h>

#include "leibniz/core/limits.h"
#include "leibniz/expr/print.h"
#include "leibniz/graph/format.h"
#include "leibniz/graph/symbolic.h"
#include "leibniz/io/atomic_file.h"
#include "leibniz/io/run_tool.h"

namespace leibniz::graph {
namespace {

std::string escape(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

const char* kind_word(NodeKind kind) {
  return kind == NodeKind::Param ? "param" : kind == NodeKind::Input ? "input" : "target";
}

std::string short_value(const Expr& v) { return fmt::format("{:.6g}", to_double(v)); }

}  // namespace

std::string dot_text(const Graph& graph, const Pass& pass) {
  std::string out =
      "digraph model {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=11];\n"
      "  edge [fontname=\"Helvetica\", fontsize=10, color=\"#555555\", fontcolor=\"#b22222\"];\n";
  for (const NodeId n : graph.order()) {
    tick();
    const GraphNode& node = graph.node(n);
    const bool leaf = node.kind == NodeKind::Param || node.kind == NodeKind::Input ||
                      node.kind == NodeKind::Target;
    std::string label = leaf ? fmt::format("{} {}\\n= {}", kind_word(node.kind),
                                           display_name(node.name), short_value(pass.value(n)))
                             : fmt::format("{}\\n= {}", escape(format_equation(graph, n)),
                                           short_value(pass.value(n)));
    if (pass.reached(n) && node.kind != NodeKind::Target && !node.is_loss) {
      label +=
          fmt::format("\\n{} = {}", escape(adjoint_name(graph, n)), short_value(pass.gradient(n)));
    }
    const char* shape = leaf ? "ellipse" : "box";
    const char* fill = node.kind == NodeKind::Param ? "#dbe9f6"
                       : node.is_loss               ? "#f6dbdb"
                       : leaf                       ? "#eeeeee"
                                                    : "#ffffff";
    out += fmt::format("  n{} [shape={}, style=filled, fillcolor=\"{}\", label=\"{}\"];\n", n,
                       shape, fill, label);
  }
  for (const NodeId n : graph.order()) {
    const std::span<const Edge> edges = graph.edges(n);
    for (std::size_t e = 0; e < edges.size(); ++e) {
      tick();
      std::string label;
      if (pass.reached(n)) label = "← " + short_value(pass.edge_term(n, e));
      out += fmt::format("  n{} -> n{} [label=\"{}\"];\n", edges[e].from, n, escape(label));
    }
  }
  out += "}\n";
  return out;
}

void check_picture_size(const Graph& graph) {
  if (graph.size() <= kMaxPictureNodes) return;
  throw Error(ErrorKind::Limit,
              fmt::format("the graph has {} nodes; Graphviz draws pictures of at most {} nodes "
                          "(--dot writes the graph without drawing it)",
                          graph.size(), kMaxPictureNodes));
}

void write_picture(const Graph& graph, const Pass& pass, const std::string& path,
                   PictureFormat format) {
  if (format != PictureFormat::Dot) check_picture_size(graph);
  const std::string dot = dot_text(graph, pass);
  if (format == PictureFormat::Dot) return io::write_file_atomic(path, dot);
  const std::string type = format == PictureFormat::Svg ? "-Tsvg" : "-Tpng";
  io::write_file_atomic(
      path, io::run_tool({"dot", type}, dot,
                         "drawing needs Graphviz's 'dot' program (Debian package graphviz)"));
}

}  // namespace leibniz::graph
