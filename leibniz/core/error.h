// The one exception type for failures a user caused, with the spec's error kinds
// (spec/interfaces.md §3), and LZ_ASSERT for broken invariants (bugs).
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace leibniz {

enum class ErrorKind { Parse, Domain, Unsupported, Limit, Request, Internal };

/// The spec's name of an error kind: "parse", "domain", "unsupported", "limit", "request",
/// "internal".
std::string_view kind_name(ErrorKind kind);

class Error : public std::runtime_error {
 public:
  /// `pos` is a 0-based byte offset into the input the error is about, when there is one;
  /// the doors report it as a character offset (core/utf8.h).
  Error(ErrorKind kind, const std::string& message, std::optional<std::size_t> pos = std::nullopt)
      : std::runtime_error(message), kind_(kind), pos_(pos) {}

  ErrorKind kind() const { return kind_; }
  std::optional<std::size_t> pos() const { return pos_; }

 private:
  ErrorKind kind_;
  std::optional<std::size_t> pos_;
};

[[noreturn]] void assertion_failed(const char* file, int line, const char* condition,
                                   const char* why);

}  // namespace leibniz

/// A broken invariant is a bug: abort with file:line, never a user-facing error.
#define LZ_ASSERT(cond, why)                                                  \
  do {                                                                        \
    if (!(cond)) ::leibniz::assertion_failed(__FILE__, __LINE__, #cond, why); \
  } while (false)
