// The recurrent syntax of model files, turned into plain expression text: indexed
// names (h[t-1] -> h_1 when t = 2), sums over a range (sum((h[t] - y[t])^2 for t = 1..2)),
// bound index names (t, T) replaced by their values, and decimals read exactly
// (0.5 -> (1/2)). Each character of the result remembers its offset in the file, so
// that errors found later still point at what the user wrote.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "leibniz/core/number.h"
#include "leibniz/graph/source.h"

namespace leibniz::graph {

/// Index names in scope (loop variables, `const` sizes) and their values.
using Bindings = std::map<std::string, long, std::less<>>;

struct Expanded {
  /// Characters of text from one place: from `pos` on (to the next run), at file offset
  /// `origin`, and when `copied`, each at the next offset (text copied from the file).
  /// Runs, not an offset per character: a loop of a million steps keeps one text a step.
  struct Run {
    std::size_t pos = 0;
    std::size_t origin = 0;
    bool copied = false;
  };

  std::string text;
  std::vector<Run> runs;
  std::size_t end = 0;  ///< the file offset of the text's end

  /// The file offset of text[pos]; the end's for pos past the text.
  std::size_t offset_of(std::size_t pos) const;
  /// Appends s, every character from file offset `origin`.
  void append(std::string_view s, std::size_t origin);
  /// Appends c, from file offset `origin`.
  void push_back(char c, std::size_t origin);
};

/// Expands source.text[begin, end). Throws Error{Parse} located in the file.
Expanded expand_text(const Source& source, std::size_t begin, std::size_t end,
                     const Bindings& bindings);

/// The value of an index expression (integers, bound names, + - *, parentheses) in
/// source.text[begin, end): "t-1" with t = 2 is 1.
long evaluate_index(const Source& source, std::size_t begin, std::size_t end,
                    const Bindings& bindings);

/// A range "t = 1..T": the index name and its first and last value (last < first is empty).
struct Range {
  std::string name;
  long first = 0;
  long last = -1;
};

/// Reads source.text[begin, end) as a range; throws Error{Parse} located in the file.
Range parse_range(const Source& source, std::size_t begin, std::size_t end,
                  const Bindings& bindings);

/// The offset of the last word "for" outside brackets in text[begin, end), or npos.
std::size_t find_top_level_for(std::string_view text, std::size_t begin, std::size_t end);

/// Number::read_exact of `text`, which is at `at` in the source: its Error{Limit} is
/// located there.
std::optional<Number> read_number(const Source& source, std::size_t at, std::string_view text);

/// The name of element `index` of an indexed name: h, 1 -> "h_1".
std::string element_name(std::string_view base, long index);

}  // namespace leibniz::graph
