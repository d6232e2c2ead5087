#include "leibniz/expr/order.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "leibniz/expr/builders.h"
#include "leibniz/expr/call.h"
#include "leibniz/expr/functions.h"

namespace leibniz {
namespace {

// The variables of a term with their numeric exponents, sorted by name. The names are
// the nodes' own (the term holds them while its order is decided): no string copied.
struct Monomial {
  std::vector<std::pair<std::string_view, double>> powers;
  double degree = 0;
  bool has_other = false;  // a factor that is not a power of a variable
};

Monomial monomial_of(const Expr& term) {
  Monomial m;
  auto take = [&m](const Expr& factor) {
    if (factor.is_number()) return;
    auto [base, exponent] = split_power(factor);
    // An undefined function's call orders as a variable would, by its name and slots.
    if ((base.is(Kind::Symbol) || base.is(Kind::Call)) && exponent.is_number()) {
      const double e = exponent.number().to_double();
      m.powers.emplace_back(base.name(), e);
      m.degree += e;
    } else {
      m.has_other = true;
    }
  };
  if (term.is(Kind::Mul)) {
    m.powers.reserve(term.args().size());
    for (const Expr& f : term.args()) take(f);
  } else {
    take(term);
  }
  std::sort(m.powers.begin(), m.powers.end());
  return m;
}

// Graded lexicographic: true if a comes before b.
int compare_monomials(const Monomial& a, const Monomial& b) {
  if (a.degree != b.degree) return a.degree > b.degree ? -1 : 1;
  std::size_t i = 0, j = 0;
  while (i < a.powers.size() || j < b.powers.size()) {
    if (j == b.powers.size() || (i < a.powers.size() && a.powers[i].first < b.powers[j].first)) {
      return a.powers[i].second > 0 ? -1 : 1;  // a has a variable b lacks
    }
    if (i == a.powers.size() || b.powers[j].first < a.powers[i].first) {
      return b.powers[j].second > 0 ? 1 : -1;
    }
    if (a.powers[i].second != b.powers[j].second) {
      return a.powers[i].second > b.powers[j].second ? -1 : 1;
    }
    ++i;
    ++j;
  }
  if (a.has_other != b.has_other) return a.has_other ? 1 : -1;
  return 0;
}

int factor_rank(const Expr& factor) {
  const Expr& base = split_power(factor).first;
  switch (base.kind()) {
    case Kind::Number: return 0;
    case Kind::Constant: return base.is_e() ? 4 : 1;
    case Kind::Symbol: return 2;
    case Kind::Func:
    case Kind::Call:
    case Kind::RootSum: return 3;
    case Kind::Pow: return 5;
    case Kind::Mul: return 5;
    case Kind::Add: return 6;
  }
  return 6;
}

// A view of the factor's own name (the factor holds its base's node) or of the table's.
std::string_view factor_key(const Expr& factor) {
  const Expr& base = split_power(factor).first;
  if (base.is(Kind::Symbol)) return base.name();
  if (base.is(Kind::Func)) return function_info(base.fn()).name;
  if (base.is(Kind::Call)) return base.name();  // g(x) before its derivatives
  return {};
}

// std::stable_sort without the buffer it allocates on every call: a product's factors and
// a sum's terms are mostly few, and insertion sort is stable too (the same order).
template <class T, class Less>
void stable_sort_few(std::vector<T>& v, Less less) {
  constexpr std::size_t kFew = 16;
  if (v.size() > kFew) {
    std::stable_sort(v.begin(), v.end(), less);
    return;
  }
  for (std::size_t i = 1; i < v.size(); ++i) {
    for (std::size_t j = i; j > 0 && less(v[j], v[j - 1]); --j) std::swap(v[j], v[j - 1]);
  }
}

}  // namespace

std::vector<Expr> terms_in_print_order(const Expr& sum) {
  std::vector<std::pair<Monomial, Expr>> keyed;
  keyed.reserve(sum.args().size());
  Expr constant_term;
  for (const Expr& t : sum.args()) {
    if (t.is_number()) {
      constant_term = t;
    } else {
      keyed.emplace_back(monomial_of(t), t);
    }
  }
  stable_sort_few(keyed, [](const auto& a, const auto& b) {
    const int c = compare_monomials(a.first, b.first);
    if (c != 0) return c < 0;
    return storage_less(a.second, b.second);
  });
  std::vector<Expr> result;
  result.reserve(sum.args().size());
  // Terms of negative degree (1/x) follow the constant, as in x + 1 + 1/x.
  std::size_t k = 0;
  for (; k < keyed.size() && keyed[k].first.degree >= 0; ++k) result.push_back(keyed[k].second);
  if (!constant_term.is_null()) result.push_back(constant_term);
  for (; k < keyed.size(); ++k) result.push_back(keyed[k].second);
  return result;
}

std::vector<Expr> factors_in_print_order(const Expr& product) {
  std::vector<Expr> factors;
  for (const Expr& f : product.args()) {
    if (!f.is_number()) factors.push_back(f);
  }
  stable_sort_few(factors, [](const Expr& a, const Expr& b) {
    const int ra = factor_rank(a), rb = factor_rank(b);
    if (ra != rb) return ra < rb;
    const std::string_view ka = factor_key(a), kb = factor_key(b);
    if (ka != kb) return ka < kb;
    return storage_less(a, b);
  });
  return factors;
}

}  // namespace leibniz
