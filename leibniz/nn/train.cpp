#include "leibniz/nn/train.h"

#include <fmt/format.h>

#include <array>
#include <cmath>

#include "leibniz/core/error.h"
#include "leibniz/io/csv.h"
#include "leibniz/nn/checkpoint.h"
#include "leibniz/nn/distributed.h"
#include "leibniz/nn/loss.h"
#include "leibniz/nn/predict.h"
#include "leibniz/optim/adam.h"
#include "leibniz/optim/sgd.h"
#include "leibniz/tensor/autograd.h"
#include "leibniz/tensor/ops_view.h"

namespace leibniz::nn {
namespace {

using tensor::Tensor;

// The loss of a batch, and whether predictions can be scored by accuracy.
struct Objective {
  LossKind kind;

  Tensor loss(const Tensor& out, const nn::Dataset& d,
              const std::vector<std::int64_t>& labels) const {
    switch (kind) {
      case LossKind::CrossEntropy: return cross_entropy(out, labels);
      case LossKind::Bce: {
        std::vector<double> y(labels.begin(), labels.end());
        return bce_with_logits(out, tensor::from_vector(y, out.shape(), out.dtype()));
      }
      case LossKind::HalfSquaredError: return half_squared_error(out, d.y);
      default: return mse_loss(out, d.y);
    }
  }

  // Correct predictions in a batch (classification only).
  std::int64_t correct(const Tensor& out, const std::vector<std::int64_t>& labels) const {
    if (kind == LossKind::CrossEntropy)
      return std::llround(accuracy(out, labels) * static_cast<double>(labels.size()));
    std::vector<double> z = out.to_vector();
    std::int64_t right = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) right += (z[i] > 0) == (labels[i] == 1);
    return right;
  }

  bool classify() const { return kind == LossKind::CrossEntropy || kind == LossKind::Bce; }
};

Objective choose_objective(const TrainConfig& c, const nn::Dataset& d) {
  LossKind k = c.loss;
  if (k == LossKind::Auto)
    k = c.task == nn::Task::Classify ? LossKind::CrossEntropy : LossKind::Mse;
  bool classify_loss = k == LossKind::CrossEntropy || k == LossKind::Bce;
  if (classify_loss != (c.task == nn::Task::Classify)) {
    throw Error(ErrorKind::Request,
                "the loss does not fit the task (classify takes cross_entropy or bce, "
                "regress takes mse or half_sse)");
  }
  if (k == LossKind::Bce && d.classes > 2) {
    throw Error(ErrorKind::Request,
                fmt::format("bce needs labels 0 and 1; {} has {} classes", c.data, d.classes));
  }
  return {k};
}

// Mean loss and accuracy of `model` over rows of `d`, without recording a graph; with
// other processes, each scores its share of the rows and the sums are shared.
struct Score {
  double loss = 0;
  std::optional<double> accuracy;
};
Score evaluate(Module& model, const Objective& obj, const nn::Dataset& d, Collective* collective) {
  tensor::NoGradGuard no_grad;
  std::int64_t n = d.x.shape()[0];
  Score s;
  if (n == 0) return s;
  double total = 0;
  std::int64_t right = 0;
  const std::int64_t chunk = 1024;
  const Share mine = collective != nullptr ? share_of(static_cast<std::size_t>(n),
                                                      collective->rank(), collective->size())
                                           : Share{0, static_cast<std::size_t>(n)};
  const auto last = static_cast<std::int64_t>(mine.end);
  for (auto start = static_cast<std::int64_t>(mine.begin); start < last; start += chunk) {
    std::int64_t end = std::min(last, start + chunk);
    std::vector<std::int64_t> rows;
    for (std::int64_t r = start; r < end; ++r) rows.push_back(r);
    nn::Dataset part = nn::subset(d, rows);
    Tensor out = model.forward(part.x);
    total += obj.loss(out, part, part.labels).item() * static_cast<double>(end - start);
    if (obj.classify()) right += obj.correct(out, part.labels);
  }
  if (collective != nullptr) {
    std::array<double, 2> sums{total, static_cast<double>(right)};
    collective->sum(sums);
    total = sums[0];
    right = std::llround(sums[1]);
  }
  s.loss = total / static_cast<double>(n);
  if (obj.classify()) s.accuracy = static_cast<double>(right) / static_cast<double>(n);
  return s;
}

std::vector<Tensor> snapshot(const Module& model) {
  std::vector<Tensor> copy;
  for (const Tensor& p : model.parameters()) copy.push_back(p.clone());
  return copy;
}

std::vector<std::pair<std::string, Tensor>> snapshot(const optim::Optimizer& opt) {
  auto state = opt.state();
  for (auto& [name, t] : state) t = t.clone();
  return state;
}

bool stop_requested(const TrainConfig& c) {
  return c.stop != nullptr && c.stop->load(std::memory_order_relaxed);
}

void restore(const Module& model, const std::vector<Tensor>& saved) {
  auto params = model.parameters();
  for (std::size_t i = 0; i < params.size(); ++i) tensor::copy_into(params[i], saved[i]);
}

std::string loss_name(LossKind k) {
  switch (k) {
    case LossKind::CrossEntropy: return "cross_entropy";
    case LossKind::Bce: return "bce";
    case LossKind::HalfSquaredError: return "half_sse";
    default: return "mse";
  }
}

// The rows of --val-data: the columns of --data, labels the model can output.
nn::Dataset validation_set(const TrainConfig& c, const io::CsvTable& data, const ModelSpec& spec,
                           const Objective& obj) {
  const io::CsvTable table =
      c.val_table != nullptr ? *c.val_table : io::read_csv(c.val_data, {c.header});
  if (table.cols != data.cols) {
    throw Error(ErrorKind::Request, fmt::format("{} has {} columns; {} has {}", c.val_data,
                                                table.cols, c.data, data.cols));
  }
  if (table.header != data.header) {
    throw Error(ErrorKind::Request,
                fmt::format("{} names its columns differently from {}", c.val_data, c.data));
  }
  const std::int64_t target_col = nn::target_column(table, c.target);
  nn::Dataset d = nn::make_dataset(table, target_col, c.task, spec.dtype);
  if (obj.classify()) {
    const std::int64_t classes = std::max<std::int64_t>(spec.outputs, 2);  // bce: one logit
    if (c.resume.empty()) {
      check_labels(table, target_col, d.labels, classes, c.data,
                   "validation labels must be classes of the training data");
    } else {
      check_labels(table, target_col, d.labels, classes, c.resume,
                   "it was trained on that many classes");
    }
  }
  return d;
}

void check_numbers(const TrainConfig& c) {
  if (c.epochs < 0) throw Error(ErrorKind::Request, "the number of epochs must be at least 0");
  if (!(c.lr > 0) || !std::isfinite(c.lr))
    throw Error(ErrorKind::Request, "the learning rate must be positive");
  if (c.checkpoint_every < 0)
    throw Error(ErrorKind::Request, "--checkpoint-every takes a number of epochs, 0 or more");
}

}  // namespace

LossKind parse_loss(const std::string& name) {
  if (name == "auto") return LossKind::Auto;
  if (name == "cross_entropy") return LossKind::CrossEntropy;
  if (name == "bce") return LossKind::Bce;
  if (name == "mse") return LossKind::Mse;
  if (name == "half_sse") return LossKind::HalfSquaredError;
  throw Error(
      ErrorKind::Request,
      fmt::format("unknown loss '{}' (expected auto, cross_entropy, bce, mse or half_sse)", name));
}

TrainResult train(const TrainConfig& c, TrainObserver& observer) {
  check_numbers(c);  // before reading the data
  return train(c, io::read_csv(c.data, {c.header}), observer);
}

TrainResult train(const TrainConfig& c, const io::CsvTable& table, TrainObserver& observer) {
  check_numbers(c);
  std::int64_t target_col = nn::target_column(table, c.target);
  nn::Dataset data = nn::make_dataset(table, target_col, c.task, c.dtype);
  Objective obj = choose_objective(c, data);

  std::optional<Checkpoint> resumed;
  ModelSpec spec;
  if (!c.resume.empty()) {
    resumed = load_checkpoint(c.resume);
    spec = resumed->spec;
    std::string task = c.task == nn::Task::Classify ? "classify" : "regress";
    auto saved_task = resumed->metadata.find("task");
    if (saved_task != resumed->metadata.end() && saved_task->second != task) {
      throw Error(ErrorKind::Request,
                  fmt::format("{} was trained to {}; pass --task {} to resume it", c.resume,
                              saved_task->second, saved_task->second));
    }
    std::int64_t features = data.x.shape()[1];
    if (spec.inputs != features) {
      throw Error(ErrorKind::Domain, fmt::format("{} takes {} features; {} has {}", c.resume,
                                                 spec.inputs, c.data, features));
    }
    if (c.architecture_given &&
        (spec.hidden != c.hidden || spec.activation != c.activation || spec.kind != c.model)) {
      observer.on_note(fmt::format(
          "{} keeps the network it was saved with; --hidden, --activation and --model are "
          "ignored when resuming",
          c.resume));
    }
  } else {
    spec.kind = c.model;
    spec.inputs = data.x.shape()[1];
    spec.hidden = c.hidden;
    spec.activation = c.activation;
    spec.step_inputs = c.step_inputs;
    spec.dtype = c.dtype;
    spec.outputs = obj.kind == LossKind::CrossEntropy ? std::max<std::int64_t>(data.classes, 2) : 1;
  }
  if (obj.kind == LossKind::CrossEntropy && !c.resume.empty()) {
    check_labels(table, target_col, data.labels, spec.outputs, c.resume,
                 "it was trained on that many classes");
  }
  if (spec.dtype != c.dtype) data = nn::make_dataset(table, target_col, c.task, spec.dtype);

  nn::Split split;
  nn::Dataset train_set, val_set;
  if (!c.val_data.empty()) {  // every row of --data trains; --val-data validates
    split.train.resize(static_cast<std::size_t>(table.rows));
    for (std::int64_t r = 0; r < table.rows; ++r) split.train[static_cast<std::size_t>(r)] = r;
    train_set = data;
    val_set = validation_set(c, table, spec, obj);
  } else {
    split = nn::train_val_split(table.rows, c.val, c.seed);
    train_set = nn::subset(data, split.train);
    val_set = nn::subset(data, split.val);
  }
  if (split.train.empty()) {
    throw Error(ErrorKind::Request,
                fmt::format("{}: no rows left to train on after holding out {} for validation",
                            c.data, split.val.size()));
  }
  const std::int64_t val_rows = val_set.x.shape()[0];
  nn::Standardizer standardizer;
  if (resumed) {
    standardizer = resumed->standardizer;
    auto features = static_cast<std::size_t>(data.x.shape()[1]);
    if (standardizer.mean.size() != features || standardizer.scale.size() != features) {
      throw Error(ErrorKind::Request,
                  fmt::format("{}: its standardisation has {} columns; {} has {} features",
                              c.resume, standardizer.mean.size(), c.data, features));
    }
  } else if (c.standardize) {
    standardizer = c.collective != nullptr ? fit_standardizer(*c.collective, train_set.x)
                                           : nn::Standardizer::fit(train_set.x);
  } else {
    standardizer = nn::Standardizer::fit(tensor::zeros({0, data.x.shape()[1]}, spec.dtype));
  }
  train_set.x = standardizer.apply(train_set.x);
  val_set.x = standardizer.apply(val_set.x);

  tensor::Generator init_gen(c.seed);
  std::unique_ptr<Sequential> model = spec.build(init_gen);
  if (resumed) load_parameters(*model, resumed->parameters, c.resume);
  std::unique_ptr<optim::Optimizer> opt;
  if (c.optimizer == "adam") {
    opt = std::make_unique<optim::Adam>(
        model->parameters(), optim::AdamOptions{.lr = c.lr, .weight_decay = c.weight_decay});
  } else if (c.optimizer == "sgd") {
    opt = std::make_unique<optim::Sgd>(
        model->parameters(),
        optim::SgdOptions{.lr = c.lr, .momentum = c.momentum, .weight_decay = c.weight_decay});
  } else {
    throw Error(ErrorKind::Request,
                fmt::format("unknown optimizer '{}' (expected sgd or adam)", c.optimizer));
  }
  if (resumed && !resumed->optimizer_state.empty() &&
      resumed->metadata["optimizer"] == c.optimizer) {
    opt->set_state(resumed->optimizer_state);
  }
  std::int64_t first_epoch = resumed ? resumed->epoch : 0;
  optim::Schedule schedule{
      .kind = c.schedule,
      .base_lr = c.lr,
      .step_size = std::max<std::int64_t>(1, c.epochs / 3),
      .gamma = 0.1,
      .total_epochs = first_epoch + c.epochs};  // epochs count from the first run
  std::map<std::string, std::string> extra = {
      {"task", c.task == nn::Task::Classify ? "classify" : "regress"},
      {"loss", loss_name(obj.kind)},
      {"optimizer", c.optimizer},
      {"seed", std::to_string(c.seed)},
      {"target", c.target}};  // the column `leibniz predict` takes as the target

  TrainResult result;
  result.model_description = model->describe();
  result.parameters = model->parameter_count();
  result.train_rows = static_cast<std::int64_t>(split.train.size());
  result.val_rows = val_rows;
  result.epochs = first_epoch;
  observer.on_start(result);

  result.last_epoch = first_epoch + c.epochs;
  std::vector<Tensor> last_good = snapshot(*model);
  auto last_good_state = snapshot(*opt);
  std::vector<std::int64_t> order(split.train.size());
  std::int64_t global_step = 0;
  std::optional<GradientExchange> exchange;
  if (c.collective != nullptr) exchange.emplace(*c.collective, model->parameters());
  for (std::int64_t e = first_epoch; e < first_epoch + c.epochs && !result.interrupted; ++e) {
    opt->set_lr(schedule.lr_at(e));
    // Each epoch's order depends on (seed, epoch) only, so a resumed run shuffles as an
    // uninterrupted one.
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::int64_t>(i);
    tensor::Generator shuffle_gen(c.seed * 0x9e3779b97f4a7c15ULL + static_cast<std::uint64_t>(e));
    nn::shuffle(order, shuffle_gen);
    auto batches = nn::minibatches(order, c.batch);
    double total = 0;
    std::int64_t right = 0;
    for (std::size_t s = 0; s < batches.size(); ++s) {
      // Alone, a stop comes before the step; together, every process hears of it in the
      // step's exchange, so all stop at the same step.
      if (!exchange && stop_requested(c)) {
        result.interrupted = true;
        break;
      }
      ++global_step;
      const std::vector<std::int64_t>& batch = batches[s];
      const Share mine = exchange
                             ? share_of(batch.size(), c.collective->rank(), c.collective->size())
                             : Share{0, batch.size()};
      opt->zero_grad();
      double value = 0, loss_sum = 0;
      std::int64_t batch_right = 0;
      if (mine.size() > 0) {
        const auto from = batch.begin() + static_cast<std::ptrdiff_t>(mine.begin);
        nn::Dataset b = nn::subset(
            train_set,
            std::vector<std::int64_t>(from, from + static_cast<std::ptrdiff_t>(mine.size())));
        Tensor out = model->forward(b.x);
        Tensor loss = obj.loss(out, b, b.labels);
        value = loss.item();
        loss_sum = value * static_cast<double>(mine.size());
        if (std::isfinite(value)) loss.backward();
        if (obj.classify()) batch_right = obj.correct(out, b.labels);
      }
      if (exchange) {
        StepTotals totals =
            exchange->exchange(mine.size(), batch.size(), loss_sum, batch_right, stop_requested(c));
        if (totals.stop) {
          result.interrupted = true;
          break;
        }
        loss_sum = totals.loss_sum;
        batch_right = totals.correct;
        value = loss_sum / static_cast<double>(batch.size());
      }
      if (!std::isfinite(value)) {
        restore(*model, last_good);
        std::string kept = e == first_epoch ? "the model as it was before this epoch"
                                            : fmt::format("the model after epoch {}", e);
        if (!c.save.empty()) save_checkpoint(c.save, *model, spec, standardizer, nullptr, e, extra);
        throw Error(ErrorKind::Domain,
                    fmt::format("the loss became {} at epoch {}, step {} (step {} overall); "
                                "training stopped and kept {}{}",
                                std::isnan(value) ? "nan" : "infinite", e + 1, s + 1, global_step,
                                kept, c.save.empty() ? "" : fmt::format(" in {}", c.save)));
      }
      opt->step();
      total += loss_sum;
      right += batch_right;
      observer.on_step(e + 1, static_cast<std::int64_t>(s) + 1,
                       static_cast<std::int64_t>(batches.size()), value);
    }
    if (result.interrupted) break;
    EpochReport report;
    report.epoch = e + 1;
    report.lr = opt->lr();
    double n = std::max<double>(1.0, static_cast<double>(order.size()));
    report.train_loss = total / n;
    if (obj.classify()) report.train_accuracy = static_cast<double>(right) / n;
    if (val_rows > 0) {
      Score v = evaluate(*model, obj, val_set, c.collective);
      report.val_loss = v.loss;
      report.val_accuracy = v.accuracy;
    }
    last_good = snapshot(*model);
    last_good_state = snapshot(*opt);
    result.history.push_back(report);
    result.epochs = e + 1;
    observer.on_epoch(report);
    const std::int64_t run_epochs = e + 1 - first_epoch;
    if (!c.save.empty() && c.checkpoint_every > 0 && run_epochs % c.checkpoint_every == 0 &&
        e + 1 < result.last_epoch) {
      save_checkpoint(c.save, *model, spec, standardizer, opt.get(), result.epochs, extra);
    }
  }
  if (result.interrupted) {
    // The epoch under way is abandoned: back to the end of the last finished one, which
    // is saved only if this run finished one (else the file would be the resumed model).
    restore(*model, last_good);
    opt->set_state(last_good_state);
  }
  result.model = make_checkpoint(*model, spec, standardizer, opt.get(), result.epochs, extra);
  if (result.interrupted && result.epochs == first_epoch) return result;
  if (!c.save.empty()) {
    save_checkpoint(c.save, result.model);
    result.saved = true;
  }
  return result;
}

}  // namespace leibniz::nn
