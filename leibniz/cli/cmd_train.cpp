// leibniz train --data FILE.csv ...: trains a network on a CSV (spec/interfaces.md §5):
// per-epoch metrics, a progress bar on a terminal, --json, --save, --plot. Ctrl-C (or
// SIGTERM) keeps the last finished epoch: it is saved and the exit status is 128 + the
// signal (130 for Ctrl-C), as shells report it.
#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>
#include <new>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "leibniz/cli/commands.h"
#include "leibniz/cli/report.h"
#include "leibniz/core/error.h"
#include "leibniz/io/atomic_file.h"
#include "leibniz/io/plot.h"
#include "leibniz/nn/train.h"

namespace leibniz::cli {
namespace {

struct TrainArgs {
  nn::TrainConfig config;
  std::string task = "classify";
  std::string hidden = "64,32";
  std::string activation = "relu";
  std::string model = "mlp";
  std::string loss = "auto";
  std::string schedule = "constant";
  std::string dtype = "float32";
  bool no_standardize = false;
  std::string plot;
  bool json = false;
  bool quiet = false;
  std::string config_file;
};

std::atomic<bool> g_stop{false};
std::atomic<int> g_signal{0};
static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<int>::is_always_lock_free,
              "set from a signal handler");

extern "C" void request_stop(int signal) {
  g_signal.store(signal);
  g_stop.store(true);
}

// SIGINT and SIGTERM ask training to stop while it runs; a second one ends the process
// at once (SA_RESETHAND). Reading the data goes on (SA_RESTART): the stop comes at the
// first step.
class StopOnSignals {
 public:
  StopOnSignals() {
    g_stop.store(false);
    g_signal.store(0);
    struct sigaction action {};
    action.sa_handler = request_stop;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND | SA_RESTART;
    sigaction(SIGINT, &action, &old_int_);
    sigaction(SIGTERM, &action, &old_term_);
  }
  ~StopOnSignals() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }
  StopOnSignals(const StopOnSignals&) = delete;
  StopOnSignals& operator=(const StopOnSignals&) = delete;

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

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

// Losses with 4 significant digits (they shrink by orders of magnitude), accuracies with 4
// decimals.
std::string loss_text(const std::optional<double>& v) {
  return v ? fmt::format("{:.4g}", *v) : "-";
}
std::string accuracy_text(const std::optional<double>& v) {
  return v ? fmt::format("{:.4f}", *v) : "-";
}

// Prints per-epoch lines on stdout and, on a terminal, a progress bar on stderr.
class ConsoleObserver : public nn::TrainObserver {
 public:
  ConsoleObserver(bool lines, bool bar, bool notes, std::int64_t epochs)
      : lines_(lines), bar_(bar), notes_(notes), epochs_(epochs) {}

  void on_start(const nn::TrainResult& setup) override {
    last_epoch_ = setup.epochs + epochs_;
    if (lines_) {
      std::cout << fmt::format("training {} ({} parameters) on {} rows, validating on {}\n",
                               setup.model_description, setup.parameters, setup.train_rows,
                               setup.val_rows);
    }
  }

  void on_step(std::int64_t epoch, std::int64_t step, std::int64_t steps, double loss) override {
    if (!bar_) return;
    // Redraw at most ten times a second: a fast epoch has thousands of steps.
    auto now = std::chrono::steady_clock::now();
    if (bar_drawn_ && step != steps && now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    bar_drawn_ = true;
    const int width = 30;
    int done = static_cast<int>(width * step / std::max<std::int64_t>(steps, 1));
    std::cerr << fmt::format("\r[{}{}] epoch {}/{} step {}/{} loss {:.4g} ", std::string(done, '='),
                             std::string(width - done, ' '), epoch, last_epoch_, step, steps, loss)
              << std::flush;
  }

  // An error mid-epoch must not print after a half-drawn bar.
  ~ConsoleObserver() override { clear_bar(); }
  ConsoleObserver(const ConsoleObserver&) = delete;
  ConsoleObserver& operator=(const ConsoleObserver&) = delete;

  void on_note(const std::string& note) override {
    clear_bar();
    if (notes_) std::cerr << "note: " << note << "\n" << std::flush;
  }

  void on_epoch(const nn::EpochReport& r) override {
    clear_bar();
    if (!lines_) return;
    std::string line =
        fmt::format("epoch {}/{}  train loss {}", r.epoch, last_epoch_, loss_text(r.train_loss));
    if (r.train_accuracy) line += "  acc " + accuracy_text(r.train_accuracy);
    line += "  val loss " + loss_text(r.val_loss);
    if (r.val_accuracy) line += "  acc " + accuracy_text(r.val_accuracy);
    std::cout << line << std::endl;
  }

  void clear_bar() {
    if (bar_drawn_) std::cerr << "\r\033[K" << std::flush;
    bar_drawn_ = false;
  }

 private:
  bool lines_, bar_, notes_, bar_drawn_ = false;
  std::chrono::steady_clock::time_point last_draw_;
  std::int64_t epochs_, last_epoch_ = 0;
};

nlohmann::ordered_json optional_json(const std::optional<double>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

// Returns the exit status: 0, or 128 + the signal that stopped training.
int run_train(TrainArgs& a) {
  nn::TrainConfig& c = a.config;
  if (a.task == "classify") {
    c.task = nn::Task::Classify;
  } else if (a.task == "regress") {
    c.task = nn::Task::Regress;
  } else {
    throw Error(ErrorKind::Request,
                fmt::format("unknown task '{}' (expected classify or regress)", a.task));
  }
  c.hidden = parse_widths(a.hidden);
  c.activation = nn::parse_activation(a.activation);
  c.model = nn::parse_model_kind(a.model);
  if (c.model != nn::ModelKind::Mlp && c.hidden.size() != 1) {
    throw Error(ErrorKind::Request, "--model rnn and lstm take one hidden size, e.g. --hidden 32");
  }
  c.loss = nn::parse_loss(a.loss);
  c.schedule = optim::parse_schedule(a.schedule);
  if (a.dtype != "float32" && a.dtype != "float64") {
    throw Error(ErrorKind::Request,
                fmt::format("unknown dtype '{}' (expected float32 or float64)", a.dtype));
  }
  c.dtype = a.dtype == "float64" ? tensor::DType::F64 : tensor::DType::F32;
  c.standardize = !a.no_standardize;
  if (!a.plot.empty() && !a.plot.ends_with(".png") && !a.plot.ends_with(".svg")) {
    throw Error(ErrorKind::Request,
                fmt::format("cannot plot to '{}': the name must end in .png or .svg", a.plot));
  }

  // The outputs are checked before the work, not after it.
  if (!c.save.empty()) io::check_writable(c.save);
  if (!a.plot.empty()) io::check_writable(a.plot);

  bool bar = !a.quiet && ::isatty(STDERR_FILENO) != 0;
  ConsoleObserver observer(!a.json && !a.quiet, bar, !a.quiet, c.epochs);
  auto start = std::chrono::steady_clock::now();
  nn::TrainResult result;
  {
    StopOnSignals signals;
    c.stop = &g_stop;
    result = nn::train(c, observer);
    c.stop = nullptr;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (result.interrupted) {
    observer.clear_bar();
    std::string said;
    if (result.history.empty()) {  // the epoch under way was this run's first
      said = fmt::format("interrupted during epoch {} of {}", result.epochs + 1, result.last_epoch);
      if (!c.save.empty())
        said += fmt::format("; no epoch finished, so {} was not written", c.save);
    } else {
      said = fmt::format("interrupted after epoch {} of {}", result.epochs, result.last_epoch);
      if (result.saved) said += fmt::format("; saved epoch {} to {}", result.epochs, c.save);
    }
    std::cerr << said << std::endl;
  }

  const int status = result.interrupted ? 128 + g_signal.load() : 0;
  if (!a.plot.empty() && !(result.interrupted && result.history.empty())) {
    io::Series train_curve{"training loss", {}}, val_curve{"validation loss", {}};
    for (const auto& r : result.history) {
      train_curve.y.push_back(r.train_loss);
      if (r.val_loss) val_curve.y.push_back(*r.val_loss);
    }
    std::vector<io::Series> series{train_curve};
    if (!val_curve.y.empty()) series.push_back(val_curve);
    io::plot_series(a.plot, series, "leibniz train: " + c.data, "epoch", "loss");
  }

  std::optional<double> train_loss, val_loss, val_accuracy;
  if (!result.history.empty()) {
    train_loss = result.history.back().train_loss;
    val_loss = result.history.back().val_loss;
    val_accuracy = result.history.back().val_accuracy;
  }
  if (a.json) {
    nlohmann::ordered_json j{{"ok", true},
                             {"epochs", result.epochs},
                             {"train_loss", optional_json(train_loss)},
                             {"val_loss", optional_json(val_loss)}};
    if (c.task == nn::Task::Classify) j["val_accuracy"] = optional_json(val_accuracy);
    j["seconds"] = std::round(seconds * 1000) / 1000;
    if (result.interrupted) j["interrupted"] = true;
    std::cout << j.dump() << std::endl;
    return status;
  }
  if (a.quiet || result.interrupted) return status;
  std::string final_line =
      "final: train loss " + loss_text(train_loss) + "  val loss " + loss_text(val_loss);
  if (c.task == nn::Task::Classify) final_line += "  val accuracy " + accuracy_text(val_accuracy);
  std::cout << final_line << fmt::format("  ({:.1f} s)", seconds) << "\n";
  if (!c.save.empty()) std::cout << "saved the model to " << c.save << "\n";
  if (!a.plot.empty()) std::cout << "plotted the loss curves to " << a.plot << "\n";
  std::cout << std::flush;
  return 0;
}

std::string trim(std::string s) {
  const char* space = " \t\r";
  s.erase(0, s.find_first_not_of(space));
  s.erase(s.find_last_not_of(space) + 1);
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front())
    s = s.substr(1, s.size() - 2);
  return s;
}

// --config FILE: lines "name = value" (or "[train]" and "# comments"); an option given on
// the command line wins over the file.
void apply_config(CLI::App& cmd, const std::string& path) {
  std::string text = io::read_file(path);
  std::size_t pos = 0;
  for (int line_no = 1; pos < text.size(); ++line_no) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = trim(text.substr(pos, end - pos));
    pos = end + 1;
    if (line.empty() || line[0] == '#' || line[0] == ';' || line[0] == '[') continue;
    std::size_t eq = line.find('=');
    if (eq == std::string::npos) {
      throw Error(ErrorKind::Parse,
                  fmt::format("{}, line {}: expected name = value", path, line_no));
    }
    std::string key = trim(line.substr(0, eq)), value = trim(line.substr(eq + 1));
    if (key.rfind("train.", 0) == 0) key = key.substr(6);
    CLI::Option* opt = key == "config" ? nullptr : cmd.get_option_no_throw("--" + key);
    if (opt == nullptr)
      throw Error(ErrorKind::Parse,
                  fmt::format("{}, line {}: unknown option '{}'", path, line_no, key));
    if (opt->count() > 0) continue;
    opt->add_result(value);
    opt->run_callback();
  }
}

int fail(const Error& error, bool json) {
  if (json) {
    std::cout << nlohmann::ordered_json{{"ok", false},
                                        {"error",
                                         {{"kind", kind_name(error.kind())},
                                          {"message", error.what()},
                                          {"pos", nullptr}}}}
                     .dump()
              << std::endl;
    return 2;
  }
  return report_error(error);
}

}  // namespace

void register_train(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand("train", "train a neural network on a CSV file");
  auto args = std::make_shared<TrainArgs>();
  nn::TrainConfig& c = args->config;
  cmd->add_option("--config", args->config_file,
                  "read options from a file of 'name = value' lines");
  cmd->add_option("--data", c.data, "the CSV file: one row per example (required)");
  cmd->add_flag("--header", c.header, "the first line names the columns");
  cmd->add_option("--target", c.target,
                  "the target column: last, first, a header name or a 1-based number")
      ->capture_default_str();
  cmd->add_option("--task", args->task, "classify or regress")->capture_default_str();
  cmd->add_option("--hidden", args->hidden,
                  "hidden layer widths, e.g. 64,32 (none for no hidden layer)")
      ->capture_default_str();
  cmd->add_option("--activation", args->activation, "relu, tanh, sigmoid, gelu or softplus")
      ->capture_default_str();
  cmd->add_option("--model", args->model, "mlp, or rnn/lstm reading each row as a sequence")
      ->capture_default_str();
  cmd->add_option("--step-inputs", c.step_inputs, "rnn/lstm: features per time step")
      ->capture_default_str();
  cmd->add_option("--loss", args->loss, "auto, cross_entropy, bce, mse or half_sse")
      ->capture_default_str();
  cmd->add_option("--optimizer", c.optimizer, "sgd or adam")->capture_default_str();
  cmd->add_option("--lr", c.lr, "learning rate")->capture_default_str();
  cmd->add_option("--momentum", c.momentum, "SGD momentum")->capture_default_str();
  cmd->add_option("--weight-decay", c.weight_decay, "L2 weight decay")->capture_default_str();
  cmd->add_option("--schedule", args->schedule, "learning-rate schedule: constant, step or cosine")
      ->capture_default_str();
  cmd->add_option("--epochs", c.epochs, "passes over the training rows")->capture_default_str();
  cmd->add_option("--batch", c.batch, "rows per mini-batch")->capture_default_str();
  cmd->add_option("--val", c.val, "share of rows held out for validation")->capture_default_str();
  cmd->add_option("--val-data", c.val_data,
                  "validate on this CSV (same columns) instead of holding out --val");
  cmd->add_option("--seed", c.seed, "seed of the initialisation, split and shuffling")
      ->capture_default_str();
  cmd->add_option("--dtype", args->dtype, "float32 or float64")->capture_default_str();
  cmd->add_flag("--no-standardize", args->no_standardize, "keep the features as they are");
  cmd->add_option("--save", c.save, "save the trained model (safetensors)");
  cmd->add_option("--resume", c.resume, "continue training a saved model");
  cmd->add_option("--plot", args->plot,
                  "draw the loss curves to a .png or .svg file (needs gnuplot)");
  cmd->add_flag("--json", args->json, "print one JSON object when training ends");
  cmd->add_flag("--quiet", args->quiet, "print nothing but errors");
  cmd->callback([cmd, args, &exit_status] {
    try {
      if (!args->config_file.empty()) apply_config(*cmd, args->config_file);
      if (args->config.data.empty()) throw Error(ErrorKind::Request, "--data FILE.csv is required");
      args->config.architecture_given = cmd->get_option("--hidden")->count() > 0 ||
                                        cmd->get_option("--activation")->count() > 0 ||
                                        cmd->get_option("--model")->count() > 0;
      exit_status = run_train(*args);
    } catch (const Error& error) {
      exit_status = fail(error, args->json);
    } catch (const std::bad_alloc&) {
      exit_status = fail(Error(ErrorKind::Limit, "training ran out of memory"), args->json);
    } catch (const std::exception& e) {
      exit_status = fail(Error(ErrorKind::Internal, std::string("internal failure: ") + e.what()),
                         args->json);
    }
  });
}

}  // namespace leibniz::cli
