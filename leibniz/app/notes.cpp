#include "leibniz/app/notes.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "leibniz/core/error.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/functions.h"
#include "leibniz/expr/print.h"
#include "leibniz/expr/substitute.h"
#include "leibniz/expr/symbols.h"

namespace leibniz::app {
namespace {

thread_local Notes* current_notes = nullptr;

// xy -> x*y: a name of single letters read as their product, as the notes write it;
// null when the name is not only letters or a letter is reserved (e, pi's letters).
Expr as_product_of_letters(const std::string& name) {
  if (!std::all_of(name.begin(), name.end(),
                   [](char c) { return std::isalpha(static_cast<unsigned char>(c)); })) {
    return Expr();
  }
  std::vector<Expr> letters;
  for (char c : name) {
    const std::string letter(1, c);
    if (is_reserved_name(letter)) return Expr();
    letters.push_back(symbol(letter));
  }
  return mul(letters);
}

// The notes' reading of juxtaposed letters: xy^3 is x*y^3, the power on the last letter.
void add_powers_of_split_names(const Expr& e, Substitution& split,
                               std::unordered_set<const Node*>& seen) {
  if (!seen.insert(e.node()).second) return;
  if (e.is(Kind::Pow) && e.base().is(Kind::Symbol) && split.count(e.base().node()) > 0) {
    const std::string& name = e.base().name();
    std::vector<Expr> letters;
    for (std::size_t i = 0; i + 1 < name.size(); ++i) letters.push_back(symbol(name.substr(i, 1)));
    letters.push_back(pow(symbol(name.substr(name.size() - 1)), e.exponent()));
    split.emplace(e.node(), mul(letters));
  }
  for (const Expr& a : e.args()) add_powers_of_split_names(a, split, seen);
}

}  // namespace

Notes::Notes() : outer_(current_notes) { current_notes = this; }
Notes::~Notes() { current_notes = outer_; }

void Notes::add(std::string note) {
  if (current_notes == nullptr) return;
  auto& notes = current_notes->notes_;
  if (std::find(notes.begin(), notes.end(), note) == notes.end()) notes.push_back(std::move(note));
}

const Notes* Notes::current() { return current_notes; }

namespace {

// A parameter expression: it has symbols, and var is not one of them.
bool is_parameter(const Expr& e, const Expr& var) {
  const auto names = free_symbols(e);
  return !names.empty() && std::find(names.begin(), names.end(), var) == names.end();
}

// The bases of the negative powers in e that are free of var but not numbers.
void parameter_divisors(const Expr& e, const Expr& var, std::vector<Expr>& found,
                        std::unordered_set<const Node*>& seen) {
  if (!seen.insert(e.node()).second) return;
  if (e.is(Kind::Pow) && e.exponent().is_number() && e.exponent().number().is_negative() &&
      is_parameter(e.base(), var) &&
      std::find(found.begin(), found.end(), e.base()) == found.end()) {
    found.push_back(e.base());
  }
  for (const Expr& a : e.args()) parameter_divisors(a, var, found, seen);
}

}  // namespace

void note_parameter_assumptions(const Expr& integrand, const Expr& antiderivative,
                                const Expr& var) {
  std::vector<Expr> answer_divisors, integrand_divisors;
  std::unordered_set<const Node*> seen;
  parameter_divisors(antiderivative, var, answer_divisors, seen);
  if (answer_divisors.empty()) return;
  seen.clear();
  parameter_divisors(integrand, var, integrand_divisors, seen);
  std::vector<std::string> assumed;
  for (const Expr& d : answer_divisors) {
    // Where the integrand divides by it too, the integrand is undefined there already.
    if (std::find(integrand_divisors.begin(), integrand_divisors.end(), d) ==
        integrand_divisors.end()) {
      assumed.push_back(fmt::format("{} ≠ 0", print_text(d)));
    }
  }
  if (assumed.empty()) return;
  std::sort(assumed.begin(), assumed.end());
  Notes::add(
      fmt::format("the antiderivative assumes {} (the general case)", fmt::join(assumed, " and ")));
}

void note_missing_variables(const std::vector<Expr>& expressions,
                            const std::vector<std::string>& wrt) {
  // Nobody collects notes (a library call): the note would be dropped, so it costs nothing.
  if (current_notes == nullptr) return;
  std::vector<Expr> names;
  for (const Expr& e : expressions) {
    for (Expr& s : free_symbols(e)) {
      if (std::find(names.begin(), names.end(), s) == names.end()) names.push_back(std::move(s));
    }
  }
  for (const std::string& var : wrt) {
    const bool occurs =
        std::any_of(names.begin(), names.end(), [&var](const Expr& s) { return s.name() == var; });
    if (occurs) continue;
    std::vector<std::string> containing;
    Substitution split;
    for (const Expr& s : names) {
      if (s.name().size() <= var.size() || s.name().find(var) == std::string::npos) continue;
      containing.push_back(s.name());
      if (Expr product = as_product_of_letters(s.name()); !product.is_null()) {
        split.emplace(s.node(), product);
      }
    }
    if (containing.empty()) continue;
    std::string note = fmt::format("{} does not occur in the expression", var);
    const std::string named = fmt::format("{} {} one name", fmt::join(containing, ", "),
                                          containing.size() == 1 ? "is" : "are each");
    if (split.empty()) {
      note += fmt::format(" ({})", named);
    } else {
      for (const Expr& s : names) {  // the first name, by name, that splits
        if (auto it = split.find(s.node()); it != split.end()) {
          note += fmt::format("; did you mean {}?", print_text(it->second));
          break;
        }
      }
      std::string rewritten;
      if (expressions.size() == 1) {
        std::unordered_set<const Node*> seen;
        add_powers_of_split_names(expressions[0], split, seen);
        try {
          rewritten = fmt::format("write {}, or ", print_text(substitute(expressions[0], split)));
        } catch (const Error&) {
          // 1/(xy - x*y) has no rewriting (it divides by zero); the note goes without one
        }
      }
      note += fmt::format(" ({}; {}read it as LaTeX (--syntax latex), the notes' notation)", named,
                          rewritten);
    }
    Notes::add(std::move(note));
  }
}

}  // namespace leibniz::app
