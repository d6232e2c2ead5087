// The unrolled steps of a large model's loop, read once per form: `tanh(w*h_6 + b)`
// and `tanh(w*h_7 + b)` are one text with their indexed names taken out,
// `tanh(w*__lz0 + b)`, parsed once; each step is that form and the names it stands for
// (graph_build.cpp makes the step's shape from it directly, with no Expr per step, or
// puts the names back when it needs the step's own Expr). The names taken out are the
// model's names that hold a digit (loop elements); any text the form cannot stand for
// exactly — non-ASCII, a call — is left to the parser, as written.
#pragma once

#include <cstdint>
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
  /// The index of a name of the model, or nullopt for a name the model does not define.
  using NameIndex = std::function<std::optional<std::uint32_t>(std::string_view)>;

  struct Match {
    Expr form;                         ///< over the stand-ins and the names left in the text
    std::vector<std::uint32_t> names;  ///< by stand-in k: the index of the name it stands for
  };

  /// The form of `text` and the names it stands for; nullopt when the text has no form
  /// (parse it as written: that also gives any error its place). `options` must have no
  /// user functions: a call of one makes graph nodes as it is read.
  std::optional<Match> match(std::string_view text, const NameIndex& name_index,
                             const ParseOptions& options);

  /// __lz0, __lz1, …: stand-in k is the symbol of match.names[k] in a match's form.
  const std::vector<Expr>& stand_ins() const { return stand_ins_; }

  /// The Expr the matched text parses to: the form with stand-in k replaced by symbols[k].
  Expr expr(const Match& match, std::span<const Expr* const> symbols) const;

 private:
  // Forms are kept while few: a loop whose text changes with each step beyond its names
  // (t itself in the body) would otherwise keep one per step.
  static constexpr std::size_t kMaxForms = 256;

  std::unordered_map<std::string, Expr> forms_;
  std::vector<Expr> stand_ins_;  // __lz0, __lz1, …
  std::string form_;             // the text being matched, kept for its capacity
};

}  // namespace leibniz::graph
