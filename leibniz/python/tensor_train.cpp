// leibniz.train(X, y, ...) with the options of `leibniz train` (spec §5, flags spelled with
// underscores), leibniz.load(path) and leibniz.Model: predict and save in the CLI's model
// format, so that a model moves freely between Python and `leibniz train/predict`.
// Training runs the CLI's own loop (app::run_training) on the arrays' rows, without the
// GIL; Ctrl-C stops it at the engine's SIGINT flag (engine_call.h) and raises
// KeyboardInterrupt.
#include <fmt/format.h>
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <cmath>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "leibniz/app/train_request.h"
#include "leibniz/core/error.h"
#include "leibniz/nn/checkpoint.h"
#include "leibniz/nn/predict.h"
#include "leibniz/nn/train.h"
#include "leibniz/python/engine_call.h"
#include "leibniz/python/tensor_bindings.h"
#include "leibniz/python/tensor_numpy.h"

namespace py = pybind11;

namespace leibniz::python {
namespace {

using tensor::Tensor;

const char* const kArraysName = "the training arrays";
const char* const kValidationName = "the validation arrays";

// A trained network with what its file holds beside the parameters (architecture,
// standardisation, optimizer state, metadata). saved.parameters are the network's own
// tensors, so a save after further changes writes the current values.
struct Model {
  nn::Checkpoint saved;
  std::shared_ptr<nn::Module> network;
  std::vector<nn::EpochReport> history;
  py::dict summary;  // the JSON object `leibniz train --json` prints
  std::string source;

  Model(nn::Checkpoint checkpoint, std::string from)
      : saved(std::move(checkpoint)), source(std::move(from)) {
    tensor::Generator gen(1);  // the initial values are replaced by the saved ones
    network = saved.spec.build(gen);
    nn::load_parameters(*network, saved.parameters, source);
    saved.parameters = network->named_parameters();
  }

  std::string task() const {
    auto it = saved.metadata.find("task");
    return it == saved.metadata.end() ? "classify" : it->second;
  }
};

// A float64 array of the data (shared when it already is one).
py::array_t<double> float64_array(const py::handle& data) {
  return py::module_::import("numpy").attr("ascontiguousarray")(data, "float64");
}

// How messages name a table's arrays: train's X and y, or the two of val_data.
struct ArrayNames {
  const char* table;
  const char* x;
  const char* y;
};
constexpr ArrayNames kTrainingArrays{kArraysName, "X", "y"};
constexpr ArrayNames kValidationArrays{kValidationName, "val_data[0]", "val_data[1]"};

// The rows of X (N, F) and y (N) as the table `leibniz train` reads from a CSV whose last
// column is the target.
io::CsvTable table_of(const py::handle& x_data, const py::handle& y_data, const ArrayNames& names) {
  const py::array_t<double> x = float64_array(x_data);
  const py::array_t<double> y = float64_array(y_data);
  if (x.ndim() != 2) {
    throw Error(ErrorKind::Request, std::string(names.x) +
                                        " must be 2-dimensional (rows, features); it has shape " +
                                        py::str(x.attr("shape")).cast<std::string>());
  }
  const auto rows = static_cast<std::int64_t>(x.shape(0));
  const auto features = static_cast<std::int64_t>(x.shape(1));
  if (!(y.ndim() == 1 || (y.ndim() == 2 && y.shape(1) == 1)) || y.shape(0) != x.shape(0)) {
    throw Error(ErrorKind::Request,
                fmt::format("{} must hold one target per row of {} ({}); it "
                            "has shape {}",
                            names.y, names.x, rows, py::str(y.attr("shape")).cast<std::string>()));
  }
  io::CsvTable table;
  table.name = names.table;
  table.rows = rows;
  table.cols = features + 1;
  table.values.reserve(static_cast<std::size_t>(rows * (features + 1)));
  const double* xs = x.data();
  const double* ys = y.data();
  for (std::int64_t r = 0; r < rows; ++r) {
    table.values.insert(table.values.end(), xs + r * features, xs + (r + 1) * features);
    table.values.push_back(ys[r]);
    table.lines.push_back(r + 1);
  }
  // As read_csv does for a CSV's cells.
  for (std::size_t i = 0; i < table.values.size(); ++i) {
    if (!std::isfinite(table.values[i])) {
      const auto row = static_cast<std::int64_t>(i) / table.cols;
      const auto col = static_cast<std::int64_t>(i) % table.cols;
      throw Error(
          ErrorKind::Parse,
          fmt::format("{}, row {}, column {}: {} is not a finite number ({}[{}{}])", names.table,
                      row + 1, col + 1, table.values[i], col < features ? names.x : names.y, row,
                      col < features ? fmt::format(", {}", col) : ""));
    }
  }
  return table;
}

std::string widths_text(const py::handle& hidden) {
  if (py::isinstance<py::str>(hidden)) return hidden.cast<std::string>();
  std::string out;
  for (const auto& w : hidden) {
    if (!out.empty()) out += ",";
    out += py::str(w).cast<std::string>();
  }
  return out.empty() ? "none" : out;
}

// Keeps training's notes, which become Python warnings once the GIL is back.
class NoteObserver : public nn::TrainObserver {
 public:
  void on_note(const std::string& note) override { notes.push_back(note); }
  std::vector<std::string> notes;
};

py::dict to_dict(const app::Answer& answer) {
  return py::module_::import("json").attr("loads")(answer.dump());
}

py::dict epoch_dict(const nn::EpochReport& r) {
  py::dict d;
  d["epoch"] = r.epoch;
  d["train_loss"] = r.train_loss;
  d["train_accuracy"] = r.train_accuracy;
  d["val_loss"] = r.val_loss;
  d["val_accuracy"] = r.val_accuracy;
  d["lr"] = r.lr;
  return d;
}

// val_data: the validation rows and their targets, (X_val, y_val).
io::CsvTable validation_table(const py::handle& val_data) {
  if (!py::isinstance<py::tuple>(val_data) && !py::isinstance<py::list>(val_data)) {
    throw Error(ErrorKind::Request, "val_data takes (X_val, y_val): validation rows and targets");
  }
  const auto pair = py::reinterpret_borrow<py::sequence>(val_data);
  if (pair.size() != 2) {
    throw Error(ErrorKind::Request, "val_data takes (X_val, y_val): validation rows and targets");
  }
  return table_of(pair[0], pair[1], kValidationArrays);
}

std::shared_ptr<Model> train(const py::handle& x, const py::handle& y, const py::handle& val_data,
                             app::TrainRequest request) {
  const io::CsvTable table = table_of(x, y, kTrainingArrays);
  std::optional<io::CsvTable> validation;
  request.config.data = kArraysName;
  if (!val_data.is_none()) {
    validation = validation_table(val_data);
    request.config.val_data = kValidationName;
    request.config.val_table = &*validation;
  }
  nn::TrainConfig config = app::train_config(request);
  NoteObserver observer;
  app::Training training;
  {
    EngineCall call(EngineCall::Budget::None);
    config.stop = call.interrupt_flag();
    training = app::run_training(request, config, table, observer);
  }
  const py::object warn = py::module_::import("warnings").attr("warn");
  for (const auto& note : observer.notes) warn(note);
  // Ctrl-C: KeyboardInterrupt (with save=, the model of the last finished epoch is saved).
  if (training.result.interrupted) raise_pending_interrupt();
  auto model = std::make_shared<Model>(training.result.model, kArraysName);
  model->history = training.result.history;
  model->summary = to_dict(app::training_answer(training));
  return model;
}

// The features of X as a tensor (shared when X holds float32 or float64).
Tensor features_of(const py::handle& x) {
  if (py::isinstance<py::array>(x)) {
    auto array = py::reinterpret_borrow<py::array>(x);
    const py::dtype d = array.dtype();
    if (d.equal(py::dtype::of<float>()) || d.equal(py::dtype::of<double>())) {
      if (array.writeable()) return tensor_view_of(array);
    }
  }
  return tensor_view_of(float64_array(x));
}

nn::Predictions predictions(Model& model, const py::handle& x) {
  Tensor features = features_of(x);
  py::gil_scoped_release released;
  return nn::predict_rows(*model.network, model.saved, features, model.source);
}

// A 1-d array over the vector's own elements (moved, not copied).
template <class T>
py::array array_owning(std::vector<T>&& values) {
  auto* owned = new std::vector<T>(std::move(values));
  py::capsule base(owned, [](void* p) { delete static_cast<std::vector<T>*>(p); });
  return py::array_t<T>({static_cast<py::ssize_t>(owned->size())}, owned->data(), base);
}

py::array predict(Model& model, const py::handle& x) {
  nn::Predictions p = predictions(model, x);
  if (p.task == nn::Task::Regress) return array_owning(std::move(p.values));
  return array_owning(std::move(p.classes));
}

py::array predict_proba(Model& model, const py::handle& x) {
  nn::Predictions p = predictions(model, x);
  if (p.task == nn::Task::Regress) {
    throw Error(ErrorKind::Request, "predict_proba is for classifiers; this model regresses");
  }
  const auto classes =
      static_cast<py::ssize_t>(p.probabilities.empty() ? 0 : p.probabilities[0].size());
  py::array_t<double> out({static_cast<py::ssize_t>(p.rows), classes});
  double* q = out.mutable_data();
  for (const auto& row : p.probabilities) q = std::copy(row.begin(), row.end(), q);
  return out;
}

}  // namespace

void bind_training(py::module_& m) {
  py::class_<Model, std::shared_ptr<Model>>(m, "Model",
                                            "A network trained by leibniz.train or "
                                            "`leibniz train`.")
      .def("predict", &predict, py::arg("X"),
           "Classes (int64) or values (float64) for the rows of X, as `leibniz predict`.")
      .def("predict_proba", &predict_proba, py::arg("X"),
           "Probabilities of each class, one row per row of X.")
      .def(
          "save",
          [](const Model& model, const std::string& path) {
            py::gil_scoped_release released;
            nn::save_checkpoint(path, model.saved);
          },
          py::arg("path"), "Saves atomically in the format of `leibniz train --save`.")
      .def_readonly("network", &Model::network)
      .def_property_readonly("task", &Model::task)
      .def_property_readonly("epochs", [](const Model& model) { return model.saved.epoch; })
      .def_property_readonly("metadata", [](const Model& model) { return model.saved.metadata; })
      .def_property_readonly("history",
                             [](const Model& model) {
                               py::list out;
                               for (const auto& r : model.history) out.append(epoch_dict(r));
                               return out;
                             })
      .def_readonly("summary", &Model::summary)
      .def("__repr__", [](const Model& model) {
        return "leibniz.Model(" + model.task() + ", " + model.network->describe() + ")";
      });

  m.def(
      "load",
      [](const std::string& path) {
        nn::Checkpoint saved;
        {
          py::gil_scoped_release released;
          saved = nn::load_checkpoint(path);
        }
        return std::make_shared<Model>(std::move(saved), path);
      },
      py::arg("path"), "A model saved by `leibniz train --save` or Model.save.");

  const app::TrainRequest defaults;
  const nn::TrainConfig& c = defaults.config;
  m.def(
      "train",
      [](const py::handle& x, const py::handle& y, const std::string& task,
         const py::object& hidden, const std::optional<std::string>& activation,
         const std::optional<std::string>& model, std::int64_t step_inputs, const std::string& loss,
         const std::string& optimizer, double lr, double momentum, double weight_decay,
         const std::string& schedule, std::int64_t epochs, std::int64_t batch, double val,
         const py::object& val_data, std::uint64_t seed, const std::string& dtype,
         bool no_standardize, const std::string& save, const std::string& resume,
         std::int64_t checkpoint_every, const std::string& plot) {
        app::TrainRequest r;
        r.task = task;
        // As on the CLI: resuming keeps the saved network, and says so when one was asked for.
        r.config.architecture_given = !hidden.is_none() || activation || model;
        if (!hidden.is_none()) r.hidden = widths_text(hidden);
        r.activation = activation.value_or(r.activation);
        r.model = model.value_or(r.model);
        r.loss = loss;
        r.schedule = schedule;
        r.dtype = dtype;
        r.no_standardize = no_standardize;
        r.config.step_inputs = step_inputs;
        r.config.optimizer = optimizer;
        r.config.lr = lr;
        r.config.momentum = momentum;
        r.config.weight_decay = weight_decay;
        r.config.epochs = epochs;
        r.config.batch = batch;
        r.config.val = val;
        r.config.seed = seed;
        r.config.save = save;
        r.config.resume = resume;
        r.config.checkpoint_every = checkpoint_every;
        r.plot = plot;
        return train(x, y, val_data, std::move(r));
      },
      py::arg("X"), py::arg("y"), py::kw_only(), py::arg("task") = defaults.task,
      py::arg("hidden") = py::none(), py::arg("activation") = py::none(),
      py::arg("model") = py::none(), py::arg("step_inputs") = c.step_inputs,
      py::arg("loss") = defaults.loss, py::arg("optimizer") = c.optimizer, py::arg("lr") = c.lr,
      py::arg("momentum") = c.momentum, py::arg("weight_decay") = c.weight_decay,
      py::arg("schedule") = defaults.schedule, py::arg("epochs") = c.epochs,
      py::arg("batch") = c.batch, py::arg("val") = c.val, py::arg("val_data") = py::none(),
      py::arg("seed") = c.seed, py::arg("dtype") = defaults.dtype,
      py::arg("no_standardize") = false, py::arg("save") = "", py::arg("resume") = "",
      py::arg("checkpoint_every") = c.checkpoint_every, py::arg("plot") = "",
      R"(Trains a network on the rows of X (N, F) with targets y (N), as `leibniz train` does
on a CSV of those rows with the target last: the same options (flags with underscores;
hidden as "64,32" or [64, 32]; by default 64,32, relu, mlp), the same seed giving the same
model. val_data=(X_val, y_val) validates on those rows instead of holding out `val` of X
(--val-data); plot="loss.svg" draws the loss curves (.png or .svg, needs gnuplot);
checkpoint_every=N also saves to `save` every N epochs. Returns a Model; Ctrl-C stops
training and raises KeyboardInterrupt (with save=, the last finished epoch's model is
saved, as the CLI does).)");
}

}  // namespace leibniz::python
