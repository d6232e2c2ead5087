#include "leibniz/nn/predict.h"

#include <fmt/format.h>

#include "leibniz/core/error.h"
#include "leibniz/nn/checkpoint.h"
#include "leibniz/tensor/autograd.h"
#include "leibniz/tensor/ops_activation.h"
#include "leibniz/tensor/ops_softmax.h"
#include "leibniz/tensor/ops_view.h"

namespace leibniz::nn {
namespace {

using tensor::Tensor;

std::string metadata_or(const Checkpoint& c, const std::string& key, const std::string& fallback) {
  auto it = c.metadata.find(key);
  return it == c.metadata.end() ? fallback : it->second;
}

// The features of every row: the table without its target column.
Tensor features(const io::CsvTable& table, std::int64_t target_col, tensor::DType dtype) {
  std::vector<double> xs;
  xs.reserve(table.values.size());
  for (std::int64_t r = 0; r < table.rows; ++r) {
    for (std::int64_t c = 0; c < table.cols; ++c) {
      if (c != target_col) xs.push_back(table.at(r, c));
    }
  }
  const std::int64_t f = target_col < 0 ? table.cols : table.cols - 1;
  return tensor::from_vector(xs, {table.rows, f}, dtype);
}

// The network of a saved model.
std::unique_ptr<Sequential> model_of(const Checkpoint& saved, const std::string& source) {
  tensor::Generator gen(1);  // the initial values are replaced by the saved ones
  auto model = saved.spec.build(gen);
  load_parameters(*model, saved.parameters, source);
  return model;
}

}  // namespace

void check_labels(const io::CsvTable& table, std::int64_t target_col,
                  const std::vector<std::int64_t>& labels, std::int64_t classes,
                  const std::string& owner, const std::string& why) {
  for (std::size_t r = 0; r < labels.size(); ++r) {
    if (labels[r] >= classes) {
      throw Error(ErrorKind::Domain,
                  fmt::format("{}, row {}, column {}: label {} is outside the classes 0..{} of {} "
                              "({})",
                              table.name, table.lines[r], target_col + 1, labels[r], classes - 1,
                              owner, why));
    }
  }
}

Predictions predict_rows(Module& model, const Checkpoint& saved, const Tensor& features,
                         const std::string& source) {
  const ModelSpec& spec = saved.spec;
  Predictions p;
  p.task =
      metadata_or(saved, "task", "classify") == "regress" ? nn::Task::Regress : nn::Task::Classify;
  p.rows = features.dim() == 2 ? features.shape()[0] : 0;
  const nn::Standardizer& standardizer = saved.standardizer;
  if (!standardizer.mean.empty() &&
      standardizer.mean.size() != static_cast<std::size_t>(spec.inputs)) {
    throw Error(ErrorKind::Request,
                fmt::format("{}: its standardisation has {} columns; the model takes {}", source,
                            standardizer.mean.size(), spec.inputs));
  }
  if (features.dim() != 2 || features.shape()[1] != spec.inputs) {
    throw Error(ErrorKind::Request, fmt::format("{} takes rows of {} features, not an array of "
                                                "shape {}",
                                                source, spec.inputs, features.shape().str()));
  }
  const Tensor x = standardizer.apply(features.to(spec.dtype));
  tensor::NoGradGuard no_grad;
  const bool one_logit = spec.outputs == 1;  // bce: the logit of class 1
  const std::int64_t chunk = 1024;
  for (std::int64_t start = 0; start < p.rows; start += chunk) {
    const std::int64_t end = std::min(p.rows, start + chunk);
    const Tensor out = model.forward(tensor::slice(x, 0, start, end));
    if (p.task == nn::Task::Regress) {
      for (double v : out.to_vector()) p.values.push_back(v);
      continue;
    }
    const std::vector<double> probs =
        (one_logit ? tensor::sigmoid(out) : tensor::softmax(out, 1)).to_vector();
    const auto width = static_cast<std::size_t>(spec.outputs);
    for (std::int64_t r = 0; r < end - start; ++r) {
      std::vector<double> row;
      if (one_logit) {
        const double p1 = probs[static_cast<std::size_t>(r)];
        row = {1 - p1, p1};
      } else {
        row.assign(probs.begin() + static_cast<long>(static_cast<std::size_t>(r) * width),
                   probs.begin() + static_cast<long>((static_cast<std::size_t>(r) + 1) * width));
      }
      std::size_t best = 0;
      for (std::size_t k = 1; k < row.size(); ++k) {
        if (row[k] > row[best]) best = k;
      }
      p.classes.push_back(static_cast<std::int64_t>(best));
      p.probabilities.push_back(std::move(row));
    }
  }
  return p;
}

Predictions predict(const PredictConfig& c) {
  const Checkpoint saved = load_checkpoint(c.model);
  const ModelSpec& spec = saved.spec;
  Predictions p;
  p.task =
      metadata_or(saved, "task", "classify") == "regress" ? nn::Task::Regress : nn::Task::Classify;
  const io::CsvTable table = io::read_csv(c.data, {c.header});
  p.rows = table.rows;
  std::int64_t target_col = -1;
  if (table.cols == spec.inputs + 1) {
    p.has_targets = true;
    target_col = nn::target_column(
        table, c.target.empty() ? metadata_or(saved, "target", "last") : c.target);
  } else if (table.cols != spec.inputs) {
    throw Error(ErrorKind::Request,
                fmt::format("{} has {} columns; {} takes {} features (and the target column, if "
                            "the file has it)",
                            c.data, table.cols, c.model, spec.inputs));
  }
  std::vector<std::int64_t> labels;
  std::vector<double> targets;
  if (p.has_targets) {
    const nn::Dataset d = nn::make_dataset(table, target_col, p.task, spec.dtype);
    if (p.task == nn::Task::Classify) {
      labels = d.labels;
      check_labels(table, target_col, labels, std::max<std::int64_t>(spec.outputs, 2), c.model,
                   "it was trained on that many classes");
    } else {
      targets = d.y.to_vector();
    }
  }
  Predictions rows = predict_rows(*model_of(saved, c.model), saved,
                                  features(table, target_col, spec.dtype), c.model);
  p.classes = std::move(rows.classes);
  p.probabilities = std::move(rows.probabilities);
  p.values = std::move(rows.values);
  if (!p.has_targets || p.rows == 0) return p;
  if (p.task == nn::Task::Classify) {
    std::int64_t right = 0;
    for (std::size_t r = 0; r < labels.size(); ++r) right += p.classes[r] == labels[r];
    p.accuracy = static_cast<double>(right) / static_cast<double>(p.rows);
  } else {
    double total = 0;
    for (std::size_t r = 0; r < targets.size(); ++r) {
      total += (p.values[r] - targets[r]) * (p.values[r] - targets[r]);
    }
    p.mse = total / static_cast<double>(p.rows);
  }
  return p;
}

}  // namespace leibniz::nn
