// The training loop behind `leibniz train` (spec/interfaces.md §5): a CSV in, a
// network trained with mini-batches, per-epoch metrics out through an observer, the
// model saved. Reproducible: the same config and seed give the same numbers.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "leibniz/nn/checkpoint.h"
#include "leibniz/nn/collective.h"
#include "leibniz/nn/dataset.h"
#include "leibniz/nn/model_spec.h"
#include "leibniz/optim/schedule.h"

namespace leibniz::nn {

enum class LossKind { Auto, CrossEntropy, Bce, Mse, HalfSquaredError };
LossKind parse_loss(const std::string& name);

struct TrainConfig {
  std::string data;  ///< CSV file
  bool header = false;
  std::string target = "last";  ///< last, first, a header name or a 1-based column number
  nn::Task task = nn::Task::Classify;
  ModelKind model = ModelKind::Mlp;
  std::vector<std::int64_t> hidden = {64, 32};
  ActivationKind activation = ActivationKind::Relu;
  std::int64_t step_inputs = 1;  ///< RNN/LSTM: features per time step
  LossKind loss = LossKind::Auto;
  std::string optimizer = "adam";  ///< adam or sgd
  double lr = 0.001;
  double momentum = 0.0;  ///< SGD
  double weight_decay = 0.0;
  optim::ScheduleKind schedule = optim::ScheduleKind::Constant;
  std::int64_t epochs = 30;
  std::int64_t batch = 32;
  double val = 0.2;
  std::uint64_t seed = 1;
  bool standardize = true;
  tensor::DType dtype = tensor::DType::F32;
  std::string save;    ///< save the model here (and the last good one on failure)
  std::string resume;  ///< continue from this saved model
  /// Validation rows from this CSV (same columns as `data`) instead of a share of `data`.
  std::string val_data;
  /// The rows val_data stands for, already read (the Python module's arrays); null: read
  /// the CSV file val_data names.
  const io::CsvTable* val_table = nullptr;
  /// --hidden, --activation or --model was given: resuming a saved network, which keeps
  /// its own, says so (TrainObserver::on_note).
  bool architecture_given = false;
  /// Set (by a signal handler) to stop: the epoch under way is abandoned, the model of
  /// the last finished epoch is kept (and saved to `save`), and train returns with
  /// TrainResult::interrupted.
  const std::atomic<bool>* stop = nullptr;
  /// Also save to `save` after every this many epochs of the run (0: only at its end), so
  /// that a run that dies can resume from the last one.
  std::int64_t checkpoint_every = 0;
  /// Training data-parallel with other processes (spec §9): every process runs train()
  /// with the same config, takes its share of each global batch and of the validation
  /// rows, and the sums go through this. Null: one process. Only one process should be
  /// given `save` (the CLI gives it to rank 0).
  Collective* collective = nullptr;
};

struct EpochReport {
  std::int64_t epoch = 0;  ///< 1-based, counting resumed epochs
  double train_loss = 0;
  std::optional<double> train_accuracy;
  std::optional<double> val_loss;
  std::optional<double> val_accuracy;
  double lr = 0;
};

struct TrainResult {
  std::vector<EpochReport> history;
  std::int64_t epochs = 0;  ///< total epochs of the model
  std::string model_description;
  std::int64_t parameters = 0;
  std::int64_t train_rows = 0, val_rows = 0;
  std::int64_t last_epoch = 0;  ///< the epoch training was to end with
  bool interrupted = false;     ///< stopped by TrainConfig::stop before the last epoch
  bool saved = false;           ///< the model was saved to TrainConfig::save
  /// The trained model as it would be saved (after an interruption: the last finished
  /// epoch's); its parameters are the network's own tensors.
  Checkpoint model;
};

/// Told about progress; the default does nothing.
class TrainObserver {
 public:
  virtual ~TrainObserver() = default;
  virtual void on_start(const TrainResult& /*setup*/) {}
  virtual void on_step(std::int64_t /*epoch*/, std::int64_t /*step*/, std::int64_t /*steps*/,
                       double /*loss*/) {}
  virtual void on_epoch(const EpochReport& /*report*/) {}
  /// A remark for the user (e.g. that resuming ignores --hidden).
  virtual void on_note(const std::string& /*note*/) {}
};

/// Trains per `config`. Bad input throws Error naming file, row and column; a NaN or
/// infinite loss throws Error{Domain} naming the step, after saving the last good model
/// to config.save (when given).
TrainResult train(const TrainConfig& config, TrainObserver& observer);
/// The same on rows already read (the Python module's arrays): `table` stands for
/// config.data, whose name messages use.
TrainResult train(const TrainConfig& config, const io::CsvTable& table, TrainObserver& observer);

}  // namespace leibniz::nn
