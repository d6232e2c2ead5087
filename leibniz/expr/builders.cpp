// Canonical Add, Mul and Pow. Invariants of the forms they return:
//   Add: >= 2 args; at most one Number (first, non-zero); other terms are not Add or
//        Number and have distinct non-numeric parts.
//   Mul: >= 2 args; at most one Number (first, not 1); other factors are not Mul or
//        Number... (numeric bases with a non-integer exponent are allowed), with
//        distinct bases; never exactly {number, Add}: the number is distributed.
//   Pow: exponent not 0 or 1; base not 1; an integer power of a Mul or Pow is
//        multiplied out.
#include "leibniz/expr/builders.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "leibniz/core/error.h"
#include "leibniz/core/limits.h"
#include "leibniz/expr/functions.h"

namespace leibniz {

Expr number(const Number& value) { return detail::make_number(value); }
Expr integer(long value) { return detail::make_number(Number(value)); }
Expr rational(long numerator, long denominator) {
  return detail::make_number(Number::rational(numerator, denominator));
}
Expr symbol(std::string_view name) { return detail::make_symbol(std::string(name)); }
Expr constant(ConstantId id) { return detail::make_constant(id); }
Expr e_constant() {
  static const Expr e = detail::make_constant(ConstantId::E);
  return e;
}
Expr pi_constant() {
  static const Expr pi = detail::make_constant(ConstantId::Pi);
  return pi;
}

std::pair<Number, Expr> split_coefficient(const Expr& term) {
  if (term.is(Kind::Mul) && term.arg(0).is_number()) {
    auto factors = term.args();
    if (factors.size() == 2) return {factors[0].number(), factors[1]};
    return {factors[0].number(),
            detail::make_node(Kind::Mul, std::vector<Expr>(factors.begin() + 1, factors.end()))};
  }
  if (term.is_number()) return {term.number(), integer(1)};
  return {Number(1), term};
}

std::pair<Expr, Expr> split_power(const Expr& factor) {
  if (factor.is(Kind::Pow)) return {factor.base(), factor.exponent()};
  return {factor, integer(1)};
}

namespace {

void sort_canonical(std::vector<Expr>& args) { std::sort(args.begin(), args.end(), storage_less); }

// coefficient * rest, where rest is a canonical non-numeric term.
Expr scale_term(const Number& coefficient, const Expr& rest) {
  if (coefficient.is_one() && coefficient.is_exact()) return rest;
  std::vector<Expr> factors{number(coefficient)};
  if (rest.is(Kind::Mul)) {
    factors.insert(factors.end(), rest.args().begin(), rest.args().end());
  } else {
    factors.push_back(rest);
  }
  return detail::make_node(Kind::Mul, std::move(factors));
}

}  // namespace

Expr add(std::vector<Expr> terms) {
  Number constant_term(0);
  std::vector<std::pair<Expr, Number>> collected;
  std::unordered_map<const Node*, std::size_t> index;
  auto take = [&](const Expr& t) {
    if (t.is_number()) {
      constant_term = constant_term + t.number();
      return;
    }
    auto [c, rest] = split_coefficient(t);
    auto [it, inserted] = index.emplace(rest.node(), collected.size());
    if (inserted) {
      collected.emplace_back(rest, c);
    } else {
      collected[it->second].second = collected[it->second].second + c;
    }
  };
  for (const Expr& t : terms) {
    LZ_ASSERT(!t.is_null(), "add of a null expression");
    if (t.is(Kind::Add)) {
      for (const Expr& inner : t.args()) take(inner);
    } else {
      take(t);
    }
  }
  std::vector<Expr> result;
  result.reserve(collected.size() + 1);
  for (auto& [rest, c] : collected) {
    if (c.is_zero()) continue;
    result.push_back(scale_term(c, rest));
  }
  sort_canonical(result);
  if (!constant_term.is_zero() || (constant_term.is_float() && result.empty())) {
    result.insert(result.begin(), number(constant_term));
  }
  if (result.empty()) return number(constant_term);
  if (result.size() == 1) return result[0];
  return detail::make_node(Kind::Add, std::move(result));
}

Expr add(const Expr& a, const Expr& b) { return add(std::vector<Expr>{a, b}); }
Expr neg(const Expr& a) { return mul(integer(-1), a); }
Expr sub(const Expr& a, const Expr& b) { return add(a, neg(b)); }

Expr mul(std::vector<Expr> factors) {
  Number coefficient(1);
  std::vector<std::pair<Expr, std::vector<Expr>>> collected;  // base -> exponents
  std::unordered_map<const Node*, std::size_t> index;
  auto take = [&](const Expr& f) {
    if (f.is_number()) {
      coefficient = coefficient * f.number();
      return;
    }
    auto [base, exponent] = split_power(f);
    auto [it, inserted] = index.emplace(base.node(), collected.size());
    if (inserted) {
      collected.push_back({base, {exponent}});
    } else {
      collected[it->second].second.push_back(exponent);
    }
  };
  for (const Expr& f : factors) {
    LZ_ASSERT(!f.is_null(), "mul of a null expression");
    if (f.is(Kind::Mul)) {
      for (const Expr& inner : f.args()) take(inner);
    } else {
      take(f);
    }
  }
  std::vector<Expr> result;
  result.reserve(collected.size() + 1);
  for (auto& [base, exponents] : collected) {
    Expr combined = exponents.size() == 1 ? pow(base, exponents[0]) : pow(base, add(exponents));
    if (combined.is_number()) {
      coefficient = coefficient * combined.number();
    } else if (combined.is(Kind::Mul)) {  // e.g. an integer power of a product
      for (const Expr& inner : combined.args()) {
        if (inner.is_number()) {
          coefficient = coefficient * inner.number();
        } else {
          result.push_back(inner);
        }
      }
    } else {
      result.push_back(combined);
    }
  }
  if (coefficient.is_zero()) return number(coefficient);
  if (result.empty()) return number(coefficient);
  if (result.size() > 1) {
    // Re-collect if an expanded power brought a base that is already present.
    std::unordered_map<const Node*, int> seen;
    bool repeated = false;
    for (const Expr& f : result) repeated |= ++seen[split_power(f).first.node()] > 1;
    if (repeated) {
      result.insert(result.begin(), number(coefficient));
      return mul(std::move(result));
    }
  }
  if (result.size() == 1) {
    if (coefficient.is_one() && coefficient.is_exact()) return result[0];
    if (result[0].is(Kind::Add)) {  // 2*(x + y) -> 2*x + 2*y
      std::vector<Expr> terms;
      terms.reserve(result[0].args().size());
      for (const Expr& t : result[0].args()) terms.push_back(mul(number(coefficient), t));
      return add(std::move(terms));
    }
  }
  sort_canonical(result);
  if (!(coefficient.is_one() && coefficient.is_exact())) {
    result.insert(result.begin(), number(coefficient));
  }
  return detail::make_node(Kind::Mul, std::move(result));
}

Expr mul(const Expr& a, const Expr& b) { return mul(std::vector<Expr>{a, b}); }

Expr div(const Expr& a, const Expr& b) {
  if (b.is_zero()) throw Error(ErrorKind::Domain, "division by zero");
  return mul(a, pow(b, integer(-1)));
}

namespace {

std::string not_real_message(const Number& base, const Number& exponent) {
  return fmt::format("({})^({}) is not a real number", base.to_string(), exponent.to_string());
}

Expr number_power(const Number& base, const Number& exponent) {
  if (base.is_float() || exponent.is_float()) {
    const double b = base.to_double(), x = exponent.to_double();
    if (b == 0 && x < 0) throw Error(ErrorKind::Domain, "division by zero");
    if (b < 0 && x != std::floor(x))
      throw Error(ErrorKind::Domain, not_real_message(base, exponent));
    return number(Number::from_double(std::pow(b, x)));
  }
  if (exponent.is_integer()) {
    auto e = exponent.to_long();
    if (!e) {
      if (base.is_one() || base.is_zero()) return number(base);
      if (base.is_minus_one()) return integer(mpz_odd_p(exponent.exact().get_num_mpz_t()) ? -1 : 1);
      throw Error(
          ErrorKind::Limit,
          fmt::format("the number {}^{} is beyond the limit of {} digits", base.to_string(),
                      exponent.to_string(),
                      static_cast<long>(static_cast<double>(limits().max_number_bits) * 0.30103)));
    }
    return number(base.pow(*e));
  }
  // A rational exponent p/q: exact when the base is a perfect q-th power.
  const mpz_class& q = exponent.exact().get_den();
  const mpz_class& p = exponent.exact().get_num();
  if (base.is_zero()) {
    if (exponent.is_negative()) throw Error(ErrorKind::Domain, "division by zero");
    return integer(0);
  }
  if (base.is_negative() && mpz_even_p(q.get_mpz_t())) {
    throw Error(ErrorKind::Domain, not_real_message(base, exponent));
  }
  if (q.fits_ulong_p() && p.fits_slong_p()) {
    if (auto root = base.exact_root(q.get_ui())) return number(root->pow(p.get_si()));
  }
  if (base.is_negative()) {  // odd root of a negative number: (-8)^(1/3) = -(8^(1/3))
    Expr magnitude = detail::make_node(Kind::Pow, {number(-base), number(exponent)});
    return mpz_odd_p(p.get_mpz_t()) ? mul(integer(-1), magnitude) : magnitude;
  }
  return detail::make_node(Kind::Pow, {number(base), number(exponent)});
}

}  // namespace

Expr pow(const Expr& base, const Expr& exponent) {
  if (exponent.is_number()) {
    const Number& x = exponent.number();
    if (x.is_zero()) return x.is_float() ? number(Number::from_double(1)) : integer(1);
    if (x.is_one() && x.is_exact()) return base;
    if (base.is_number()) return number_power(base.number(), x);
    if (x.is_integer()) {
      if (base.is(Kind::Pow)) return pow(base.base(), mul(base.exponent(), exponent));
      if (base.is(Kind::Mul)) {
        std::vector<Expr> factors;
        factors.reserve(base.args().size());
        for (const Expr& f : base.args()) factors.push_back(pow(f, exponent));
        return mul(std::move(factors));
      }
    }
  }
  if (base.is_number()) {
    const Number& b = base.number();
    if (b.is_one() && b.is_exact()) return base;
    if (b.is_zero()) {
      if (exponent.is_number()) {
        if (exponent.number().is_negative()) throw Error(ErrorKind::Domain, "division by zero");
        return base;
      }
    }
  }
  return detail::make_node(Kind::Pow, {base, exponent});
}

Expr pow(const Expr& base, long exponent) { return pow(base, integer(exponent)); }
Expr sqrt(const Expr& a) { return pow(a, rational(1, 2)); }
Expr exp(const Expr& a) { return pow(e_constant(), a); }

Expr func(Fn fn, const Expr& arg) {
  if (auto value = function_at_number(fn, arg)) return *value;
  return detail::make_node(Kind::Func, {arg}, fn);
}

}  // namespace leibniz
