// NodeMap: a map from expressions to values for the memo tables of the algorithms that
// walk a DAG (differentiation, simplification, sizes). Open addressing over the nodes'
// own hashes: no allocation per entry, one probe per lookup in the common case. It
// holds each key, so a node cannot die and another be born at its address while it is
// a key.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "leibniz/expr/expr.h"

namespace leibniz {

template <class V>
class NodeMap {
 public:
  /// The value stored for key, or null. The pointer lives until the next insert.
  V* find(const Expr& key) {
    if (slots_.empty()) return nullptr;
    for (std::size_t i = home(key.hash());; i = (i + 1) & mask()) {
      Slot& s = slots_[i];
      if (s.key.is_null()) return nullptr;
      if (s.key == key) return &s.value;
    }
  }
  const V* find(const Expr& key) const { return const_cast<NodeMap*>(this)->find(key); }
  bool contains(const Expr& key) const { return find(key) != nullptr; }

  /// Stores value for key (replacing a value already there); returns the stored value,
  /// which lives until the next insert.
  V& insert(const Expr& key, V value) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    for (std::size_t i = home(key.hash());; i = (i + 1) & mask()) {
      Slot& s = slots_[i];
      if (s.key.is_null()) {
        s.key = key;
        s.hash = key.hash();
        s.value = std::move(value);
        ++size_;
        return s.value;
      }
      if (s.key == key) {
        s.value = std::move(value);
        return s.value;
      }
    }
  }

  std::size_t size() const { return size_; }

 private:
  struct Slot {
    Expr key;
    std::uint64_t hash = 0;  // the key's, so that growing reads no nodes
    V value{};
  };

  std::size_t mask() const { return slots_.size() - 1; }
  // Fibonacci hashing: the top bits of the product, which depend on every bit of the hash.
  std::size_t home(std::uint64_t hash) const {
    return static_cast<std::size_t>((hash * 0x9e3779b97f4a7c15ULL) >> shift_);
  }

  // Doubles the table, moving the entries (keys and all) to their new places.
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    const std::size_t capacity = old.empty() ? 16 : old.size() * 2;
    slots_ = std::vector<Slot>(capacity);
    shift_ = 64 - static_cast<unsigned>(std::countr_zero(capacity));
    for (Slot& s : old) {
      if (s.key.is_null()) continue;
      std::size_t i = home(s.hash);
      while (!slots_[i].key.is_null()) i = (i + 1) & mask();
      slots_[i] = std::move(s);
    }
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
  unsigned shift_ = 64;
};

/// A set of expressions: NodeMap without values.
class NodeSet {
 public:
  bool contains(const Expr& e) const { return map_.contains(e); }
  /// True if e was not in the set.
  bool insert(const Expr& e) {
    if (map_.contains(e)) return false;
    map_.insert(e, true);
    return true;
  }
  std::size_t size() const { return map_.size(); }
  bool empty() const { return map_.size() == 0; }

 private:
  NodeMap<bool> map_;
};

}  // namespace leibniz
