#include "leibniz/expr/substitute.h"

#include "leibniz/core/limits.h"
#include "leibniz/expr/builders.h"

namespace leibniz {
namespace {

class Substituter {
 public:
  explicit Substituter(const Substitution& values) : values_(values) {}

  Expr run(const Expr& e) {
    tick();
    if (auto it = values_.find(e.node()); it != values_.end()) return it->second;
    if (e.args().empty()) return e;
    if (auto it = memo_.find(e.node()); it != memo_.end()) return it->second;
    std::vector<Expr> args;
    args.reserve(e.args().size());
    bool changed = false;
    for (const Expr& a : e.args()) {
      args.push_back(run(a));
      changed |= args.back() != a;
    }
    Expr result = changed ? rebuild(e, std::move(args)) : e;  // an untouched part stays
    memo_.emplace(e.node(), result);
    return result;
  }

 private:
  const Substitution& values_;
  std::unordered_map<const Node*, Expr> memo_;
};

}  // namespace

Expr rebuild(const Expr& e, std::vector<Expr> args) {
  switch (e.kind()) {
    case Kind::Add: return add(args);
    case Kind::Mul: return mul(args);
    case Kind::Pow: return pow(args[0], args[1]);
    case Kind::Func: return func(e.fn(), args);
    case Kind::Call:  // same function and slots
    case Kind::RootSum: return detail::make_named(e.kind(), e.name(), args);  // same roots
    default: return e;
  }
}

Expr substitute(const Expr& e, const Substitution& values) { return Substituter(values).run(e); }

}  // namespace leibniz
