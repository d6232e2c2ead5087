#include "leibniz/graph/dot.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>

#include "leibniz/core/limits.h"
#include "leibniz/expr/print.h"
#include "leibniz/graph/report.h"

extern char** environ;

namespace leibniz::graph {
namespace {

// What a signal must undo while a picture is made: Graphviz still running, a temporary
// file not yet renamed. SIGINT, SIGTERM and SIGHUP kill the one and remove the other,
// then end the process as the signal would have. Only async-signal-safe calls here.
volatile std::sig_atomic_t g_child = 0;
char g_temporary[4096] = {};

extern "C" void clean_up_and_die(int signal) {
  if (g_child > 0) kill(static_cast<pid_t>(g_child), SIGKILL);
  if (g_temporary[0] != '\0') unlink(g_temporary);
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

// Installs the handler for its scope (a signal the process ignores stays ignored);
// `temporary` and `child` name what it undoes.
class CleanupOnSignal {
 public:
  CleanupOnSignal() {
    struct sigaction action {};
    action.sa_handler = clean_up_and_die;
    sigemptyset(&action.sa_mask);
    for (std::size_t i = 0; i < std::size(kSignals); ++i) {
      sigaction(kSignals[i], &action, &saved_[i]);
      if (saved_[i].sa_handler == SIG_IGN) sigaction(kSignals[i], &saved_[i], nullptr);
    }
  }
  ~CleanupOnSignal() {
    g_child = 0;
    g_temporary[0] = '\0';
    for (std::size_t i = 0; i < std::size(kSignals); ++i)
      sigaction(kSignals[i], &saved_[i], nullptr);
  }
  CleanupOnSignal(const CleanupOnSignal&) = delete;
  CleanupOnSignal& operator=(const CleanupOnSignal&) = delete;

  void temporary(const std::string& path) {
    g_temporary[0] = '\0';
    if (path.size() >= sizeof g_temporary) return;  // the file cannot be created either
    std::memcpy(g_temporary + 1, path.c_str() + 1, path.size());
    g_temporary[0] = path[0];
  }
  void child(pid_t pid) { g_child = pid; }

 private:
  static constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};
  struct sigaction saved_[std::size(kSignals)]{};
};

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

const char* const kNeedGraphviz =
    "drawing needs Graphviz's 'dot' program (Debian package graphviz)";

// A pipe whose ends close with it.
struct Pipe {
  int fd[2] = {-1, -1};
  Pipe() {
    if (pipe(fd) != 0) throw Error(ErrorKind::Request, "cannot start Graphviz: no pipe");
  }
  ~Pipe() { close_end(0), close_end(1); }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  void close_end(int end) {
    if (fd[end] >= 0) close(fd[end]);
    fd[end] = -1;
  }
};

// Runs Graphviz `dot -T<format>` with the DOT text on its standard input and returns
// what it prints, so that no file exists until the picture is complete. Past the time
// limit Graphviz is killed and the Error{Limit} of check_time propagates.
std::string run_dot(const char* format, const std::string& dot) {
  const std::string type = std::string("-T") + format;
  std::vector<std::string> words{"dot", type};
  std::vector<char*> argv;
  for (std::string& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  Pipe in, out;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in.fd[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out.fd[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, in.fd[1]);
  posix_spawn_file_actions_addclose(&actions, out.fd[0]);
  CleanupOnSignal cleanup;
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, "dot", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) throw Error(ErrorKind::Request, kNeedGraphviz);
  cleanup.child(pid);
  in.close_end(0);
  out.close_end(1);
  fcntl(in.fd[1], F_SETFL, O_NONBLOCK);
  // Graphviz may exit before reading all of its input: a write then fails with EPIPE
  // instead of raising SIGPIPE.
  struct sigaction ignore {
  }, saved{};
  ignore.sa_handler = SIG_IGN;
  sigaction(SIGPIPE, &ignore, &saved);
  std::string picture;
  std::size_t written = 0;
  try {
    while (out.fd[0] >= 0) {
      check_time();
      pollfd fds[2] = {{out.fd[0], POLLIN, 0}, {in.fd[1], POLLOUT, 0}};
      if (poll(fds, in.fd[1] >= 0 ? 2 : 1, 50) < 0 && errno != EINTR) break;
      if (fds[0].revents != 0) {
        char buffer[65536];
        const ssize_t n = read(out.fd[0], buffer, sizeof buffer);
        if (n > 0) picture.append(buffer, static_cast<std::size_t>(n));
        if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) out.close_end(0);
      }
      if (in.fd[1] >= 0 && fds[1].revents != 0) {
        const ssize_t n = write(in.fd[1], dot.data() + written, dot.size() - written);
        if (n > 0) written += static_cast<std::size_t>(n);
        if (written == dot.size() || (n < 0 && errno != EINTR && errno != EAGAIN)) in.close_end(1);
      }
    }
  } catch (...) {
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    sigaction(SIGPIPE, &saved, nullptr);
    throw;
  }
  sigaction(SIGPIPE, &saved, nullptr);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || written != dot.size()) {
    throw Error(ErrorKind::Request, WIFEXITED(status) && WEXITSTATUS(status) == 127
                                        ? std::string(kNeedGraphviz)
                                        : fmt::format("Graphviz 'dot {}' failed", type));
  }
  return picture;
}

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
    const std::vector<Edge>& edges = graph.node(n).edges;
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

void write_file_atomic(const std::string& path, const std::string& bytes) {
  const std::string temporary = temporary_beside(path, ".tmp");
  CleanupOnSignal cleanup;
  cleanup.temporary(temporary);
  write_plain(temporary, bytes, path);
  commit(temporary, path);
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
  if (format == PictureFormat::Dot) return write_file_atomic(path, dot);
  write_file_atomic(path, run_dot(format == PictureFormat::Svg ? "svg" : "png", dot));
}

}  // namespace leibniz::graph
