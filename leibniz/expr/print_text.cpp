// The plain text notation of spec §1; what it prints parses back to the same node.
#include <ostream>

#include "leibniz/expr/notation.h"
#include "leibniz/expr/print.h"

namespace leibniz {
namespace {

class TextNotation final : public Notation {
 public:
  std::string number(const Number& n) const override { return n.to_string(); }
  std::string symbol(const std::string& name) const override { return name; }
  std::string constant(ConstantId id) const override { return id == ConstantId::E ? "e" : "pi"; }
  std::string call(const FunctionInfo& f, const std::string& argument) const override {
    return joined({f.name, "(", argument, ")"});
  }
  std::string parens(const std::string& inner) const override { return joined({"(", inner, ")"}); }
  std::string power(const std::string& base, const Expr& /*exponent*/,
                    const std::string& exponent_text, Precedence exponent_prec) const override {
    // e^(x^2), not e^x^2: right-associative, but easily misread.
    if (exponent_prec >= Precedence::Atom) return joined({base, "^", exponent_text});
    return joined({base, "^(", exponent_text, ")"});
  }
  std::string square_root(const std::string& radicand) const override {
    return joined({"sqrt(", radicand, ")"});
  }
  std::string product(std::span<const Piece> factors) const override {
    std::size_t size = factors.size();
    for (const Piece& f : factors) size += f.text.size();
    std::string out;
    out.reserve(size);
    for (const Piece& f : factors) {
      if (!out.empty()) out += '*';
      out += f.text;
    }
    return out;
  }
};

}  // namespace

const Notation& text_notation() {
  static const TextNotation notation;
  return notation;
}

std::string print_text(const Expr& e) { return print_with(text_notation(), e); }

std::ostream& operator<<(std::ostream& out, const Expr& e) { return out << print_text(e); }

}  // namespace leibniz
