// Data parallelism inside the trainer (spec/interfaces.md §9): which rows of a global
// batch are this process's, the one sum per step that turns N processes' gradients into
// the gradient of the whole batch, and the standardisation fitted from every process's
// share. With the same seed and global batch the result is a single process's, up to the
// order of floating-point sums.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "leibniz/nn/collective.h"
#include "leibniz/nn/dataset.h"
#include "leibniz/tensor/tensor.h"

namespace leibniz::nn {

/// The half-open range [begin, end) of n items that `rank` of `size` processes takes:
/// contiguous, in rank order, sizes differing by at most one.
struct Share {
  std::size_t begin = 0, end = 0;
  std::size_t size() const { return end - begin; }
};
Share share_of(std::size_t n, int rank, int size);

/// Sums over all processes of one step.
struct StepTotals {
  double loss_sum = 0;       ///< Σ loss × rows over the global batch
  std::int64_t correct = 0;  ///< correct predictions in the global batch
  bool stop = false;         ///< some process was asked to stop
};

/// Exchanges the gradients of a model's parameters each step in one Collective::sum over
/// one fused buffer (parameters × 8 bytes, plus three numbers), never one call per tensor.
class GradientExchange {
 public:
  GradientExchange(Collective& collective, std::vector<tensor::Tensor> params);

  /// Before: each parameter's grad() is the gradient of this process's mean loss over
  /// `local_rows` rows of a global batch of `batch_rows` (undefined when local_rows is 0).
  /// After: on every process, the gradient of the mean over the global batch,
  /// Σ_processes (local_rows / batch_rows) × grad.
  StepTotals exchange(std::size_t local_rows, std::size_t batch_rows, double local_loss_sum,
                      std::int64_t local_correct, bool local_stop);

 private:
  Collective& collective_;
  std::vector<tensor::Tensor> params_;
  std::vector<double> buffer_;
};

/// Standardizer::fit of all rows of `x`, each process summing its share of the rows: the
/// means from one sum, the deviations about them from a second (as fit's two passes).
Standardizer fit_standardizer(Collective& collective, const tensor::Tensor& x);

}  // namespace leibniz::nn
