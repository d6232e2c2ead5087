// A model file's text and name, and errors located in it: "model.lz:3:5: undefined
// name 'z'" with the 0-based offset into the file as the error's position.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "leibniz/core/error.h"

namespace leibniz::graph {

struct Location {
  std::size_t line = 1;    ///< 1-based
  std::size_t column = 1;  ///< 1-based, in characters (UTF-8 continuation bytes not counted)
};

struct Source {
  std::string name;  ///< the file name, as given
  std::string text;

  /// Line and column of a 0-based byte offset.
  Location locate(std::size_t offset) const;
  /// The line holding `offset`, without its newline.
  std::string_view line_at(std::size_t offset) const;
  /// Two lines for an error report: the line holding `offset`, and a caret under it.
  std::string caret(std::size_t offset) const;
  /// Error{kind, "NAME:LINE:COL: message", offset}.
  Error error(ErrorKind kind, std::size_t offset, std::string_view message) const;
};

/// The whole file (read_whole_file); throws Error{Request} "cannot read 'PATH': REASON".
Source read_source(const std::string& path);

}  // namespace leibniz::graph
