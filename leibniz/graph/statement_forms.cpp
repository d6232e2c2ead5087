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

std::optional<StatementForms::Match> StatementForms::match(std::string_view text,
                                                           const NameIndex& name_index,
                                                           const ParseOptions& options) {
  if (text.find(kStandInPrefix) != std::string_view::npos) return std::nullopt;
  form_.clear();
  Match out;  // names by stand-in
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) >= 0x80) return std::nullopt;
    if (!is_word_char(text[i])) {
      form_ += text[i++];
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && is_word_char(text[end])) ++end;
    const std::string_view word = text.substr(i, end - i);
    std::size_t after = end;
    while (after < text.size() && text[after] == ' ') ++after;
    std::optional<std::uint32_t> name;
    if (is_plain_name(word) && (after == text.size() || text[after] != '(')) {
      name = name_index(word);
    }
    if (name) {
      std::size_t k = 0;
      while (k < out.names.size() && out.names[k] != *name) ++k;
      if (k == out.names.size()) out.names.push_back(*name);
      form_ += kStandInPrefix;
      fmt::format_to(std::back_inserter(form_), "{}", k);
    } else {
      form_ += word;
    }
    i = end;
  }
  if (out.names.empty()) return std::nullopt;
  while (stand_ins_.size() < out.names.size())
    stand_ins_.push_back(leibniz::symbol(fmt::format("{}{}", kStandInPrefix, stand_ins_.size())));
  if (auto found = forms_.find(form_); found != forms_.end()) {
    out.form = found->second;
    return out;
  }
  try {
    out.form = parse_text(form_, options);
  } catch (const Error&) {
    return std::nullopt;  // read as written, for the error's place
  }
  if (forms_.size() < kMaxForms) forms_.emplace(form_, out.form);
  return out;
}

Expr StatementForms::expr(const Match& match, std::span<const Expr* const> symbols) const {
  std::vector<const Expr*> stand_ins(match.names.size());
  for (std::size_t k = 0; k < match.names.size(); ++k) stand_ins[k] = &stand_ins_[k];
  return rename_symbols(match.form, stand_ins, symbols);
}

}  // namespace leibniz::graph
