// Interning and reference counting of expression nodes. A builder looks its node up by
// content (kind, function, arguments, number or name) before allocating anything, so
// that an expression already alive costs one hash probe. Each thread has its own table
// and pool (docs/threads.md).
#include "leibniz/expr/expr.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <memory>
#include <new>
#include <utility>
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
    case Kind::Number: return *key.number == node.number();
    case Kind::Symbol: return *key.name == node.name;
    case Kind::Constant: return key.constant == node.constant;
    case Kind::Func:
      if (key.fn != node.fn) return false;
      break;
    case Kind::Call:
    case Kind::RootSum:
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
    while (slots_[i].node != node) {
      LZ_ASSERT(slots_[i].node != nullptr,
                "an expression released by a thread that did not "
                "make it (docs/threads.md)");
      i = next(i);
    }
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

// Nodes come a block at a time and go back to a free list: expressions make and drop
// millions of them. The blocks return to the system with the pool, when no node is left
// (live nodes may be anywhere in them). Under AddressSanitizer each node is a plain new
// and delete instead, so that a use after free is still caught.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kPooled = false;
#else
constexpr bool kPooled = true;
#endif

class NodePool {
 public:
  NodePool() = default;
  NodePool(const NodePool&) = delete;
  NodePool& operator=(const NodePool&) = delete;
  ~NodePool() {
    for (void* block : blocks_) ::operator delete(block);
  }

  void* allocate() {
    void* node = nullptr;
    if (!kPooled) {
      node = ::operator new(sizeof(Node));
    } else {
      if (free_ == nullptr) grow();
      node = std::exchange(free_, free_->next);
    }
    ++allocated_;
    return node;
  }

  void free(void* node) {
    --allocated_;
    if (!kPooled) {
      ::operator delete(node);
      return;
    }
    free_ = new (node) FreeNode{free_};
  }

  /// Nodes handed out and not yet freed.
  std::size_t allocated() const { return allocated_; }

 private:
  struct FreeNode {
    FreeNode* next;
  };

  void grow() {
    constexpr std::size_t kBlock = 1024;
    blocks_.reserve(blocks_.size() + 1);  // so that keeping the block below cannot throw
    auto* block = static_cast<char*>(::operator new(kBlock * sizeof(Node)));
    blocks_.push_back(block);
    for (std::size_t i = 0; i < kBlock; ++i) free_ = new (block + i * sizeof(Node)) FreeNode{free_};
  }

  FreeNode* free_ = nullptr;
  std::vector<void*> blocks_;
  std::size_t allocated_ = 0;
};

// One thread's expressions (docs/threads.md): its intern table and its node pool. Only
// its thread finds, makes and frees its nodes, so nothing here is synchronised.
struct Engine {
  InternTable table;
  NodePool pool;
  bool thread_exited = false;  // then freed with its last node
};

std::atomic<std::size_t> g_live_engines{0};

// The calling thread's engine, made with its first node. Found through the thread rather
// than passed to every builder: a request runs on one thread (docs/threads.md). A plain
// pointer, constant-initialised and trivially destructible: a use is one load, no guard.
// Initial-exec: in the dlopened Python module the default model calls __tls_get_addr on
// every node made or freed; one pointer fits the static TLS kept for such modules.
[[gnu::tls_model("initial-exec")]] thread_local Engine* t_engine = nullptr;
thread_local bool t_reaper_ran = false;

void end_engine() {
  delete std::exchange(t_engine, nullptr);
  --g_live_engines;
}

// Runs at thread exit, after the thread_local caches of Exprs made after the engine
// (e_constant(), integer(), …) are gone: frees the engine, or, while nodes still live
// (an Expr in a static or a thread_local older than the engine), leaves that to the
// release of the last one.
struct EngineReaper {
  EngineReaper() = default;
  EngineReaper(const EngineReaper&) = delete;
  EngineReaper& operator=(const EngineReaper&) = delete;
  ~EngineReaper() {
    t_reaper_ran = true;
    if (t_engine == nullptr) return;
    t_engine->thread_exited = true;
    if (t_engine->pool.allocated() == 0) end_engine();
  }
};

[[gnu::noinline]] void start_engine() {
  t_engine = new Engine;
  ++g_live_engines;
  if (t_reaper_ran) {
    t_engine->thread_exited = true;  // made while the thread exits
    return;
  }
  thread_local EngineReaper reaper;  // its first use registers its destructor
}

Engine& engine() {
  if (t_engine == nullptr) [[unlikely]]
    start_engine();
  return *t_engine;
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
    case Kind::Call:
    case Kind::RootSum: h = mix(h, string_hash(*key.name)); break;
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
  InternTable& nodes = engine().table;
  if (Node* live = nodes.find(key)) return Expr(live);
  std::uint32_t depth = 0;
  for (const Expr& a : key.args) depth = std::max(depth, a.depth());
  if (depth + 1 > limits().max_depth) {
    throw Error(ErrorKind::Limit, fmt::format("the expression is nested deeper than the limit "
                                              "of {} levels",
                                              limits().max_depth));
  }
  auto n = std::make_unique<Node>();  // freed if filling or registering it throws
  n->kind = key.kind;
  n->fn = key.fn;
  n->constant = key.constant;
  n->hash = key.hash;
  n->depth = depth + 1;
  make(*n);
  nodes.insert(n.get());
  return Expr(n.release());
}

}  // namespace

Node::~Node() {
  if (number_traits & kHeld)
    std::destroy_at(std::launder(reinterpret_cast<Number*>(number_storage_)));
  if (args_ != inline_args_) delete[] args_;
}

void Node::set_number(const Number& value) {
  LZ_ASSERT(!(number_traits & kHeld), "a node's number is set once");
  const Number* held = new (number_storage_) Number(value);
  number_traits =
      static_cast<std::uint8_t>(kHeld | (held->is_zero() ? kZero : 0) |
                                (held->is_one() ? kOne : 0) | (held->is_integer() ? kInteger : 0));
}

void* Node::operator new(std::size_t size) {
  LZ_ASSERT(size == sizeof(Node), "a node of another size");
  return engine().pool.allocate();
}

void Node::operator delete(void* node, std::size_t) { t_engine->pool.free(node); }

void Expr::release(const Node* node) {
  Node* dead = const_cast<Node*>(node);
  Engine& owner = *t_engine;
  owner.table.erase(dead);
  delete dead;  // releases its arguments first, so this is the last node freed here
  if (owner.thread_exited && owner.pool.allocated() == 0) [[unlikely]]
    end_engine();
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
    case Kind::RootSum:
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

std::size_t interned_node_count() { return t_engine ? t_engine->table.size() : 0; }

std::size_t live_engine_count() { return g_live_engines.load(); }

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
  return intern(key, [&](Node& n) { n.set_number(value); });
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

Expr make_named(Kind kind, const std::string& key_name, std::span<const Expr> args) {
  LZ_ASSERT(kind == Kind::Call || kind == Kind::RootSum, "a named node is a Call or a RootSum");
  NodeKey key;
  key.kind = kind;
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
