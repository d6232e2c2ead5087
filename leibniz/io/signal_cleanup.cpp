#include "leibniz/io/signal_cleanup.h"

#include <unistd.h>

#include <array>
#include <atomic>
#include <csignal>
#include <cstring>
#include <mutex>

namespace leibniz::io {
namespace {

// One slot per live SignalCleanup; threads claim slots with an atomic exchange, and the
// handler reads them without locks (only async-signal-safe calls there).
struct Slot {
  std::atomic<bool> taken{false};
  std::atomic<pid_t> child{0};
  std::atomic<bool> has_file{false};
  char file[4096] = {};
};
std::array<Slot, 32> g_slots;

constexpr std::array<int, 3> kSignals = {SIGINT, SIGTERM, SIGHUP};

extern "C" void clean_up_and_die(int signal) {
  for (Slot& s : g_slots) {
    if (!s.taken.load()) continue;
    if (const pid_t child = s.child.load(); child > 0) kill(child, SIGKILL);
    if (s.has_file.load()) unlink(s.file);
  }
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

// The handler is installed while any SignalCleanup lives, for the signals whose action
// is the default one (termination), and the default restored after the last.
std::mutex g_mutex;
int g_users = 0;
std::array<bool, kSignals.size()> g_installed{};

void enter() {
  const std::lock_guard lock(g_mutex);
  if (g_users++ > 0) return;
  for (std::size_t i = 0; i < kSignals.size(); ++i) {
    struct sigaction current {};
    sigaction(kSignals[i], nullptr, &current);
    g_installed[i] = (current.sa_flags & SA_SIGINFO) == 0 && current.sa_handler == SIG_DFL;
    if (!g_installed[i]) continue;
    struct sigaction action {};
    action.sa_handler = clean_up_and_die;
    sigemptyset(&action.sa_mask);
    sigaction(kSignals[i], &action, nullptr);
  }
}

void leave() {
  const std::lock_guard lock(g_mutex);
  if (--g_users > 0) return;
  for (std::size_t i = 0; i < kSignals.size(); ++i) {
    struct sigaction current {};
    sigaction(kSignals[i], nullptr, &current);
    // Unless the process has installed a handler of its own meanwhile.
    if (g_installed[i] && current.sa_handler == clean_up_and_die) std::signal(kSignals[i], SIG_DFL);
  }
}

}  // namespace

SignalCleanup::SignalCleanup() : slot_(-1) {
  enter();
  for (std::size_t i = 0; i < g_slots.size(); ++i) {
    if (!g_slots[i].taken.exchange(true)) {
      slot_ = static_cast<int>(i);
      break;
    }
  }
}

SignalCleanup::~SignalCleanup() {
  if (slot_ >= 0) {
    Slot& s = g_slots[static_cast<std::size_t>(slot_)];
    s.has_file = false;
    s.child = 0;
    s.taken = false;
  }
  leave();
}

void SignalCleanup::remove_file(const std::string& path) {
  if (slot_ < 0 || path.size() >= sizeof(Slot::file)) return;
  Slot& s = g_slots[static_cast<std::size_t>(slot_)];
  s.has_file = false;
  std::memcpy(s.file, path.c_str(), path.size() + 1);
  s.has_file = true;
}

void SignalCleanup::kill_process(pid_t pid) {
  if (slot_ >= 0) g_slots[static_cast<std::size_t>(slot_)].child = pid;
}

}  // namespace leibniz::io
