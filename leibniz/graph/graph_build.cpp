// Building the graph of a model file: names, user functions, calls, edges with local
// derivatives, and the checks (undefined names, redefinitions, one loss, no cycle).
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "leibniz/calculus/diff.h"
#include "leibniz/core/names.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/parse.h"
#include "leibniz/expr/print.h"
#include "leibniz/expr/substitute.h"
#include "leibniz/graph/graph.h"
#include "leibniz/graph/statement_forms.h"

namespace leibniz::graph {
namespace {

// e with every occurrence of the subexpression `from` replaced by `to`.
Expr replace_subexpression(const Expr& e, const Expr& from, const Expr& to,
                           std::unordered_map<const Node*, Expr>& memo) {
  if (e == from) return to;
  if (e.args().empty()) return e;
  if (auto hit = memo.find(e.node()); hit != memo.end()) return hit->second;
  std::vector<Expr> args;
  bool changed = false;
  for (const Expr& a : e.args()) {
    args.push_back(replace_subexpression(a, from, to, memo));
    changed |= !(args.back() == a);
  }
  Expr result = changed ? rebuild(e, std::move(args)) : e;
  memo.emplace(e.node(), result);
  return result;
}

Expr fold(const Expr& e, const Expr& from, const Expr& to) {
  std::unordered_map<const Node*, Expr> memo;
  return replace_subexpression(e, from, to, memo);
}

// A sum of more terms than this gets its local derivatives term by term (wide_sum_edges).
constexpr std::size_t kWideSum = 16;

// The offset in the expanded text of the first use of `name` as a whole word.
std::size_t find_word(std::string_view text, std::string_view name) {
  for (std::size_t at = text.find(name); at != std::string_view::npos;
       at = text.find(name, at + 1)) {
    const bool before = at == 0 || !is_name_char(text[at - 1]);
    const bool after = at + name.size() >= text.size() || !is_name_char(text[at + name.size()]);
    if (before && after) return at;
  }
  return 0;
}

}  // namespace

// A function the model file defines. Outside the anonymous namespace, as GraphBuilder
// (a friend of Graph, so not file-local) holds them.
struct UserFunction {
  const FunctionStatement* def = nullptr;
  const FunctionStatement* deriv = nullptr;
  std::vector<Expr> params;  // the argument symbols
  Expr body;                 // over params, other user functions inlined
  Expr derivative;           // deriv: over the one param
};

class GraphBuilder {
 public:
  GraphBuilder(ModelFile model, const BuildOptions& options)
      : model_(std::move(model)), options_(options), source_(model_.source) {}

  Graph build() {
    graph_.source_ = model_.source;
    declare();
    functions();
    const auto read = [this](std::size_t i) {
      equation(i);
      model_.statements[i].expr.reset();  // read once
      remember(static_cast<NodeId>(i));   // the next step reads it, most likely
    };
    if (model_.texts == Texts::Dropped) {
      read_equation_texts(model_, [&](std::size_t i, Expanded text) {
        model_.statements[i].expr = std::make_unique<Expanded>(std::move(text));
        read(i);
      });
    } else {
      for (std::size_t i = 0; i < model_.statements.size(); ++i) read(i);
    }
    sort();
    return std::move(graph_);
  }

 private:
  Error error(std::size_t offset, std::string_view message) const {
    return source_.error(ErrorKind::Parse, offset, message);
  }
  std::size_t line_of(std::size_t offset) const { return source_.locate(offset).line; }

  NodeId add_node(GraphNode node) {
    const auto id = static_cast<NodeId>(graph_.nodes_.size());
    graph_.add_name(node.name, id);
    graph_.nodes_.push_back(std::move(node));
    return id;
  }

  // Every name first, so that equations may use names defined further down.
  void declare() {
    std::optional<std::size_t> loss;
    // One node per statement, and a few for calls when there are functions to call: no
    // doubling of a million nodes.
    const std::size_t calls = model_.functions.empty() ? 0 : model_.statements.size() / 8;
    graph_.nodes_.reserve(model_.statements.size() + calls);
    graph_.names_.reserve(model_.statements.size());
    for (Statement& s : model_.statements) {
      const auto id = static_cast<NodeId>(graph_.nodes_.size());
      if (auto [seen, added] = graph_.add_name(s.name, id); !added) {
        throw error(s.name_at, fmt::format("'{}' is already defined at line {}", s.name,
                                           line_of(graph_.nodes_[seen].at)));
      }
      GraphNode& node = graph_.nodes_.emplace_back();
      node.name = s.name;
      // A large model's equations get theirs on demand (Graph::symbol).
      if (!is_large() || s.role != Role::Node) node.symbol = symbol(s.name);
      node.at = s.name_at;
      // Read from the graph from now on; an equation has no value of its own.
      if (s.role == Role::Param || s.role == Role::Input || s.role == Role::Target)
        node.details().initial = std::move(*s.value);
      node.kind = s.role == Role::Param    ? NodeKind::Param
                  : s.role == Role::Input  ? NodeKind::Input
                  : s.role == Role::Target ? NodeKind::Target
                                           : NodeKind::Equation;
      node.is_loss = s.role == Role::Loss;
      if (node.is_loss) {
        if (loss) {
          throw error(s.name_at, fmt::format("a second loss '{}'; the loss is '{}' at line {}",
                                             s.name, model_.statements[*loss].name,
                                             line_of(model_.statements[*loss].name_at)));
        }
        loss = static_cast<std::size_t>(&s - model_.statements.data());
        graph_.loss_ = id;
      }
    }
    if (!loss) throw error(0, "no loss: add a line 'loss NAME = EXPRESSION'");
  }

  // def and deriv lines, in the order written: a def may call the defs above it.
  void functions() {
    for (const FunctionStatement& f : model_.functions) {
      if (const std::optional<NodeId> other = graph_.find(f.name)) {
        throw error(f.name_at, fmt::format("'{}' is already defined at line {}", f.name,
                                           line_of(graph_.nodes_[*other].at)));
      }
      auto found = functions_.find(f.name);
      if (!f.is_deriv) {
        if (found != functions_.end()) {
          throw error(f.name_at, fmt::format("'{}' is already defined at line {}", f.name,
                                             line_of(found->second.def->name_at)));
        }
        UserFunction u;
        u.def = &f;
        for (const std::string& p : f.params) u.params.push_back(symbol(p));
        u.body = function_body(f, u.params);
        functions_.emplace(f.name, std::move(u));
        continue;
      }
      if (found == functions_.end()) {
        throw error(f.name_at, fmt::format("deriv for unknown function '{}': define it first "
                                           "with 'def {}(t) = ...'",
                                           f.name, f.name));
      }
      UserFunction& u = found->second;
      if (u.deriv) {
        throw error(f.name_at, fmt::format("a second deriv for '{}'; the first is at line {}",
                                           f.name, line_of(u.deriv->name_at)));
      }
      if (f.params.size() != 1 || u.params.size() != 1) {
        throw error(f.name_at, fmt::format("deriv overrides functions of one argument; '{}' "
                                           "takes {}",
                                           f.name, u.params.size()));
      }
      u.deriv = &f;
      const Expr t = symbol(f.params[0]);
      u.derivative = function_body(f, {t});
    }
  }

  // A def or deriv body: its arguments only, calls of earlier defs inlined.
  Expr function_body(const FunctionStatement& f, const std::vector<Expr>& params) {
    ParseOptions options;
    options.undefined_functions = false;  // a model computes: every function is defined
    options.user_function = [this](std::string_view name, const std::vector<Expr>& args) {
      return inline_call(name, args);
    };
    options.is_function_name = [this](std::string_view name) {
      return functions_.count(std::string(name)) != 0;
    };
    const Expr body = parse(f.body, options);
    for (const Expr& s : free_symbols(body)) {
      bool is_param = false;
      for (const Expr& p : params) is_param |= p == s;
      if (!is_param) {
        throw error(f.body.offset_of(find_word(f.body.text, s.name())),
                    fmt::format("'{}' is not an argument of '{}'; a function body uses only its "
                                "arguments",
                                s.name(), f.name));
      }
    }
    return body;
  }

  std::optional<Expr> inline_call(std::string_view name, const std::vector<Expr>& args) {
    auto found = functions_.find(std::string(name));
    if (found == functions_.end()) return std::nullopt;
    const UserFunction& u = found->second;
    if (args.size() != u.params.size()) {
      throw Error(ErrorKind::Parse,
                  fmt::format("'{}' takes {} argument{}, not {}", name, u.params.size(),
                              u.params.size() == 1 ? "" : "s", args.size()));
    }
    Substitution map;
    for (std::size_t i = 0; i < args.size(); ++i) map.emplace(u.params[i].node(), args[i]);
    return substitute(u.body, map);
  }

  Expr parse(const Expanded& text, const ParseOptions& options) const {
    try {
      return parse_text(text.text, options);
    } catch (const Error& e) {
      throw source_.error(e.kind(), text.offset_of(e.pos().value_or(0)), e.what());
    }
  }

  // The right-hand side of an equation: calls of one-argument user functions become
  // call nodes, shared by every equation that makes the same call.
  void equation(std::size_t index) {
    const Statement& s = model_.statements[index];
    if (s.role != Role::Node && s.role != Role::Loss) return;
    const auto id = static_cast<NodeId>(index);
    std::vector<NodeId> created;
    ParseOptions options;
    options.undefined_functions = false;
    options.user_function = [&](std::string_view name,
                                const std::vector<Expr>& args) -> std::optional<Expr> {
      auto found = functions_.find(std::string(name));
      if (found == functions_.end() || args.size() != 1 || found->second.params.size() != 1) {
        return inline_call(name, args);
      }
      return call(found->second, args[0], s, created);
    };
    options.is_function_name = [this](std::string_view name) {
      return functions_.count(std::string(name)) != 0;
    };
    std::optional<Expr> formed;  // a large model without defs: its steps read once per form
    if (is_large() && functions_.empty()) {
      if (std::optional<StatementForms::Match> m =
              forms_.match(s.expr->text, name_index_, options)) {
        if (!is_wide_sum(m->form)) return formed_equation(id, *m);
        std::vector<const Expr*> symbols;
        for (const std::uint32_t name : m->names) symbols.push_back(&graph_.symbol(name));
        formed = forms_.expr(*m, symbols);
      }
    }
    const Expr body = formed ? *std::move(formed) : parse(*s.expr, options);
    for (const Expr& sym : free_symbols(body)) {
      if (!graph_.find(sym.name())) {
        throw error(s.expr->offset_of(find_word(s.expr->text, sym.name())),
                    fmt::format("undefined name '{}'", sym.name()));
      }
    }
    // `z1 = psi(t1)`: z1 is the call itself.
    if (created.size() == 1 && body == graph_.nodes_[created.back()].symbol &&
        created.back() + 1 == graph_.nodes_.size()) {
      GraphNode call_node = std::move(graph_.nodes_.back());
      graph_.names_.erase(call_node.name, [this](NodeId n) { return graph_.name_of(n); });
      graph_.nodes_.pop_back();
      calls_.erase({call_node.function(), call_node.argument().node()});
      GraphNode& named = graph_.nodes_[id];
      graph_.symbol(id);  // a call keeps its symbol: its override's formulas hold it
      named.kind = NodeKind::Call;
      NodeDetails& details = named.details();
      details = std::move(call_node.details());
      named.body = call_node.body;
      if (details.override_derivative) {
        details.override_derivative->used =
            fold(details.override_derivative->used, call_node.symbol, named.symbol);
        details.override_derivative->exact =
            fold(details.override_derivative->exact, call_node.symbol, named.symbol);
      }
      calls_[{details.function, details.argument.node()}] = id;
      call_edges(id);
      return;
    }
    graph_.nodes_[id].body = body;
    equation_edges(id);
  }

  Expr call(const UserFunction& u, const Expr& arg, const Statement& s,
            std::vector<NodeId>& created) {
    const std::string& name = u.def->name;
    // Checked here, before the call's edges look its argument's names up: thrown with its
    // place in the expanded text, which parse() turns into the file's line and column.
    for (const Expr& sym : free_symbols(arg)) {
      if (!graph_.find(sym.name())) {
        throw Error(ErrorKind::Parse, fmt::format("undefined name '{}'", sym.name()),
                    find_word(s.expr->text, sym.name()));
      }
    }
    if (auto seen = calls_.find({name, arg.node()}); seen != calls_.end()) {
      return graph_.nodes_[seen->second].symbol;
    }
    GraphNode node;
    node.name = fmt::format("{}({})", name, print_text(arg));
    node.kind = NodeKind::Call;
    node.hidden = true;
    node.symbol = symbol(node.name);
    node.details().function = name;
    node.details().argument = arg;
    node.at = s.name_at;
    Substitution at_arg;
    at_arg.emplace(u.params[0].node(), arg);
    node.body = substitute(u.body, at_arg);
    if (u.deriv && options_.use_overrides) {
      Substitution at_t;
      at_t.emplace(symbol(u.deriv->params[0]).node(), arg);
      Override o;
      o.used = fold(substitute(u.derivative, at_t), node.body, node.symbol);
      o.exact = fold(substitute(diff(u.body, u.params[0]), at_arg), node.body, node.symbol);
      o.written = u.deriv->body.text;
      node.details().override_derivative = std::move(o);
    }
    const NodeId id = add_node(std::move(node));
    calls_[{name, arg.node()}] = id;
    created.push_back(id);
    call_edges(id);
    return graph_.nodes_[id].symbol;
  }

  NodeId id_of(const Expr& sym) const { return *graph_.find(sym.name()); }

  // Whether the model is past the small models' line (graph.h): its equations share shapes.
  bool is_large() const { return model_.statements.size() > kMaxExactNodes; }

  // The symbol of a node a step reads, to order the step's symbols: the node's own, or
  // made for the moment and kept in a few slots, where the next steps find w and b
  // again, so that no symbol is kept per step.
  const Expr& step_symbol(NodeId id) {
    if (!graph_.nodes_[id].symbol.is_null()) return graph_.nodes_[id].symbol;
    auto& [owner, made] = step_symbols_[id % step_symbols_.size()];
    if (owner != id || made.is_null()) {
      owner = id;
      made = symbol(graph_.nodes_[id].name);
    }
    return made;
  }
  std::array<std::pair<NodeId, Expr>, 16> step_symbols_{};

  static bool is_wide_sum(const Expr& body) {
    return body.is(Kind::Add) && body.args().size() > kWideSum;
  }

  void equation_edges(NodeId id) {
    GraphNode& n = graph_.nodes_[id];
    const std::vector<Expr> symbols = free_symbols(n.body);
    const std::size_t first = graph_.edges_.size();
    if (is_wide_sum(n.body)) {
      wide_sum_edges(n, symbols);
    } else if (!is_large()) {
      for (const Expr& sym : symbols) {
        add_edge(id_of(sym), fold(diff(n.body, sym), n.body, graph_.symbol(id)));
      }
    } else {
      shaped_edges(id, symbols);
    }
    close_edges(id, first);
  }

  // An edge to `from` with its local derivative, for a node without a shape.
  void add_edge(NodeId from, Expr local) {
    graph_.edges_.push_back(Edge{from, static_cast<std::uint32_t>(graph_.locals_.size())});
    graph_.locals_.push_back(std::move(local));
  }

  // Node id's edges are those added since `first`: sorted by the node they read.
  void close_edges(NodeId id, std::size_t first) {
    std::sort(graph_.edges_.begin() + static_cast<std::ptrdiff_t>(first), graph_.edges_.end(),
              [](const Edge& a, const Edge& b) { return a.from < b.from; });
    graph_.nodes_[id].first_edge = static_cast<std::uint32_t>(first);
    graph_.nodes_[id].edge_count = static_cast<std::uint32_t>(graph_.edges_.size() - first);
  }

  // A sum of many terms (a loss summed over time steps) differentiated by each symbol
  // from the terms that contain it: ∂(t_1 + … + t_n)/∂s drops the terms without s, so
  // this is diff(body, s) without walking every term once per symbol (quadratic).
  void wide_sum_edges(GraphNode& n, const std::vector<Expr>& symbols) {
    const Expr& own = graph_.symbol(static_cast<NodeId>(&n - graph_.nodes_.data()));
    std::unordered_map<const Node*, std::vector<Expr>> terms_of;
    for (const Expr& term : n.body.args()) {
      for (const Expr& sym : free_symbols(term)) terms_of[sym.node()].push_back(term);
    }
    for (const Expr& sym : symbols) {
      const Expr local = fold(diff(add(terms_of.at(sym.node())), sym), n.body, own);
      add_edge(id_of(sym), local);
    }
  }

  // A large model's equation takes the local derivatives of its shape: the body with its
  // symbols renamed #0, #1, … (the node itself the next one), differentiated once per
  // shape; the edges name the symbol each stands for. A loop of 100,000 steps has one
  // shape, differentiated once, and no Expr per step for its derivatives. (Small models
  // differentiate each body: the derivatives written out, as before.)
  void shaped_edges(NodeId id, const std::vector<Expr>& symbols) {
    GraphNode& n = graph_.nodes_[id];
    std::vector<const Expr*> from(symbols.size()), to(symbols.size());
    const std::vector<Expr>& shape_symbols = shape_symbols_for(symbols.size());
    for (std::size_t k = 0; k < symbols.size(); ++k) {
      from[k] = &symbols[k];
      to[k] = &shape_symbols[k];
    }
    n.shape = shape_index(rename_symbols(n.body, from, to), symbols.size());
    for (std::size_t k = 0; k < symbols.size(); ++k)
      graph_.edges_.push_back(Edge{id_of(symbols[k]), static_cast<std::uint32_t>(k)});
  }

  // #0, #1, … #count: the symbols of a shape that reads `count` names.
  const std::vector<Expr>& shape_symbols_for(std::size_t count) {
    std::vector<Expr>& shape_symbols = graph_.shape_symbols_;
    while (shape_symbols.size() <= count)
      shape_symbols.push_back(symbol(fmt::format("#{}", shape_symbols.size())));
    return shape_symbols;
  }

  // The graph's index of `shape` (a body over #0 … #count-1), differentiated when new.
  std::uint32_t shape_index(const Expr& shape, std::size_t count) {
    const std::vector<Expr>& shape_symbols = shape_symbols_for(count);
    auto [it, added] =
        shapes_.try_emplace(shape.node(), static_cast<std::uint32_t>(graph_.shapes_.size()));
    if (added) {
      Shape& made = graph_.shapes_.emplace_back();
      made.body = shape;  // also holds the node that is the key
      for (std::size_t k = 0; k < count; ++k)
        made.locals.push_back(fold(diff(shape, shape_symbols[k]), shape, shape_symbols[count]));
    }
    return it->second;
  }

  // What a form's symbols are, worked out once per form: in storage order, each a
  // stand-in (its index) or a name of the model left in the text (its node).
  struct FormSymbols {
    Expr form;  // holds the node that is the key
    std::vector<Expr> symbols;
    std::vector<std::uint32_t> stand_in;  // by symbol: its stand-in index, or kNoStandIn
    std::vector<NodeId> node;             // by symbol left in the text: its node
  };
  static constexpr std::uint32_t kNoStandIn = 0xffffffffu;

  const FormSymbols& form_symbols(const StatementForms::Match& m, const Statement& s) {
    auto [it, added] = form_symbols_.try_emplace(m.form.node());
    FormSymbols& f = it->second;
    if (!added) return f;
    f.form = m.form;
    f.symbols = free_symbols(m.form);
    const std::vector<Expr>& stand_ins = forms_.stand_ins();
    for (const Expr& sym : f.symbols) {
      std::uint32_t k = 0;
      while (k < m.names.size() && !(stand_ins[k] == sym)) ++k;
      f.stand_in.push_back(k < m.names.size() ? k : kNoStandIn);
      f.node.push_back(0);
      if (k < m.names.size()) continue;
      const std::optional<NodeId> found = graph_.find(sym.name());
      if (!found) {
        Error undefined = error(s.expr->offset_of(find_word(s.expr->text, sym.name())),
                                fmt::format("undefined name '{}'", sym.name()));
        form_symbols_.erase(it);  // sym with it
        throw undefined;
      }
      f.node.back() = *found;
    }
    return f;
  }

  // A step of a large model read by its form: its shape and edges come from the form
  // and the names it stands for, with no Expr made for the step (Graph::body writes its
  // body out when asked). The shape is the one equation_edges would find from the
  // step's body: its symbols numbered #0, #1, … in their storage order.
  void formed_equation(NodeId id, const StatementForms::Match& m) {
    const FormSymbols& f = form_symbols(m, model_.statements[id]);
    const std::size_t count = f.symbols.size();
    step_nodes_.resize(count);
    step_order_.resize(count);
    step_syms_.resize(count);
    for (std::size_t j = 0; j < count; ++j) {
      step_nodes_[j] = f.stand_in[j] == kNoStandIn ? f.node[j] : m.names[f.stand_in[j]];
      step_order_[j] = static_cast<std::uint32_t>(j);
      step_syms_[j] = step_symbol(step_nodes_[j]);
    }
    std::sort(step_order_.begin(), step_order_.end(), [&](std::uint32_t a, std::uint32_t b) {
      return storage_less(step_syms_[a], step_syms_[b]);
    });
    // The key: the form and, by the form's symbol, its number in the shape.
    step_rank_.resize(count);
    for (std::size_t r = 0; r < count; ++r)
      step_rank_[step_order_[r]] = static_cast<std::uint32_t>(r);
    const Node* form_node = m.form.node();
    std::string key(reinterpret_cast<const char*>(&form_node), sizeof form_node);
    key.append(reinterpret_cast<const char*>(step_rank_.data()), count * sizeof(std::uint32_t));
    auto [it, added] = formed_shapes_.try_emplace(std::move(key), 0);
    if (added) {
      const std::vector<Expr>& shape_symbols = shape_symbols_for(count);
      std::vector<const Expr*> from(count), to(count);
      for (std::size_t j = 0; j < count; ++j) {
        from[j] = &f.symbols[j];
        to[j] = &shape_symbols[step_rank_[j]];
      }
      it->second = shape_index(rename_symbols(f.form, from, to), count);
    }
    GraphNode& n = graph_.nodes_[id];
    n.shape = it->second;
    const std::size_t first = graph_.edges_.size();
    for (std::size_t r = 0; r < count; ++r)
      graph_.edges_.push_back(Edge{step_nodes_[step_order_[r]], static_cast<std::uint32_t>(r)});
    close_edges(id, first);
  }

  // ∂f(a)/∂s = f'(a) ∂a/∂s, with f' the override when one is in use.
  void call_edges(NodeId id) {
    GraphNode& n = graph_.nodes_[id];
    const std::size_t first = graph_.edges_.size();
    for (const Expr& sym : free_symbols(n.argument())) {
      const Expr inner = diff(n.argument(), sym);
      const Expr local = n.override_derivative() ? n.override_derivative()->used * inner
                                                 : fold(diff(n.body, sym), n.body, n.symbol);
      add_edge(id_of(sym), local);
    }
    close_edges(id, first);
  }

  // Depth-first, in the order written: a node after what it reads; a cycle is an error.
  void sort() {
    const std::size_t count = graph_.nodes_.size();
    std::vector<std::uint8_t> state(count, 0);  // 0 new, 1 on the path, 2 done
    // An explicit stack of (node, next edge), not recursion: a chain of a million
    // steps is a path a million nodes deep.
    std::vector<std::pair<NodeId, std::size_t>> path;
    const auto enter = [&](NodeId id) {
      if (state[id] == 2) return;
      if (state[id] == 1) {
        std::string cycle;
        auto start = path.begin();
        while (start->first != id) ++start;
        NodeId first = id;
        for (auto it = start; it != path.end(); ++it) {
          if (!graph_.nodes_[it->first].hidden && graph_.nodes_[first].hidden) first = it->first;
          cycle += graph_.nodes_[it->first].name + " -> ";
        }
        throw error(graph_.nodes_[first].at,
                    fmt::format("cycle: {}{}", cycle, graph_.nodes_[id].name));
      }
      state[id] = 1;
      path.emplace_back(id, 0);
    };
    for (NodeId root = 0; root < count; ++root) {
      enter(root);
      while (!path.empty()) {
        auto& [id, next] = path.back();
        const std::span<const Edge> edges = graph_.edges(id);
        if (next < edges.size()) {
          enter(edges[next++].from);
          continue;
        }
        state[id] = 2;
        graph_.order_.push_back(id);
        path.pop_back();
      }
    }
  }

  ModelFile model_;
  BuildOptions options_;
  const Source& source_;
  Graph graph_;
  std::map<std::string, UserFunction, std::less<>> functions_;
  std::map<std::pair<std::string, const Node*>, NodeId> calls_;
  StatementForms forms_;
  const StatementForms::NameIndex name_index_ =
      [this](std::string_view name) -> std::optional<std::uint32_t> {
    NodeId& seen = recent_[recent_slot(name)];
    if (seen < graph_.nodes_.size() && graph_.nodes_[seen].name == name) return seen;
    const std::optional<NodeId> found = graph_.find(name);
    if (!found) return std::nullopt;
    seen = *found;
    return seen;
  };
  // The nodes named lately, by a hash of their names: a step of a loop reads what the
  // step before it read (w, b) and the node that step defined, which the name table of a
  // million names had to fetch from memory each time. A slot is only a guess, checked
  // against the node's name.
  std::array<NodeId, 64> recent_{};
  static std::size_t recent_slot(std::string_view name) {
    return std::hash<std::string_view>{}(name) % std::tuple_size_v<decltype(recent_)>;
  }
  void remember(NodeId id) {
    if (is_large()) recent_[recent_slot(graph_.nodes_[id].name)] = id;
  }
  // formed_equation: what each form's symbols are; (form, numbering) → shape index; and
  // one step's nodes, their storage order and ranks (kept for their capacity).
  std::unordered_map<const Node*, FormSymbols> form_symbols_;
  std::unordered_map<std::string, std::uint32_t> formed_shapes_;
  std::vector<NodeId> step_nodes_;
  std::vector<Expr> step_syms_;
  std::vector<std::uint32_t> step_order_, step_rank_;
  // shaped_edges: a body's shape → its index in the graph's shapes.
  std::unordered_map<const Node*, std::uint32_t> shapes_;
};

std::vector<Expr> free_symbols(const Expr& e) {
  std::vector<Expr> out;
  std::unordered_set<const Node*> seen;
  std::vector<Expr> stack{e};
  while (!stack.empty()) {
    const Expr top = stack.back();
    stack.pop_back();
    if (!seen.insert(top.node()).second) continue;
    if (top.is(Kind::Symbol)) out.push_back(top);
    for (const Expr& a : top.args()) stack.push_back(a);
  }
  std::sort(out.begin(), out.end(), storage_less);
  return out;
}

const NodeDetails& GraphNode::none() {
  static const NodeDetails none;
  return none;
}

std::optional<NodeId> Graph::find(std::string_view name) const {
  return names_.find(name, [this](NodeId n) { return name_of(n); });
}

std::vector<NodeId> Graph::of_kind(NodeKind kind) const {
  std::vector<NodeId> out;
  for (NodeId id = 0; id < nodes_.size(); ++id) {
    if (nodes_[id].kind == kind) out.push_back(id);
  }
  return out;
}

std::vector<NodeId> Graph::gradient_nodes() const {
  std::vector<NodeId> out = of_kind(NodeKind::Param);
  const std::vector<NodeId> inputs = of_kind(NodeKind::Input);
  out.insert(out.end(), inputs.begin(), inputs.end());
  return out;
}

const Expr& Graph::symbol(NodeId n) const {
  const GraphNode& node = nodes_[n];
  if (node.symbol.is_null()) node.symbol = leibniz::symbol(node.name);
  return node.symbol;
}

Expr Graph::body(NodeId n) const {
  const GraphNode& node = nodes_[n];
  if (node.shape == kNoShape) return node.body;
  Substitution from_shape;
  for (const Edge& edge : edges(n))
    from_shape.emplace(shape_symbols_[edge.slot].node(), symbol(edge.from));
  return substitute(shapes_[node.shape].body, from_shape);
}

Expr Graph::local(NodeId n, std::size_t e) const {
  const GraphNode& node = nodes_[n];
  if (node.shape == kNoShape) return locals_[edges(n)[e].slot];
  Substitution from_shape;
  for (const Edge& edge : edges(n))
    from_shape.emplace(shape_symbols_[edge.slot].node(), symbol(edge.from));
  from_shape.emplace(shape_symbols_[edges(n).size()].node(), symbol(n));
  return substitute(shapes_[node.shape].locals[edges(n)[e].slot], from_shape);
}

bool Graph::has_overrides() const {
  for (const GraphNode& n : nodes_) {
    if (n.override_derivative()) return true;
  }
  return false;
}

Graph build_graph(ModelFile model, const BuildOptions& options) {
  return GraphBuilder(std::move(model), options).build();
}

Graph load_graph(const std::string& path, const BuildOptions& options) {
  return build_graph(parse_model_file(read_source(path), Texts::Dropped), options);
}

}  // namespace leibniz::graph
