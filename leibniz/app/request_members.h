// A request's members by name: a JSON object's, or those of a plain batch line read
// without building an object (batch_read.h). The request's readers (run_request, Fields)
// look members up here, so both kinds of request go through the same code.
#pragma once

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string_view>
#include <utility>
#include <vector>

namespace leibniz::app {

class RequestMembers {
 public:
  RequestMembers() = default;
  /// The members of a JSON object, which outlives this.
  explicit RequestMembers(const nlohmann::json& object) {
    reserve(object.size());
    for (auto it = object.begin(); it != object.end(); ++it) add(it.key(), &*it);
  }

  void reserve(std::size_t members) { members_.reserve(members); }

  /// Adds a member; a later one of the same name replaces it, as in a parsed object.
  void add(std::string_view name, const nlohmann::json* value) {
    const auto same = std::ranges::find(members_, name, &Member::first);
    if (same != members_.end()) {
      same->second = value;
    } else {
      members_.emplace_back(name, value);
    }
  }

  /// The member's value, or null.
  const nlohmann::json* find(std::string_view name) const {
    const auto it = std::ranges::find(members_, name, &Member::first);
    return it == members_.end() ? nullptr : it->second;
  }

  using Member = std::pair<std::string_view, const nlohmann::json*>;
  auto begin() const { return members_.begin(); }
  auto end() const { return members_.end(); }

 private:
  std::vector<Member> members_;
};

}  // namespace leibniz::app
