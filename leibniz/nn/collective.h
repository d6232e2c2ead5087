// The trainer's view of the other processes training the same model (data parallelism,
// spec/interfaces.md §9): its rank among them and sums across them. The trainer core
// knows nothing of MPI; leibniz/mpi implements this over Open MPI.
#pragma once

#include <span>

namespace leibniz::nn {

class Collective {
 public:
  virtual ~Collective() = default;
  /// 0 .. size() - 1; rank 0 is the one that writes files and prints.
  virtual int rank() const = 0;
  virtual int size() const = 0;
  /// Replaces each value by its sum over all processes. Every process calls it at the same
  /// point with the same length; a failure (a process gone) throws Error.
  virtual void sum(std::span<double> values) = 0;
};

}  // namespace leibniz::nn
