#include "leibniz/graph/backprop.h"

#include "leibniz/core/limits.h"
#include "leibniz/expr/builders.h"

namespace leibniz::graph {

Assignment with_row(const Assignment& leaves, const DataSet& data, std::size_t row) {
  Assignment out = leaves;
  for (std::size_t c = 0; c < data.columns.size(); ++c) out[data.columns[c]] = data.rows[row][c];
  return out;
}

Evaluation evaluate(const Graph& graph, const Assignment& leaves, const DataSet* data,
                    std::unique_ptr<NumericGraph>& numeric) {
  Evaluation result;
  const std::size_t rows = data ? data->rows.size() : 1;
  // Every row in the same precision: once one row needs floats, the later rows are run
  // in floats directly and the earlier exact ones again.
  std::size_t exact_rows = 0;
  for (std::size_t r = 0; r < rows; ++r) {
    // Without data the leaves themselves: no copy of a value per node.
    Assignment with_data;
    if (data) with_data = with_row(leaves, *data, r);
    const Assignment& row = data ? with_data : leaves;
    result.passes.push_back(result.exact ? run_pass(graph, row, numeric)
                                         : run_float_pass(graph, row, numeric));
    if (result.exact && !result.passes.back().exact) {
      result.exact = false;
      exact_rows = r;
    }
    tick();
  }
  for (std::size_t r = 0; !result.exact && r < exact_rows; ++r) {
    result.passes[r] = data ? run_float_pass(graph, with_row(leaves, *data, r), numeric)
                            : run_float_pass(graph, leaves, numeric);
  }
  result.loss = mean_over(result.passes, [&](const Pass& p) { return p.value(graph.loss()); });
  result.gradient.resize(graph.size());
  for (const NodeId n : graph.gradient_nodes()) {
    result.gradient[n] = mean_over(result.passes, [n](const Pass& p) { return p.gradient(n); });
  }
  return result;
}

std::vector<Expr> descend(const Graph& graph, const Assignment& leaves, const Evaluation& at,
                          const Number& rate) {
  std::vector<Expr> updated(graph.size());
  const Expr step = number(at.exact ? rate : Number::from_double(rate.to_double()));
  for (const NodeId p : graph.of_kind(NodeKind::Param)) {
    updated[p] = number(leaves[p]) - step * at.gradient[p];
  }
  return updated;
}

Assignment assign(const Graph& graph, Assignment leaves, const std::vector<Expr>& updated) {
  for (const NodeId p : graph.of_kind(NodeKind::Param)) {
    const Expr& v = updated[p];
    leaves[p] = v.is_number() ? v.number() : Number::from_double(to_double(v));
  }
  return leaves;
}

Training train(const Graph& graph, Assignment leaves, const DataSet* data, const Number& rate,
               long epochs, std::unique_ptr<NumericGraph>& numeric) {
  Training training;
  for (long k = 0; k < epochs; ++k) {
    const Evaluation at = evaluate(graph, leaves, data, numeric);
    training.losses.push_back(at.loss);
    const std::vector<Expr> updated = descend(graph, leaves, at, rate);
    leaves = assign(graph, std::move(leaves), updated);
  }
  training.leaves = std::move(leaves);
  return training;
}

}  // namespace leibniz::graph
