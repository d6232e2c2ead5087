// The unrolled steps of a large model's loop, parsed once per form: `tanh(w*h_6 + b)`
// and `tanh(w*h_7 + b)` are one text with their indexed names taken out,
// `tanh(w*__lz0 + b)`, parsed once; each step is that Expr with its own names put back
// (a substitution, far cheaper than reading the text again). The names taken out are the
// model's names that hold a digit (loop elements); any text the form cannot stand for
// exactly — non-ASCII, a call — is left to the parser, as written.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "leibniz/expr/expr.h"
#include "leibniz/expr/parse.h"

namespace leibniz::graph {

/// e with each symbol from[k] replaced by to[k] (substitute's answer): a small tree is
/// rebuilt node by node, without substitute's maps, which matter once per step of a loop.
Expr rename_symbols(const Expr& e, std::span<const Expr* const> from,
                    std::span<const Expr* const> to);

class StatementForms {
 public:
  /// The symbol of a name of the model, or null for a name the model does not define.
  using NameSymbol = std::function<const Expr*(std::string_view)>;

  /// The Expr `text` parses to, from its form; nullopt when the text has no form (parse
  /// it as written: that also gives any error its place). `options` must have no user
  /// functions: a call of one makes graph nodes as it is read.
  std::optional<Expr> parse(std::string_view text, const NameSymbol& name_symbol,
                            const ParseOptions& options);

 private:
  // Forms are kept while few: a loop whose text changes with each step beyond its names
  // (t itself in the body) would otherwise keep one per step.
  static constexpr std::size_t kMaxForms = 256;

  std::unordered_map<std::string, Expr> forms_;
  std::vector<Expr> stand_ins_;  // __lz0, __lz1, …
};

}  // namespace leibniz::graph
