#include "leibniz/expr/parse_latex_tokens.h"

#include <fmt/format.h>

#include <cctype>

#include "leibniz/core/error.h"
#include "leibniz/core/names.h"

namespace leibniz::latex {
namespace {

// Spacing, sizes, and the arrows the notes put in front of a line as decoration.
bool is_spacing(const std::string& cmd) {
  static const char* const kIgnored[] = {
      ",",      "!",     ";",     ":",     " ",     "quad",    "qquad",      "displaystyle",
      "limits", "big",   "Big",   "bigg",  "Bigg",  "bigl",    "bigr",       "Bigl",
      "Bigr",   "biggl", "biggr", "Biggl", "Biggr", "nearrow", "rightarrow", "textstyle"};
  for (const char* s : kIgnored) {
    if (cmd == s) return true;
  }
  return false;
}

// Commands that are punctuation: \{ \} \| and the bars of an absolute value.
bool punctuation(const std::string& cmd, T& kind) {
  if (cmd == "{" || cmd == "lbrace") {
    kind = T::LBrace;
  } else if (cmd == "}" || cmd == "rbrace") {
    kind = T::RBrace;
  } else if (cmd == "|" || cmd == "vert" || cmd == "lvert" || cmd == "rvert") {
    kind = T::Bar;
  } else {
    return false;
  }
  return true;
}

}  // namespace

std::vector<Tok> tokenize(std::string_view s) {
  std::vector<Tok> out;
  std::size_t i = 0;
  bool spaced = false, blank = false;
  auto push = [&](T kind, std::size_t start, std::string text) {
    out.push_back({kind, start, std::move(text), spaced, blank});
    spaced = blank = false;
  };
  while (i < s.size()) {
    const char c = s[i];
    const std::size_t start = i;
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      blank = true;
      continue;
    }
    if (c == '~') {  // a non-breaking space
      ++i;
      spaced = true;
      continue;
    }
    if (is_digit(c) || (c == '.' && i + 1 < s.size() && is_digit(s[i + 1]))) {
      while (i < s.size() && is_digit(s[i])) ++i;
      if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && is_digit(s[i])) ++i;
      }
      if (i < s.size() && s[i] == '.') {
        throw Error(ErrorKind::Parse, "a number with two decimal points", start);
      }
      // 1e309 and 2e-1 are no LaTeX: 1·e·309 is surely not what was meant.
      const std::size_t sign = i + 1 < s.size() && (s[i + 1] == '-' || s[i + 1] == '+') ? 1 : 0;
      if (i + 1 + sign < s.size() && (s[i] == 'e' || s[i] == 'E') && is_digit(s[i + 1 + sign])) {
        std::size_t end = i + 1 + sign;
        while (end < s.size() && is_digit(s[end])) ++end;
        const std::string number(s.substr(start, end - start));
        throw Error(ErrorKind::Parse,
                    fmt::format("'{}' is not LaTeX: write {} \\cdot 10^{{{}}}", number,
                                s.substr(start, i - start), s.substr(i + 1, end - i - 1)),
                    start);
      }
      push(T::Number, start, std::string(s.substr(start, i - start)));
      continue;
    }
    if (std::isalpha(static_cast<unsigned char>(c))) {
      push(T::Letter, start, std::string(1, c));
      ++i;
      continue;
    }
    if (c == '\\') {
      ++i;
      std::string cmd;
      if (i < s.size() && !std::isalpha(static_cast<unsigned char>(s[i]))) {
        cmd = std::string(1, s[i++]);
      } else {
        while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
        cmd = std::string(s.substr(start + 1, i - start - 1));
      }
      if (cmd.empty()) throw Error(ErrorKind::Parse, "a lone '\\' at the end", start);
      T kind;
      if (is_spacing(cmd)) {
        spaced = true;
      } else if (punctuation(cmd, kind)) {
        push(kind, start, cmd);
      } else {
        push(T::Command, start, cmd);
      }
      continue;
    }
    T kind;
    switch (c) {
      case '{': kind = T::LBrace; break;
      case '}': kind = T::RBrace; break;
      case '(': kind = T::LParen; break;
      case ')': kind = T::RParen; break;
      case '[': kind = T::LBracket; break;
      case ']': kind = T::RBracket; break;
      case '|': kind = T::Bar; break;
      case '+': kind = T::Plus; break;
      case '-': kind = T::Minus; break;
      case '*': kind = T::Star; break;
      case '/': kind = T::Slash; break;
      case '^': kind = T::Caret; break;
      case '_': kind = T::Underscore; break;
      case '=': kind = T::Equals; break;
      case '\'': kind = T::Prime; break;
      case ',': kind = T::Comma; break;
      default: {
        // The whole of a UTF-8 character (θ, ·), not its first byte.
        std::size_t end = i + 1;
        while ((static_cast<unsigned char>(c) & 0x80) && end < s.size() &&
               (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) {
          ++end;
        }
        throw Error(ErrorKind::Parse,
                    fmt::format("unexpected character '{}'", s.substr(i, end - i)), start);
      }
    }
    push(kind, start, std::string(1, c));
    ++i;
  }
  out.push_back({T::End, s.size(), "", spaced, blank});
  return out;
}

}  // namespace leibniz::latex
