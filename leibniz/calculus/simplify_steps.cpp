#include "leibniz/calculus/simplify_steps.h"

#include "leibniz/calculus/expand.h"
#include "leibniz/calculus/simplify.h"

namespace leibniz {
namespace {

void record(Trace& trace, Rule rule, const Expr& before, const Expr& after,
            std::vector<std::pair<std::string, Expr>> parts = {}) {
  Step step;
  step.operation = StepOperation::Rewrite;
  step.rule = rule;
  step.before = before;
  step.after = after;
  step.parts = std::move(parts);
  trace.add(std::move(step));
}

}  // namespace

Expr simplify_with_steps(const Expr& e, Trace& trace) {
  const SimplifyChoice choice = simplify_choice(e);
  if (choice.rewritten != e) record(trace, Rule::Identities, e, choice.rewritten);
  const Expr& from = choice.rewritten;
  switch (choice.form) {
    case SimplifyChoice::Form::Rewritten: break;
    case SimplifyChoice::Form::Expanded: {
      // Each term multiplied out on its own, then like terms collected.
      std::vector<std::pair<std::string, Expr>> expansions;
      if (from.is(Kind::Add)) {
        for (const Expr& term : from.args()) expansions.emplace_back("term", expand(term));
      }
      record(trace, Rule::ExpandAndCollect, from, choice.result, std::move(expansions));
      break;
    }
    case SimplifyChoice::Form::Cancelled: record(trace, Rule::Cancel, from, choice.result); break;
  }
  return choice.result;
}

}  // namespace leibniz
