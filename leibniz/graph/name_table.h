// The graph's names to its nodes: open addressing over slots of 8 bytes (a hash and a
// node id), the names themselves read from the nodes. A model of a million nodes kept a
// string and a hash node per name in std::unordered_map, about 64 bytes a node; this is
// about 16 at most.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace leibniz::graph {

class NameTable {
 public:
  using Id = std::uint32_t;

  /// Room for `count` names without growing.
  void reserve(std::size_t count) {
    if (count * 2 > slots_.size()) rehash(count * 2);
  }

  /// The id of `name`, name_of(id) giving each stored id's name.
  template <class NameOf>
  std::optional<Id> find(std::string_view name, const NameOf& name_of) const {
    if (slots_.empty()) return std::nullopt;
    const std::uint32_t hash = hash_of(name);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.id == kEmpty) return std::nullopt;
      if (slot.id != kErased && slot.hash == hash && name_of(slot.id) == name) return slot.id;
    }
  }

  /// Adds name → id, unless the name is there: then the id it has, and false.
  template <class NameOf>
  std::pair<Id, bool> insert(std::string_view name, Id id, const NameOf& name_of) {
    if (std::optional<Id> seen = find(name, name_of)) return {*seen, false};
    if ((used_ + 1) * 2 > slots_.size()) rehash(std::max<std::size_t>(16, slots_.size() * 2));
    place(hash_of(name), id);
    ++used_;
    return {id, true};
  }

  /// Removes `name`, which is there.
  template <class NameOf>
  void erase(std::string_view name, const NameOf& name_of) {
    const std::uint32_t hash = hash_of(name);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask; slots_[i].id != kEmpty; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.id != kErased && slot.hash == hash && name_of(slot.id) == name) {
        slot.id = kErased;  // still a step of other names' probes: counted in used_
        return;
      }
    }
  }

 private:
  static constexpr Id kEmpty = 0xffffffffu;
  static constexpr Id kErased = 0xfffffffeu;
  struct Slot {
    std::uint32_t hash = 0;
    Id id = kEmpty;
  };

  static std::uint32_t hash_of(std::string_view name) {
    const std::size_t h = std::hash<std::string_view>{}(name);
    return static_cast<std::uint32_t>(h ^ (h >> 32));
  }

  void place(std::uint32_t hash, Id id) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = hash & mask;
    while (slots_[i].id != kEmpty) i = (i + 1) & mask;
    slots_[i] = Slot{hash, id};
  }

  // Grows to the power of two at least `wanted`, dropping erased slots.
  void rehash(std::size_t wanted) {
    std::size_t size = 16;
    while (size < wanted) size *= 2;
    std::vector<Slot> old(size);
    old.swap(slots_);
    used_ = 0;
    for (const Slot& slot : old) {
      if (slot.id == kEmpty || slot.id == kErased) continue;
      place(slot.hash, slot.id);
      ++used_;
    }
  }

  std::vector<Slot> slots_;  // a power of two, at most half used
  std::size_t used_ = 0;     // ids and erased slots
};

}  // namespace leibniz::graph
