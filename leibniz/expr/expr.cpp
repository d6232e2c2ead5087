// Interning and reference counting of expression nodes. A builder looks its node up by
// content (kind, function, arguments, number or name) before allocating anything, so
// that an expression already alive costs one hash probe.
#include "leibniz/expr/expr.h"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <vector>

#include "leibniz/core/error.h"
#include "leibniz/core/limits.h"

namespace leibniz {
namespace {

// What a node would hold, without the node: the key of a lookup.
struct NodeKey {
  Kind kind = Kind::Number;
  Fn fn = Fn::Ln;
  ConstantId constant = ConstantId::E;
  const Number* number = nullptr;
  const std::string* name = nullptr;
  std::span<const Expr> args;
  std::uint64_t hash = 0;
};

bool matches(const NodeKey& key, const Node& node) {
  if (key.hash != node.hash || key.kind != node.kind) return false;
  switch (key.kind) {
    case Kind::Number: return *key.number == *node.number;
    case Kind::Symbol: return *key.name == node.name;
    case Kind::Constant: return key.constant == node.constant;
    case Kind::Func:
      if (key.fn != node.fn) return false;
      break;
    case Kind::Call:
      if (*key.name != node.name) return false;
      break;
    default: break;
  }
  return std::ranges::equal(key.args, node.args());
}

// The live nodes, by content: open addressing with linear probing over (hash, node)
// slots, so that a probe compares hashes without touching the nodes, and erasing shifts
// the following entries back instead of leaving tombstones.
class InternTable {
 public:
  Node* find(const NodeKey& key) const {
    for (std::size_t i = home(key.hash);; i = next(i)) {
      const Slot& s = slots_[i];
      if (s.node == nullptr) return nullptr;
      if (s.hash == key.hash && matches(key, *s.node)) return s.node;
    }
  }

  void insert(Node* node) {
    if ((size_ + 1) * 2 > slots_.size()) rehash(slots_.size() * 2);
    place(node);
    ++size_;
  }

  void erase(const Node* node) {
    std::size_t i = home(node->hash);
    while (slots_[i].node != node) i = next(i);
    // Backward shift: move up each following entry whose home is not between the hole
    // and its slot, so that every entry stays reachable from its home.
    for (std::size_t j = next(i);; j = next(j)) {
      const Slot& s = slots_[j];
      if (s.node == nullptr) break;
      const std::size_t h = home(s.hash);
      const bool movable = i <= j ? (h <= i || h > j) : (h <= i && h > j);
      if (movable) {
        slots_[i] = s;
        i = j;
      }
    }
    slots_[i] = Slot{};
    --size_;
  }

  std::size_t size() const { return size_; }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    Node* node = nullptr;
  };

  std::size_t next(std::size_t i) const { return (i + 1) & (slots_.size() - 1); }
  std::size_t home(std::uint64_t hash) const {
    return static_cast<std::size_t>((hash * 0x9e3779b97f4a7c15ULL) >> shift_);
  }
  void place(Node* node) {
    std::size_t i = home(node->hash);
    while (slots_[i].node != nullptr) i = next(i);
    slots_[i] = Slot{node->hash, node};
  }
  void rehash(std::size_t capacity) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(capacity, Slot{});
    shift_ = 64 - static_cast<unsigned>(std::countr_zero(capacity));
    for (const Slot& s : old) {
      if (s.node) place(s.node);
    }
  }

  static constexpr std::size_t kInitialCapacity = 1 << 12;
  std::vector<Slot> slots_ = std::vector<Slot>(kInitialCapacity);
  unsigned shift_ = 64 - 12;
  std::size_t size_ = 0;
};

// Never destroyed, so that static Exprs may outlive everything else at exit.
InternTable& table() {
  static auto* instance = new InternTable;
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

std::uint64_t key_hash(const NodeKey& key) {
  std::uint64_t h = mix(0x1234567ULL, static_cast<std::uint64_t>(key.kind));
  switch (key.kind) {
    case Kind::Number: h = mix(h, key.number->hash()); break;
    case Kind::Symbol: h = mix(h, string_hash(*key.name)); break;
    case Kind::Constant: h = mix(h, static_cast<std::uint64_t>(key.constant) + 17); break;
    case Kind::Func: h = mix(h, static_cast<std::uint64_t>(key.fn) + 101); break;
    case Kind::Call: h = mix(h, string_hash(*key.name)); break;
    default: break;
  }
  for (const Expr& a : key.args) h = mix(h, a.hash());
  return h;
}

// The node with the key's content: the live one if there is one, else a new node that
// `make` fills in (number, name or arguments) and that is then registered.
template <class Make>
Expr intern(NodeKey key, Make make) {
  tick();
  key.hash = key_hash(key);
  InternTable& nodes = table();
  if (Node* live = nodes.find(key)) return Expr(live);
  std::uint32_t depth = 0;
  for (const Expr& a : key.args) depth = std::max(depth, a.depth());
  if (depth + 1 > limits().max_depth) {
    throw Error(ErrorKind::Limit, fmt::format("the expression is nested deeper than the limit "
                                              "of {} levels",
                                              limits().max_depth));
  }
  Node* n = new Node;
  n->kind = key.kind;
  n->fn = key.fn;
  n->constant = key.constant;
  n->hash = key.hash;
  n->depth = depth + 1;
  make(*n);
  nodes.insert(n);
  return Expr(n);
}

// Freed nodes are kept for reuse; the sanitizers see plain new and delete instead, so
// that a use after free is still caught.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kPooled = false;
#else
constexpr bool kPooled = true;
#endif

struct FreeNode {
  FreeNode* next;
};

FreeNode*& free_nodes() {
  static FreeNode* head = nullptr;
  return head;
}

}  // namespace

void* Node::operator new(std::size_t size) {
  FreeNode*& head = free_nodes();
  if (!kPooled || size != sizeof(Node)) return ::operator new(size);
  if (head == nullptr) {
    // A block at a time; blocks are never returned (live nodes may be anywhere in them).
    constexpr std::size_t kBlock = 1024;
    auto* block = static_cast<char*>(::operator new(kBlock * sizeof(Node)));
    for (std::size_t i = 0; i < kBlock; ++i) {
      auto* f = reinterpret_cast<FreeNode*>(block + i * sizeof(Node));
      f->next = head;
      head = f;
    }
  }
  FreeNode* f = head;
  head = f->next;
  return f;
}

void Node::operator delete(void* node, std::size_t size) {
  if (!kPooled || size != sizeof(Node)) {
    ::operator delete(node);
    return;
  }
  auto* f = static_cast<FreeNode*>(node);
  f->next = free_nodes();
  free_nodes() = f;
}

void Expr::release(const Node* node) {
  Node* dead = const_cast<Node*>(node);
  table().erase(dead);
  delete dead;
}

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
    case Kind::Call:
      if (a.name() != b.name()) return a.name() < b.name() ? -1 : 1;
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

bool tree_size_at_most(const Expr& e, double limit) {
  double remaining = limit;
  auto count = [&remaining](const Expr& node, auto& self) -> bool {
    if (--remaining < 0) return false;
    for (const Expr& a : node.args()) {
      if (!self(a, self)) return false;
    }
    return true;
  };
  return count(e, count);
}

namespace detail {

Expr make_number(const Number& value) {
  NodeKey key;
  key.kind = Kind::Number;
  key.number = &value;
  return intern(key, [&](Node& n) { n.number = value; });
}

Expr make_symbol(const std::string& name) {
  NodeKey key;
  key.kind = Kind::Symbol;
  key.name = &name;
  return intern(key, [&](Node& n) { n.name = name; });
}

Expr make_constant(ConstantId id) {
  NodeKey key;
  key.kind = Kind::Constant;
  key.constant = id;
  return intern(key, [](Node&) {});
}

Expr make_call(const std::string& key_name, std::span<const Expr> args) {
  NodeKey key;
  key.kind = Kind::Call;
  key.name = &key_name;
  key.args = args;
  return intern(key, [&](Node& n) {
    n.name = key_name;
    n.set_args(args);
  });
}

Expr make_node(Kind kind, std::vector<Expr> args, Fn fn) {
  return make_node(kind, std::span<const Expr>(args), fn);
}

Expr make_node(Kind kind, std::span<const Expr> args, Fn fn) {
  NodeKey key;
  key.kind = kind;
  key.fn = fn;
  key.args = args;
  return intern(key, [&](Node& n) { n.set_args(args); });
}

}  // namespace detail
}  // namespace leibniz
