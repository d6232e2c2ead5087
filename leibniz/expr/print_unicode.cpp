// Unicode math for a terminal: 4x³y + 3x²y², 2x·e^(x² + y²), √x, |x|, σ(z), π.
#include <cctype>

#include "leibniz/expr/notation.h"
#include "leibniz/expr/print.h"

namespace leibniz {
namespace {

std::string superscript(const std::string& digits) {
  static const char* const kDigits[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
  std::string out;
  for (char c : digits) {
    if (c == '-') {
      out += "⁻";
    } else {
      out += kDigits[c - '0'];
    }
  }
  return out;
}

bool is_superscript_byte_run(const std::string& s, std::size_t from) {
  // Superscript digits and the minus sign are multi-byte UTF-8 sequences.
  for (std::size_t i = from; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) < 0x80) return false;
  }
  return true;
}

// One letter, possibly with a superscript: may be juxtaposed without a dot.
bool is_simple(const std::string& s) {
  if (s.empty()) return false;
  if (s.rfind("π", 0) == 0) return is_superscript_byte_run(s, std::string("π").size());
  return std::isalpha(static_cast<unsigned char>(s[0])) && is_superscript_byte_run(s, 1);
}

class UnicodeNotation final : public Notation {
 public:
  std::string number(const Number& n) const override { return n.to_string(); }
  std::string symbol(const std::string& name) const override { return name; }
  std::string constant(ConstantId id) const override { return id == ConstantId::E ? "e" : "π"; }
  std::string call(const FunctionInfo& f, const std::string& argument) const override {
    if (f.fn == Fn::Abs) return "|" + argument + "|";
    return std::string(f.unicode) + "(" + argument + ")";
  }
  std::string parens(const std::string& inner) const override { return "(" + inner + ")"; }
  std::string power(const std::string& base, const Expr& exponent, const std::string& exponent_text,
                    Precedence exponent_prec) const override {
    if (exponent.is_integer()) return base + superscript(exponent.number().to_string());
    if (exponent_prec >= Precedence::Atom) return base + "^" + exponent_text;
    return base + "^(" + exponent_text + ")";
  }
  std::string square_root(const std::string& radicand) const override {
    for (char c : radicand) {
      if (!std::isalnum(static_cast<unsigned char>(c))) return "√(" + radicand + ")";
    }
    return "√" + radicand;
  }
  std::string product(const std::vector<std::string>& factors,
                      const std::vector<bool>& is_number) const override {
    std::string out;
    for (std::size_t i = 0; i < factors.size(); ++i) {
      if (i > 0) {
        const bool after_number =
            is_number[i - 1] && !std::isdigit(static_cast<unsigned char>(factors[i][0]));
        const bool letters = is_simple(factors[i - 1]) && is_simple(factors[i]);
        out += after_number || letters ? "" : "·";
      }
      out += factors[i];
    }
    return out;
  }
};

}  // namespace

std::string print_unicode(const Expr& e) { return print_with(UnicodeNotation(), e); }

}  // namespace leibniz
