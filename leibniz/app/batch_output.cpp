#include "leibniz/app/batch_output.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <ctime>
#include <system_error>

#include "leibniz/core/error.h"

namespace leibniz::app {
namespace {

static_assert(BatchOutput::kMaxHold < std::chrono::seconds(1), "ppoll's timeout below");

// What the signal handlers touch: lock-free atomics, sigaction, alarm and write(2), all
// async-signal-safe. The handlers are installed only over the default action: a signal
// the process ignores or handles itself is left alone.
std::atomic<int> g_wake_fd{-1};
std::atomic<int> g_signal{0};  // the first stop signal taken
static_assert(std::atomic<int>::is_always_lock_free);

constexpr std::array<int, 2> kStopSignals = {SIGINT, SIGTERM};
std::array<std::atomic<bool>, kStopSignals.size()> g_installed{};
std::atomic<bool> g_deadline_installed{false};  // SIGALRM's handler
// A stop signal waits this long for the held answers to be written (an output that does
// not drain blocks the write) before it ends the process anyway.
constexpr unsigned kSecondsToEnd = 1;

// A byte on the wake pipe; a full pipe is awake already.
void wake(int fd) {
  if (fd < 0) return;
  const char byte = 'w';
  [[maybe_unused]] const auto written = ::write(fd, &byte, 1);
}

extern "C" void on_stop_signal(int signal) {
  const int saved_errno = errno;
  int none = 0;
  g_signal.compare_exchange_strong(none, signal);
  // A second stop signal, of either kind, ends the process at once.
  for (std::size_t i = 0; i < kStopSignals.size(); ++i) {
    if (g_installed[i].load()) std::signal(kStopSignals[i], SIG_DFL);
  }
  if (g_deadline_installed.load()) alarm(kSecondsToEnd);
  wake(g_wake_fd.load());
  errno = saved_errno;
}

// The output did not take the held answers in time: end as the stop signal would have.
extern "C" void on_deadline(int alarm) {
  const int stop = g_signal.load();
  const int signal = stop != 0 ? stop : alarm;  // an alarm from elsewhere acts as it would have
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

// Ends the process as the stop signal would have (its action is the default one again).
[[noreturn]] void end_by(int signal) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, signal);
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
  std::raise(signal);
  std::_Exit(128 + signal);  // not reached: the default action ends the process
}

bool has_default_action(int signal) {
  struct sigaction current {};
  sigaction(signal, nullptr, &current);
  return (current.sa_flags & SA_SIGINFO) == 0 && current.sa_handler == SIG_DFL;
}

void install(int signal, void (*handler)(int), int flags) {
  struct sigaction action {};
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = flags;
  sigaction(signal, &action, nullptr);
}

void install_handlers() {
  g_signal.store(0);
  for (std::size_t i = 0; i < kStopSignals.size(); ++i) {
    g_installed[i].store(has_default_action(kStopSignals[i]));
    if (g_installed[i].load()) install(kStopSignals[i], on_stop_signal, SA_RESTART);
  }
  g_deadline_installed.store(has_default_action(SIGALRM));
  if (g_deadline_installed.load()) install(SIGALRM, on_deadline, 0);
}

// The default actions back, where the handlers are still ours.
void restore_handlers() {
  auto restore = [](int signal, void (*ours)(int)) {
    struct sigaction current {};
    sigaction(signal, nullptr, &current);
    if (current.sa_handler == ours) std::signal(signal, SIG_DFL);
  };
  for (std::size_t i = 0; i < kStopSignals.size(); ++i) {
    if (g_installed[i].load()) restore(kStopSignals[i], on_stop_signal);
    g_installed[i].store(false);
  }
  if (g_deadline_installed.load()) restore(SIGALRM, on_deadline);
  g_deadline_installed.store(false);
}

// Reads the wake bytes that have arrived (the pipe does not block).
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
    write_held_or_drop_locked();
    ending_ = true;
  }
  if (!watcher_.joinable()) return;
  wake(wake_write_);
  watcher_.join();
  restore_handlers();
  g_wake_fd.store(-1);
  ::close(wake_read_);
  ::close(wake_write_);
  // A stop signal taken once the watcher had stopped still ends the process.
  if (const int signal = g_signal.exchange(0)) end_by(signal);
}

void BatchOutput::add(std::string_view line, bool more_waiting) {
  // The handlers are in place before an answer is first held.
  if (more_waiting && !watcher_.joinable() && !without_watcher_) start_watcher();
  more_waiting = more_waiting && watcher_.joinable();
  bool first_held = false;
  {
    const std::lock_guard lock(mutex_);
    first_held = held_.empty() && more_waiting;
    if (first_held) held_since_ = std::chrono::steady_clock::now();
    held_ += line;
    if (!more_waiting) write_held_locked();
  }
  if (first_held) wake(wake_write_);
}

void BatchOutput::write_held_locked() {
  if (held_.empty()) return;
  out_.write(held_.data(), static_cast<std::streamsize>(held_.size()));
  out_.flush();
  held_.clear();
}

void BatchOutput::write_held_or_drop_locked() noexcept {
  try {
    write_held_locked();
  } catch (...) {  // an output with exceptions on: the batch's own write reports it
    held_.clear();
  }
}

void BatchOutput::start_watcher() {
  LZ_ASSERT(g_wake_fd.load() < 0, "two batch outputs with watchers at once");
  int ends[2];
  if (::pipe2(ends, O_CLOEXEC | O_NONBLOCK) != 0) {
    without_watcher_ = true;
    return;
  }
  wake_read_ = ends[0];
  wake_write_ = ends[1];
  g_wake_fd.store(wake_write_);
  install_handlers();  // before the thread: its start orders them before its reads
  try {
    watcher_ = std::thread([this] { watch(); });
  } catch (const std::system_error&) {
    restore_handlers();
    g_wake_fd.store(-1);
    ::close(wake_read_);
    ::close(wake_write_);
    without_watcher_ = true;
  }
}

void BatchOutput::watch() {
  std::unique_lock lock(mutex_);
  for (;;) {
    if (ending_) return;
    const auto now = std::chrono::steady_clock::now();
    if (!held_.empty() && now - held_since_ >= kMaxHold) write_held_or_drop_locked();
    timespec timeout{};
    const timespec* wait = nullptr;  // nothing held: until woken
    if (!held_.empty()) {
      timeout.tv_nsec = static_cast<long>(
          std::chrono::duration_cast<std::chrono::nanoseconds>(held_since_ + kMaxHold - now)
              .count());
      wait = &timeout;
    }
    lock.unlock();
    pollfd woken{wake_read_, POLLIN, 0};
    ::ppoll(&woken, 1, wait, nullptr);  // EINTR: look again
    drain(wake_read_);
    if (const int signal = g_signal.load()) {
      // The alarm the handler set ends the process if the lock or the write waits on
      // an output that does not drain.
      lock.lock();
      write_held_or_drop_locked();
      end_by(signal);
    }
    lock.lock();
  }
}

}  // namespace leibniz::app
