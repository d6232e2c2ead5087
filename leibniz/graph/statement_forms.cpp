#include "leibniz/graph/statement_forms.h"

#include <fmt/format.h>

#include <cctype>

#include "leibniz/expr/builders.h"
#include "leibniz/expr/functions.h"
#include "leibniz/expr/substitute.h"

namespace leibniz::graph {
namespace {

constexpr std::string_view kStandInPrefix = "__lz";

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
}

// A name the parser reads as a plain symbol whatever is around it, never a function or a
// constant.
bool is_plain_name(std::string_view word) {
  if (word.empty() || !(std::isalpha(static_cast<unsigned char>(word[0])) || word[0] == '_'))
    return false;
  if (word.find('.') != std::string_view::npos) return false;
  if (word.find_first_of("0123456789") == std::string_view::npos) return false;
  return !function_by_name(word) && word != "exp" && word != "sqrt" && word != "diff";
}

}  // namespace

namespace {

constexpr double kSmallTree = 64;

Expr rename_small(const Expr& e, std::span<const Expr* const> from,
                  std::span<const Expr* const> to) {
  if (e.is(Kind::Symbol)) {
    for (std::size_t k = 0; k < from.size(); ++k) {
      if (e == *from[k]) return *to[k];
    }
    return e;
  }
  if (e.args().empty()) return e;
  std::vector<Expr> args;
  args.reserve(e.args().size());
  bool changed = false;
  for (const Expr& a : e.args()) {
    args.push_back(rename_small(a, from, to));
    changed |= !(args.back() == a);
  }
  return changed ? rebuild(e, std::move(args)) : e;
}

}  // namespace

Expr rename_symbols(const Expr& e, std::span<const Expr* const> from,
                    std::span<const Expr* const> to) {
  if (tree_size_at_most(e, kSmallTree)) return rename_small(e, from, to);
  Substitution map;
  for (std::size_t k = 0; k < from.size(); ++k) map.emplace(from[k]->node(), *to[k]);
  return substitute(e, map);
}

std::optional<Expr> StatementForms::parse(std::string_view text, const NameSymbol& name_symbol,
                                          const ParseOptions& options) {
  if (text.find(kStandInPrefix) != std::string_view::npos) return std::nullopt;
  std::string form;
  form.reserve(text.size());
  std::vector<const Expr*> names;  // by stand-in: the symbol it stands for here
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) >= 0x80) return std::nullopt;
    if (!is_word_char(text[i])) {
      form += text[i++];
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && is_word_char(text[end])) ++end;
    const std::string_view word = text.substr(i, end - i);
    std::size_t after = end;
    while (after < text.size() && text[after] == ' ') ++after;
    const Expr* symbol = nullptr;
    if (is_plain_name(word) && (after == text.size() || text[after] != '(')) {
      symbol = name_symbol(word);
    }
    if (symbol) {
      std::size_t k = 0;
      while (k < names.size() && names[k] != symbol) ++k;
      if (k == names.size()) names.push_back(symbol);
      form += fmt::format("{}{}", kStandInPrefix, k);
    } else {
      form += word;
    }
    i = end;
  }
  if (names.empty()) return std::nullopt;
  while (stand_ins_.size() < names.size())
    stand_ins_.push_back(leibniz::symbol(fmt::format("{}{}", kStandInPrefix, stand_ins_.size())));
  auto found = forms_.find(form);
  Expr parsed;
  if (found != forms_.end()) {
    parsed = found->second;
  } else {
    try {
      parsed = parse_text(form, options);
    } catch (const Error&) {
      return std::nullopt;  // read as written, for the error's place
    }
    if (forms_.size() < kMaxForms) forms_.emplace(std::move(form), parsed);
  }
  std::vector<const Expr*> stand_ins(names.size());
  for (std::size_t k = 0; k < names.size(); ++k) stand_ins[k] = &stand_ins_[k];
  return rename_symbols(parsed, stand_ins, names);
}

}  // namespace leibniz::graph
