// leibniz backprop MODEL: forward values, the loss, ∂L/∂node for every node by one
// reverse sweep, the gradient-descent step; formulas, chain-rule paths, pictures.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <sstream>

#include "leibniz/app/backprop_request.h"
#include "leibniz/cli/commands.h"
#include "leibniz/cli/model_command.h"
#include "leibniz/core/limits.h"
#include "leibniz/graph/dot.h"
#include "leibniz/graph/index_expand.h"
#include "leibniz/graph/json.h"
#include "leibniz/graph/report.h"

namespace leibniz::cli {
namespace {

struct Args {
  std::string model;
  std::string rate;
  long epochs = 0;
  std::string data;
  bool per_row = false;
  bool json = false;
  bool symbolic = false;
  std::string explain;
  bool true_derivatives = false;
  std::string dot;
  std::string svg;
  std::string png;
};

// Everything is written to `out`, which the caller prints once the whole answer is
// there: past the time limit nothing but the limit error is printed.
void run(const Args& args, std::vector<graph::Source>& sources, std::ostream& out) {
  sources.push_back(graph::read_source(args.model));
  const bool report_only = args.epochs == 0 && args.dot.empty() && args.svg.empty() &&
                           args.png.empty() && args.explain.empty() && !args.symbolic;
  if (report_only) {
    // The request of spec §4, run by the request table's row as batch mode runs it.
    app::BackpropRequest request{sources.back(), std::nullopt, std::nullopt, args.per_row,
                                 !args.true_derivatives};
    if (!args.data.empty()) request.data = sources.emplace_back(graph::read_source(args.data));
    if (!args.rate.empty()) request.rate = app::learning_rate(args.rate, "--lr");
    const auto result = app::run_backprop(request);
    out << (args.json ? result->json().dump() + "\n" : result->text(app::Notation::Text));
    return;
  }
  const graph::Graph graph = graph::build_graph(graph::parse_model_file(sources.back()),
                                                graph::BuildOptions{!args.true_derivatives});
  if (!args.svg.empty() || !args.png.empty()) graph::check_picture_size(graph);
  std::unique_ptr<graph::DataSet> data;
  if (!args.data.empty()) {
    sources.push_back(graph::read_source(args.data));
    data = std::make_unique<graph::DataSet>(graph::parse_data(graph, sources.back()));
  }
  std::optional<Number> rate;
  if (!args.rate.empty()) rate = app::learning_rate(args.rate, "--lr");
  if (args.epochs < 0) throw Error(ErrorKind::Request, "--epochs needs a positive number");
  if (args.epochs > 0 && !rate) {
    throw Error(ErrorKind::Request, "--epochs needs a learning rate: --lr RATE");
  }
  std::optional<graph::NodeId> explained;
  if (!args.explain.empty()) {
    explained = graph.find(args.explain);
    if (!explained) {
      throw Error(ErrorKind::Request,
                  fmt::format("--explain: '{}' is not a name of the model", args.explain));
    }
  }
  const graph::Assignment leaves = graph::initial_assignment(graph);
  std::unique_ptr<graph::NumericGraph> numeric;
  if (args.epochs > 0) {
    const graph::Training training =
        graph::train(graph, leaves, data.get(), *rate, args.epochs, numeric);
    if (args.json) {
      out << graph::training_json(graph, training).dump() << "\n";
    } else {
      graph::write_training(out, graph, training, *rate);
    }
    return;
  }
  const graph::Evaluation at = graph::evaluate(graph, leaves, data.get(), numeric);
  const graph::Pass& pass = at.passes.front();
  const std::pair<const std::string*, graph::PictureFormat> pictures[] = {
      {&args.dot, graph::PictureFormat::Dot},
      {&args.svg, graph::PictureFormat::Svg},
      {&args.png, graph::PictureFormat::Png}};
  for (const auto& [path, format] : pictures) {
    if (!path->empty()) graph::write_picture(graph, pass, *path, format);
  }
  if (args.json) {
    out << graph::backprop_json(graph, leaves, at, rate, args.per_row).dump() << "\n";
    return;
  }
  if (explained) {
    graph::write_explanation(out, graph, graph::explain(graph, pass, *explained));
    return;
  }
  if (args.symbolic) {
    graph::write_symbolic(out, graph, graph::symbolic_gradient(graph), pass);
    graph::write_overrides(out, graph, graph::check_overrides(graph, pass));
    return;
  }
  graph::write_backprop(out, graph, leaves, at,
                        graph::ReportOptions{data.get(), args.per_row, rate});
}

}  // namespace

void register_backprop(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand(
      "backprop", "backpropagation through a model file: values, loss, ∂L/∂node, update");
  auto args = std::make_shared<Args>();
  cmd->add_option("model", args->model, "the model file (.lz)")->required();
  cmd->add_option("--lr", args->rate, "learning rate: one gradient-descent step");
  cmd->add_option("--epochs", args->epochs, "repeat the step N times, printing the loss each step");
  cmd->add_option("--data", args->data, "CSV of inputs and targets: the mean loss over the rows");
  cmd->add_flag("--per-row", args->per_row, "with --data: each row's loss and gradient too");
  cmd->add_flag("--json", args->json, "print one JSON object (spec §4)");
  cmd->add_flag("--symbolic", args->symbolic, "every gradient as a formula over named auxiliaries");
  cmd->add_option("--explain", args->explain, "the chain-rule paths from the loss to NAME");
  cmd->add_flag("--true-derivatives", args->true_derivatives, "ignore deriv overrides");
  cmd->add_option("--dot", args->dot, "write the graph in Graphviz DOT");
  cmd->add_option("--svg", args->svg, "draw the graph as SVG (Graphviz)");
  cmd->add_option("--png", args->png, "draw the graph as PNG (Graphviz)");
  cmd->callback([args, &exit_status] {
    exit_status = run_model_command(args->json, [&](std::vector<graph::Source>& sources) {
      std::ostringstream out;
      run(*args, sources, out);
      check_time();
      std::cout << out.str() << std::flush;
    });
  });
}

}  // namespace leibniz::cli
