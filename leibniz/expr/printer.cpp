// The walk shared by all notations: natural order, signs pulled to the front,
// negative powers and rational coefficients as fractions, parentheses by precedence.
#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <memory_resource>
#include <optional>
#include <span>
#include <utility>

#include "leibniz/core/error.h"
#include "leibniz/core/limits.h"
#include "leibniz/core/stack_memory.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/call.h"
#include "leibniz/expr/node_map.h"
#include "leibniz/expr/notation.h"
#include "leibniz/expr/order.h"
#include "leibniz/expr/print.h"
#include "leibniz/expr/root_sum.h"

namespace leibniz {
namespace {

// A term with a negative coefficient prints as "- magnitude".
bool is_negative_term(const Expr& term) {
  if (term.is_number()) return term.number().is_negative();
  return term.is(Kind::Mul) && term.arg(0).is_number() && term.arg(0).number().is_negative();
}

// The print order of each sum's terms and each product's factors, found once for every
// notation that prints the same expression.
class PrintOrders {
 public:
  std::span<const Expr> terms(const Expr& sum) { return order(sum, led_by_a_positive_term); }
  std::span<const Expr> factors(const Expr& product) {
    return order(product, factors_in_print_order);
  }

 private:
  // In place: the stored vectors move when the map grows, their elements stay where they
  // are, so the span lives as long as the orders.
  std::span<const Expr> order(const Expr& e, std::vector<Expr> (*find)(const Expr&)) {
    if (const std::vector<Expr>* known = orders_.find(e)) return *known;
    return orders_.insert(e, find(e));
  }

  // People write 1 - x^2 rather than -x^2 + 1: a sum leads with its first positive term.
  static std::vector<Expr> led_by_a_positive_term(const Expr& sum) {
    std::vector<Expr> terms = terms_in_print_order(sum);
    if (is_negative_term(terms[0])) {
      auto positive = std::find_if(terms.begin(), terms.end(),
                                   [](const Expr& t) { return !is_negative_term(t); });
      if (positive != terms.end()) std::rotate(terms.begin(), positive, positive + 1);
    }
    return terms;
  }

  NodeMap<std::vector<Expr>> orders_;  // by node: a node is a sum or a product
};

class Printer {
 public:
  Printer(const Notation& n, PrintOrders& orders) : n_(n), orders_(orders) {}

  Piece print(const Expr& e) const {
    switch (e.kind()) {
      case Kind::Number: return print_number(e.number());
      case Kind::Symbol: return {n_.symbol(e.name()), Precedence::Atom};
      case Kind::Constant: return {n_.constant(e.constant()), Precedence::Atom};
      case Kind::Func: {
        std::string args = print(e.arg(0)).text;  // max and min have two
        for (std::size_t i = 1; i < e.args().size(); ++i) args += ", " + print(e.arg(i)).text;
        return {n_.call(function_info(e.fn()), args), Precedence::Atom};
      }
      case Kind::Call: return print_call(e);
      case Kind::RootSum: return print_root_sum(e);
      case Kind::Add: return print_sum(e);
      case Kind::Mul: return print_product(e);
      case Kind::Pow: return print_product(e);
    }
    return {"?", Precedence::Atom};
  }

 private:
  Piece print_number(const Number& value) const {
    if (value.is_negative()) {
      Piece inner = print_number(-value);
      return {n_.minus() + wrap(std::move(inner), Precedence::Product), Precedence::Unary};
    }
    if (value.is_exact() && !value.is_integer()) {
      return {n_.fraction(n_.number(value.numerator()), Precedence::Atom,
                          n_.number(value.denominator()), Precedence::Atom),
              n_.fraction_precedence()};
    }
    return {n_.number(value), Precedence::Atom};
  }

  // g(x, y); its derivative ∂g(x, y)/∂x or diff(g(x, y), x) reads back as the same
  // node (call.h).
  Piece print_call(const Expr& e) const {
    std::string args = print(e.arg(0)).text;
    for (std::size_t i = 1; i < e.args().size(); ++i) args += ", " + print(e.arg(i)).text;
    const std::string name = n_.function_name(call_name(e));
    const std::vector<std::size_t> slots = call_slots(e);
    if (slots.empty()) return {name + n_.parens(args), Precedence::Atom};
    const Expr plain = call(call_name(e), e.args());
    std::vector<SlotLabel> labels;
    for (std::size_t slot : slots) labels.push_back(slot_label(plain, slot));
    return n_.derivative(name, n_.parens(args), e.args().size(), labels);
  }

  // rootsum(P(t), t, c(t)*ln(u - t)), which the parsers read back (root_sum.h).
  Piece print_root_sum(const Expr& e) const {
    const RootSumShown shown = root_sum_shown(e);
    const std::string args = print(shown.polynomial).text + ", " + print(shown.variable).text +
                             ", " + print(shown.summand).text;
    return {n_.function_name("rootsum") + n_.parens(args), Precedence::Atom};
  }

  // In diff(…, LABEL): the name of the function the argument calls, when
  // derivative_by_label reads it back as this slot (∂f/∂g); else the argument, when it
  // names its slot alone (a variable that no other argument holds, or an expression no
  // other argument equals); else the slot's 1-based place: diff(f(x, x), 1). After ∂: the
  // variable, the function's name, or the argument in parentheses.
  SlotLabel slot_label(const Expr& plain, std::size_t slot) const {
    const Expr& a = plain.arg(slot);
    bool alone = !a.is_number();
    for (std::size_t j = 0; j < plain.args().size() && alone; ++j) {
      if (j == slot) continue;
      alone = a.is(Kind::Symbol) ? !occurs_in(a, plain.arg(j)) : plain.arg(j) != a;
    }
    SlotLabel label;
    label.in_diff = alone ? print(a).text : n_.number(Number(static_cast<long>(slot) + 1));
    if (alone && a.is(Kind::Symbol)) {
      label.after_partial = print(a).text;
      label.variable = true;
    } else if (a.is(Kind::Call) &&
               derivative_by_label(plain, symbol(call_name(a))) == call_derivative(plain, slot)) {
      // diff(f(g(x, y), h(x, y)), g): the notes' ∂f/∂g, in every notation.
      label.after_partial = n_.symbol(call_name(a));
      label.in_diff = label.after_partial;
    } else if (alone) {  // ∂f(x·y, x + y)/∂(x·y)
      label.after_partial = n_.parens(print(a).text);
    }
    return label;
  }

  // The piece's text, parenthesised if it binds looser than needed; taken, not copied.
  std::string wrap(Piece&& p, Precedence needed) const {
    return p.prec < needed ? n_.parens(p.text) : std::move(p.text);
  }

  Piece print_sum(const Expr& e) const {
    std::string out;
    bool first = true;
    for (const Expr& term : orders_.terms(e)) {
      const bool negative = is_negative_term(term);
      Piece p = negative ? print_magnitude(term) : print(term);
      std::string text = wrap(std::move(p), negative ? Precedence::Product : Precedence::Sum);
      if (first) {
        out = negative ? n_.minus() + text : text;
      } else {
        out += negative ? " " + n_.minus() + " " : " + ";
        out += text;
      }
      first = false;
    }
    return {out, Precedence::Sum};
  }

  // print(-term) for a negative term, without building the node -term: the same
  // factors, the coefficient negated.
  Piece print_magnitude(const Expr& term) const {
    if (term.is_number()) return print_number(-term.number());
    return print_product(term, true);
  }

  // A product or a power, split into numerator and denominator.
  // With `negated`, the product with its coefficient negated (print_magnitude).
  Piece print_product(const Expr& e, bool negated = false) const {
    static const Number kOne(1);
    const Number* coefficient = &kOne;     // read in place: no copy of its rational
    std::span<const Expr> factors(&e, 1);  // a power
    if (e.is(Kind::Mul)) {
      if (e.arg(0).is_number()) coefficient = &e.arg(0).number();
      factors = orders_.factors(e);
    }
    std::optional<Number> negation;
    if (negated) coefficient = &negation.emplace(-*coefficient);
    if (coefficient->is_negative()) {
      Piece rest = print_product(e, !negated);
      return {n_.minus() + wrap(std::move(rest), Precedence::Product), Precedence::Unary};
    }
    // The few pieces of a product, in stack memory while they are few.
    StackMemory<512> scratch;
    std::pmr::vector<Piece> top(&scratch.memory), bottom(&scratch.memory);
    top.reserve(factors.size() + 1);
    if (coefficient->is_exact()) {
      const bool integer = coefficient->is_integer();
      const Number num = integer ? *coefficient : coefficient->numerator();
      if (!num.is_one()) {  // an integer coefficient is its own numerator
        top.push_back({n_.number(num), Precedence::Atom, true});
      }
      if (!integer)
        bottom.push_back({n_.number(coefficient->denominator()), Precedence::Atom, true});
    } else {  // a float coefficient, 1.0 included, is part of the node
      top.push_back({n_.number(*coefficient), Precedence::Atom, true});
    }
    for (const Expr& f : factors) {
      if (f.is(Kind::Pow) && f.exponent().is_number() && f.exponent().number().is_negative()) {
        bottom.push_back(print_power(f.base(), negation_of(f.exponent().number())));
      } else {
        top.push_back(f.is(Kind::Pow) ? print_power(f.base(), f.exponent()) : print(f));
      }
    }
    Piece numerator =
        top.empty() ? Piece{n_.number(Number(1)), Precedence::Atom} : join(std::span<Piece>(top));
    if (bottom.empty()) return numerator;
    Piece denominator = join(std::span<Piece>(bottom));
    return {n_.fraction(numerator.text, numerator.prec, denominator.text, denominator.prec),
            n_.fraction_precedence()};
  }

  // -n as a node; a small integer's from integer()'s cache, without interning it.
  static Expr negation_of(const Number& n) {
    const std::optional<long> k = n.to_long();
    if (k && *k != LONG_MIN) return integer(-*k);
    return number(-n);
  }

  // The factors as one product; their texts are taken.
  Piece join(std::span<Piece> pieces) const {
    if (pieces.size() == 1) return {std::move(pieces[0].text), pieces[0].prec};
    for (Piece& p : pieces) {
      p.text = wrap(std::move(p), Precedence::Quotient);
    }
    return {n_.product(pieces), Precedence::Product};
  }

  // Exactly 1/2 (not 0.5), read without building a rational to compare with.
  static bool is_one_half(const Number& n) {
    const auto fraction = n.to_fraction();
    return fraction && fraction->numerator == 1 && fraction->denominator == 2;
  }

  Piece print_power(const Expr& base, const Expr& exponent) const {
    // x^1.0 (a float exponent) is a node of its own: only an exact 1 goes unwritten.
    if (exponent.is_one() && exponent.number().is_exact()) return print(base);
    Piece b = print(base);
    if (exponent.is_number() && is_one_half(exponent.number())) {
      return {n_.square_root(b.text), Precedence::Atom};
    }
    // Powers are right-associative: a power as a base needs parentheses.
    std::string base_text = b.prec <= Precedence::Power ? n_.parens(b.text) : b.text;
    Piece x = print(exponent);
    return {n_.power(base_text, exponent, x.text, x.prec), Precedence::Power};
  }

  const Notation& n_;
  PrintOrders& orders_;
};

// Written out, shared subexpressions repeat: a small DAG can print as a huge text.
void check_printable(const Expr& e) {
  if (!tree_size_at_most(e, static_cast<double>(limits().max_printed_nodes))) {
    throw Error(ErrorKind::Limit,
                fmt::format("the result is too large to print: written out, it has more than {} "
                            "nodes (it repeats shared subexpressions)",
                            limits().max_printed_nodes));
  }
}

}  // namespace

std::string print_with(const Notation& notation, const Expr& e) {
  check_printable(e);
  PrintOrders orders;
  return Printer(notation, orders).print(e).text;
}

std::vector<std::string> print_with_each(std::span<const Notation* const> notations,
                                         const Expr& e) {
  check_printable(e);
  PrintOrders orders;
  std::vector<std::string> texts;
  texts.reserve(notations.size());
  for (const Notation* notation : notations) {
    texts.push_back(Printer(*notation, orders).print(e).text);
  }
  return texts;
}

TextAndLatex print_text_and_latex(const Expr& e) {
  const Notation* const notations[] = {&text_notation(), &latex_notation()};
  std::vector<std::string> texts = print_with_each(notations, e);
  return {std::move(texts[0]), std::move(texts[1])};
}

}  // namespace leibniz
