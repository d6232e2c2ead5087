// How batch mode's answer lines reach the output (spec §3). A write(2) costs more here
// than answering a small request, so while the next request already waits in the input,
// finished answers are held and written together: a watcher thread writes them about
// kMaxHold after the first of them was ready (its timer, plus the machine's scheduling),
// even while a long request runs. An answer is written at once when no further request
// waits, so a program that holds a conversation through a pipe has each answer before the
// batch reads on. From the first held answer on, SIGINT and SIGTERM (where their action is
// the default one) write the held answers before the signal ends the process; a second
// signal, or a second's wait for an output that does not drain, ends it at once.
#pragma once

#include <chrono>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>
#include <thread>

namespace leibniz::app {

/// One with a watcher at a time in a process: the signal handlers are its own.
class BatchOutput {
 public:
  /// How long an answer waits for the ones after it.
  static constexpr std::chrono::microseconds kMaxHold{1000};

  explicit BatchOutput(std::ostream& out);
  /// Writes what is held, stops the watcher, gives the signals back.
  ~BatchOutput();
  BatchOutput(const BatchOutput&) = delete;
  BatchOutput& operator=(const BatchOutput&) = delete;

  /// One answer line (its newline included): held when `more_waiting` (another request
  /// is already in the input), else written now with any held before it.
  void add(std::string_view line, bool more_waiting);

 private:
  void write_held_locked();  // mutex_ held
  // Where nothing may throw (the watcher, the end): what the output refuses is dropped.
  void write_held_or_drop_locked() noexcept;
  void start_watcher();
  void watch();  // the watcher thread's loop

  std::ostream& out_;
  std::mutex mutex_;
  std::string held_;
  std::chrono::steady_clock::time_point held_since_;
  bool ending_ = false;
  bool without_watcher_ = false;  // it could not be started: nothing is held
  int wake_read_ = -1;            // a pipe: a byte on it wakes the watcher
  int wake_write_ = -1;
  std::thread watcher_;  // started when an answer is first to be held
};

}  // namespace leibniz::app
