#include "leibniz/calculus/simplify.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <memory_resource>
#include <optional>
#include <span>
#include <unordered_map>

#include "leibniz/calculus/cancel.h"
#include "leibniz/calculus/expand.h"
#include "leibniz/calculus/polynomial.h"
#include "leibniz/calculus/simplify_cancel_bound.h"
#include "leibniz/calculus/simplify_expansion_bound.h"
#include "leibniz/core/limits.h"
#include "leibniz/core/stack_memory.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/domain_witnesses.h"
#include "leibniz/expr/node_map.h"

namespace leibniz {
namespace {

// Simplification only tries an expansion of moderate size.
constexpr std::size_t kExpansionBudget = 20'000;

Expr pythagorean(const Expr& sum);

// e^(ln u) = u and e^(c*ln u) = u^c, where ln u is defined.
Expr exp_of_log(const Expr& exponent) {
  if (exponent.is(Kind::Func) && exponent.fn() == Fn::Ln) return exponent.arg(0);
  if (exponent.is(Kind::Mul) && exponent.args().size() == 2 && exponent.arg(0).is_number() &&
      exponent.arg(1).is(Kind::Func) && exponent.arg(1).fn() == Fn::Ln) {
    return pow(exponent.arg(1).arg(0), exponent.arg(0));
  }
  return {};
}

SimplifyChoice choose(const Expr& e, class Rewriter& rewriter);

bool is_abs(const Expr& e) { return e.is(Kind::Func) && e.fn() == Fn::Abs; }

// u^(2k)·|u|^m = |u|^(2k+m): an even power of u is one of |u|, so a product that has
// both collects them (x^2/|x| = |x|).
Expr absolute_powers(const Expr& product) {
  if (!product.is(Kind::Mul)) return product;
  auto base_of = [](const Expr& f) -> const Expr& { return f.is(Kind::Pow) ? f.base() : f; };
  std::vector<Expr> under_abs;  // u for each |u| (or power of it) among the factors
  for (const Expr& f : product.args()) {
    if (is_abs(base_of(f))) under_abs.push_back(base_of(f).arg(0));
  }
  if (under_abs.empty()) return product;  // most products
  std::vector<Expr> rewritten(product.args().begin(), product.args().end());
  bool changed = false;
  for (Expr& f : rewritten) {
    if (!f.is(Kind::Pow) || !f.exponent().is_integer()) continue;
    const bool even = f.exponent().number().is_even();
    if (!even || std::ranges::find(under_abs, f.base()) == under_abs.end()) continue;
    f = pow(func(Fn::Abs, f.base()), f.exponent());
    changed = true;
  }
  return changed ? mul(rewritten) : product;
}

class Rewriter {
 public:
  // Applies the identities bottom-up; function arguments and non-integer powers are
  // simplified completely, sums and products keep their structure for the final choice.
  Expr rewrite(const Expr& e) {
    tick();
    if (e.args().empty()) return e;
    if (const Expr* known = rewritten_.find(e)) return *known;
    Expr result = rewrite_uncached(e);
    rewritten_.insert(e, result);
    return result;
  }

  // simplify(e), shared by every place in the expression where e occurs.
  Expr simplify(const Expr& e) {
    if (e.args().empty()) return e;
    if (const Expr* known = simplified_.find(e)) return *known;
    Expr result = choose(e, *this).result;
    simplified_.insert(e, result);
    return result;
  }

 private:
  // Most subexpressions are already simple: when no part changes, the node is kept
  // rather than rebuilt (rebuilding a long sum sorts it again).
  Expr rewrite_uncached(const Expr& e) {
    switch (e.kind()) {
      case Kind::Func: {
        if (e.args().size() == 2) {  // max, min
          const Expr a = simplify(e.arg(0)), b = simplify(e.arg(1));
          return a == e.arg(0) && b == e.arg(1) ? e : func(e.fn(), a, b);
        }
        Expr arg = simplify(e.arg(0));
        // ln(e^u) = u for every real u.
        if (e.fn() == Fn::Ln && arg.is(Kind::Pow) && arg.base().is_e()) return arg.exponent();
        return arg == e.arg(0) ? e : func(e.fn(), arg);
      }
      case Kind::Pow: {
        Expr exponent = simplify(e.exponent());
        Expr base = e.exponent().is_integer() ? rewrite(e.base()) : simplify(e.base());
        if (base.is_e()) {
          if (Expr inner = exp_of_log(exponent); !inner.is_null()) return inner;
        }
        // |u|^(2k) = u^(2k) for every real u: d/dx ln|u| = u·u′/|u|² then cancels to u′/u.
        if (is_abs(base) && exponent.is_integer() && exponent.number().is_even()) {
          return pow(base.arg(0), exponent);
        }
        return base == e.base() && exponent == e.exponent() ? e : pow(base, exponent);
      }
      case Kind::Add: {
        Rewritten terms;
        if (!rewrite_all(e.args(), terms.args)) return pythagorean(e);
        return pythagorean(add(std::span<const Expr>(terms.args)));
      }
      case Kind::Mul: {
        Rewritten factors;
        if (!rewrite_all(e.args(), factors.args)) return absolute_powers(e);
        return absolute_powers(mul(std::span<const Expr>(factors.args)));
      }
      case Kind::Call:
      case Kind::RootSum: {  // an opaque atom: only its arguments simplify
        std::vector<Expr> args;
        bool changed = false;
        for (const Expr& a : e.args()) {
          args.push_back(simplify(a));
          changed |= args.back() != a;
        }
        return changed ? detail::make_named(e.kind(), e.name(), args) : e;
      }
      default: return e;
    }
  }

  // The rewritten arguments of a sum or product, in stack memory while they are few.
  struct Rewritten {
    StackMemory<512> scratch;
    std::pmr::vector<Expr> args{&scratch.memory};
  };

  // The rewritten args; false if every one is unchanged.
  bool rewrite_all(std::span<const Expr> args, std::pmr::vector<Expr>& out) {
    out.reserve(args.size());
    bool changed = false;
    for (const Expr& a : args) {
      out.push_back(rewrite(a));
      changed |= out.back() != a;
    }
    return changed;
  }

  NodeMap<Expr> rewritten_;
  NodeMap<Expr> simplified_;
};

bool is_square_of(const Expr& factor, Fn fn) {
  return factor.is(Kind::Pow) && factor.exponent().is_integer() &&
         factor.exponent().number().to_long() == 2 && factor.base().is(Kind::Func) &&
         factor.base().fn() == fn;
}

// True if some term has a factor sin(u)^2 and some term a factor cos(v)^2.
bool has_squares_of_sin_and_cos(const Expr& sum) {
  bool sin_square = false, cos_square = false;
  for (const Expr& term : sum.args()) {
    const auto factors = term.is(Kind::Mul) ? term.args() : std::span<const Expr>(&term, 1);
    for (const Expr& f : factors) {
      sin_square |= is_square_of(f, Fn::Sin);
      cos_square |= is_square_of(f, Fn::Cos);
    }
  }
  return sin_square && cos_square;
}

// c*R*sin(u)^2 + c*R*cos(u)^2 = c*R.
Expr pythagorean(const Expr& sum) {
  if (!sum.is(Kind::Add) || !has_squares_of_sin_and_cos(sum)) return sum;
  struct Match {
    std::size_t sin_term = SIZE_MAX, cos_term = SIZE_MAX;
    Expr replacement;
  };
  std::unordered_map<std::string, Match> matches;
  const auto terms = sum.args();
  for (std::size_t i = 0; i < terms.size(); ++i) {
    auto [c, rest] = split_coefficient(terms[i]);
    std::vector<Expr> factors = rest.is(Kind::Mul)
                                    ? std::vector<Expr>(rest.args().begin(), rest.args().end())
                                    : std::vector<Expr>{rest};
    for (std::size_t k = 0; k < factors.size(); ++k) {
      const bool is_sin = is_square_of(factors[k], Fn::Sin);
      if (!is_sin && !is_square_of(factors[k], Fn::Cos)) continue;
      const Expr u = factors[k].base().arg(0);
      std::vector<Expr> others = factors;
      others.erase(others.begin() + static_cast<long>(k));
      others.push_back(number(c));
      Expr remainder = mul(others);
      const std::string key = fmt::format("{}/{}", static_cast<const void*>(remainder.node()),
                                          static_cast<const void*>(u.node()));
      Match& m = matches[key];
      (is_sin ? m.sin_term : m.cos_term) = i;
      m.replacement = remainder;
    }
  }
  std::vector<bool> dropped(terms.size(), false);
  std::vector<Expr> result;
  for (auto& [key, m] : matches) {
    if (m.sin_term == SIZE_MAX || m.cos_term == SIZE_MAX) continue;
    if (dropped[m.sin_term] || dropped[m.cos_term]) continue;
    dropped[m.sin_term] = dropped[m.cos_term] = true;
    result.push_back(m.replacement);
  }
  if (result.empty()) return sum;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    if (!dropped[i]) result.push_back(terms[i]);
  }
  return pythagorean(add(result));
}

double tree_size_memo(const Expr& e, NodeMap<double>& memo) {
  if (e.args().empty()) return 1;
  if (const double* known = memo.find(e)) return *known;
  double size = 1;
  for (const Expr& a : e.args()) size += tree_size_memo(a, memo);
  size = std::min(size, 1e15);
  memo.insert(e, size);
  return size;
}

std::optional<Expr> try_expand(const Expr& e) {
  TermBudget budget(kExpansionBudget);
  try {
    return expand(e);
  } catch (const TermLimitExceeded&) {
    return std::nullopt;
  }
}

// Beyond this many distinct denominators a single fraction is never the smaller form,
// and computing it costs more than everything else.
constexpr std::size_t kMaxDenominatorsToCombine = 24;

// What the rational structure (sums, products, integer powers; not the insides of
// function calls) holds: unexpanded products of sums, and denominators.
struct Shape {
  bool unexpanded = false;
  NodeSet denominators;
  // Nothing more can change the choice: it is unexpanded and has more denominators
  // than a common denominator is tried for.
  bool settled() const { return unexpanded && denominators.size() > kMaxDenominatorsToCombine; }
};

void shape_of(const Expr& e, Shape& shape, NodeSet& seen) {
  // Only sums, products and powers hold anything here; the rest are not even marked seen.
  if (!e.is(Kind::Add) && !e.is(Kind::Mul) && !e.is(Kind::Pow)) return;
  if (shape.settled() || !seen.insert(e)) return;
  if (e.is(Kind::Add)) {
    for (const Expr& t : e.args()) shape_of(t, shape, seen);
  } else if (e.is(Kind::Mul)) {
    for (const Expr& f : e.args()) {
      shape.unexpanded |=
          f.is(Kind::Add) || (f.is(Kind::Pow) && f.base().is(Kind::Add) &&
                              f.exponent().is_integer() && f.exponent().number().is_positive());
      shape_of(f, shape, seen);
    }
  } else if (e.is(Kind::Pow) && e.exponent().is_integer()) {
    if (e.exponent().number().is_negative()) {
      shape.denominators.insert(e.base());
    } else if (e.base().is(Kind::Add)) {
      shape.unexpanded = true;
    }
    shape_of(e.base(), shape, seen);
  }
}

// Beyond this size an expansion is never the smaller form in practice (a derivative of
// a long sum), and trying it costs more than everything else.
constexpr double kMaxSizeToExpand = 2'000;

// The written-out size of e if it is at most `limit`, counted node by node without a
// memo (exact: a node met twice is written twice); nullopt past the limit.
std::optional<double> small_tree_size(const Expr& e, double limit) {
  double counted = 0;
  auto count = [&](const Expr& node, auto& self) -> bool {
    if (++counted > limit) return false;
    for (const Expr& a : node.args()) {
      if (!self(a, self)) return false;
    }
    return true;
  };
  if (!count(e, count)) return std::nullopt;
  return counted;
}

// Most expressions simplify weighs are this small; larger ones (a DAG may write out
// huge) are measured through the memo.
constexpr double kCountedWithoutMemo = 256;

}  // namespace

double tree_size(const Expr& e) {
  if (const auto size = small_tree_size(e, kCountedWithoutMemo)) return *size;
  NodeMap<double> memo;
  return tree_size_memo(e, memo);
}

namespace {

SimplifyChoice choose(const Expr& e, Rewriter& rewriter) {
  SimplifyChoice choice;
  choice.rewritten = e.args().empty() ? e : rewriter.rewrite(e);
  choice.result = choice.rewritten;
  const Expr& r = choice.rewritten;
  if (!r.is(Kind::Add) && !r.is(Kind::Mul) && !r.is(Kind::Pow)) return choice;
  std::optional<double> rewritten_size;  // measured only when a candidate is weighed
  auto size_of_rewritten = [&] {
    if (!rewritten_size) rewritten_size = tree_size(r);
    return *rewritten_size;
  };
  std::optional<double> best_size;
  auto consider = [&](std::optional<Expr> candidate, SimplifyChoice::Form form) {
    if (!candidate) return;
    Expr c = pythagorean(*candidate);
    const double size = tree_size(c);
    if (!best_size) best_size = size_of_rewritten();
    if (size < *best_size) {
      choice.result = c;
      choice.form = form;
      best_size = size;
    }
  };
  Shape shape;
  NodeSet seen;
  shape_of(r, shape, seen);
  // Without products of sums, expanding changes nothing; without denominators,
  // cancelling only expands. A candidate whose size the form bounds from below by the
  // expression's own is not computed.
  if (shape.unexpanded && tree_size_at_most(r, kMaxSizeToExpand) &&
      !expansion_cannot_be_smaller(r, size_of_rewritten())) {
    consider(try_expand(r), SimplifyChoice::Form::Expanded);
  }
  if (!shape.denominators.empty() && shape.denominators.size() <= kMaxDenominatorsToCombine &&
      !cancel_cannot_be_smaller(r, size_of_rewritten())) {
    consider(cancel(r), SimplifyChoice::Form::Cancelled);
  }
  return choice;
}

}  // namespace

SimplifyChoice simplify_choice(const Expr& e) {
  Rewriter rewriter;
  return choose(e, rewriter);
}

Expr simplify(const Expr& e) {
  const DomainWitnesses::Pause derived;  // not the input as written
  return simplify_choice(e).result;
}

}  // namespace leibniz
