#include "leibniz/app/backprop_request.h"

#include <fmt/format.h>

#include <memory>

#include "leibniz/core/number.h"
#include "leibniz/graph/backprop.h"
#include "leibniz/graph/graph.h"
#include "leibniz/graph/json.h"
#include "leibniz/graph/model_file.h"

namespace leibniz::app {

Number learning_rate(std::string_view text, std::string_view what) {
  const auto rate = Number::read_exact(text);
  if (!rate || !rate->is_positive()) {
    throw Error(ErrorKind::Request,
                fmt::format("{} needs a positive number, not '{}'", what, text));
  }
  return *rate;
}

nlohmann::ordered_json backprop_answer(const BackpropRequest& request) {
  const graph::Graph graph = graph::build_graph(graph::parse_model_file(request.model),
                                                graph::BuildOptions{request.use_overrides});
  std::unique_ptr<graph::DataSet> data;
  if (request.data)
    data = std::make_unique<graph::DataSet>(graph::parse_data(graph, *request.data));
  const graph::Assignment leaves = graph::initial_assignment(graph);
  std::unique_ptr<graph::NumericGraph> numeric;
  const graph::Evaluation at = graph::evaluate(graph, leaves, data.get(), numeric);
  return graph::backprop_json(graph, leaves, at, request.rate, request.per_row);
}

}  // namespace leibniz::app
