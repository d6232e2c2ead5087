// Interning and reference counting of expression nodes.
#include "leibniz/expr/expr.h"

#include <fmt/format.h>

#include <unordered_set>

#include "leibniz/core/error.h"
#include "leibniz/core/limits.h"
#include "leibniz/expr/node.h"

namespace leibniz {
namespace {

struct NodeKeyHash {
  using is_transparent = void;
  std::size_t operator()(const Node* n) const { return static_cast<std::size_t>(n->hash); }
};

bool same_content(const Node& a, const Node& b) {
  if (a.hash != b.hash || a.kind != b.kind) return false;
  switch (a.kind) {
    case Kind::Number: return a.number == b.number;
    case Kind::Symbol: return a.name == b.name;
    case Kind::Constant: return a.constant == b.constant;
    case Kind::Func:
      if (a.fn != b.fn) return false;
      break;
    default: break;
  }
  return a.args == b.args;
}

struct NodeKeyEqual {
  using is_transparent = void;
  bool operator()(const Node* a, const Node* b) const { return same_content(*a, *b); }
};

using InternTable = std::unordered_set<Node*, NodeKeyHash, NodeKeyEqual>;

// Never destroyed, so that static Exprs may outlive everything else at exit.
InternTable& table() {
  static auto* instance = new InternTable(1 << 12);
  return *instance;
}

std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h * 0xff51afd7ed558ccdULL;
}

std::uint64_t string_hash(const std::string& s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return h;
}

Expr intern(Node* candidate) {
  tick();
  std::uint64_t h = mix(0x1234567ULL, static_cast<std::uint64_t>(candidate->kind));
  std::uint32_t depth = 0;
  switch (candidate->kind) {
    case Kind::Number: h = mix(h, candidate->number.hash()); break;
    case Kind::Symbol: h = mix(h, string_hash(candidate->name)); break;
    case Kind::Constant: h = mix(h, static_cast<std::uint64_t>(candidate->constant) + 17); break;
    case Kind::Func: h = mix(h, static_cast<std::uint64_t>(candidate->fn) + 101); break;
    default: break;
  }
  for (const Expr& a : candidate->args) {
    h = mix(h, a.hash());
    depth = std::max(depth, a.depth());
  }
  candidate->hash = h;
  candidate->depth = depth + 1;
  if (candidate->depth > limits().max_depth) {
    delete candidate;
    throw Error(ErrorKind::Limit, fmt::format("the expression is nested deeper than the limit "
                                              "of {} levels",
                                              limits().max_depth));
  }
  auto [it, inserted] = table().insert(candidate);
  if (!inserted) delete candidate;
  return Expr(*it);
}

}  // namespace

Expr::Expr(const Node* node) : node_(node) {
  if (node_) ++node_->refs;
}

Expr::Expr(const Expr& other) : node_(other.node_) {
  if (node_) ++node_->refs;
}

Expr& Expr::operator=(const Expr& other) {
  Expr copy(other);  // safe for self-assignment and for other living inside *this
  std::swap(node_, copy.node_);
  return *this;
}

Expr& Expr::operator=(Expr&& other) noexcept {
  Expr taken(std::move(other));
  std::swap(node_, taken.node_);
  return *this;
}

Expr::~Expr() {
  if (node_ && --node_->refs == 0) {
    Node* dead = const_cast<Node*>(node_);
    table().erase(dead);
    delete dead;
  }
}

Kind Expr::kind() const { return node_->kind; }
const Number& Expr::number() const {
  LZ_ASSERT(kind() == Kind::Number, "number() of a non-number");
  return node_->number;
}
bool Expr::is_zero() const { return kind() == Kind::Number && node_->number.is_zero(); }
bool Expr::is_one() const { return kind() == Kind::Number && node_->number.is_one(); }
bool Expr::is_integer() const { return kind() == Kind::Number && node_->number.is_integer(); }
const std::string& Expr::name() const { return node_->name; }
ConstantId Expr::constant() const { return node_->constant; }
bool Expr::is_e() const { return kind() == Kind::Constant && node_->constant == ConstantId::E; }
Fn Expr::fn() const { return node_->fn; }
std::span<const Expr> Expr::args() const { return node_->args; }
std::uint64_t Expr::hash() const { return node_->hash; }
std::uint32_t Expr::depth() const { return node_->depth; }

namespace {

int compare_structure(const Expr& a, const Expr& b) {
  if (a == b) return 0;
  if (a.kind() != b.kind()) return a.kind() < b.kind() ? -1 : 1;
  switch (a.kind()) {
    case Kind::Number:
      if (a.number() == b.number()) return a.number().is_float() ? 1 : -1;
      return a.number() < b.number() ? -1 : 1;
    case Kind::Symbol: return a.name() < b.name() ? -1 : 1;
    case Kind::Constant: return a.constant() < b.constant() ? -1 : 1;
    case Kind::Func:
      if (a.fn() != b.fn()) return a.fn() < b.fn() ? -1 : 1;
      break;
    default: break;
  }
  if (a.args().size() != b.args().size()) return a.args().size() < b.args().size() ? -1 : 1;
  for (std::size_t i = 0; i < a.args().size(); ++i) {
    if (int c = compare_structure(a.arg(i), b.arg(i))) return c;
  }
  return 0;
}

}  // namespace

bool storage_less(const Expr& a, const Expr& b) {
  if (a.hash() != b.hash()) return a.hash() < b.hash();
  return compare_structure(a, b) < 0;
}

std::size_t interned_node_count() { return table().size(); }

namespace detail {

Expr make_number(Number value) {
  auto* n = new Node;
  n->kind = Kind::Number;
  n->number = std::move(value);
  return intern(n);
}

Expr make_symbol(const std::string& name) {
  auto* n = new Node;
  n->kind = Kind::Symbol;
  n->name = name;
  return intern(n);
}

Expr make_constant(ConstantId id) {
  auto* n = new Node;
  n->kind = Kind::Constant;
  n->constant = id;
  return intern(n);
}

Expr make_node(Kind kind, std::vector<Expr> args, Fn fn) {
  auto* n = new Node;
  n->kind = kind;
  n->fn = fn;
  n->args = std::move(args);
  return intern(n);
}

}  // namespace detail
}  // namespace leibniz
