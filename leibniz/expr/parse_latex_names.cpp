#include "leibniz/expr/parse_latex_names.h"

#include <array>
#include <cctype>

namespace leibniz {
namespace {

constexpr std::array<std::string_view, 30> kGreek = {
    "alpha",  "beta",   "gamma", "delta", "epsilon", "zeta",  "eta", "theta", "iota",   "kappa",
    "lambda", "mu",     "nu",    "xi",    "rho",     "sigma", "tau", "phi",   "chi",    "psi",
    "omega",  "varphi", "Gamma", "Delta", "Theta",   "Phi",   "Psi", "Omega", "Lambda", "vartheta"};

// The accents a name may carry: \hat{y} is the name yhat.
constexpr std::array<std::string_view, 3> kAccents = {"hat", "bar", "tilde"};

bool is_letter_name(std::string_view s) {
  return (s.size() == 1 && std::isalpha(static_cast<unsigned char>(s[0]))) || is_latex_greek(s);
}

std::string letter(const std::string& s) { return s.size() == 1 ? s : "\\" + s; }

// One piece of a subscript: \theta for a Greek name, as written otherwise.
std::string subscript_piece(const std::string& piece) {
  return is_latex_greek(piece) ? "\\" + piece + " " : piece;
}

}  // namespace

bool is_latex_greek(std::string_view name) {
  for (std::string_view g : kGreek) {
    if (name == g) return true;
  }
  return false;
}

std::string latex_variable_name(std::string_view base, std::string_view subscript) {
  std::string sub;
  for (char c : subscript) {
    if (c == '-') {
      sub += 'm';
    } else if (c == '+') {
      sub += 'p';
    } else if (c == ',') {
      sub += '_';  // w_{i,j} -> w_i_j
    } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
      sub += c;
    }
  }
  return std::string(base) + "_" + sub;
}

std::string latex_name(const std::string& name) {
  if (name.size() == 1 && std::isalpha(static_cast<unsigned char>(name[0]))) {
    // A bare d would read as a differential (\frac{d x}{d y}, \, dx).
    return name == "d" ? "{d}" : name;
  }
  // \sigma followed by a parenthesis is the sigmoid: the variable keeps to its braces.
  if (name == "sigma") return "{\\sigma}";
  if (is_latex_greek(name)) return "\\" + name;
  if (const auto underscore = name.find('_'); underscore != std::string::npos && underscore > 0) {
    const std::string base = name.substr(0, underscore);
    std::string sub, piece;
    for (char c : name.substr(underscore + 1) + "_") {
      if (c != '_') {
        piece += c;
        continue;
      }
      sub += subscript_piece(piece) + "_";
      piece.clear();
    }
    sub.pop_back();
    while (sub.find(" _") != std::string::npos) sub.erase(sub.find(" _"), 1);
    if (!sub.empty() && sub.back() == ' ') sub.pop_back();
    // A single letter, e or pi included, followed by _ is a name's base.
    const std::string printed_base =
        base.size() == 1 || base == "pi" || base == "sigma" ? letter(base) : latex_name(base);
    const std::string printed = printed_base + "_{" + sub + "}";
    return base == "sigma" ? "{" + printed + "}" : printed;
  }
  for (std::string_view accent : kAccents) {
    if (name.size() > accent.size() && name.ends_with(accent)) {
      const std::string inner = name.substr(0, name.size() - accent.size());
      if (is_letter_name(inner)) return "\\" + std::string(accent) + "{" + letter(inner) + "}";
    }
  }
  std::string escaped;  // a name that starts with _
  for (char c : name) escaped += c == '_' ? std::string("\\_") : std::string(1, c);
  return "\\mathrm{" + escaped + "}";
}

}  // namespace leibniz
