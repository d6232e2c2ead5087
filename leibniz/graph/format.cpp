#include "leibniz/graph/format.h"

#include <fmt/format.h>

#include <string_view>
#include <vector>

#include "leibniz/expr/print.h"
#include "leibniz/graph/evaluate.h"
#include "leibniz/graph/symbolic.h"

namespace leibniz::graph {
namespace {

// An equation printed longer than this that is a sum is summarised (format_equation).
constexpr std::size_t kLongEquation = 200;

// A long printed sum (over many time steps) as its first terms, its last and how many:
// "h_1² + h_2² + h_3² + … + h_400² (400 terms)". Cut at the signs between its terms
// (outside parentheses), as printed.
std::string summarised_sum(const std::string& printed, std::size_t terms) {
  std::vector<std::size_t> cuts;  // where " + " or " - " or " − " starts a term
  int depth = 0;
  for (std::size_t i = 0; i + 2 < printed.size(); ++i) {
    const char c = printed[i];
    depth += (c == '(' || c == '[') - (c == ')' || c == ']');
    if (depth != 0 || c != ' ') continue;
    const std::string_view next = std::string_view(printed).substr(i + 1);
    if (next.starts_with("+ ") || next.starts_with("- ") || next.starts_with("− "))
      cuts.push_back(i);
  }
  if (cuts.size() < 4) return printed;
  std::size_t head = 0;  // the last cut that keeps the head within kLongEquation / 2
  while (head + 1 < cuts.size() - 1 && cuts[head + 1] < kLongEquation / 2) ++head;
  return fmt::format("{} + …{} ({} terms)", printed.substr(0, cuts[head]),
                     printed.substr(cuts.back()), terms);
}

}  // namespace

std::string format_double(double v) { return fmt::format("{:.10g}", v); }

std::string format_value(const Expr& value) {
  if (value.is_number()) {
    const Number& v = value.number();
    if (v.is_float()) return format_double(v.to_double());
    if (v.is_integer()) return v.to_string();
    return fmt::format("{} ({})", v.to_string(), format_double(to_double(value)));
  }
  return fmt::format("{} ({})", print_text(value), format_double(to_double(value)));
}

std::string format_equation(const Graph& graph, NodeId n) {
  const GraphNode& node = graph.node(n);
  const std::string lhs = display_name(node.name);
  if (node.kind == NodeKind::Call) {
    return fmt::format("{} = {}({})", lhs, node.function(), print_unicode(node.argument()));
  }
  const Expr body = graph.body(n);
  std::string rhs = print_unicode(body);
  if (rhs.size() > kLongEquation && body.is(Kind::Add))
    rhs = summarised_sum(rhs, body.args().size());
  return fmt::format("{} = {}", lhs, rhs);
}

}  // namespace leibniz::graph
