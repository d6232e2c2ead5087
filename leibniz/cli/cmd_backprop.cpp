// leibniz backprop MODEL: forward values, the loss, ∂L/∂node for every node by one
// reverse sweep, the gradient-descent step; formulas, chain-rule paths, pictures.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "leibniz/app/requests.h"
#include "leibniz/cli/commands.h"
#include "leibniz/cli/model_command.h"
#include "leibniz/core/limits.h"
#include "leibniz/graph/backprop.h"
#include "leibniz/graph/data.h"
#include "leibniz/graph/dot.h"
#include "leibniz/graph/evaluate.h"
#include "leibniz/graph/model_file.h"

namespace leibniz::cli {
namespace {

constexpr std::string_view kBackprop = "backprop";

struct BackpropArgs {
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

// The pictures of the first pass (the first data row), drawn from the model as the request
// reads it.
void draw(const graph::Graph& graph, const graph::Source* data_source, const BackpropArgs& args) {
  std::unique_ptr<graph::DataSet> data;
  if (data_source) data = std::make_unique<graph::DataSet>(graph::parse_data(graph, *data_source));
  std::unique_ptr<graph::NumericGraph> numeric;
  const graph::Evaluation at =
      graph::evaluate(graph, graph::initial_assignment(graph), data.get(), numeric);
  const std::pair<const std::string*, graph::PictureFormat> pictures[] = {
      {&args.dot, graph::PictureFormat::Dot},
      {&args.svg, graph::PictureFormat::Svg},
      {&args.png, graph::PictureFormat::Png}};
  for (const auto& [path, format] : pictures) {
    if (!path->empty()) graph::write_picture(graph, at.passes.front(), *path, format);
  }
}

// The request of spec §4, run by the request table's row as batch mode runs it (the files'
// names name them in messages); the pictures are the CLI's. Everything is written to
// `out`, which the caller prints once the whole answer is there: past the time limit
// nothing but the limit error is printed.
void run(const BackpropArgs& args, std::vector<graph::Source>& sources, std::ostream& out) {
  sources.push_back(graph::read_source(args.model));
  nlohmann::json request{
      {"op", kBackprop}, {"model", sources.back().text}, {"model_name", sources.back().name}};
  const bool pictures = !args.dot.empty() || !args.svg.empty() || !args.png.empty();
  std::optional<graph::Graph> drawn;
  if (pictures) {  // a picture too large is refused before any work
    drawn = graph::build_graph(graph::parse_model_file(sources.back(), graph::Texts::Dropped),
                               graph::BuildOptions{!args.true_derivatives});
    if (!args.svg.empty() || !args.png.empty()) graph::check_picture_size(*drawn);
  }
  std::optional<graph::Source> data;
  if (!args.data.empty()) {
    data = sources.emplace_back(graph::read_source(args.data));
    request["data"] = data->text;
    request["data_name"] = data->name;
  }
  if (!args.rate.empty()) request["lr"] = args.rate;
  if (args.epochs != 0) request["epochs"] = args.epochs;
  if (args.per_row) request["per_row"] = true;
  if (args.true_derivatives) request["true_derivatives"] = true;
  if (!args.explain.empty()) request["explain"] = args.explain;
  if (args.symbolic) request["symbolic"] = true;
  const app::Result& result = keep_to_exit(app::run_request(request, app::Door::Cli));
  if (drawn && args.epochs == 0) draw(*drawn, data ? &*data : nullptr, args);
  // The answer written as dump() writes it, without a document of a member a node.
  if (args.json) {
    app::write_answer(out, result);
    out << "\n";
  } else {
    out << result.text(app::Notation::Text);
  }
}

void register_backprop(CLI::App& app, int& exit_status) {
  auto* cmd = add_request_command(app, kBackprop);
  auto args = std::make_shared<BackpropArgs>();
  add_argument(*cmd, kBackprop, "model", args->model);
  add_argument(*cmd, kBackprop, "lr", args->rate);
  add_argument(*cmd, kBackprop, "epochs", args->epochs);
  add_argument(*cmd, kBackprop, "data", args->data);
  add_flag_argument(*cmd, kBackprop, "per_row", args->per_row);
  cmd->add_flag("--json", args->json, "print one JSON object (spec §4)");
  add_flag_argument(*cmd, kBackprop, "symbolic", args->symbolic);
  add_argument(*cmd, kBackprop, "explain", args->explain);
  add_flag_argument(*cmd, kBackprop, "true_derivatives", args->true_derivatives);
  // The pictures are files the CLI writes; a request asks for the DOT text ("dot").
  cmd->add_option("--dot", args->dot, "write the graph in Graphviz DOT");
  cmd->add_option("--svg", args->svg, "draw the graph as SVG (Graphviz)");
  cmd->add_option("--png", args->png, "draw the graph as PNG (Graphviz)");
  cmd->callback([args, &exit_status] {
    exit_status = run_model_command(args->json, [&](std::vector<graph::Source>& sources) {
      std::ostringstream out;
      run(*args, sources, out);
      check_time();
      std::cout << std::move(out).str() << std::flush;  // its text, not a copy
    });
  });
}

}  // namespace

const Command kBackpropCommand{{&kBackprop, 1}, register_backprop};

}  // namespace leibniz::cli
