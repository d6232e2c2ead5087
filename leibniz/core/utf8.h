// Positions in UTF-8 text. The readers locate errors by byte; the doors report the
// spec's character offsets (spec/interfaces.md §3: "a 0-based character offset").
#pragma once

#include <cstddef>
#include <string_view>

namespace leibniz {

/// The number of characters (code points) before `byte_offset` in UTF-8 `text`: "α*β + )"
/// has its ')' at byte 8 and character 6. An offset past the end counts the whole text.
inline std::size_t character_offset(std::string_view text, std::size_t byte_offset) {
  std::size_t characters = 0;
  for (std::size_t i = 0; i < byte_offset && i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++characters;  // not a continuation
  }
  return characters + (byte_offset > text.size() ? byte_offset - text.size() : 0);
}

}  // namespace leibniz
