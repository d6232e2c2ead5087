// The ASCII names of the expression syntax and of model files (spec §1): a letter or
// '_' first, then letters, digits and '_'; and the digits of their numbers. The parsers'
// Unicode letters are theirs.
#pragma once

#include <algorithm>
#include <cctype>
#include <string_view>

namespace leibniz {

inline bool is_name_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}

inline bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

inline bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

inline bool is_name(std::string_view s) {
  return !s.empty() && is_name_start(s.front()) && std::all_of(s.begin(), s.end(), is_name_char);
}

}  // namespace leibniz
