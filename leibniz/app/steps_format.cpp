// Steps are stored in pre-order with depths; the writer rebuilds the tree so that a
// rule's header comes before its sub-derivations and its assembled result after them.
#include "leibniz/app/steps_format.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "leibniz/calculus/simplify.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/print.h"
#include "leibniz/expr/substitute.h"

namespace leibniz::app {
namespace {

// How one notation writes the pieces of a derivation.
struct Style {
  std::function<std::string(const Expr&)> print;
  std::function<Expr(const Expr&)> rename;  // names for repeated subexpressions, if any
  std::string partial;                      // "∂" or "\partial"
  std::string dot;                          // "·" or " \cdot "
  std::string minus;                        // " − " or " - "
  bool latex = false;

  std::string d_dx(const Expr& var) const {
    return latex ? fmt::format("\\frac{{\\partial}}{{\\partial {}}}", print(var))
                 : fmt::format("∂/∂{}", print(var));
  }
  std::string d_of(const std::string& of, const Expr& var) const {
    return latex ? fmt::format("\\frac{{\\partial {}}}{{\\partial {}}}", of, print(var))
                 : fmt::format("∂{}/∂{}", of, print(var));
  }
  std::string group(const std::string& s) const {
    return latex ? "\\left(" + s + "\\right)" : "(" + s + ")";
  }
  // An expression as a factor: parenthesised unless it is a single atom.
  std::string factor(const Expr& original) const {
    const Expr e = rename ? rename(original) : original;
    const std::string s = print(original);
    const bool atom =
        e.args().empty() || e.is(Kind::Func) || e.is(Kind::Call) || e.is(Kind::RootSum) ||
        (e.is(Kind::Pow) && !(e.exponent().is_number() && e.exponent().number().is_negative()));
    return atom && !(e.is_number() && e.number().is_negative()) ? s : group(s);
  }
  std::string text(const std::string& words) const {
    return latex ? "\\text{" + latex_text(words) + "}" : words;
  }

  // Words for \text{}: TeX's special characters escaped, the few math symbols that
  // rule names use written as math.
  static std::string latex_text(const std::string& words) {
    static const std::pair<const char*, const char*> kSymbols[] = {
        {"∫", "$\\int$"},       {"ᵘ", "$^{u}$"},  {"·", "$\\cdot$"},      {"√", "$\\surd$"},
        {"∂", "$\\partial$"},   {"²", "$^{2}$"},  {"³", "$^{3}$"},        {"−", "-"},
        {"σ", "$\\sigma$"},     {"ψ", "$\\psi$"}, {"≈", "$\\approx$"},    {"′", "'"},
        {"¹", "$^{1}$"},        {"⁺", "$^{+}$"},  {"⁻", "$^{-}$"},        {"ⁿ", "$^{n}$"},
        {"ᵏ", "$^{k}$"},        {"ₖ", "$_{k}$"},  {"Σ", "$\\Sigma$"},     {"λ", "$\\lambda$"},
        {"π", "$\\pi$"},        {"≠", "$\\neq$"}, {"α", "$\\alpha$"},     {"β", "$\\beta$"},
        {"γ", "$\\gamma$"},     {"μ", "$\\mu$"},  {"Π", "$\\Pi$"},        {"Δ", "$\\Delta$"},
        {"ᵢ", "$_{i}$"},        {"ⱼ", "$_{j}$"},  {"₁", "$_{1}$"},        {"₂", "$_{2}$"},
        {"ᵐ", "$^{m}$"},        {"ʲ", "$^{j}$"},  {"ˣ", "$^{x}$"},        {"⁴", "$^{4}$"},
        {"⁶", "$^{6}$"},        {"⁽", "$^{(}$"},  {"⁾", "$^{)}$"},        {"½", "$\\frac{1}{2}$"},
        {"±", "$\\pm$"},        {"∓", "$\\mp$"},  {"→", "$\\to$"},        {"…", "\\ldots{}"},
        {"≤", "$\\leq$"},       {"≥", "$\\geq$"}, {"∛", "$\\sqrt[3]{}$"}, {"ℚ", "$\\mathbb{Q}$"},
        {"ℝ", "$\\mathbb{R}$"}, {"–", "--"}};
    std::string out;
    for (std::size_t i = 0; i < words.size();) {
      const char c = words[i];
      if (static_cast<unsigned char>(c) < 0x80) {
        switch (c) {
          case '^': out += "\\^{}"; break;
          case '_': out += "\\_"; break;
          case '&':
          case '%':
          case '#':
          case '$':
          case '{':
          case '}':
            out += '\\';
            out += c;
            break;
          case '\\': out += "\\textbackslash{}"; break;
          default: out += c;
        }
        ++i;
        continue;
      }
      bool known = false;
      for (const auto& [symbol, tex] : kSymbols) {
        const std::string_view sym(symbol);
        if (words.compare(i, sym.size(), sym) == 0) {
          out += tex;
          i += sym.size();
          known = true;
          break;
        }
      }
      if (!known) {  // another UTF-8 sequence: skip it whole
        ++i;
        while (i < words.size() && (static_cast<unsigned char>(words[i]) & 0xC0) == 0x80) ++i;
        out += '?';
      }
    }
    return out;
  }
};

struct Node {
  const Step* step;
  std::vector<Node> children;
};

std::vector<Node> build_tree(const std::vector<Step>& steps, std::size_t& i, int depth) {
  std::vector<Node> nodes;
  while (i < steps.size() && steps[i].depth == depth) {
    Node n{&steps[i++], {}};
    if (i < steps.size() && steps[i].depth > depth) n.children = build_tree(steps, i, depth + 1);
    nodes.push_back(std::move(n));
  }
  return nodes;
}

class Writer {
 public:
  explicit Writer(Style style) : s_(std::move(style)) {}

  std::vector<std::pair<int, std::string>> lines(const std::vector<Step>& steps) {
    name_repeated_subexpressions(steps);
    std::size_t i = 0;
    std::vector<Node> roots;
    while (i < steps.size()) {
      auto part_roots = build_tree(steps, i, steps[i].depth);
      for (auto& r : part_roots) roots.push_back(std::move(r));
    }
    bool simplifying = false;
    for (const Node& n : roots) {
      if (n.step->operation == StepOperation::Rewrite) {
        if (!simplifying) out_.emplace_back(0, s_.text("Simplifying this:"));
        simplifying = true;
        rewrite(*n.step);
      } else {
        simplifying = false;
        derivation(n, 0);
      }
    }
    return std::move(out_);
  }

 private:
  void line(int depth, std::string text) { out_.emplace_back(depth, std::move(text)); }

  // Long derivations stay readable: a subexpression that appears in many steps is
  // named once ("let A = x² + y²") and printed by its name.
  void name_repeated_subexpressions(const std::vector<Step>& steps) {
    if (steps.size() < kLongDerivation) return;
    std::unordered_map<const leibniz::Node*, std::pair<Expr, int>> count;
    std::unordered_set<const leibniz::Node*> used_names;
    for (const Step& st : steps) {
      std::vector<Expr> shown{st.before, st.after};
      for (const auto& [name, e] : named_parts(st)) shown.push_back(e);
      for (const Expr& e : shown) {
        if (e.is_null()) continue;
        std::unordered_set<const leibniz::Node*> seen;
        std::vector<Expr> stack{e};
        while (!stack.empty()) {
          const Expr x = stack.back();
          stack.pop_back();
          if (!seen.insert(x.node()).second) continue;
          if (x.is(Kind::Symbol)) used_names.insert(x.node());
          if (!tree_size_at_most(x, kNameableSize - 1))
            ++count.try_emplace(x.node(), x, 0).first->second.second;
          for (const Expr& a : x.args()) stack.push_back(a);
        }
      }
    }
    std::vector<std::pair<double, Expr>> candidates;  // (size, expression), smallest first
    for (const auto& [node, entry] : count) {
      if (entry.second >= kRepeats) candidates.emplace_back(tree_size(entry.first), entry.first);
    }
    std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : storage_less(a.second, b.second);
    });
    char letter = 'A';
    for (const auto& [size, c] : candidates) {
      if (lets_.size() == kMaxNames) break;
      // Written with the names so far, it must still be worth a name (not just -A, A²).
      const Expr value = renamed(c);
      if (tree_size_at_most(value, kNameableSize - 1)) continue;
      Expr name;
      do {
        name = symbol(std::string(1, letter++));
      } while (used_names.count(name.node()) && letter <= 'Z');
      if (letter > 'Z') break;
      lets_.emplace_back(name, value);
    }
    if (lets_.empty()) return;
    const auto print = s_.print;
    for (const auto& [name, value] : lets_)
      line(0, s_.text("let ") + print(name) + " = " + print(value));
    s_.print = [this, print](const Expr& e) { return print(renamed(e)); };
    s_.rename = [this](const Expr& e) { return renamed(e); };
  }

  // e with the named subexpressions replaced by their names, smaller ones first: each
  // value is kept written in the names before it.
  Expr renamed(const Expr& e) const {
    Expr result = e;
    for (const auto& [name, value] : lets_) {
      result = substitute(result, {{value.node(), name}});
    }
    return result;
  }

  static constexpr std::size_t kLongDerivation = 8;  // steps
  static constexpr double kNameableSize = 6;         // tree nodes
  static constexpr int kRepeats = 3;                 // printed expressions it appears in
  static constexpr std::size_t kMaxNames = 6;
  std::vector<std::pair<Expr, Expr>> lets_;

  std::string derivative_of(const Step& st) const {
    if (st.operation == StepOperation::Antiderivative) {
      const std::string d = s_.latex ? "\\, d" : " d";
      return (s_.latex ? "\\int " : "∫ ") + s_.factor(st.before) + d + s_.print(st.var);
    }
    return s_.d_dx(st.var) + " " + s_.factor(st.before);
  }

  void derivation(const Node& n, int depth) {
    const Step& st = *n.step;
    const std::string lhs = derivative_of(st);
    const std::string result = s_.print(st.after);
    if (n.children.empty() && st.rule() != Rule::Chain) {
      std::string note;
      if (st.rule() == Rule::Constant) {
        note = s_.text("  (") + s_.print(st.before) + s_.text(" does not depend on ") +
               s_.print(st.var) + s_.text(")");
      }
      line(depth, fmt::format("{}: {} = {}{}", s_.text(rule_text(st)), lhs, result, note));
      return;
    }
    // Header with the named parts, then the sub-derivations, then the assembly.
    const std::string header = s_.text(rule_text(st)) + ": " + lhs + named_in_header(st);
    line(depth, header);
    for (const Node& c : n.children) derivation(c, depth + 1);
    const std::string assembled = assembly(n);
    line(depth + 1,
         "= " + assembled +
             (assembled.ends_with(" = " + result) || assembled == result ? "" : " = " + result));
  }

  // The outer and inner functions of the chain rule, u and v of the product and quotient
  // rules.
  std::string named_in_header(const Step& st) const {
    if (const auto* chain = std::get_if<ChainParts>(&st.parts)) {
      if (chain->v.is_null()) {
        return fmt::format(", {} {} = {}, {} u = {}", s_.text("outer"), "f(u)",
                           s_.print(chain->outer), s_.text("inner"), s_.print(chain->u));
      }
      return fmt::format(", {} {} = {}, {} u = {}, v = {}", s_.text("outer"), "f(u, v)",
                         s_.print(chain->outer), s_.text("inner"), s_.print(chain->u),
                         s_.print(chain->v));
    }
    auto u_and_v = [&](const auto& factors) {
      return fmt::format(", u = {}, v = {}", s_.print(factors.u), s_.print(factors.v));
    };
    if (const auto* product = std::get_if<PartsOf<Rule::Product>>(&st.parts)) {
      return u_and_v(*product);
    }
    if (const auto* quotient = std::get_if<PartsOf<Rule::Quotient>>(&st.parts)) {
      return u_and_v(*quotient);
    }
    return {};
  }

  // The rule's formula with the parts written in, before any collecting.
  std::string assembly(const Node& n) const {
    const Step& st = *n.step;
    if (st.operation == StepOperation::Antiderivative) {
      if (st.rule() != Rule::Linearity) return s_.print(st.after);
      std::string sum;
      for (const Node& c : n.children) sum += (sum.empty() ? "" : " + ") + s_.print(c.step->after);
      return sum;
    }
    const FormulaNotation notation{
        .latex = s_.latex,
        .dot = s_.dot,
        .minus = s_.minus,
        .factor = [this](const Expr& e) { return s_.factor(e); },
        .words = [this](const std::string& words) { return s_.text(words); },
        .d_of = [this](const std::string& of, const Expr& var) { return s_.d_of(of, var); }};
    if (std::string formula = rule_formula(st, notation); !formula.empty()) return formula;
    // Sum rule: the derivatives of the terms.
    std::string out;
    for (const Node& c : n.children) {
      out += (out.empty() ? "" : " + ") + s_.print(c.step->after);
    }
    return out;
  }

  void rewrite(const Step& st) {
    const auto* expansion = std::get_if<ExpandAndCollectParts>(&st.parts);
    if (expansion && !expansion->terms.empty()) {
      std::string expanded;
      for (const Expr& term : expansion->terms) {
        const std::string t = s_.print(term);
        if (expanded.empty()) {
          expanded = t;
        } else if (!t.empty() && t[0] == '-') {
          expanded += " - " + t.substr(1);
        } else {
          expanded += " + " + t;
        }
      }
      const std::string collected = s_.print(st.after);
      line(1, "= " + expanded + "   " + s_.text("(expanding each product)"));
      // When no terms were alike, the collected sum is the same line: not shown twice.
      if (collected != expanded) {
        line(1, "= " + collected + "   " + s_.text("(collecting like terms)"));
      }
      return;
    }
    line(1, "= " + s_.print(st.after) + "   " + s_.text("(" + rule_text(st) + ")"));
  }

  Style s_;
  std::vector<std::pair<int, std::string>> out_;
};

Style unicode_style() {
  return {[](const Expr& e) { return print_unicode(e); }, {}, "∂", "·", " − ", false};
}
Style latex_style() {
  return {[](const Expr& e) { return print_latex(e); }, {}, "\\partial", " \\cdot ", " - ", true};
}

}  // namespace

std::string steps_text(const std::vector<Step>& steps) {
  std::string out;
  for (const auto& [depth, text] : Writer(unicode_style()).lines(steps)) {
    out += std::string(static_cast<std::size_t>(depth) * 2, ' ') + text + "\n";
  }
  return out;
}

std::string steps_latex(const std::vector<Step>& steps) {
  std::string out = "\\begin{align*}\n";
  const auto lines = Writer(latex_style()).lines(steps);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string indent;
    for (int k = 0; k < lines[i].first; ++k) indent += "\\quad ";
    out += "& " + indent + lines[i].second + (i + 1 < lines.size() ? " \\\\\n" : "\n");
  }
  return out + "\\end{align*}\n";
}

nlohmann::ordered_json derivation_json(const std::vector<Step>& steps) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (auto [notation, style] : {std::pair{"text", unicode_style()}, {"latex", latex_style()}}) {
    nlohmann::ordered_json lines = nlohmann::ordered_json::array();
    for (auto& [depth, line] : Writer(style).lines(steps)) {
      lines.push_back({{"depth", depth}, {"line", std::move(line)}});
    }
    out[notation] = std::move(lines);
  }
  return out;
}

nlohmann::ordered_json steps_json(const std::vector<Step>& steps) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Step& st : steps) {
    nlohmann::ordered_json parts = nlohmann::ordered_json::object();
    for (const auto& [name, e] : named_parts(st)) parts[name] = print_text(e);
    out.push_back(
        {{"rule", rule_text(st)},
         {"rule_id", rule_id(st)},
         {"depth", st.depth},
         {"var", st.var.is_null() ? nlohmann::ordered_json(nullptr)
                                  : nlohmann::ordered_json(st.var.name())},
         {"before", print_text(st.before)},
         {"after", print_text(st.after)},
         {"latex", {{"before", print_latex(st.before)}, {"after", print_latex(st.after)}}},
         {"parts", parts}});
  }
  return out;
}

}  // namespace leibniz::app
