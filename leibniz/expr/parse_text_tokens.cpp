// The tokenizer of the text syntax. Input is UTF-8: ASCII is the syntax of spec §1; the
// few non-ASCII characters below are the ones the Unicode printer writes, so that its
// output reads back (4x³y, 2x·e^(x² + y²), √(1 − x²), σ(z), π·|x|).
#include "leibniz/expr/parse_text_tokens.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <utility>

#include "leibniz/core/error.h"
#include "leibniz/core/names.h"

namespace leibniz::text {
namespace {

// The code point at s[i] and its length in bytes; a malformed sequence is one byte.
std::pair<char32_t, std::size_t> code_point(std::string_view s, std::size_t i) {
  const auto byte = [&s](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b = byte(i);
  auto continuation = [&](std::size_t k) { return k < s.size() && (byte(k) & 0xC0) == 0x80; };
  if (b >= 0xC0 && b < 0xE0 && continuation(i + 1)) {
    return {static_cast<char32_t>(((b & 0x1F) << 6) | (byte(i + 1) & 0x3F)), 2};
  }
  if (b >= 0xE0 && b < 0xF0 && continuation(i + 1) && continuation(i + 2)) {
    return {static_cast<char32_t>(((b & 0x0F) << 12) | ((byte(i + 1) & 0x3F) << 6) |
                                  (byte(i + 2) & 0x3F)),
            3};
  }
  return {b, 1};
}

constexpr char32_t kPi = U'π';

bool is_greek(char32_t c) {
  return c != kPi && c != 0x3A2 && ((c >= 0x391 && c <= 0x3A9) || (c >= 0x3B1 && c <= 0x3C9));
}

// The Latin spelling of a Greek letter, as LaTeX's \theta reads ("theta"), so that θ, \theta
// and theta are one name in every door.
std::string_view greek_spelling(char32_t c) {
  static constexpr std::string_view kUpper[] = {
      "Alpha", "Beta",   "Gamma",   "Delta", "Epsilon", "Zeta",    "Eta",  "Theta", "Iota",
      "Kappa", "Lambda", "Mu",      "Nu",    "Xi",      "Omicron", "Pi",   "Rho",   "",
      "Sigma", "Tau",    "Upsilon", "Phi",   "Chi",     "Psi",     "Omega"};
  static constexpr std::string_view kLower[] = {
      "alpha", "beta",   "gamma",   "delta", "epsilon", "zeta",    "eta",  "theta", "iota",
      "kappa", "lambda", "mu",      "nu",    "xi",      "omicron", "pi",   "rho",   "varsigma",
      "sigma", "tau",    "upsilon", "phi",   "chi",     "psi",     "omega"};
  static_assert(std::size(kUpper) == 0x3A9 - 0x391 + 1 && std::size(kLower) == 0x3C9 - 0x3B1 + 1);
  if (c >= 0x391 && c <= 0x3A9) return kUpper[c - 0x391];
  return kLower[c - 0x3B1];
}

// A superscript digit's value, 10 for '⁻', 11 for '⁺', -1 for anything else.
int superscript_digit(char32_t c) {
  switch (c) {
    case U'⁰': return 0;
    case U'¹': return 1;
    case U'²': return 2;
    case U'³': return 3;
    case U'⁻': return 10;
    case U'⁺': return 11;
    default: return c >= U'⁴' && c <= U'⁹' ? static_cast<int>(c - U'⁴') + 4 : -1;
  }
}

// Whether a factor starts at s[i]: a name, 'π', a Greek name, '(' or '√'.
bool starts_factor(std::string_view s, std::size_t i, bool paren) {
  if (i >= s.size()) return false;
  if (is_name_start(s[i])) return true;
  if (s[i] == '(') return paren;
  const char32_t c = code_point(s, i).first;
  return c == kPi || is_greek(c) || c == U'√';
}

}  // namespace

std::string describe(const Token& t) {
  if (t.kind == Tok::End) return "the end of the input";
  if (t.kind == Tok::Star && t.text.empty()) return "an implied '*'";
  return fmt::format("'{}'", t.text);
}

std::string greek_name(std::string_view run) {
  std::string name;
  for (std::size_t i = 0; i < run.size();) {
    const auto [cp, length] = code_point(run, i);
    name += greek_spelling(cp);
    i += length;
  }
  return name;
}

std::string superscript_value(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto [c, length] = code_point(text, i);
    const int d = superscript_digit(c);
    out += d == 10 ? '-' : d == 11 ? '+' : static_cast<char>('0' + d);
    i += length;
  }
  return out;
}

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  // A token a character at most, or a few more with implied products: one allocation for
  // a short expression, where growing by doubling took five.
  out.reserve(std::min<std::size_t>(s.size() + 2, 64));
  std::size_t i = 0;
  // The implied '*' of "2x", "x³y", "πx": an empty Star token where the factor starts.
  auto implied_product_if = [&](bool factor_follows) {
    if (factor_follows) out.push_back({Tok::Star, i, s.substr(i, 0)});
  };
  while (i < s.size()) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    const std::size_t start = i;
    if (is_digit(c) || (c == '.' && i + 1 < s.size() && is_digit(s[i + 1]))) {
      while (i < s.size() && is_digit(s[i])) ++i;
      if (i < s.size() && s[i] == '.') {
        ++i;
        while (i < s.size() && is_digit(s[i])) ++i;
      }
      // An exponent only if digits follow: "2e3" is a number, "2e" is 2*e.
      if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        std::size_t j = i + 1;
        if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
        if (j < s.size() && is_digit(s[j])) {
          i = j;
          while (i < s.size() && is_digit(s[i])) ++i;
        }
      }
      out.push_back({Tok::Number, start, s.substr(start, i - start)});
      implied_product_if(starts_factor(s, i, true));  // "2x", "2(x+1)", "2√x", "2π"
      continue;
    }
    if (is_name_start(c)) {
      while (i < s.size() && is_name_char(s[i])) ++i;
      out.push_back({Tok::Name, start, s.substr(start, i - start)});
      continue;
    }
    if (static_cast<unsigned char>(c) >= 0x80) {
      const auto [cp, length] = code_point(s, i);
      if (cp == kPi) {
        i += length;
        out.push_back({Tok::Name, start, s.substr(start, length)});
        implied_product_if(i < s.size() && (is_name_start(s[i]) || code_point(s, i).first == kPi ||
                                            is_greek(code_point(s, i).first)));  // "πx"
        continue;
      }
      if (is_greek(cp)) {
        i += length;
        while (i < s.size() && is_greek(code_point(s, i).first)) i += code_point(s, i).second;
        out.push_back({Tok::Name, start, s.substr(start, i - start)});
        continue;
      }
      if (superscript_digit(cp) >= 0) {
        while (i < s.size() && superscript_digit(code_point(s, i).first) >= 0) {
          i += code_point(s, i).second;
        }
        out.push_back({Tok::Superscript, start, s.substr(start, i - start)});
        implied_product_if(starts_factor(s, i, true));  // "x³y", "x²(x + 1)"
        continue;
      }
      Tok kind;
      switch (cp) {
        case U'·':
        case U'×':
        case U'⋅': kind = Tok::Star; break;
        case U'÷': kind = Tok::Slash; break;
        case U'−': kind = Tok::Minus; break;
        case U'√': kind = Tok::Sqrt; break;
        case U'∂': kind = Tok::Partial; break;
        case U'′': kind = Tok::Prime; break;
        default: {
          const std::string shown = length > 1
                                        ? fmt::format("'{}'", s.substr(i, length))
                                        : fmt::format("byte 0x{:02x}", static_cast<unsigned>(cp));
          throw Error(ErrorKind::Parse, fmt::format("unexpected character {}", shown), start);
        }
      }
      out.push_back({kind, start, s.substr(start, length)});
      i += length;
      continue;
    }
    Tok kind;
    switch (c) {
      case '+': kind = Tok::Plus; break;
      case '-': kind = Tok::Minus; break;
      case '*': kind = Tok::Star; break;
      case '/': kind = Tok::Slash; break;
      case '^': kind = Tok::Caret; break;
      case '\'': kind = Tok::Prime; break;
      case '(': kind = Tok::LParen; break;
      case ')': kind = Tok::RParen; break;
      case ',': kind = Tok::Comma; break;
      case '|': kind = Tok::Bar; break;
      default: {
        const auto byte = static_cast<unsigned char>(c);
        std::string shown = std::isprint(byte)
                                ? fmt::format("'{}'", c)
                                : fmt::format("byte 0x{:02x}", static_cast<unsigned>(byte));
        throw Error(ErrorKind::Parse, fmt::format("unexpected character {}", shown), start);
      }
    }
    out.push_back({kind, start, s.substr(start, 1)});
    ++i;
  }
  out.push_back({Tok::End, s.size(), s.substr(s.size())});
  return out;
}

}  // namespace leibniz::text
