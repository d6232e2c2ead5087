// A Call's key is its name, then, for a derivative, "'" and the 0-based slots joined by
// commas: "f", "f'0", "f'0,0,1". Names are identifiers, so the key is unambiguous, and
// interning and order see the derivative as part of the node.
#include "leibniz/expr/call.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "leibniz/core/error.h"
#include "leibniz/expr/node_map.h"

namespace leibniz {

Expr call(std::string_view name, std::span<const Expr> args, std::vector<std::size_t> slots) {
  LZ_ASSERT(!args.empty(), "a call without arguments");
  std::sort(slots.begin(), slots.end());
  std::string key(name);
  for (std::size_t i = 0; i < slots.size(); ++i) {
    LZ_ASSERT(slots[i] < args.size(), "a derivative slot beyond the arguments");
    key += (i == 0 ? "'" : ",") + std::to_string(slots[i]);
  }
  return detail::make_call(key, args);
}

std::string call_name(const Expr& e) {
  const std::string& key = e.name();
  return key.substr(0, key.find('\''));
}

std::vector<std::size_t> call_slots(const Expr& e) {
  const std::string& key = e.name();
  std::vector<std::size_t> slots;
  std::size_t at = key.find('\'');
  while (at != std::string::npos) {
    const std::size_t start = at + 1;
    at = key.find(',', start);
    slots.push_back(std::stoul(key.substr(start, at - start)));
  }
  return slots;
}

Expr call_derivative(const Expr& e, std::size_t slot) {
  std::vector<std::size_t> slots = call_slots(e);
  slots.push_back(slot);
  return call(call_name(e), e.args(), std::move(slots));
}

Expr partial_in(const Expr& e, const Expr& wrt) {
  if (!e.is(Kind::Call) || wrt.is_number()) return {};
  const auto args = e.args();
  std::optional<std::size_t> slot;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == wrt) {
      if (slot) return {};
      slot = i;
    } else if (wrt.is(Kind::Symbol) && occurs_in(wrt, args[i])) {
      return {};
    }
  }
  return slot ? call_derivative(e, *slot) : Expr();
}

Expr derivative_by_label(const Expr& e, const Expr& label) {
  if (Expr partial = partial_in(e, label); !partial.is_null()) return partial;
  if (!e.is(Kind::Call) || !label.is(Kind::Symbol)) return {};
  const auto args = e.args();
  std::optional<std::size_t> slot;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (occurs_in(label, args[i])) return {};  // the name is a variable here
    if (args[i].is(Kind::Call) && call_name(args[i]) == label.name()) {
      if (slot) return {};
      slot = i;
    }
  }
  if (!slot || !call_slots(args[*slot]).empty()) return {};
  return call_derivative(e, *slot);
}

bool names_a_function_in(const Expr& e, const Expr& label) {
  if (!label.is(Kind::Symbol)) return false;
  const std::vector<std::string> names = undefined_function_names(e);
  return std::binary_search(names.begin(), names.end(), label.name());
}

bool is_one_letter_function(std::string_view name) {
  return name.size() == 1 && std::isalpha(static_cast<unsigned char>(name[0])) && name != "e";
}

bool occurs_in(const Expr& part, const Expr& e) {
  std::vector<Expr> stack{e};
  NodeSet seen;
  while (!stack.empty()) {
    Expr x = std::move(stack.back());
    stack.pop_back();
    if (x == part) return true;
    for (const Expr& a : x.args()) {
      if (seen.insert(a)) stack.push_back(a);
    }
  }
  return false;
}

namespace {

// Walks e as a tree, without a set of the nodes seen, spending one of `budget` per node:
// true if it finds a Call, false if there is none, nullopt if the budget runs out (a
// shared DAG can have many more paths than nodes).
std::optional<bool> has_call_within(const Expr& e, int& budget) {
  if (--budget < 0) return std::nullopt;
  if (e.is(Kind::Call)) return true;
  for (const Expr& a : e.args()) {
    const std::optional<bool> found = has_call_within(a, budget);
    if (!found || *found) return found;
  }
  return false;
}

}  // namespace

bool has_undefined_function(const Expr& e) {
  int budget = 64;  // the small expressions of a single call
  if (const std::optional<bool> found = has_call_within(e, budget)) return *found;
  return !undefined_function_names(e).empty();
}

std::vector<std::string> undefined_function_names(const Expr& e) {
  std::vector<std::string> names;
  std::vector<Expr> stack{e};
  NodeSet seen;
  while (!stack.empty()) {
    Expr x = std::move(stack.back());
    stack.pop_back();
    if (x.is(Kind::Call)) names.push_back(call_name(x));
    for (const Expr& a : x.args()) {
      if (seen.insert(a)) stack.push_back(a);
    }
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::optional<std::string> undefined_function_in(const Expr& e) {
  std::vector<std::string> names = undefined_function_names(e);
  if (names.empty()) return std::nullopt;
  return names.front();
}

}  // namespace leibniz
