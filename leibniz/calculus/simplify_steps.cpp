#include "leibniz/calculus/simplify_steps.h"

#include "leibniz/calculus/expand.h"
#include "leibniz/calculus/simplify.h"

namespace leibniz {
namespace {

void record(Trace& trace, const Expr& before, const Expr& after, StepParts parts) {
  trace.add({.operation = StepOperation::Rewrite,
             .before = before,
             .after = after,
             .parts = std::move(parts)});
}

}  // namespace

Expr simplify_with_steps(const Expr& e, Trace& trace) {
  const SimplifyChoice choice = simplify_choice(e);
  if (choice.rewritten != e) {
    record(trace, e, choice.rewritten, PartsOf<Rule::Identities>{});
  }
  const Expr& from = choice.rewritten;
  switch (choice.form) {
    case SimplifyChoice::Form::Rewritten: break;
    case SimplifyChoice::Form::Expanded: {
      // Each term multiplied out on its own, then like terms collected.
      PartsOf<Rule::ExpandAndCollect> expansions;
      if (from.is(Kind::Add)) {
        for (const Expr& term : from.args()) expansions.terms.push_back(expand(term));
      }
      record(trace, from, choice.result, std::move(expansions));
      break;
    }
    case SimplifyChoice::Form::Cancelled:
      record(trace, from, choice.result, PartsOf<Rule::Cancel>{});
      break;
  }
  return choice.result;
}

}  // namespace leibniz
