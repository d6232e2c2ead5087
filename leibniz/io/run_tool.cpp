#include "leibniz/io/run_tool.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>

#include "leibniz/core/error.h"
#include "leibniz/core/limits.h"
#include "leibniz/io/signal_cleanup.h"

extern char** environ;

namespace leibniz::io {
namespace {

// A pipe whose ends close with it.
struct Pipe {
  int fd[2] = {-1, -1};
  explicit Pipe(const std::string& program) {
    if (pipe2(fd, O_CLOEXEC) != 0) {
      throw Error(ErrorKind::Unsupported, fmt::format("cannot start '{}': no pipe", program));
    }
  }
  ~Pipe() { close_end(0), close_end(1); }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  void close_end(int end) {
    if (fd[end] >= 0) close(fd[end]);
    fd[end] = -1;
  }
};

// While it lives, a write to a closed pipe fails with EPIPE instead of raising SIGPIPE
// (a program may exit before reading all of its input).
class IgnoreSigpipe {
 public:
  IgnoreSigpipe() {
    struct sigaction ignore {};
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ignore, &saved_);
  }
  ~IgnoreSigpipe() { sigaction(SIGPIPE, &saved_, nullptr); }
  IgnoreSigpipe(const IgnoreSigpipe&) = delete;
  IgnoreSigpipe& operator=(const IgnoreSigpipe&) = delete;

 private:
  struct sigaction saved_ {};
};

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace

std::string run_tool(const std::vector<std::string>& command, std::string_view input,
                     const std::string& missing) {
  std::vector<std::string> words = command;
  std::vector<char*> argv;
  for (std::string& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  Pipe in(command[0]), out(command[0]);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in.fd[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out.fd[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  SignalCleanup cleanup;
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) throw Error(ErrorKind::Unsupported, missing);
  cleanup.kill_process(pid);
  in.close_end(0);
  out.close_end(1);
  fcntl(in.fd[1], F_SETFL, O_NONBLOCK);
  const IgnoreSigpipe no_sigpipe;
  std::string output;
  std::size_t written = 0;
  if (input.empty()) in.close_end(1);
  try {
    while (out.fd[0] >= 0) {
      check_time();
      pollfd fds[2] = {{out.fd[0], POLLIN, 0}, {in.fd[1], POLLOUT, 0}};
      if (poll(fds, in.fd[1] >= 0 ? 2 : 1, 50) < 0 && errno != EINTR) break;
      if (fds[0].revents != 0) {
        char buffer[65536];
        const ssize_t n = read(out.fd[0], buffer, sizeof buffer);
        if (n > 0) output.append(buffer, static_cast<std::size_t>(n));
        if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) out.close_end(0);
      }
      if (in.fd[1] >= 0 && fds[1].revents != 0) {
        const ssize_t n = write(in.fd[1], input.data() + written, input.size() - written);
        if (n > 0) written += static_cast<std::size_t>(n);
        if (written == input.size() || (n < 0 && errno != EINTR && errno != EAGAIN)) {
          in.close_end(1);
        }
      }
    }
  } catch (...) {
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    throw;
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  // 127: the shell convention of a program that could not be executed.
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127) throw Error(ErrorKind::Unsupported, missing);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || written != input.size()) {
    throw Error(
        ErrorKind::Unsupported,
        WIFEXITED(status)
            ? fmt::format("'{}' failed (exit status {})", joined(command), WEXITSTATUS(status))
            : fmt::format("'{}' failed (killed by a signal)", joined(command)));
  }
  return output;
}

}  // namespace leibniz::io
