// Exact expansion goes through FLINT's sparse polynomials (polynomial.h); an
// expression holding a float is expanded term by term instead.
#include "leibniz/calculus/expand.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "leibniz/calculus/polynomial.h"
#include "leibniz/core/error.h"
#include "leibniz/core/limits.h"
#include "leibniz/expr/builders.h"

namespace leibniz {
namespace {

// Expands inside an atom: the arguments of a function, the base and exponent of a
// non-integer power.
Expr expand_inside(const Expr& atom) {
  switch (atom.kind()) {
    case Kind::Func: {
      std::vector<Expr> args;
      for (const Expr& a : atom.args()) args.push_back(expand(a));
      return func(atom.fn(), args);
    }
    case Kind::Call:
    case Kind::RootSum: {  // an opaque atom: only its arguments expand
      std::vector<Expr> args;
      for (const Expr& a : atom.args()) args.push_back(expand(a));
      return detail::make_named(atom.kind(), atom.name(), args);
    }
    case Kind::Pow: return pow(expand(atom.base()), expand(atom.exponent()));
    default: return atom;
  }
}

bool is_integer_power(const Expr& e) { return e.is(Kind::Pow) && e.exponent().is_integer(); }

bool fits_word(const Expr& power) {
  return mpz_class(::abs(power.exponent().number().exact().get_num())).fits_ulong_p();
}

// An integer power expanded as one: u^n from u, u^(-n) from the generator 1/u. But
// y^(2^70) is a generator itself; a sum to such a power cannot be expanded (convert
// says so).
bool expands_as_power(const Expr& e) {
  return is_integer_power(e) && (fits_word(e) || e.base().is(Kind::Add));
}

// |n| of an integer power u^n, as the polynomial library takes it; beyond a machine
// word (y^(-10^19)) the expansion is refused, never truncated.
unsigned long power_magnitude(const Expr& power) {
  const Number& n = power.exponent().number();
  const mpz_class magnitude = ::abs(n.exact().get_num());
  if (!magnitude.fits_ulong_p()) {
    throw Error(ErrorKind::Limit,
                fmt::format("the exponent {} is too large to expand", n.to_string()));
  }
  return magnitude.get_ui();
}

// x or x^n, n an integer from 2 up: a factor of an expanded monomial, as
// PolyContext::to_expr writes it (symbols only: they need no expanding inside).
bool is_symbol_power(const Expr& f) {
  if (f.is(Kind::Symbol)) return true;
  if (!f.is(Kind::Pow) || !f.base().is(Kind::Symbol) || !f.exponent().is_integer()) return false;
  const auto n = f.exponent().number().to_long();
  return n && *n >= 2;
}

// The factors of a monomial term (c*x^2*y, x, y^3) after its coefficient, if it is one
// in the form PolyContext::to_expr writes: a coefficient other than 0 and 1 first, then
// symbol powers in storage order, each base once. Empty when it is not such a term.
std::span<const Expr> monomial_powers(const Expr& term) {
  if (is_symbol_power(term)) return {&term, 1};
  if (!term.is(Kind::Mul)) return {};
  std::span<const Expr> powers = term.args();
  if (powers.front().is_number()) {
    const Number& c = powers.front().number();
    if (!c.is_exact() || c.is_zero() || c.is_one()) return {};
    powers = powers.subspan(1);
  }
  if (powers.empty()) return {};
  auto base = [](const Expr& f) -> const Expr& { return f.is(Kind::Pow) ? f.base() : f; };
  for (std::size_t i = 0; i < powers.size(); ++i) {
    if (!is_symbol_power(powers[i])) return {};
    if (i > 0 && !storage_less(powers[i - 1], powers[i])) return {};
    for (std::size_t j = 0; j < i; ++j) {
      if (base(powers[j]) == base(powers[i])) return {};
    }
  }
  return powers;
}

}  // namespace

// Already a polynomial in symbols written as expand() writes one: a sum of monomials,
// exact constant term first, the others in storage order and each monomial once (or one
// such monomial). Denominators and function arguments are mostly such polynomials
// (x^2 + 1), and expanding one through FLINT only writes it out again.
bool is_expanded(const Expr& e) {
  if (!e.is(Kind::Add)) return !monomial_powers(e).empty();
  std::span<const Expr> terms = e.args();
  if (terms.front().is_number()) {
    if (!terms.front().number().is_exact() || terms.front().number().is_zero()) return false;
    terms = terms.subspan(1);
  }
  constexpr std::size_t kMaxTermsCompared = 32;  // the distinctness check is quadratic
  if (terms.empty() || terms.size() > kMaxTermsCompared) return false;
  std::span<const Expr> monomials[kMaxTermsCompared];
  for (std::size_t i = 0; i < terms.size(); ++i) {
    monomials[i] = monomial_powers(terms[i]);
    if (monomials[i].empty()) return false;
    if (i > 0 && !storage_less(terms[i - 1], terms[i])) return false;
    for (std::size_t j = 0; j < i; ++j) {
      if (std::ranges::equal(monomials[j], monomials[i])) return false;
    }
  }
  return true;
}

namespace {

class Expander {
 public:
  Expr run(const Expr& e) {
    scan(e);
    if (has_float_) return expand_with_floats(e);
    ctx_.emplace(generators_);
    return ctx_->to_expr(convert(e, *ctx_));
  }

 private:
  std::size_t generator_index(const Expr& g) {
    auto [it, inserted] = generator_index_.emplace(g.node(), generators_.size());
    if (inserted) generators_.push_back(g);
    return it->second;
  }

  void scan(const Expr& e) {
    if (!scanned_.emplace(e.node()).second) return;
    switch (e.kind()) {
      case Kind::Number: has_float_ |= e.number().is_float(); return;
      case Kind::Add:
      case Kind::Mul:
        for (const Expr& a : e.args()) scan(a);
        return;
      case Kind::Pow:
        if (expands_as_power(e)) {
          if (e.exponent().number().is_positive()) {
            scan(e.base());
          } else {
            atom_[e.node()] = generator_index(pow(expand_inside_or_self(e.base()), integer(-1)));
          }
          return;
        }
        break;
      default: break;
    }
    atom_[e.node()] = generator_index(expand_inside(e));
  }

  Expr expand_inside_or_self(const Expr& base) {
    return base.is(Kind::Add) ? expand(base) : expand_inside(base);
  }

  // A polynomial of the memo, which keeps it in place (an unordered_map's elements stay
  // where they are as it grows).
  const Poly& convert(const Expr& e, const PolyContext& ctx) {
    tick();
    if (auto it = memo_.find(e.node()); it != memo_.end()) return it->second;
    Poly result = convert_uncached(e, ctx);
    return memo_.emplace(e.node(), std::move(result)).first->second;
  }

  Poly convert_uncached(const Expr& e, const PolyContext& ctx) {
    if (e.is_number()) return Poly::constant(ctx, e.number());
    if (auto it = atom_.find(e.node()); it != atom_.end()) {
      Poly g = Poly::generator(ctx, it->second);
      if (expands_as_power(e)) {  // x^(-n): the generator x^(-1) to the n
        const unsigned long n = power_magnitude(e);
        return n == 1 ? std::move(g) : g.pow(n);
      }
      return g;
    }
    if (e.is(Kind::Add)) {
      Poly sum(ctx);
      for (const Expr& t : e.args()) sum = sum + convert(t, ctx);
      return sum;
    }
    if (e.is(Kind::Mul)) {
      Poly product = convert(e.arg(0), ctx).copy();
      for (std::size_t i = 1; i < e.args().size(); ++i) product = product * convert(e.arg(i), ctx);
      return product;
    }
    LZ_ASSERT(is_integer_power(e), "unexpected node in polynomial conversion");
    return convert(e.base(), ctx).pow(power_magnitude(e));
  }

  // Term-by-term expansion for expressions holding floats.
  Expr expand_with_floats(const Expr& e) {
    switch (e.kind()) {
      case Kind::Add: {
        std::vector<Expr> terms;
        for (const Expr& t : e.args()) terms.push_back(expand_with_floats(t));
        return add(terms);
      }
      case Kind::Mul: {
        Expr product = integer(1);
        for (const Expr& f : e.args()) product = distribute(product, expand_with_floats(f));
        return product;
      }
      case Kind::Pow:
        if (expands_as_power(e) && e.exponent().number().is_positive()) {
          const unsigned long n = power_magnitude(e);
          if (n > limits().max_terms) {
            throw Error(ErrorKind::Limit, fmt::format("the exponent {} is too large to expand", n));
          }
          Expr base = expand_with_floats(e.base());
          Expr result = integer(1);
          for (unsigned long i = 0; i < n; ++i) result = distribute(result, base);
          return result;
        }
        return expand_inside(e);
      default: return expand_inside(e);
    }
  }

  static Expr distribute(const Expr& a, const Expr& b) {
    auto terms_of = [](const Expr& x) {
      return x.is(Kind::Add) ? std::vector<Expr>(x.args().begin(), x.args().end())
                             : std::vector<Expr>{x};
    };
    const auto ta = terms_of(a), tb = terms_of(b);
    if (static_cast<double>(ta.size()) * static_cast<double>(tb.size()) >
        static_cast<double>(limits().max_terms)) {
      throw Error(ErrorKind::Limit,
                  fmt::format("the expansion exceeds the limit of {} terms", limits().max_terms));
    }
    std::vector<Expr> terms;
    terms.reserve(ta.size() * tb.size());
    for (const Expr& x : ta) {
      for (const Expr& y : tb) terms.push_back(mul(x, y));
    }
    return add(terms);
  }

  std::vector<Expr> generators_;
  std::unordered_map<const Node*, std::size_t> generator_index_;
  std::unordered_map<const Node*, std::size_t> atom_;
  std::optional<PolyContext> ctx_;  // before memo_: the Polys need it while they die
  std::unordered_map<const Node*, Poly> memo_;
  std::unordered_set<const Node*> scanned_;
  bool has_float_ = false;
};

}  // namespace

Expr expand(const Expr& e) {
  switch (e.kind()) {
    case Kind::Number:
    case Kind::Symbol:
    case Kind::Constant: return e;
    case Kind::Func:
    case Kind::Call:
    case Kind::RootSum: return expand_inside(e);
    default: break;
  }
  if (e.is(Kind::Pow) && !is_integer_power(e)) return expand_inside(e);
  if (is_expanded(e)) return e;
  return Expander().run(e);
}

}  // namespace leibniz
