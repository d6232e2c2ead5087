// How a byte of a JSON string stands when the batch reads or writes the string itself
// (batch_read.cpp, batch_write.cpp): one table lookup a byte, the hot loop of both.
#pragma once

#include <array>
#include <cstdint>

namespace leibniz::app {

enum class JsonByte : std::uint8_t {
  Plain,             ///< printable ASCII written as itself
  QuoteOrBackslash,  ///< '"' or '\\': ends the string or escapes, written after a backslash
  Other,             ///< a control character or a byte past ASCII: the general reader/writer
};

inline constexpr std::array<JsonByte, 256> kJsonBytes = [] {
  std::array<JsonByte, 256> bytes{};
  for (int b = 0; b < 256; ++b) {
    bytes[static_cast<std::size_t>(b)] = b < 0x20 || b > 0x7e ? JsonByte::Other : JsonByte::Plain;
  }
  bytes['"'] = bytes['\\'] = JsonByte::QuoteOrBackslash;
  return bytes;
}();

inline JsonByte json_byte(char c) { return kJsonBytes[static_cast<unsigned char>(c)]; }

}  // namespace leibniz::app
