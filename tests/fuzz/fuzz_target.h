// What every libFuzzer target shares: a reader may reject any input, but only with a
// leibniz::Error of a spec kind; any other exception, an "internal" error, a crash or a
// sanitizer report is a finding. See README "Fuzzing".
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "leibniz/core/error.h"
#include "leibniz/core/limits.h"

namespace leibniz::fuzz {

/// The input as text.
inline std::string_view text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// Runs `read` within a short time budget (the fuzzer's own -timeout catches hangs that
/// never look at the clock); an Error of a spec kind is a fine answer to any input.
template <class Read>
int run(Read&& read) {
  try {
    TimeBudget budget(2.0);
    read();
  } catch (const Error& error) {
    if (error.kind() == ErrorKind::Internal) {
      std::fprintf(stderr, "internal error: %s\n", error.what());
      std::abort();
    }
  }
  return 0;
}

}  // namespace leibniz::fuzz
