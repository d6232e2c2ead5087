// The tokens of LaTeX math for parse_latex: numbers, single letters, commands and
// punctuation. Spacing commands (\, \; \quad ...) are dropped but mark the next token.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace leibniz::latex {

enum class T {
  Number,
  Letter,
  Command,
  LBrace,
  RBrace,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
  Bar,
  Plus,
  Minus,
  Star,
  Slash,
  Caret,
  Underscore,
  Equals,
  Prime,
  End
};

struct Tok {
  T kind;
  std::size_t pos;
  std::string text;     // the number, the letter, or the command name without '\'
  bool spaced = false;  // a spacing command came just before: the d of "x \, dx"
  bool blank = false;   // a blank came just before: the d of "x^2 dx"
};

/// The tokens of `s`, ending with T::End. Throws Error{Parse} on a character that is
/// not LaTeX math, and on a number with two decimal points.
std::vector<Tok> tokenize(std::string_view s);

}  // namespace leibniz::latex
