// One process of `mpirun -np N leibniz train` (spec/interfaces.md §9): MPI initialised
// for the life of the object, and nn::Collective's sums as MPI_Allreduce over
// MPI_COMM_WORLD. Errors come back as Error rather than ending the process, so the
// user reads what failed; mpirun then ends the other processes.
#pragma once

#include <span>

#include "leibniz/nn/collective.h"

namespace leibniz::mpi {

class MpiSession : public nn::Collective {
 public:
  MpiSession();
  /// Finalises MPI if finish() was called; otherwise leaves it to mpirun, which ends
  /// the job when a process exits with an error (finalising would wait for the others).
  ~MpiSession() override;
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;

  int rank() const override { return rank_; }
  int size() const override { return size_; }
  void sum(std::span<double> values) override;
  /// Every process finished without error: MPI_Finalize when the session ends.
  void finish() { finished_ = true; }

 private:
  int rank_ = 0, size_ = 1;
  bool finished_ = false;
};

}  // namespace leibniz::mpi
