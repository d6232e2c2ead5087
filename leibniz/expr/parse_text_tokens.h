// The tokens of the text syntax (spec §1), including the Unicode forms print_unicode
// writes: superscript exponents (x³, x⁻¹), '·' '×' '÷' '−', 'π', '√', '|x|', Greek names.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace leibniz::text {

enum class Tok {
  Number,
  Name,         ///< an identifier, or 'π', or a name of Greek letters ("σ")
  Superscript,  ///< a run of superscript digits and signs: an integer exponent
  Sqrt,         ///< '√'
  Bar,          ///< '|', around an absolute value
  Partial,      ///< '∂', in ∂/∂x
  Prime,        ///< '′' or '\'', in g′(x)
  Plus,
  Minus,
  Star,
  Slash,
  Caret,
  LParen,
  RParen,
  Comma,
  End
};

struct Token {
  Tok kind;
  std::size_t pos;  ///< 0-based byte offset into the input
  std::string_view text;
};

/// Splits the input; "2x", "x³y" and "πx" get the implied '*' (an empty Star token).
/// Throws Error{Parse} at an unexpected character.
std::vector<Token> tokenize(std::string_view input);

/// The Latin name of a Name token of Greek letters: "θ" -> "theta", as LaTeX's \theta.
std::string greek_name(std::string_view run);

/// The integer a Superscript token stands for, in ASCII: "⁻¹²" -> "-12".
std::string superscript_value(std::string_view text);

/// "'x'" or "the end of the input", for messages.
std::string describe(const Token& t);

}  // namespace leibniz::text
