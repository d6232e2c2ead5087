#include "leibniz/expr/symbols.h"

#include <algorithm>

#include "leibniz/expr/node_map.h"

namespace leibniz {

std::vector<Expr> free_symbols(const Expr& e) {
  std::vector<Expr> result;
  NodeSet seen;  // a small expression's nodes fit in the set itself: no hash node each
  std::vector<Expr> stack{e};
  while (!stack.empty()) {
    Expr x = std::move(stack.back());
    stack.pop_back();
    if (!seen.insert(x)) continue;
    if (x.is(Kind::Symbol)) result.push_back(x);
    for (const Expr& a : x.args()) stack.push_back(a);
  }
  std::sort(result.begin(), result.end(),
            [](const Expr& a, const Expr& b) { return a.name() < b.name(); });
  return result;
}

}  // namespace leibniz
