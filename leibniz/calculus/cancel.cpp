// Rational functions as pairs of FLINT polynomials; sums over the lcm of the
// denominators, one gcd at the end.
#include "leibniz/calculus/cancel.h"

#include <optional>
#include <unordered_map>

#include "leibniz/calculus/cancel_univariate.h"
#include "leibniz/calculus/polynomial.h"
#include "leibniz/core/limits.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/node_map.h"

namespace leibniz {
namespace {

struct Fraction {
  Poly num;
  Poly den;
};

struct TooLarge {};  // abandons the attempt; cancel() answers nullopt

class Canceller {
 public:
  Canceller(std::size_t max_terms, bool univariate)
      : max_terms_(max_terms), univariate_(univariate) {}

  std::optional<Expr> run(const Expr& e) {
    if (!scan(e)) return std::nullopt;
    if (univariate_ && generators_.size() == 1) {
      if (auto done = cancel_univariate(e, generators_[0], max_terms_)) return done;
    }
    ctx_.emplace(generators_);
    try {
      const Fraction& f = convert(e);
      Poly g = gcd(f.num, f.den);
      Poly num = f.num.divide_exact(g), den = f.den.divide_exact(g);
      const Number lead = den.leading_coefficient();
      num = num.scaled(Number(1) / lead);
      den = den.scaled(Number(1) / lead);
      Expr top = ctx_->to_expr(num);
      if (den.is_one()) return top;
      return mul(top, pow(factored(den), integer(-1)));
    } catch (const TooLarge&) {
      return std::nullopt;
    } catch (const TermLimitExceeded&) {
      return std::nullopt;
    }
  }

 private:
  // Registers generators; false if the expression holds a float.
  bool scan(const Expr& e) {
    if (!scanned_.insert(e)) return true;
    switch (e.kind()) {
      case Kind::Number: return e.number().is_exact();
      case Kind::Add:
      case Kind::Mul:
        for (const Expr& a : e.args()) {
          if (!scan(a)) return false;
        }
        return true;
      case Kind::Pow:
        if (e.exponent().is_integer()) return scan(e.base());
        break;
      default: break;
    }
    if (!generator_index_.contains(e)) {
      generator_index_.insert(e, generators_.size());
      generators_.push_back(e);
    }
    return true;
  }

  // The one generator p has, if it has exactly one.
  std::optional<std::size_t> only_generator(const Poly& p) const {
    std::optional<std::size_t> only;
    for (std::size_t g = 0; g < generators_.size(); ++g) {
      if (fmpq_mpoly_degree_si(p.raw(), static_cast<slong>(g), ctx_->raw()) <= 0) continue;
      if (only) return std::nullopt;
      only = g;
    }
    return only;
  }

  // The denominator factored; in one generator, through FLINT's univariate factoring (the
  // same factors: cancel_test), far cheaper than the multivariate one.
  Expr factored(const Poly& den) const {
    const auto only = only_generator(den);
    if (!univariate_ || !only) return ctx_->to_factored_expr(den);
    return factored_in_one_generator(den, *ctx_, *only);
  }

  // gcd(num, den); a denominator in one generator takes the univariate gcd of it and each
  // of num's coefficients (the same gcd: cancel_test).
  Poly gcd(const Poly& num, const Poly& den) const {
    const auto only = univariate_ && !den.is_zero() ? only_generator(den) : std::nullopt;
    if (!only) return num.gcd(den);
    return gcd_in_one_generator(num, den, *ctx_, *only);
  }

  void check(const Poly& p) const {
    if (p.length() > max_terms_) throw TooLarge{};
  }

  Fraction one() const {
    return {Poly::constant(*ctx_, Number(1)), Poly::constant(*ctx_, Number(1))};
  }

  // A fraction of the memo, which keeps it in place (an unordered_map's elements stay
  // where they are as it grows).
  const Fraction& convert(const Expr& e) {
    tick();
    if (auto it = memo_.find(e.node()); it != memo_.end()) return it->second;
    Fraction f = convert_uncached(e);
    check(f.num);
    check(f.den);
    return memo_.emplace(e.node(), std::move(f)).first->second;
  }

  Fraction copy(const Fraction& f) const { return {f.num.copy(), f.den.copy()}; }

  // What a product by the constant 1 would have checked (Poly::operator*): the factor's
  // own length against the term limit.
  static void check_as_product(const Poly& p) {
    if (p.length() > limits().max_terms) throw TooLarge{};
  }

  // A step by 1 (a sum of polynomials, a product by a polynomial) is left out: the same
  // fraction without the gcd, quotients and products by 1.
  Fraction convert_uncached(const Expr& e) {
    if (e.is_number()) return {Poly::constant(*ctx_, e.number()), Poly::constant(*ctx_, Number(1))};
    if (const std::size_t* index = generator_index_.find(e)) {
      return {Poly::generator(*ctx_, *index), Poly::constant(*ctx_, Number(1))};
    }
    if (e.is(Kind::Add)) {
      Fraction sum = copy(convert(e.arg(0)));
      for (std::size_t i = 1; i < e.args().size(); ++i) {
        const Fraction& t = convert(e.arg(i));
        if (sum.den.is_one() && t.den.is_one()) {
          check_as_product(sum.num);
          check_as_product(t.num);
          sum.num = sum.num + t.num;
          check(sum.num);
          continue;
        }
        // Over a denominator of 1 the gcd is 1 and one cofactor is 1: the same fraction.
        if (sum.den.is_one()) {
          check_as_product(t.num);
          check_as_product(t.den);
          sum.num = sum.num * t.den + t.num;
          sum.den = t.den.copy();
          check(sum.num);
          continue;
        }
        if (t.den.is_one()) {
          check_as_product(sum.num);
          check_as_product(sum.den);
          sum.num = sum.num + t.num * sum.den;
          check(sum.num);
          continue;
        }
        Poly g = sum.den.gcd(t.den);
        Poly sum_cofactor = t.den.divide_exact(g), term_cofactor = sum.den.divide_exact(g);
        sum.num = sum.num * sum_cofactor + t.num * term_cofactor;
        sum.den = sum.den * sum_cofactor;
        check(sum.num);
      }
      return sum;
    }
    if (e.is(Kind::Mul)) {
      Fraction product = copy(convert(e.arg(0)));
      check_as_product(product.num);
      check_as_product(product.den);
      for (std::size_t i = 1; i < e.args().size(); ++i) {
        const Fraction& x = convert(e.arg(i));
        if (x.num.is_one()) {
          check_as_product(product.num);
        } else {
          product.num = product.num * x.num;
        }
        if (x.den.is_one()) {
          check_as_product(product.den);
        } else {
          product.den = product.den * x.den;
        }
        check(product.num);
        check(product.den);
      }
      return product;
    }
    // An integer power.
    auto n = e.exponent().number().to_long();
    if (!n || *n > 10'000 || *n < -10'000) throw TooLarge{};
    const Fraction& base = convert(e.base());
    const auto magnitude = static_cast<unsigned long>(*n < 0 ? -*n : *n);
    Poly num = base.num.pow(magnitude), den = base.den.pow(magnitude);
    if (*n < 0) return {std::move(den), std::move(num)};
    return {std::move(num), std::move(den)};
  }

  std::size_t max_terms_;
  bool univariate_;  // one generator takes the dense univariate path when it can
  std::vector<Expr> generators_;
  // In place while few (most expressions): no hash node each, as unordered ones took.
  NodeMap<std::size_t> generator_index_;
  NodeSet scanned_;
  std::optional<PolyContext> ctx_;  // before memo_: the Polys need it while they die
  std::unordered_map<const Node*, Fraction> memo_;
};

}  // namespace

std::optional<Expr> cancel(const Expr& e, std::size_t max_terms) {
  if (!e.is(Kind::Add) && !e.is(Kind::Mul) && !e.is(Kind::Pow)) return e;
  return Canceller(max_terms, true).run(e);
}

std::optional<Expr> cancel_multivariate(const Expr& e, std::size_t max_terms) {
  if (!e.is(Kind::Add) && !e.is(Kind::Mul) && !e.is(Kind::Pow)) return e;
  return Canceller(max_terms, false).run(e);
}

}  // namespace leibniz
