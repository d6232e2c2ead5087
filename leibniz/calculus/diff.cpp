#include "leibniz/calculus/diff.h"

#include <unordered_map>

#include "leibniz/calculus/simplify.h"
#include "leibniz/core/error.h"
#include "leibniz/core/limits.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/functions.h"

namespace leibniz {
namespace {

class Differentiator {
 public:
  explicit Differentiator(Expr var) : var_(std::move(var)) {}

  Expr d(const Expr& e) {
    tick();
    if (e.args().empty()) return e == var_ ? integer(1) : integer(0);
    if (auto it = memo_.find(e.node()); it != memo_.end()) return it->second;
    Expr result = d_uncached(e);
    memo_.emplace(e.node(), result);
    return result;
  }

 private:
  Expr d_uncached(const Expr& e) {
    switch (e.kind()) {
      case Kind::Add: {  // sum rule
        std::vector<Expr> terms;
        terms.reserve(e.args().size());
        for (const Expr& t : e.args()) terms.push_back(d(t));
        return add(std::move(terms));
      }
      case Kind::Mul: return product_rule(e);
      case Kind::Pow: return power_rule(e);
      case Kind::Func: {  // chain rule: f'(u) * u'
        Expr du = d(e.arg(0));
        if (du.is_zero()) return du;
        return mul(function_info(e.fn()).derivative(e.arg(0)), du);
      }
      default: return integer(0);
    }
  }

  // (f1 f2 ... fn)' = sum_i f1 ... fi' ... fn; a constant factor just stays.
  Expr product_rule(const Expr& e) {
    const auto factors = e.args();
    std::vector<Expr> terms;
    for (std::size_t i = 0; i < factors.size(); ++i) {
      Expr di = d(factors[i]);
      if (di.is_zero()) continue;
      std::vector<Expr> product(factors.begin(), factors.end());
      product[i] = di;
      terms.push_back(mul(std::move(product)));
    }
    return add(std::move(terms));
  }

  // (b^x)' = x b^(x-1) b'            if x does not depend on var (power rule),
  //        = b^x ln(b) x'            if b does not (exponential rule),
  //        = b^x (x' ln(b) + x b'/b)  otherwise.
  Expr power_rule(const Expr& e) {
    const Expr& b = e.base();
    const Expr& x = e.exponent();
    Expr db = d(b), dx = d(x);
    if (dx.is_zero()) {
      if (db.is_zero()) return integer(0);
      return mul({x, pow(b, add(x, integer(-1))), db});
    }
    Expr log_b = func(Fn::Ln, b);
    if (db.is_zero()) return mul({e, log_b, dx});
    return mul(e, add(mul(dx, log_b), mul({x, db, pow(b, integer(-1))})));
  }

  Expr var_;
  std::unordered_map<const Node*, Expr> memo_;
};

void require_symbol(const Expr& var) {
  if (!var.is(Kind::Symbol)) {
    throw Error(ErrorKind::Request, "can only differentiate with respect to a variable");
  }
}

}  // namespace

Expr diff(const Expr& e, const Expr& var) {
  require_symbol(var);
  return Differentiator(var).d(e);
}

Expr derivative(const Expr& e, std::span<const Expr> vars) {
  Expr result = e;
  for (const Expr& v : vars) result = simplify(diff(result, v));
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
