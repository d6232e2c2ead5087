// NodeMap: a map from expressions to values for the memo tables of the algorithms that
// walk a DAG (differentiation, simplification, sizes). Open addressing over the nodes'
// own hashes: no allocation per entry, one probe per lookup in the common case. The
// first few entries live in the map itself: most walks (the derivative of a small
// expression, a call's whole cost) meet a handful of nodes and then allocate nothing. It
// holds each key, so a node cannot die and another be born at its address while it is
// a key.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "leibniz/expr/expr.h"

namespace leibniz {

template <class V>
class NodeMap {
 public:
  NodeMap() = default;
  // Not copied or moved: the slots may be the map's own.
  NodeMap(const NodeMap&) = delete;
  NodeMap& operator=(const NodeMap&) = delete;

  /// The value stored for key, or null. The pointer lives until the next insert.
  V* find(const Expr& key) {
    for (std::size_t i = home(key.hash());; i = (i + 1) & mask_) {
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
    if ((size_ + 1) * 2 > mask_ + 1) grow();
    for (std::size_t i = home(key.hash());; i = (i + 1) & mask_) {
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

  static constexpr std::size_t kOwnSlots = 8;  // up to 4 entries before the first allocation

  // Fibonacci hashing: the top bits of the product, which depend on every bit of the hash.
  std::size_t home(std::uint64_t hash) const {
    return static_cast<std::size_t>((hash * 0x9e3779b97f4a7c15ULL) >> shift_);
  }

  // Doubles the table, moving the entries (keys and all) to their new places on the heap.
  void grow() {
    const std::size_t old_capacity = mask_ + 1;
    const std::size_t capacity = old_capacity * 2;
    std::vector<Slot> bigger(capacity);
    shift_ = 64 - static_cast<unsigned>(std::countr_zero(capacity));
    mask_ = capacity - 1;
    for (Slot& s : std::span<Slot>(slots_, old_capacity)) {
      if (s.key.is_null()) continue;
      std::size_t i = home(s.hash);
      while (!bigger[i].key.is_null()) i = (i + 1) & mask_;
      bigger[i] = std::move(s);
    }
    heap_slots_ = std::move(bigger);  // frees the old heap slots, now empty
    slots_ = heap_slots_.data();
  }

  Slot own_slots_[kOwnSlots];
  std::vector<Slot> heap_slots_;
  Slot* slots_ = own_slots_;  // own_slots_ until the first growth, then heap_slots_
  std::size_t mask_ = kOwnSlots - 1;
  std::size_t size_ = 0;
  unsigned shift_ = 64 - static_cast<unsigned>(std::countr_zero(kOwnSlots));
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
