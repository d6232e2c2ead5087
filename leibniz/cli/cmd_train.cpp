// leibniz train --data FILE.csv ...: trains a network on a CSV (spec/interfaces.md §5):
// per-epoch metrics, a progress bar on a terminal, --json, --save, --plot. Ctrl-C (or
// SIGTERM) keeps the last finished epoch: it is saved and the exit status is 128 + the
// signal (130 for Ctrl-C), as shells report it. Started by mpirun, it trains
// data-parallel with the other processes (spec §9); rank 0 prints and writes files.
#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <new>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "leibniz/app/train_request.h"
#include "leibniz/cli/commands.h"
#include "leibniz/cli/doors.h"
#include "leibniz/cli/output.h"
#include "leibniz/cli/report.h"
#include "leibniz/core/error.h"
#include "leibniz/io/atomic_file.h"
#include "leibniz/nn/train.h"

namespace leibniz::cli {
namespace {

constexpr std::string_view kTrain = "train";

struct TrainArgs {
  app::TrainRequest request;
  bool json = false;
  bool quiet = false;
  std::string config_file;
  int rank = 0;  ///< this process's among those mpirun started; 0 alone
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
    std::string line = fmt::format("epoch {}/{}  train loss {}", r.epoch, last_epoch_,
                                   app::loss_text(r.train_loss));
    if (r.train_accuracy) line += "  acc " + app::accuracy_text(r.train_accuracy);
    line += "  val loss " + app::loss_text(r.val_loss);
    if (r.val_accuracy) line += "  acc " + app::accuracy_text(r.val_accuracy);
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

// Returns the exit status: 0, or 128 + the signal that stopped training.
int run_train(TrainArgs& a) {
  const std::unique_ptr<MpirunProcess> mpirun = join_mpirun();
  a.rank = mpirun ? mpirun->rank() : 0;
  const bool speaks = a.rank == 0;  // rank 0 alone prints and writes the files
  if (!speaks) {
    a.request.config.save.clear();
    a.request.plot.clear();
  }
  nn::TrainConfig c = app::train_config(a.request);
  if (mpirun) c.collective = mpirun.get();
  bool bar = speaks && !a.quiet && ::isatty(STDERR_FILENO) != 0;
  ConsoleObserver observer(speaks && !a.json && !a.quiet, bar, speaks && !a.quiet, c.epochs);
  app::Training training;
  {
    StopOnSignals signals;
    c.stop = &g_stop;
    training = app::run_training(a.request, c, observer);
  }
  if (mpirun) mpirun->finish();
  const nn::TrainResult& result = training.result;
  // Together, a process may stop because another was signalled.
  const int signal = g_signal.load() != 0 ? g_signal.load() : SIGTERM;
  const int status = result.interrupted ? 128 + signal : 0;
  if (!speaks) return status;
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

  if (a.json) {
    std::cout << app::training_answer(training).dump() << std::endl;
    return status;
  }
  if (a.quiet || result.interrupted) return status;
  std::cout << app::training_text(a.request, training) << std::flush;
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

int fail(const Error& error, const TrainArgs& args) {
  if (args.rank != 0) {  // said by rank 0 as well, unless only this process failed
    return report_error(Error(error.kind(), fmt::format("rank {}: {}", args.rank, error.what())));
  }
  if (args.json) {
    std::cout << app::error_answer(Error(error.kind(), error.what())).dump() << std::endl;
    return 2;
  }
  return report_error(error);
}

void register_train(CLI::App& app, int& exit_status) {
  auto* cmd = add_request_command(app, kTrain);
  auto args = std::make_shared<TrainArgs>();
  app::TrainRequest& r = args->request;
  nn::TrainConfig& c = r.config;
  // Each option as the row spells and describes it; the defaults shown are the configs'.
  auto option = [cmd](std::string_view name, auto& target) {
    return add_argument(*cmd, kTrain, name, target);
  };
  option("config", args->config_file);
  option("data", c.data);
  add_flag_argument(*cmd, kTrain, "header", c.header);
  option("target", c.target)->capture_default_str();
  option("task", r.task)->capture_default_str();
  option("hidden", r.hidden)->capture_default_str();
  option("activation", r.activation)->capture_default_str();
  option("model", r.model)->capture_default_str();
  option("step_inputs", c.step_inputs)->capture_default_str();
  option("loss", r.loss)->capture_default_str();
  option("optimizer", c.optimizer)->capture_default_str();
  option("lr", c.lr)->capture_default_str();
  option("momentum", c.momentum)->capture_default_str();
  option("weight_decay", c.weight_decay)->capture_default_str();
  option("schedule", r.schedule)->capture_default_str();
  option("epochs", c.epochs)->capture_default_str();
  option("batch", c.batch)->capture_default_str();
  option("val", c.val)->capture_default_str();
  option("val_data", c.val_data);
  option("seed", c.seed)->capture_default_str();
  option("dtype", r.dtype)->capture_default_str();
  add_flag_argument(*cmd, kTrain, "no_standardize", r.no_standardize);
  option("save", c.save);
  option("resume", c.resume);
  option("checkpoint_every", c.checkpoint_every)->capture_default_str();
  option("plot", r.plot);
  cmd->add_flag("--json", args->json, "print one JSON object when training ends");
  cmd->add_flag("--quiet", args->quiet, "print nothing but errors");
  cmd->callback([cmd, args, &exit_status] {
    try {
      if (!args->config_file.empty()) apply_config(*cmd, args->config_file);
      if (args->request.config.data.empty())
        throw Error(ErrorKind::Request, "--data FILE.csv is required");
      args->request.config.architecture_given = cmd->get_option("--hidden")->count() > 0 ||
                                                cmd->get_option("--activation")->count() > 0 ||
                                                cmd->get_option("--model")->count() > 0;
      exit_status = run_train(*args);
    } catch (const Error& error) {
      exit_status = fail(error, *args);
    } catch (const std::bad_alloc&) {
      exit_status = fail(Error(ErrorKind::Limit, "training ran out of memory"), *args);
    } catch (const std::exception& e) {
      exit_status =
          fail(Error(ErrorKind::Internal, std::string("internal failure: ") + e.what()), *args);
    }
  });
}

}  // namespace

const Command kTrainCommand{{&kTrain, 1}, register_train};

}  // namespace leibniz::cli
