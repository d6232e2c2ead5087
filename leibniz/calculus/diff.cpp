// Each rule computes its derivative and, given a Trace, records the step it took in
// the notes' terms (u, v, ∂u/∂x, outer and inner functions) in the same function.
#include "leibniz/calculus/diff.h"

#include <algorithm>
#include <climits>
#include <optional>

#include "leibniz/calculus/simplify.h"
#include "leibniz/calculus/simplify_steps.h"
#include "leibniz/core/error.h"
#include "leibniz/core/limits.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/call.h"
#include "leibniz/expr/domain_witnesses.h"
#include "leibniz/expr/functions.h"
#include "leibniz/expr/node_map.h"
#include "leibniz/expr/order.h"
#include "leibniz/expr/root_sum.h"

namespace leibniz {
namespace {

// n - 1 for the power rule: for a machine integer n (x^2, x^-3) the cached integer,
// without a sum of two rationals; the same node add(n, -1) gives.
Expr minus_one(const Expr& n) {
  if (n.is_number()) {
    if (const std::optional<long> k = n.number().to_long(); k && *k != LONG_MIN) {
      return integer(*k - 1);
    }
  }
  return add(n, integer(-1));
}

bool is_negative_power(const Expr& f) {
  return f.is(Kind::Pow) && f.exponent().is_number() && f.exponent().number().is_negative();
}

class Differentiator {
 public:
  Differentiator(Expr var, Trace* trace) : var_(std::move(var)), trace_(trace) {}

  Expr d(const Expr& e) {
    tick();
    if (!depends(e)) return record_leaf<Rule::Constant>(e, integer(0));
    if (e == var_) return record_leaf<Rule::Variable>(e, integer(1));
    if (const Expr* known = memo_.find(e)) return record_leaf<Rule::AsAbove>(e, *known);
    Expr result;
    switch (e.kind()) {
      case Kind::Add: result = sum_rule(e); break;
      case Kind::Mul: result = product(e); break;
      case Kind::Pow: result = power(e); break;
      case Kind::Func: result = function(e); break;
      case Kind::Call: result = undefined_function(e); break;
      case Kind::RootSum: result = root_sum_rule(e); break;
      default: LZ_ASSERT(false, "a leaf that depends on the variable is the variable");
    }
    memo_.insert(e, result);
    return result;
  }

 private:
  // True if e contains the variable; memoised over the DAG.
  bool depends(const Expr& e) {
    if (e.args().empty()) return e == var_;
    if (const bool* known = depends_.find(e)) return *known;
    bool result = false;
    for (const Expr& a : e.args()) result = result || depends(a);
    depends_.insert(e, result);
    return result;
  }

  // An open step of rule R: recorded before its sub-derivations, finished with its
  // result and the parts they give.
  template <Rule R>
  struct Open {
    std::size_t index;
  };

  template <Rule R>
  Open<R> begin(const Expr& e, PartsOf<R> parts = {}) {
    if (!trace_) return {0};
    return {trace_->open({.operation = StepOperation::Derivative,
                          .var = var_,
                          .before = e,
                          .parts = std::move(parts)})};
  }

  template <Rule R>
  Expr finish(Open<R> step, const Expr& result) {
    if (trace_) trace_->close(step.index, result);
    return result;
  }
  template <Rule R>
  Expr finish(Open<R> step, const Expr& result, PartsOf<R> parts) {
    if (!trace_) return result;
    trace_->close(step.index, result);
    trace_->step(step.index).parts = std::move(parts);
    return result;
  }

  template <Rule R>
  Expr record_leaf(const Expr& e, const Expr& result) {
    return finish(begin<R>(e), result);
  }

  // ∂/∂x (g + h) = ∂g/∂x + ∂h/∂x
  Expr sum_rule(const Expr& e) {
    const auto step = begin<Rule::Sum>(e);
    std::vector<Expr> terms;
    terms.reserve(e.args().size());
    // With a trace, in the order the terms are written, so that the steps read naturally.
    if (trace_) {
      for (const Expr& t : terms_in_print_order(e)) terms.push_back(d(t));
    } else {
      for (const Expr& t : e.args()) terms.push_back(d(t));
    }
    return finish(step, add(terms));
  }

  Expr product(const Expr& e) {
    bool has_top = false, has_bottom = false;
    for (const Expr& f : e.args()) {
      if (!f.is_number()) (is_negative_power(f) ? has_bottom : has_top) = true;
    }
    const bool quotient = has_top && has_bottom;
    if (!trace_ && !quotient) return product_sum(e);
    auto [c, rest] = split_coefficient(e);
    if (!(c.is_one() && c.is_exact())) return constant_multiple(c, rest, e);
    if (!quotient) return product_rule(e);
    std::vector<Expr> top, bottom;
    for (const Expr& f : e.args()) (is_negative_power(f) ? bottom : top).push_back(f);
    return quotient_rule(e, mul(top), bottom);
  }

  // Without a trace: ∂/∂x (f1···fn) = Σ f1···∂fi/∂x···fn over the factors that depend
  // on x, each term built flat (no products of the remaining factors in between).
  Expr product_sum(const Expr& e) {
    const auto factors = e.args();
    std::vector<Expr> terms;
    terms.reserve(factors.size());
    std::vector<Expr> term(factors.begin(), factors.end());  // one copy, a factor swapped in turn
    for (std::size_t i = 0; i < factors.size(); ++i) {
      if (!depends(factors[i])) continue;
      term[i] = d(factors[i]);
      terms.push_back(mul(term));
      term[i] = factors[i];
    }
    return add(terms);
  }

  // ∂/∂x (c·g) = c·∂g/∂x
  Expr constant_multiple(const Number& c, const Expr& g, const Expr& e) {
    const auto step = begin<Rule::ConstantMultiple>(e);
    Expr dg = d(g);
    return finish(step, mul(number(c), dg), {.c = number(c), .g = g, .dg = dg});
  }

  // ∂/∂x (u·v) = u·∂v/∂x + v·∂u/∂x, with u the first factor and v the rest.
  Expr product_rule(const Expr& e) {
    const auto step = begin<Rule::Product>(e);
    // With a trace, u is the first factor as the product is written.
    const std::vector<Expr> factors =
        trace_ ? factors_in_print_order(e) : std::vector<Expr>(e.args().begin(), e.args().end());
    const Expr u = factors[0];
    const Expr v = mul(std::vector<Expr>(factors.begin() + 1, factors.end()));
    Expr du = d(u), dv = d(v);
    return finish(step, add(mul(u, dv), mul(v, du)), {.u = u, .v = v, .du = du, .dv = dv});
  }

  // ∂/∂x (u/v) = (v·∂u/∂x - u·∂v/∂x)/v^2
  Expr quotient_rule(const Expr& e, const Expr& u, const std::vector<Expr>& denominators) {
    const auto step = begin<Rule::Quotient>(e);
    std::vector<Expr> positive;
    for (const Expr& f : denominators) positive.push_back(pow(f.base(), neg(f.exponent())));
    const Expr v = mul(positive);
    Expr du = d(u), dv = d(v);
    Expr result = mul(sub(mul(v, du), mul(u, dv)), pow(v, integer(-2)));
    return finish(step, result, {.u = u, .v = v, .du = du, .dv = dv});
  }

  Expr power(const Expr& e) {
    const Expr& b = e.base();
    const Expr& x = e.exponent();
    if (!depends(x)) {
      if (b == var_) {  // ∂/∂x x^n = n·x^(n-1)
        const auto step = begin<Rule::Power>(e);
        return finish(step, mul(x, pow(b, minus_one(x))), {.n = x});
      }
      // Chain rule with the power rule outside: ∂/∂x u^n = n·u^(n-1)·∂u/∂x
      const auto step = begin<Rule::Chain>(e);
      Expr outer = mul(x, pow(b, minus_one(x)));
      Expr db = d(b);
      return finish(
          step, mul(outer, db),
          {.outer = trace_ ? pow(symbol("u"), x) : Expr(), .u = b, .df_du = outer, .du = db});
    }
    if (!depends(b)) {
      // ∂/∂x a^u = a^u·ln(a)·∂u/∂x (with ln(e) = 1)
      const Expr log_b = func(Fn::Ln, b);
      if (x == var_) {
        const auto step = begin<Rule::Exponential>(e);
        return finish(step, mul(e, log_b));
      }
      const auto step = begin<Rule::Chain>(e);
      Expr outer = mul(e, log_b);
      Expr dx = d(x);
      return finish(
          step, mul(outer, dx),
          {.outer = trace_ ? pow(b, symbol("u")) : Expr(), .u = x, .df_du = outer, .du = dx});
    }
    // b^g = e^(g·ln b): ∂/∂x b^g = b^g·(∂g/∂x·ln(b) + g·∂b/∂x/b)
    const auto step = begin<Rule::VariableExponent>(e);
    Expr db = d(b), dx = d(x);
    Expr result = mul(e, add(mul(dx, func(Fn::Ln, b)), mul({x, db, pow(b, integer(-1))})));
    return finish(step, result, {.b = b, .g = x, .db = db, .dg = dx});
  }

  // The table row of f; the chain rule when its argument is not the variable itself.
  Expr function(const Expr& e) {
    if (e.args().size() == 2) return two_argument_function(e);
    const FunctionInfo& f = function_info(e.fn());
    const Expr& u = e.arg(0);
    if (u == var_) {
      const auto step = begin<Rule::DerivativeTable>(e, {.row = {f.name, {}}});
      return finish(step, f.derivative(u));
    }
    const auto step = begin<Rule::Chain>(e);
    const Expr outer = f.derivative(u);
    Expr du = d(u);
    return finish(
        step, mul(outer, du),
        {.outer = trace_ ? func(e.fn(), symbol("u")) : Expr(), .u = u, .df_du = outer, .du = du});
  }

  // max(a, b), min(a, b): ∂f/∂x = ∂f/∂a·∂a/∂x + ∂f/∂b·∂b/∂x, the partials from the table.
  Expr two_argument_function(const Expr& e) {
    const auto step = begin<Rule::Chain>(e);
    const Expr& a = e.arg(0);
    const Expr& b = e.arg(1);
    const Expr fa = function_partial(e.fn(), e.args(), 0);
    const Expr fb = function_partial(e.fn(), e.args(), 1);
    Expr da = d(a), db = d(b);
    return finish(step, add(mul(fa, da), mul(fb, db)),
                  {.outer = trace_ ? func(e.fn(), symbol("u"), symbol("v")) : Expr(),
                   .u = a,
                   .v = b,
                   .df_du = fa,
                   .df_dv = fb,
                   .du = da,
                   .dv = db});
  }

  // Σ c(α)·ln(u − α) over the roots of P: ∂/∂u is Σ c(α)/(u − α), a rational function of
  // u (root_sum.h); then the chain rule.
  Expr root_sum_rule(const Expr& e) {
    const Expr& u = e.arg(0);
    const Expr outer = root_sum_derivative(e);
    if (u == var_) {
      const auto step = begin<Rule::DerivativeTable>(
          e, {.row = {"rootsum", "∂/∂x Σ c(α)·ln(x − α) = Σ c(α)/(x − α) over the roots α of P"}});
      return finish(step, outer);
    }
    const auto step = begin<Rule::Chain>(e);
    Expr du = d(u);
    const Expr named_u[] = {symbol("u")};
    const Expr at_u = trace_ ? detail::make_named(Kind::RootSum, e.name(), named_u) : Expr();
    return finish(step, mul(outer, du), {.outer = at_u, .u = u, .df_du = outer, .du = du});
  }

  // An undefined function, by the chain rule through each argument that holds x:
  // ∂/∂x f(g, h) = ∂f/∂g·∂g/∂x + ∂f/∂h·∂h/∂x, the partials ∂f/∂g kept as objects (call.h).
  Expr undefined_function(const Expr& e) {
    const auto args = e.args();
    const bool direct = std::all_of(args.begin(), args.end(),
                                    [this](const Expr& a) { return a == var_ || !depends(a); });
    return direct ? through_arguments<Rule::PartialDerivative>(e)
                  : through_arguments<Rule::ChainGeneral>(e);
  }

  template <Rule R>
  Expr through_arguments(const Expr& e) {
    const auto step = begin<R>(e);
    const auto args = e.args();
    std::vector<Expr> terms;
    PartsOf<R> parts;
    for (std::size_t i = 0; i < args.size(); ++i) {
      if (!depends(args[i])) continue;
      const Expr partial = call_derivative(e, i);
      Expr da = args[i] == var_ ? integer(1) : d(args[i]);
      terms.push_back(mul(partial, da));
      if (trace_) parts.terms.push_back({args[i], partial, da});
    }
    return finish(step, add(terms), std::move(parts));
  }

  Expr var_;
  Trace* trace_;
  // The maps hold their keys: the rules make new nodes (v = the rest of a product) that
  // must not die and be reborn at the same address while memoised.
  NodeMap<Expr> memo_;
  NodeMap<bool> depends_;
};

void require_symbol(const Expr& var) {
  if (!var.is(Kind::Symbol)) {
    throw Error(ErrorKind::Request, "can only differentiate with respect to a variable");
  }
}

}  // namespace

Expr diff(const Expr& e, const Expr& var, Trace* trace) {
  const DomainWitnesses::Pause derived;  // not the input as written
  require_symbol(var);
  return Differentiator(var, trace).d(e);
}

Expr derivative(const Expr& e, std::span<const Expr> vars, Trace* trace) {
  Expr result = e;
  for (const Expr& v : vars) {
    const Expr raw = diff(result, v, trace);
    result = trace ? simplify_with_steps(raw, *trace) : simplify(raw);
  }
  return result;
}

std::vector<Expr> gradient(const Expr& e, std::span<const Expr> vars) {
  std::vector<Expr> result;
  result.reserve(vars.size());
  for (const Expr& v : vars) result.push_back(simplify(diff(e, v)));
  return result;
}

std::vector<std::vector<Expr>> jacobian(std::span<const Expr> functions,
                                        std::span<const Expr> vars) {
  std::vector<std::vector<Expr>> rows;
  rows.reserve(functions.size());
  for (const Expr& f : functions) rows.push_back(gradient(f, vars));
  return rows;
}

std::vector<std::vector<Expr>> hessian(const Expr& e, std::span<const Expr> vars) {
  const std::vector<Expr> first = gradient(e, vars);
  std::vector<std::vector<Expr>> h(vars.size(), std::vector<Expr>(vars.size()));
  for (std::size_t i = 0; i < vars.size(); ++i) {
    for (std::size_t j = i; j < vars.size(); ++j) {
      h[i][j] = simplify(diff(first[i], vars[j]));
      h[j][i] = h[i][j];
    }
  }
  return h;
}

}  // namespace leibniz
