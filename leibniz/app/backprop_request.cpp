#include "leibniz/app/backprop_request.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <sstream>

#include "leibniz/app/request_families.h"
#include "leibniz/app/request_fields.h"
#include "leibniz/graph/backprop.h"
#include "leibniz/graph/gradcheck.h"
#include "leibniz/graph/graph.h"
#include "leibniz/graph/index_expand.h"
#include "leibniz/graph/json.h"
#include "leibniz/graph/model_file.h"
#include "leibniz/graph/report.h"

namespace leibniz::app {

Number learning_rate(std::string_view text, std::string_view what) {
  const auto rate = graph::parse_exact_number(text);
  if (!rate || !rate->is_positive()) {
    throw Error(ErrorKind::Request,
                fmt::format("{} needs a positive number, not '{}'", what, text));
  }
  return *rate;
}

namespace {

class BackpropResult : public Result {
 public:
  explicit BackpropResult(const BackpropRequest& request)
      : graph_(graph::build_graph(graph::parse_model_file(request.model),
                                  graph::BuildOptions{request.use_overrides})),
        rate_(request.rate),
        per_row_(request.per_row) {
    if (request.data) {
      data_ = std::make_unique<graph::DataSet>(graph::parse_data(graph_, *request.data));
    }
    leaves_ = graph::initial_assignment(graph_);
    std::unique_ptr<graph::NumericGraph> numeric;
    at_ = graph::evaluate(graph_, leaves_, data_.get(), numeric);
  }
  Answer json() const override {
    return graph::backprop_json(graph_, leaves_, at_, rate_, per_row_);
  }
  // The report is plain text in every notation.
  std::string text(Notation) const override {
    std::ostringstream out;
    graph::write_backprop(out, graph_, leaves_, at_,
                          graph::ReportOptions{data_.get(), per_row_, rate_});
    return out.str();
  }

 private:
  graph::Graph graph_;
  std::unique_ptr<graph::DataSet> data_;
  graph::Assignment leaves_;
  graph::Evaluation at_;
  std::optional<Number> rate_;
  bool per_row_;
};

class GradcheckResult : public Result {
 public:
  explicit GradcheckResult(const GradcheckRequest& request)
      : graph_(graph::build_graph(graph::parse_model_file(request.model),
                                  graph::BuildOptions{request.use_overrides})),
        check_(graph::gradcheck(graph_, graph::initial_assignment(graph_), request.tolerance)) {}
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

// Spec §3 v2 backprop: the model's text, optional "lr" and "data" (CSV text).
std::unique_ptr<Result> run(const Fields& request) {
  BackpropRequest r{graph::Source{"model", request.text("model")}, std::nullopt, std::nullopt,
                    request.flag("per_row"), !request.flag("true_derivatives")};
  if (request.has("data")) r.data = graph::Source{"data", request.text("data")};
  if (auto lr = request.number_text("lr")) {
    r.rate = learning_rate(*lr, request.field_label("lr"));
  }
  return run_backprop(r);
}

std::unique_ptr<Result> run_gradcheck_row(const Fields& request) {
  GradcheckRequest r{graph::Source{"model", request.text("model")}, 1e-6,
                     !request.flag("true_derivatives")};
  if (auto tolerance = request.number_text("tolerance")) {
    char* end = nullptr;
    r.tolerance = std::strtod(tolerance->c_str(), &end);
    if (tolerance->empty() || *end != '\0' || !std::isfinite(r.tolerance) || r.tolerance <= 0) {
      Fields::bad_request(fmt::format("{} needs a positive number, not '{}'",
                                      request.field_label("tolerance"), *tolerance));
    }
  }
  return run_gradcheck(r);
}

}  // namespace

std::unique_ptr<Result> run_gradcheck(const GradcheckRequest& request) {
  return std::make_unique<GradcheckResult>(request);
}

std::unique_ptr<Result> run_backprop(const BackpropRequest& request) {
  return std::make_unique<BackpropResult>(request);
}

std::vector<RequestRow> model_requests() {
  return {
      {"backprop",
       "backpropagation through a model file: values, loss, ∂L/∂node, one descent step",
       {{"model", ArgumentKind::Text, true, "", "", "the model file's text (spec §4)"},
        {"data", ArgumentKind::Text, false, "", "--data",
         "CSV rows of inputs and targets: the mean loss over the rows"},
        {"lr", ArgumentKind::Number, false, "", "--lr", "learning rate: one gradient-descent step"},
        {"per_row", ArgumentKind::Flag, false, "false", "--per-row",
         "with data: each row's loss and gradient too"},
        {"true_derivatives", ArgumentKind::Flag, false, "false", "--true-derivatives",
         "ignore deriv overrides"}},
       run},
      {"gradcheck",
       "every gradient of backprop against central finite differences",
       {{"model", ArgumentKind::Text, true, "", "", "the model file's text (spec §4)"},
        {"tolerance", ArgumentKind::Number, false, "1e-6", "--tolerance",
         "the largest relative error that agrees"},
        {"true_derivatives", ArgumentKind::Flag, false, "false", "--true-derivatives",
         "ignore deriv overrides"}},
       run_gradcheck_row}};
}

}  // namespace leibniz::app
