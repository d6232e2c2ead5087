#include "leibniz/graph/dot.h"

#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "leibniz/expr/print.h"
#include "leibniz/graph/report.h"

extern char** environ;

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

std::string temporary_beside(const std::string& path, const char* suffix) {
  const std::size_t slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  return fmt::format("{}.{}.{}{}", dir, name, getpid(), suffix);
}

void commit(const std::string& from, const std::string& to) {
  if (std::rename(from.c_str(), to.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    std::remove(from.c_str());
    throw Error(ErrorKind::Request, fmt::format("cannot write '{}': {}", to, reason));
  }
}

// Writes `path`; errors name `shown`, the file the user asked for.
void write_plain(const std::string& path, const std::string& bytes, const std::string& shown) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  out.flush();
  if (!out) {
    const std::string reason = std::strerror(errno);
    out.close();
    std::remove(path.c_str());
    throw Error(ErrorKind::Request, fmt::format("cannot write '{}': {}", shown, reason));
  }
}

// Runs Graphviz: dot -T<format> -o OUTPUT INPUT; throws Error{Request} when it fails.
void run_dot(const char* format, const std::string& input, const std::string& output) {
  const std::string type = std::string("-T") + format;
  std::vector<std::string> words{"dot", type, "-o", output, input};
  std::vector<char*> argv;
  for (std::string& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawnp(&pid, "dot", nullptr, nullptr, argv.data(), environ) != 0) {
    throw Error(ErrorKind::Request,
                "drawing needs Graphviz's 'dot' program (Debian package graphviz)");
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::remove(output.c_str());
    throw Error(
        ErrorKind::Request,
        WIFEXITED(status) && WEXITSTATUS(status) == 127
            ? std::string("drawing needs Graphviz's 'dot' program (Debian package graphviz)")
            : fmt::format("Graphviz 'dot {}' failed", type));
  }
}

}  // namespace

std::string dot_text(const Graph& graph, const Pass& pass) {
  std::string out =
      "digraph model {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=11];\n"
      "  edge [fontname=\"Helvetica\", fontsize=10, color=\"#555555\", fontcolor=\"#b22222\"];\n";
  for (const NodeId n : graph.order()) {
    const GraphNode& node = graph.node(n);
    const bool leaf = node.kind == NodeKind::Param || node.kind == NodeKind::Input ||
                      node.kind == NodeKind::Target;
    std::string label = leaf ? fmt::format("{} {}\\n= {}", kind_word(node.kind),
                                           display_name(node.name), short_value(pass.values[n]))
                             : fmt::format("{}\\n= {}", escape(format_equation(graph, n)),
                                           short_value(pass.values[n]));
    if (pass.sweep.adjoints[n] && node.kind != NodeKind::Target && !node.is_loss) {
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
    const std::vector<Edge>& edges = graph.node(n).edges;
    for (std::size_t e = 0; e < edges.size(); ++e) {
      std::string label;
      if (e < pass.sweep.edge_terms[n].size())
        label = "← " + short_value(pass.sweep.edge_terms[n][e]);
      out += fmt::format("  n{} -> n{} [label=\"{}\"];\n", edges[e].from, n, escape(label));
    }
  }
  out += "}\n";
  return out;
}

void write_file_atomic(const std::string& path, const std::string& bytes) {
  const std::string temporary = temporary_beside(path, ".tmp");
  write_plain(temporary, bytes, path);
  commit(temporary, path);
}

void write_picture(const Graph& graph, const Pass& pass, const std::string& path,
                   PictureFormat format) {
  const std::string dot = dot_text(graph, pass);
  if (format == PictureFormat::Dot) return write_file_atomic(path, dot);
  const std::string input = temporary_beside(path, ".dot");
  const std::string output = temporary_beside(path, ".tmp");
  write_plain(input, dot, path);
  try {
    run_dot(format == PictureFormat::Svg ? "svg" : "png", input, output);
  } catch (...) {
    std::remove(input.c_str());
    throw;
  }
  std::remove(input.c_str());
  commit(output, path);
}

}  // namespace leibniz::graph
