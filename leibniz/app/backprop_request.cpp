#include "leibniz/app/backprop_request.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <sstream>

#include "leibniz/app/backprop_json.h"
#include "leibniz/app/backprop_report.h"
#include "leibniz/app/request_families.h"
#include "leibniz/app/request_fields.h"
#include "leibniz/core/number.h"
#include "leibniz/graph/backprop.h"
#include "leibniz/graph/dot.h"
#include "leibniz/graph/explain.h"
#include "leibniz/graph/gradcheck.h"
#include "leibniz/graph/graph.h"
#include "leibniz/graph/model_file.h"
#include "leibniz/graph/overrides.h"
#include "leibniz/graph/symbolic.h"

namespace leibniz::app {

Number learning_rate(std::string_view text, std::string_view what) {
  const auto rate = Number::read_exact(text);
  if (!rate || !rate->is_positive()) {
    throw Error(ErrorKind::Request,
                fmt::format("{} needs a positive number, not '{}'", what, text));
  }
  return *rate;
}

namespace {

graph::Source source(const Fields& request, std::string_view member, std::string_view name) {
  return graph::Source{request.has(name) ? request.text(name) : std::string(member),
                       request.text(member)};
}

graph::Graph model_graph(const Fields& request) {
  return graph::build_graph(
      graph::parse_model_file(source(request, "model", "model_name"), graph::Texts::Dropped),
      graph::BuildOptions{!request.flag("true_derivatives")});
}

// The text view of one pass that the request asks for.
enum class View { Report, Explain, Symbolic };

class BackpropResult : public Result {
 public:
  BackpropResult(graph::Graph graph, std::unique_ptr<graph::DataSet> data,
                 std::optional<Number> rate, bool per_row, View view, graph::NodeId explained,
                 bool dot)
      : graph_(std::move(graph)),
        data_(std::move(data)),
        leaves_(graph::initial_assignment(graph_)),
        rate_(std::move(rate)),
        per_row_(per_row),
        view_(view),
        explained_(explained),
        dot_(dot) {
    std::unique_ptr<graph::NumericGraph> numeric;
    at_ = graph::evaluate(graph_, leaves_, data_.get(), numeric);
  }
  Answer json() const override {
    Answer answer = backprop_json(graph_, leaves_, at_, rate_, per_row_);
    if (dot_) answer["dot"] = graph::dot_text(graph_, at_.passes.front());
    return answer;
  }
  void write_json(std::ostream& out, const Answer& extra) const override {
    Answer last = Answer::object();
    if (dot_) last["dot"] = graph::dot_text(graph_, at_.passes.front());
    for (const auto& [key, value] : extra.items()) last[key] = value;
    write_backprop_json(out, graph_, leaves_, at_, rate_, per_row_, last);
  }
  // Plain text in every notation.
  std::string text(Notation) const override {
    std::ostringstream out;
    const graph::Pass& pass = at_.passes.front();
    switch (view_) {
      case View::Explain:
        write_explanation(out, graph_, graph::explain(graph_, pass, explained_));
        break;
      case View::Symbolic:
        write_symbolic(out, graph_, graph::symbolic_gradient(graph_), pass);
        write_overrides(out, graph_, graph::check_overrides(graph_, pass));
        break;
      case View::Report:
        write_backprop(out, graph_, leaves_, at_, ReportOptions{data_.get(), per_row_, rate_});
        break;
    }
    return out.str();
  }

 private:
  graph::Graph graph_;
  std::unique_ptr<graph::DataSet> data_;
  graph::Assignment leaves_;
  graph::Evaluation at_;
  std::optional<Number> rate_;
  bool per_row_;
  View view_;
  graph::NodeId explained_;
  bool dot_;
};

// Several descent steps: the loss before each, the params after the last.
class DescentResult : public Result {
 public:
  DescentResult(graph::Graph graph, std::unique_ptr<graph::DataSet> data, Number rate, long epochs)
      : graph_(std::move(graph)), data_(std::move(data)), rate_(std::move(rate)) {
    std::unique_ptr<graph::NumericGraph> numeric;
    training_ = graph::train(graph_, graph::initial_assignment(graph_), data_.get(), rate_, epochs,
                             numeric);
  }
  Answer json() const override { return training_json(graph_, training_); }
  std::string text(Notation) const override {
    std::ostringstream out;
    write_training(out, graph_, training_, rate_);
    return out.str();
  }

 private:
  graph::Graph graph_;
  std::unique_ptr<graph::DataSet> data_;
  Number rate_;
  graph::Training training_;
};

class GradcheckResult : public Result {
 public:
  GradcheckResult(graph::Graph graph, double tolerance)
      : graph_(std::move(graph)),
        check_(graph::gradcheck(graph_, graph::initial_assignment(graph_), tolerance)) {}
  Answer json() const override { return graph::gradcheck_json(graph_, check_); }
  std::string text(Notation) const override {
    std::ostringstream out;
    graph::write_gradcheck(out, graph_, check_);
    return out.str();
  }
  int exit_status() const override { return check_.agree ? 0 : 1; }

 private:
  graph::Graph graph_;
  graph::Gradcheck check_;
};

// Checked in the order the work needs them: the model, the data, then the options.
std::unique_ptr<Result> run_backprop(const Fields& request) {
  graph::Graph graph = model_graph(request);
  std::unique_ptr<graph::DataSet> data;
  if (request.has("data")) {
    data = std::make_unique<graph::DataSet>(
        graph::parse_data(graph, source(request, "data", "data_name")));
  }
  std::optional<Number> rate;
  if (auto lr = request.number_text("lr")) rate = learning_rate(*lr, request.field_label("lr"));
  long epochs = 0;
  if (auto text = request.number_text("epochs")) {
    char* end = nullptr;
    epochs = std::strtol(text->c_str(), &end, 10);
    if (text->empty() || *end != '\0' || epochs < 0) {
      Fields::bad_request(fmt::format("{} needs a positive number", request.field_label("epochs")));
    }
  }
  if (epochs > 0 && !rate) {
    Fields::bad_request(fmt::format("{} needs a learning rate: {}", request.field_label("epochs"),
                                    request.usage("lr", "RATE")));
  }
  View view = request.flag("symbolic") ? View::Symbolic : View::Report;
  graph::NodeId explained = 0;
  if (request.has("explain")) {
    const std::string name = request.text("explain");
    const auto node = graph.find(name);
    if (!node) {
      Fields::bad_request(
          fmt::format("{}: '{}' is not a name of the model", request.label("explain"), name));
    }
    explained = *node;
    view = View::Explain;
  }
  // The page draws the graph from the DOT; a larger graph is no picture anyone reads.
  if (request.flag("dot") && graph.size() > graph::kMaxPictureNodes) {
    throw Error(ErrorKind::Limit,
                fmt::format("{} is for graphs of at most {} nodes; this one has {}",
                            request.field_label("dot"), graph::kMaxPictureNodes, graph.size()));
  }
  if (epochs > 0) {
    if (request.flag("dot")) {
      Fields::bad_request(fmt::format("{} draws one pass; it does not go with {}",
                                      request.field_label("dot"), request.field_label("epochs")));
    }
    return std::make_unique<DescentResult>(std::move(graph), std::move(data), *rate, epochs);
  }
  return std::make_unique<BackpropResult>(std::move(graph), std::move(data), rate,
                                          request.flag("per_row"), view, explained,
                                          request.flag("dot"));
}

std::unique_ptr<Result> run_gradcheck(const Fields& request) {
  graph::Graph graph = model_graph(request);
  double tolerance = 1e-6;
  if (auto text = request.number_text("tolerance")) {
    char* end = nullptr;
    tolerance = std::strtod(text->c_str(), &end);
    if (text->empty() || *end != '\0' || !std::isfinite(tolerance) || tolerance <= 0) {
      Fields::bad_request(fmt::format("{} needs a positive number, not '{}'",
                                      request.field_label("tolerance"), *text));
    }
  }
  return std::make_unique<GradcheckResult>(std::move(graph), tolerance);
}

constexpr Argument kModel{"model", ArgumentKind::Text,
                          true,    "",
                          "",      "the model file's text, spec §4 (the CLI: its path)"};
constexpr Argument kModelName{"model_name", ArgumentKind::Text,
                              false,        "model",
                              "",           "the model's name in messages (the CLI: its file)"};
constexpr Argument kTrueDerivatives{"true_derivatives",   ArgumentKind::Flag,      false, "false",
                                    "--true-derivatives", "ignore deriv overrides"};

}  // namespace

std::vector<RequestRow> model_requests() {
  return {
      {"backprop",
       "backpropagation through a model file: values, loss, ∂L/∂node, descent steps",
       {kModel,
        kModelName,
        {"data", ArgumentKind::Text, false, "", "--data",
         "CSV rows of inputs and targets: the mean loss over the rows (the CLI: a CSV file)"},
        {"data_name", ArgumentKind::Text, false, "data", "",
         "the data's name in messages (the CLI: its file)"},
        {"lr", ArgumentKind::Number, false, "", "--lr", "learning rate: one gradient-descent step"},
        {"epochs", ArgumentKind::Number, false, "0", "--epochs",
         "repeat the step N times: the loss before each, the params after the last"},
        {"per_row", ArgumentKind::Flag, false, "false", "--per-row",
         "with data: each row's loss and gradient too"},
        kTrueDerivatives,
        {"explain", ArgumentKind::Text, false, "", "--explain",
         "the text shows the chain-rule paths from the loss to this node"},
        {"symbolic", ArgumentKind::Flag, false, "false", "--symbolic",
         "the text shows every gradient as a formula over named auxiliaries"},
        {"dot", ArgumentKind::Flag, false, "false", "",
         "the answer holds the graph in Graphviz DOT as \"dot\" (the CLI: --dot FILE)"}},
       run_backprop},
      {"gradcheck",
       "every gradient of backprop against central finite differences",
       {kModel,
        kModelName,
        {"tolerance", ArgumentKind::Number, false, "1e-6", "--tolerance",
         "the largest relative error that agrees"},
        kTrueDerivatives},
       run_gradcheck},
  };
}

}  // namespace leibniz::app
