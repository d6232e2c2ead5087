#include "leibniz/app/train_request.h"

#include <fmt/format.h>

#include <chrono>
#include <cmath>

#include "leibniz/core/error.h"
#include "leibniz/io/atomic_file.h"
#include "leibniz/io/plot.h"

namespace leibniz::app {
namespace {

std::vector<std::int64_t> parse_widths(const std::string& text) {
  std::vector<std::int64_t> out;
  if (text.empty() || text == "none") return out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    std::string part = text.substr(start, comma - start);
    std::size_t used = 0;
    long long v = 0;
    try {
      v = std::stoll(part, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != part.size() || part.empty() || v < 1 || v > 1'000'000) {
      throw Error(ErrorKind::Request,
                  fmt::format("--hidden takes widths like 64,32; '{}' is not a width", part));
    }
    out.push_back(v);
    start = comma + 1;
  }
  return out;
}

Answer optional_json(const std::optional<double>& v) { return v ? Answer(*v) : Answer(nullptr); }

}  // namespace

std::string loss_text(const std::optional<double>& v) {
  return v ? fmt::format("{:.4g}", *v) : "-";
}

std::string accuracy_text(const std::optional<double>& v) {
  return v ? fmt::format("{:.4f}", *v) : "-";
}

nn::TrainConfig train_config(const TrainRequest& request) {
  nn::TrainConfig c = request.config;
  if (request.task == "classify") {
    c.task = nn::Task::Classify;
  } else if (request.task == "regress") {
    c.task = nn::Task::Regress;
  } else {
    throw Error(ErrorKind::Request,
                fmt::format("unknown task '{}' (expected classify or regress)", request.task));
  }
  c.hidden = parse_widths(request.hidden);
  c.activation = nn::parse_activation(request.activation);
  c.model = nn::parse_model_kind(request.model);
  if (c.model != nn::ModelKind::Mlp && c.hidden.size() != 1) {
    throw Error(ErrorKind::Request, "--model rnn and lstm take one hidden size, e.g. --hidden 32");
  }
  c.loss = nn::parse_loss(request.loss);
  c.schedule = optim::parse_schedule(request.schedule);
  if (request.dtype != "float32" && request.dtype != "float64") {
    throw Error(ErrorKind::Request,
                fmt::format("unknown dtype '{}' (expected float32 or float64)", request.dtype));
  }
  c.dtype = request.dtype == "float64" ? tensor::DType::F64 : tensor::DType::F32;
  c.standardize = !request.no_standardize;
  const std::string& plot = request.plot;
  if (!plot.empty() && !plot.ends_with(".png") && !plot.ends_with(".svg")) {
    throw Error(ErrorKind::Request,
                fmt::format("cannot plot to '{}': the name must end in .png or .svg", plot));
  }
  // The outputs are checked before the work, not after it.
  if (!c.save.empty()) io::check_writable(c.save);
  if (!plot.empty()) io::check_writable(plot);
  return c;
}

namespace {

// Trains with `train` (nn::train on a file or on rows), then draws the curves when asked.
template <class Train>
Training run_training_with(const TrainRequest& request, const nn::TrainConfig& config,
                           Train&& train) {
  Training t;
  t.task = config.task;
  const auto start = std::chrono::steady_clock::now();
  t.result = train();
  t.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto& history = t.result.history;
  if (!history.empty()) {
    t.train_loss = history.back().train_loss;
    t.val_loss = history.back().val_loss;
    t.val_accuracy = history.back().val_accuracy;
  }
  if (!request.plot.empty() && !(t.result.interrupted && history.empty())) {
    io::Series train_curve{"training loss", {}}, val_curve{"validation loss", {}};
    for (const auto& r : history) {
      train_curve.y.push_back(r.train_loss);
      if (r.val_loss) val_curve.y.push_back(*r.val_loss);
    }
    std::vector<io::Series> series{train_curve};
    if (!val_curve.y.empty()) series.push_back(val_curve);
    io::plot_series(request.plot, series, "leibniz train: " + config.data, "epoch", "loss");
  }
  return t;
}

}  // namespace

Training run_training(const TrainRequest& request, const nn::TrainConfig& config,
                      nn::TrainObserver& observer) {
  return run_training_with(request, config, [&] { return nn::train(config, observer); });
}

Training run_training(const TrainRequest& request, const nn::TrainConfig& config,
                      const io::CsvTable& table, nn::TrainObserver& observer) {
  return run_training_with(request, config, [&] { return nn::train(config, table, observer); });
}

Answer training_answer(const Training& t) {
  Answer j{{"ok", true},
           {"epochs", t.result.epochs},
           {"train_loss", optional_json(t.train_loss)},
           {"val_loss", optional_json(t.val_loss)}};
  if (t.task == nn::Task::Classify) j["val_accuracy"] = optional_json(t.val_accuracy);
  j["seconds"] = std::round(t.seconds * 1000) / 1000;
  if (t.result.interrupted) j["interrupted"] = true;
  return j;
}

std::string training_text(const TrainRequest& request, const Training& t) {
  std::string out =
      "final: train loss " + loss_text(t.train_loss) + "  val loss " + loss_text(t.val_loss);
  if (t.task == nn::Task::Classify) out += "  val accuracy " + accuracy_text(t.val_accuracy);
  out += fmt::format("  ({:.1f} s)\n", t.seconds);
  if (!request.config.save.empty()) out += "saved the model to " + request.config.save + "\n";
  if (!request.plot.empty()) out += "plotted the loss curves to " + request.plot + "\n";
  return out;
}

}  // namespace leibniz::app
