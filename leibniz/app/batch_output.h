// How batch mode's answer lines reach the output (spec §3). A write(2) costs more here
// than answering a small request, so while the next request already waits in the input,
// finished answers are held and written together: a watcher thread writes them at most
// kMaxHold after the first of them was ready, even while a long request runs. An answer
// is written at once when no further request waits, so a program that holds a
// conversation through a pipe has each answer before the batch reads on. While answers
// may be held, SIGINT and SIGTERM write them before the signal ends the process.
#pragma once

#include <chrono>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>
#include <thread>

namespace leibniz::app {

/// One at a time in a process: while it holds answers, the signal handlers are its own.
class BatchOutput {
 public:
  /// The longest an answer waits for the ones after it.
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
  void write_held();  // mutex_ locked
  void start_watcher();
  void watch();  // the watcher thread's loop

  std::ostream& out_;
  std::mutex mutex_;
  std::string held_;
  std::chrono::steady_clock::time_point held_since_;
  bool ending_ = false;
  int wake_read_ = -1, wake_write_ = -1;  // a pipe: a byte wakes the watcher
  std::thread watcher_;                   // started when an answer is first held
};

}  // namespace leibniz::app
