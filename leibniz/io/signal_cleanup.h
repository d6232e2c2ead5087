// What a signal must undo before it ends the process: a temporary file not yet renamed
// over its target, an external program still running. While a SignalCleanup lives,
// SIGINT, SIGTERM and SIGHUP remove its file and kill its program, then end the process
// as the signal would have. A signal the process handles itself (training stops at the
// end of an epoch) or ignores is left alone: the work then finishes normally.
#pragma once

#include <sys/types.h>

#include <string>

namespace leibniz::io {

class SignalCleanup {
 public:
  SignalCleanup();
  ~SignalCleanup();
  SignalCleanup(const SignalCleanup&) = delete;
  SignalCleanup& operator=(const SignalCleanup&) = delete;

  /// The file to remove (a path longer than 4095 bytes cannot be created either).
  void remove_file(const std::string& path);
  /// The program to kill.
  void kill_process(pid_t pid);

 private:
  int slot_;  // -1 when every slot is taken: nothing is undone then
};

}  // namespace leibniz::io
