// How one notation (text, LaTeX, Unicode) writes each piece; the shared walk over the
// expression that decides order, signs, fractions and parentheses is in printer.cpp.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "leibniz/core/number.h"
#include "leibniz/expr/expr.h"
#include "leibniz/expr/functions.h"

namespace leibniz {

/// The pieces one after the other, in one allocation (their total length reserved first):
/// the notations build each piece of text from a few others.
inline std::string joined(std::initializer_list<std::string_view> pieces) {
  std::size_t size = 0;
  for (std::string_view p : pieces) size += p.size();
  std::string out;
  out.reserve(size);
  for (std::string_view p : pieces) out += p;
  return out;
}

/// Binding strength of a printed piece, from loosest to tightest. A Quotient is a
/// derivative written on one line, ∂g(x)/∂x: a factor as it is, but parenthesised as a
/// base, a numerator or a denominator.
enum class Precedence { Sum = 1, Product = 2, Unary = 3, Quotient = 4, Power = 5, Atom = 6 };

/// A printed piece and how tightly it binds; `numeric` marks a number among a product's
/// factors.
struct Piece {
  std::string text;
  Precedence prec;
  bool numeric = false;
};

/// How one slot of an undefined function's derivative is named (spec §1 v2).
struct SlotLabel {
  /// In diff(…, LABEL): the name of the function the argument calls, as after ∂, or else
  /// the argument, when it names the slot alone, else its 1-based place.
  std::string in_diff;
  /// After ∂: a variable, or the name of the function the argument calls (∂f/∂g at
  /// (g(x, y), h(x, y))), when it reads back as this slot, or the argument in parentheses
  /// when it names the slot alone (∂f/∂(x·y)); else (a place) empty.
  std::string after_partial;
  /// The label is a variable: a function of one argument that is none takes primes, g′(x²).
  bool variable = false;
};

class Notation {
 public:
  virtual ~Notation() = default;
  /// A non-negative number.
  virtual std::string number(const Number& n) const = 0;
  virtual std::string symbol(const std::string& name) const = 0;
  virtual std::string constant(ConstantId id) const = 0;
  virtual std::string call(const FunctionInfo& f, const std::string& argument) const = 0;
  virtual std::string parens(const std::string& inner) const = 0;
  /// base already parenthesised where needed; exponent unparenthesised, with its precedence.
  virtual std::string power(const std::string& base, const Expr& exponent,
                            const std::string& exponent_text, Precedence exponent_prec) const = 0;
  virtual std::string square_root(const std::string& radicand) const = 0;
  /// Factors already parenthesised (their precedence unused), numeric ones marked.
  virtual std::string product(std::span<const Piece> factors) const = 0;
  /// `denominator_prec` is the precedence of the denominator's text as one piece.
  /// By default a/b on one line, parenthesised as the text syntax needs.
  virtual std::string fraction(const std::string& numerator, Precedence numerator_prec,
                               const std::string& denominator, Precedence denominator_prec) const {
    const bool quotient = numerator_prec == Precedence::Quotient;
    const std::string top =
        numerator_prec < Precedence::Product || quotient ? parens(numerator) : numerator;
    const std::string bottom =
        denominator_prec <= Precedence::Product || denominator_prec == Precedence::Quotient
            ? parens(denominator)
            : denominator;
    return top + "/" + bottom;
  }
  /// The precedence of what fraction() returns.
  virtual Precedence fraction_precedence() const { return Precedence::Product; }
  virtual std::string minus() const { return "-"; }
  /// An undefined function's derivative (spec §1 v2): the function `name` at its
  /// parenthesised `arguments` (`arity` of them), differentiated once in each labelled
  /// slot (in slot order). By default the text syntax's diff(diff(g(x, y), x), y), which
  /// reads back as the same node.
  virtual Piece derivative(const std::string& name, const std::string& arguments,
                           std::size_t /*arity*/, const std::vector<SlotLabel>& labels) const {
    std::string text = name + arguments;
    for (const SlotLabel& label : labels) text = "diff(" + text + ", " + label.in_diff + ")";
    return {text, Precedence::Atom};
  }
  /// The name of an undefined function.
  virtual std::string function_name(const std::string& name) const { return symbol(name); }
};

/// The shared walk: prints e in the given notation.
std::string print_with(const Notation& notation, const Expr& e);

/// e in each notation, in turn (print_with for each): its size checked once, and the
/// order of each of its sums and products found once for all.
std::vector<std::string> print_with_each(std::span<const Notation* const> notations, const Expr& e);

/// The notations of print_text and print_latex.
const Notation& text_notation();
const Notation& latex_notation();

}  // namespace leibniz
