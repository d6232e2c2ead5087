// Backpropagation over a model: the loss and gradient at one point or averaged over
// the rows of a data set (a mini-batch), the gradient-descent step, and training for
// a number of epochs.
#pragma once

#include <memory>
#include <vector>

#include "leibniz/expr/builders.h"
#include "leibniz/graph/data.h"
#include "leibniz/graph/evaluate.h"

namespace leibniz::graph {

struct Evaluation {
  bool exact = true;
  std::vector<Pass> passes;    ///< one per data row; one without data
  Expr loss;                   ///< the mean loss over the rows
  std::vector<Expr> gradient;  ///< by NodeId: the mean ∂L/∂node of params and inputs
                               ///< (graph.gradient_nodes()); null for other nodes
};

/// The mean over the passes (the rows) of of(pass), an Expr; of one pass, of(pass).
template <class Of>
Expr mean_over(const std::vector<Pass>& passes, Of of) {
  if (passes.size() == 1) return of(passes.front());
  std::vector<Expr> terms;
  terms.reserve(passes.size());
  for (const Pass& p : passes) terms.push_back(of(p));
  return number(Number(1) / Number(static_cast<long>(passes.size()))) * add(terms);
}

/// The leaves with row `row` of `data` set.
Assignment with_row(const Assignment& leaves, const DataSet& data, std::size_t row);

/// One pass, or one per row of `data` (may be null) and their mean.
Evaluation evaluate(const Graph& graph, const Assignment& leaves, const DataSet* data,
                    std::unique_ptr<NumericGraph>& numeric);

/// The params after one gradient-descent step, p - rate·∂L/∂p, by NodeId (null for
/// other nodes); exact when the gradient is.
std::vector<Expr> descend(const Graph& graph, const Assignment& leaves, const Evaluation& at,
                          const Number& rate);

/// The leaves with the params set to `updated` (closed forms rounded to doubles).
Assignment assign(const Graph& graph, Assignment leaves, const std::vector<Expr>& updated);

struct Training {
  std::vector<Expr> losses;  ///< the loss before each step
  Assignment leaves;         ///< after the last step
};

/// `epochs` gradient-descent steps of size `rate` on the mean loss.
Training train(const Graph& graph, Assignment leaves, const DataSet* data, const Number& rate,
               long epochs, std::unique_ptr<NumericGraph>& numeric);

}  // namespace leibniz::graph
