#include "leibniz/app/batch_output.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <ctime>
#include <system_error>

namespace leibniz::app {
namespace {

// What the signal handler may touch: lock-free atomics, and write(2) on the wake pipe.
std::atomic<int> g_wake_fd{-1};
std::atomic<int> g_signal{0};
static_assert(std::atomic<int>::is_always_lock_free);

constexpr int kSignals[] = {SIGINT, SIGTERM};
struct sigaction g_previous[std::size(kSignals)];

// A byte on the wake pipe; a full pipe is awake already.
void wake(int fd) {
  if (fd < 0) return;
  const char byte = 'w';
  [[maybe_unused]] const auto written = ::write(fd, &byte, 1);
}

extern "C" void on_stop_signal(int signal) {
  const int saved_errno = errno;
  g_signal.store(signal);
  wake(g_wake_fd.load());
  errno = saved_errno;
}

// Ends the process as the signal would have, once the held answers are out.
[[noreturn]] void end_by(int signal) {
  for (std::size_t i = 0; i < std::size(kSignals); ++i)
    sigaction(kSignals[i], &g_previous[i], nullptr);
  std::signal(signal, SIG_DFL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, signal);
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
  std::raise(signal);
  std::_Exit(128 + signal);  // not reached: the default action ends the process
}

void drain(int fd) {
  char bytes[64];
  while (::read(fd, bytes, sizeof bytes) > 0) {
  }
}

}  // namespace

BatchOutput::BatchOutput(std::ostream& out) : out_(out) {}

BatchOutput::~BatchOutput() {
  {
    const std::lock_guard lock(mutex_);
    write_held();
    ending_ = true;
  }
  if (!watcher_.joinable()) return;
  wake(wake_write_);
  watcher_.join();
  g_wake_fd.store(-1);
  for (std::size_t i = 0; i < std::size(kSignals); ++i)
    sigaction(kSignals[i], &g_previous[i], nullptr);
  ::close(wake_read_);
  ::close(wake_write_);
  // A signal taken after the watcher stopped still ends the process, as it would have.
  if (const int signal = g_signal.exchange(0)) end_by(signal);
}

void BatchOutput::add(std::string_view line, bool more_waiting) {
  bool first_held = false;
  {
    const std::lock_guard lock(mutex_);
    first_held = held_.empty() && more_waiting;
    if (first_held) held_since_ = std::chrono::steady_clock::now();
    held_ += line;
    if (!more_waiting) write_held();
  }
  if (!first_held) return;
  if (!watcher_.joinable()) start_watcher();
  wake(wake_write_);
}

void BatchOutput::write_held() {
  if (held_.empty()) return;
  out_.write(held_.data(), static_cast<std::streamsize>(held_.size()));
  out_.flush();
  held_.clear();
}

void BatchOutput::start_watcher() {
  int ends[2];
  if (::pipe2(ends, O_CLOEXEC | O_NONBLOCK) == 0) {
    wake_read_ = ends[0];
    wake_write_ = ends[1];
    g_signal.store(0);
    try {
      watcher_ = std::thread([this] { watch(); });
    } catch (const std::system_error&) {
      ::close(wake_read_);
      ::close(wake_write_);
      wake_read_ = wake_write_ = -1;
    }
  }
  if (!watcher_.joinable()) {  // nothing may stay held without a watcher
    const std::lock_guard lock(mutex_);
    write_held();
    return;
  }
  g_wake_fd.store(wake_write_);
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART | SA_RESETHAND;  // a second signal ends the process at once
  for (std::size_t i = 0; i < std::size(kSignals); ++i) {
    sigaction(kSignals[i], &action, &g_previous[i]);
  }
}

void BatchOutput::watch() {
  std::unique_lock lock(mutex_);
  for (;;) {
    if (const int signal = g_signal.load()) {
      write_held();
      end_by(signal);
    }
    if (ending_) return;
    const auto now = std::chrono::steady_clock::now();
    if (!held_.empty() && now - held_since_ >= kMaxHold) write_held();
    timespec timeout{};
    const timespec* wait = nullptr;  // nothing held: until woken
    if (!held_.empty()) {
      const auto left =
          std::chrono::duration_cast<std::chrono::nanoseconds>(held_since_ + kMaxHold - now);
      timeout.tv_nsec = static_cast<long>(left.count());
      wait = &timeout;
    }
    lock.unlock();
    pollfd woken{wake_read_, POLLIN, 0};
    ::ppoll(&woken, 1, wait, nullptr);  // EINTR: look again
    drain(wake_read_);
    lock.lock();
  }
}

}  // namespace leibniz::app
