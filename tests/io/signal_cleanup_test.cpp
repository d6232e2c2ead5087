// A signal that ends the process removes the temporary file; a signal the process
// handles itself is left to it. Each case runs in a child process.
#include "leibniz/io/signal_cleanup.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>

namespace leibniz::io {
namespace {

std::string temporary(const char* name) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            (std::string(name) + "_" + std::to_string(getpid())))
                               .string();
  std::ofstream(path) << "half a file";
  return path;
}

// Runs `body` in a child; returns its wait status.
template <typename Body>
int in_child(Body body) {
  const pid_t pid = fork();
  if (pid == 0) {
    body();
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

TEST(SignalCleanup, ATerminatingSignalRemovesTheFile) {
  const std::string path = temporary("leibniz_cleanup_default");
  const int status = in_child([&] {
    SignalCleanup cleanup;
    cleanup.remove_file(path);
    std::raise(SIGTERM);
  });
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
  EXPECT_FALSE(std::filesystem::exists(path));
}

volatile std::sig_atomic_t g_stopped = 0;
extern "C" void stop(int) { g_stopped = 1; }

TEST(SignalCleanup, AHandledSignalIsLeftToTheProcess) {
  const std::string path = temporary("leibniz_cleanup_handled");
  const int status = in_child([&] {
    std::signal(SIGTERM, stop);
    {
      SignalCleanup cleanup;
      cleanup.remove_file(path);
      std::raise(SIGTERM);
    }
    _exit(g_stopped == 1 && std::signal(SIGTERM, SIG_DFL) == stop ? 0 : 1);
  });
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_TRUE(std::filesystem::exists(path));
  std::filesystem::remove(path);
}

TEST(SignalCleanup, AfterItsScopeTheDefaultActionIsBack) {
  const std::string path = temporary("leibniz_cleanup_after");
  const int status = in_child([&] {
    { SignalCleanup cleanup; }
    std::raise(SIGTERM);
  });
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
  EXPECT_TRUE(std::filesystem::exists(path));
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace leibniz::io
