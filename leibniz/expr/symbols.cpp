#include "leibniz/expr/symbols.h"

#include <algorithm>
#include <memory_resource>

#include "leibniz/core/stack_memory.h"
#include "leibniz/expr/node_map.h"

namespace leibniz {

std::vector<Expr> free_symbols(const Expr& e) {
  std::vector<Expr> result;
  result.reserve(4);
  // Only nodes with arguments are marked seen (a small expression's fit in the set
  // itself); a symbol met again is found among the few in the result.
  NodeSet seen;
  StackMemory<512> scratch;
  std::pmr::vector<Expr> stack(&scratch.memory);
  stack.reserve(32);
  stack.push_back(e);
  while (!stack.empty()) {
    Expr x = std::move(stack.back());
    stack.pop_back();
    if (x.is(Kind::Symbol)) {
      if (std::find(result.begin(), result.end(), x) == result.end()) result.push_back(x);
      continue;
    }
    if (x.args().empty() || !seen.insert(x)) continue;
    for (const Expr& a : x.args()) stack.push_back(a);
  }
  std::sort(result.begin(), result.end(),
            [](const Expr& a, const Expr& b) { return a.name() < b.name(); });
  return result;
}

}  // namespace leibniz
