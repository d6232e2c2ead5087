// The two doors whose libraries the other commands do not need: `serve` (cpp-httplib,
// which brings OpenSSL) and `train` under mpirun (Open MPI). Loading those libraries
// would cost every command about half of its start-up (issue 13), so the `leibniz`
// binary links doors_by_exec.cpp, which hands these two cases to `leibniz-doors` by
// exec(), and `leibniz-doors` links doors_in_process.cpp, which runs them. Both
// binaries are the same commands otherwise; the user sees one program.
#pragma once

#include <cstdlib>
#include <memory>

#include "leibniz/nn/collective.h"
#include "leibniz/serve/server.h"

namespace leibniz::cli {

/// Serves until SIGINT or SIGTERM; returns the exit status.
int run_serve(const serve::ServerOptions& options);

/// One process of `mpirun -np N leibniz train`.
class MpirunProcess : public nn::Collective {
 public:
  /// Every process finished without error (MPI is finalised when the object ends).
  virtual void finish() = 0;
};

/// This process's share of an mpirun job, or null when mpirun did not start it.
std::unique_ptr<MpirunProcess> join_mpirun();

/// How many processes mpirun started this one with (Open MPI's environment); 0 when it
/// was not started by mpirun.
inline int mpirun_processes() {
  const char* size = std::getenv("OMPI_COMM_WORLD_SIZE");
  return size != nullptr ? std::atoi(size) : 0;
}

}  // namespace leibniz::cli
