#include "leibniz/expr/symbols.h"

#include <algorithm>
#include <unordered_set>

namespace leibniz {

std::vector<Expr> free_symbols(const Expr& e) {
  std::vector<Expr> result;
  std::unordered_set<const Node*> seen;
  std::vector<Expr> stack{e};
  while (!stack.empty()) {
    Expr x = stack.back();
    stack.pop_back();
    if (!seen.insert(x.node()).second) continue;
    if (x.is(Kind::Symbol)) result.push_back(x);
    for (const Expr& a : x.args()) stack.push_back(a);
  }
  std::sort(result.begin(), result.end(),
            [](const Expr& a, const Expr& b) { return a.name() < b.name(); });
  return result;
}

}  // namespace leibniz
