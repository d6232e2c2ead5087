// From a CSV table to training data: features and targets as tensors, a seeded
// train/validation split, standardisation fitted on the training rows, seeded
// shuffling and mini-batches.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "leibniz/io/csv.h"
#include "leibniz/tensor/tensor.h"

namespace leibniz::nn {

using io::CsvTable;
using tensor::Tensor;

enum class Task { Classify, Regress };

struct Dataset {
  Tensor x;                          ///< (N, F) features
  Tensor y;                          ///< (N, 1) regression targets (Regress)
  std::vector<std::int64_t> labels;  ///< class of each row (Classify)
  std::int64_t classes = 0;          ///< 1 + the largest label (Classify)
  std::vector<std::string> feature_names;
};

/// The column index of `target`: "last", "first", a header name, or a 1-based number.
/// Throws Error{Request} naming the file when there is no such column.
std::int64_t target_column(const CsvTable& table, const std::string& target);

/// Splits features from the target column. For Classify every target must be a whole
/// number 0..max_classes-1; otherwise Error{Domain} names the file, row and column.
Dataset make_dataset(const CsvTable& table, std::int64_t target_col, Task task, tensor::DType dtype,
                     std::int64_t max_classes = 10000);

/// The rows `rows` of a dataset (a copy).
Dataset subset(const Dataset& data, const std::vector<std::int64_t>& rows);

/// Row indices 0..n-1 shuffled by `seed`, the first round(val_fraction * n) for validation.
struct Split {
  std::vector<std::int64_t> train;
  std::vector<std::int64_t> val;
};
Split train_val_split(std::int64_t n, double val_fraction, std::uint64_t seed);

/// Fisher-Yates shuffle driven by `gen`.
void shuffle(std::vector<std::int64_t>& items, tensor::Generator& gen);

/// Per-column mean and standard deviation of training features; a constant column keeps scale 1.
struct Standardizer {
  std::vector<double> mean, scale;
  static Standardizer fit(const Tensor& x);
  /// (x - mean) / scale, column by column.
  Tensor apply(const Tensor& x) const;
};

/// Consecutive chunks of `order` of at most `batch` indices.
std::vector<std::vector<std::int64_t>> minibatches(const std::vector<std::int64_t>& order,
                                                   std::int64_t batch);

}  // namespace leibniz::nn
