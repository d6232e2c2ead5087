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
#include <cstddef>
#include <deque>
#include <functional>
#include <memory_resource>
#include <optional>
#include <span>
#include <unordered_map>
#include <vector>

#include "leibniz/core/error.h"
#include "leibniz/core/limits.h"
#include "leibniz/core/stack_memory.h"
#include "leibniz/expr/builders_roots.h"
#include "leibniz/expr/domain_witnesses.h"
#include "leibniz/expr/functions.h"

namespace leibniz {

Expr number(const Number& value) { return detail::make_number(value); }

namespace {

// The small integers are in every derivative (0, 1, -1, exponents): made once per thread,
// as every Expr belongs to one (docs/threads.md), and freed at its exit. A use reads one
// initial-exec pointer (no guard, no __tls_get_addr in the dlopened Python module); the
// table behind it is a thread_local made, and registered for destruction, at first use.
constexpr long kCachedIntegers = 16;

[[gnu::tls_model("initial-exec")]] thread_local const Expr* t_small_integers = nullptr;
thread_local bool t_small_integers_gone = false;  // at thread exit: integers made afresh

struct SmallIntegers {
  SmallIntegers() {
    for (long v = -kCachedIntegers; v <= kCachedIntegers; ++v) {
      table[v + kCachedIntegers] = detail::make_number(Number(v));
    }
  }
  ~SmallIntegers() {
    t_small_integers = nullptr;
    t_small_integers_gone = true;
  }
  SmallIntegers(const SmallIntegers&) = delete;
  SmallIntegers& operator=(const SmallIntegers&) = delete;

  Expr table[2 * kCachedIntegers + 1];
};

// The calling thread's table, made at its first use; null once it is destroyed.
[[gnu::noinline]] const Expr* make_small_integers() {
  if (t_small_integers_gone) return nullptr;
  thread_local const SmallIntegers cache;
  t_small_integers = cache.table;
  return t_small_integers;
}

}  // namespace

Expr integer(long value) {
  if (value >= -kCachedIntegers && value <= kCachedIntegers) {
    const Expr* table = t_small_integers;
    if (table == nullptr) [[unlikely]]
      table = make_small_integers();
    if (table != nullptr) return table[value + kCachedIntegers];
  }
  return detail::make_number(Number(value));
}
Expr rational(long numerator, long denominator) {
  return detail::make_number(Number::rational(numerator, denominator));
}
Expr symbol(std::string_view name) { return detail::make_symbol(std::string(name)); }
Expr constant(ConstantId id) { return detail::make_constant(id); }
Expr e_constant() {
  thread_local const Expr e = detail::make_constant(ConstantId::E);
  return e;
}
Expr pi_constant() {
  thread_local const Expr pi = detail::make_constant(ConstantId::Pi);
  return pi;
}

std::pair<Number, Expr> split_coefficient(const Expr& term) {
  if (term.is(Kind::Mul) && term.arg(0).is_number()) {
    auto factors = term.args();
    if (factors.size() == 2) return {factors[0].number(), factors[1]};
    return {factors[0].number(), detail::make_node(Kind::Mul, factors.subspan(1))};
  }
  if (term.is_number()) return {term.number(), integer(1)};
  return {Number(1), term};
}

std::pair<Expr, Expr> split_power(const Expr& factor) {
  if (factor.is(Kind::Pow)) return {factor.base(), factor.exponent()};
  return {factor, integer(1)};
}

namespace {

void sort_canonical(std::span<Expr> args) { std::sort(args.begin(), args.end(), storage_less); }

bool is_exact_one(const Number& n) { return n.is_one() && n.is_exact(); }

// A running sum or product of numbers that borrows its first operand and computes only
// from the second on: most sums and products have at most one numeric part, and a Number
// beyond machine integers allocates. A value that is one number node's is handed back as
// that node, without interning it again.
class Accumulated {
 public:
  explicit Accumulated(const Number& neutral) : borrowed_(&neutral) {}
  template <class Op>
  void combine(const Number& n, Op op, const Expr* node = nullptr) {
    if (!touched_) {
      borrowed_ = &n;
      node_ = node;
      touched_ = true;
      return;
    }
    owned_ = op(value(), n);
    borrowed_ = nullptr;
    node_ = nullptr;
  }
  void add(const Number& n) { combine(n, std::plus<>{}); }
  void multiply(const Number& n) { combine(n, std::multiplies<>{}); }
  /// Adds or multiplies by a number node's number.
  void add(const Expr& number_node) { combine(number_node.number(), std::plus<>{}, &number_node); }
  void multiply(const Expr& number_node) {
    combine(number_node.number(), std::multiplies<>{}, &number_node);
  }
  const Number& value() const { return borrowed_ ? *borrowed_ : *owned_; }
  /// The value as a number node.
  Expr node() const { return node_ ? *node_ : number(value()); }

 private:
  const Number* borrowed_;       // null when the value is owned_
  std::optional<Number> owned_;  // empty until computed
  const Expr* node_ = nullptr;   // the node whose number is borrowed_, if one is
  bool touched_ = false;
};

const Number& zero_number() {
  static const Number zero(0);
  return zero;
}
const Number& one_number() {
  static const Number one(1);
  return one;
}

// A builder's working lists are short in nearly every call.
using Scratch = StackMemory<4096>;

// A term of a sum seen as coefficient × (the product of `rest`): 3*x*y is 3 × [x, y],
// x is 1 × [x]. Like terms have equal rests; a term met once is kept as it is.
struct SumEntry {
  const Expr* term;
  std::span<const Expr> rest;
  std::uint64_t rest_hash = 0;
  Accumulated coefficient{zero_number()};
  bool combined = false;
};

SumEntry sum_entry(const Expr& term) {
  SumEntry entry{&term, std::span<const Expr>(&term, 1)};
  if (term.is(Kind::Mul) && term.arg(0).is_number()) {
    entry.rest = term.args().subspan(1);
    entry.coefficient.add(term.arg(0).number());
  } else {
    if (term.is(Kind::Mul)) entry.rest = term.args();
    entry.coefficient.add(one_number());
  }
  std::uint64_t h = entry.rest.size();
  for (const Expr& f : entry.rest) h = (h ^ f.hash()) * 0x100000001b3ULL;
  entry.rest_hash = h;
  return entry;
}

// For entries whose rest hashes are equal (LikeEntries compares those).
bool same_rest(const SumEntry& a, const SumEntry& b) { return std::ranges::equal(a.rest, b.rest); }

// coefficient × the product of rest (canonical non-numeric factors).
Expr scale_rest(const Number& coefficient, std::span<const Expr> rest) {
  if (is_exact_one(coefficient)) {
    if (rest.size() == 1) return rest[0];
    return detail::make_node(Kind::Mul, rest);
  }
  std::vector<Expr> factors;
  factors.reserve(rest.size() + 1);
  factors.push_back(number(coefficient));
  factors.insert(factors.end(), rest.begin(), rest.end());
  return detail::make_node(Kind::Mul, std::move(factors));
}

// The distinct entries of a sum or product in the order first met, found again by key:
// a linear scan while there are few, then a hash index (hash -> chain of entries).
template <class Entry>
class LikeEntries {
 public:
  LikeEntries(std::size_t expected, std::pmr::memory_resource* memory)
      : entries_(memory), hashes_(memory) {
    entries_.reserve(expected);
    hashes_.reserve(expected);
  }

  /// The entry with this hash for which same(entry) holds, or null.
  template <class Same>
  Entry* find(std::uint64_t hash, Same same) {
    const std::size_t count = entries_.size();
    if (count <= kLinearScan) {
      for (std::size_t i = 0; i < count; ++i) {
        if (hashes_[i] == hash && same(entries_[i])) return &entries_[i];
      }
      return nullptr;
    }
    if (!index_) index_.emplace();
    for (; indexed_ < count; ++indexed_) index(hashes_[indexed_], indexed_);
    auto it = index_->first.find(hash);
    for (std::size_t i = it == index_->first.end() ? kNone : it->second; i != kNone;
         i = index_->next[i]) {
      if (same(entries_[i])) return &entries_[i];
    }
    return nullptr;
  }

  void push(std::uint64_t hash, Entry entry) {
    hashes_.push_back(hash);
    entries_.push_back(std::move(entry));
  }

  std::span<Entry> entries() { return entries_; }

 private:
  static constexpr std::size_t kLinearScan = 16;
  static constexpr std::size_t kNone = SIZE_MAX;

  void index(std::uint64_t hash, std::size_t i) {
    index_->next.resize(i + 1, kNone);
    auto [it, inserted] = index_->first.emplace(hash, i);
    if (!inserted) {
      index_->next[i] = it->second;
      it->second = i;
    }
  }

  // Made only past kLinearScan entries: most sums and products never need it, and even an
  // empty map costs its construction and destruction in every call.
  struct Index {
    std::unordered_map<std::uint64_t, std::size_t> first;
    std::vector<std::size_t> next;
  };

  std::pmr::vector<Entry> entries_;
  std::pmr::vector<std::uint64_t> hashes_;
  std::optional<Index> index_;
  std::size_t indexed_ = 0;
};

// take(a) for each of args, and for each argument of those that are themselves of
// `kind` (a sum in a sum, a product in a product).
template <class Take>
void for_each_flattened(std::span<const Expr> args, Kind kind, Take take) {
  for (const Expr& a : args) {
    LZ_ASSERT(!a.is_null(), "a null expression in a sum or product");
    if (a.is(kind)) {
      for (const Expr& inner : a.args()) take(inner);
    } else {
      take(a);
    }
  }
}

}  // namespace

Expr add(std::span<const Expr> terms) {
  Accumulated constant_term(zero_number());
  Scratch scratch;
  LikeEntries<SumEntry> like(terms.size(), &scratch.memory);
  for_each_flattened(terms, Kind::Add, [&](const Expr& t) {
    if (t.is_number()) {
      constant_term.add(t);
      return;
    }
    SumEntry entry = sum_entry(t);
    if (SumEntry* same =
            like.find(entry.rest_hash, [&](const SumEntry& e) { return same_rest(e, entry); })) {
      same->coefficient.add(entry.coefficient.value());
      same->combined = true;
    } else {
      like.push(entry.rest_hash, entry);
    }
  });
  std::pmr::vector<Expr> result(&scratch.memory);
  result.reserve(like.entries().size() + 1);
  for (const SumEntry& e : like.entries()) {
    if (!e.combined) {
      result.push_back(*e.term);
    } else if (!e.coefficient.value().is_zero()) {
      result.push_back(scale_rest(e.coefficient.value(), e.rest));
    }
  }
  sort_canonical(result);
  const Number& constant = constant_term.value();
  if (!constant.is_zero() || (constant.is_float() && result.empty())) {
    result.insert(result.begin(), constant_term.node());
  }
  if (result.empty()) return constant_term.node();
  if (result.size() == 1) return result[0];
  return detail::make_node(Kind::Add, std::span<const Expr>(result));
}

Expr add(const std::vector<Expr>& terms) { return add(std::span<const Expr>(terms)); }
Expr add(const Expr& a, const Expr& b) {
  const Expr terms[] = {a, b};
  return add(std::span<const Expr>(terms));
}
Expr neg(const Expr& a) { return mul(integer(-1), a); }
Expr sub(const Expr& a, const Expr& b) { return add(a, neg(b)); }

namespace {

// The factors of a product with one base: the first factor met, and the exponents of
// all of them (only filled in when there are several); whether one of them needed the
// base non-negative (builders_roots.h).
struct PowerEntry {
  const Expr* factor;
  Expr base;
  std::vector<Expr> exponents;
  bool even_root = false;
};

}  // namespace

Expr mul(std::span<const Expr> factors) {
  Accumulated coefficient(one_number());
  Scratch scratch;
  LikeEntries<PowerEntry> like(factors.size(), &scratch.memory);
  for_each_flattened(factors, Kind::Mul, [&](const Expr& f) {
    if (f.is_number()) {
      coefficient.multiply(f);
      return;
    }
    detail::CollectedPower power = detail::collected_power(f);
    const std::uint64_t hash = power.base.hash();
    PowerEntry* same = like.find(hash, [&](const PowerEntry& e) { return e.base == power.base; });
    if (!same) {
      like.push(hash, {&f, std::move(power.base), {}, power.even_root});
      return;
    }
    if (same->exponents.empty()) {
      same->exponents.push_back(detail::collected_power(*same->factor).exponent);
    }
    same->exponents.push_back(std::move(power.exponent));
    same->even_root |= power.even_root;
  });
  std::pmr::vector<Expr> result(&scratch.memory);
  // Numbers that powers folded to, borrowed by `coefficient`; made only for them (an empty
  // deque already allocates).
  std::optional<std::pmr::deque<Number>> folded;
  auto fold = [&](const Number& n) {
    if (!folded) folded.emplace(&scratch.memory);
    coefficient.multiply(folded->emplace_back(n));
  };
  result.reserve(like.entries().size() + 1);
  bool expanded = false;  // a power of a product was multiplied out
  for (PowerEntry& e : like.entries()) {
    if (e.exponents.empty()) {  // met once: already a canonical factor
      result.push_back(*e.factor);
      continue;
    }
    Expr combined = detail::power_keeping_domain(e.base, add(e.exponents), e.even_root);
    if (combined.is_number()) {
      fold(combined.number());
    } else if (combined.is(Kind::Mul)) {  // e.g. an integer power of a product
      expanded = true;
      for (const Expr& inner : combined.args()) {
        if (inner.is_number()) {
          fold(inner.number());
        } else {
          result.push_back(inner);
        }
      }
    } else {
      result.push_back(combined);
    }
  }
  const Number& c = coefficient.value();
  if (c.is_zero()) return coefficient.node();
  if (result.empty()) return coefficient.node();
  if (expanded && result.size() > 1) {
    // Re-collect if an expanded power brought a base that is already present.
    std::unordered_map<const Node*, int> seen;
    bool repeated = false;
    for (const Expr& f : result) repeated |= ++seen[detail::collected_power(f).base.node()] > 1;
    if (repeated) {
      result.insert(result.begin(), coefficient.node());
      return mul(std::span<const Expr>(result));
    }
  }
  if (result.size() == 1) {
    if (is_exact_one(c)) return result[0];
    if (result[0].is(Kind::Add)) {  // 2*(x + y) -> 2*x + 2*y
      std::vector<Expr> terms;
      terms.reserve(result[0].args().size());
      const Expr factor = coefficient.node();
      for (const Expr& t : result[0].args()) terms.push_back(mul(factor, t));
      return add(terms);
    }
  }
  sort_canonical(result);
  if (!is_exact_one(c)) result.insert(result.begin(), coefficient.node());
  return detail::make_node(Kind::Mul, std::span<const Expr>(result));
}

Expr mul(const std::vector<Expr>& factors) { return mul(std::span<const Expr>(factors)); }

Expr mul(const Expr& a, const Expr& b) {
  const Expr factors[] = {a, b};
  return mul(std::span<const Expr>(factors));
}

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
    const double b = base.float_value(), x = exponent.float_value();
    if (b == 0 && x < 0) throw Error(ErrorKind::Domain, "division by zero");
    if (b < 0 && x != std::floor(x))
      throw Error(ErrorKind::Domain, not_real_message(base, exponent));
    return number(Number::from_double(std::pow(b, x)));
  }
  if (exponent.is_integer()) {
    auto e = exponent.to_long();
    if (!e) {
      if (base.is_zero() && exponent.is_negative()) {
        throw Error(ErrorKind::Domain, "division by zero");
      }
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
  const mpq_class exact_exponent = exponent.exact();
  const mpz_class& q = exact_exponent.get_den();
  const mpz_class& p = exact_exponent.get_num();
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
    const Expr parts[] = {number(-base), number(exponent)};
    Expr magnitude = detail::make_node(Kind::Pow, std::span<const Expr>(parts));
    return mpz_odd_p(p.get_mpz_t()) ? mul(integer(-1), magnitude) : magnitude;
  }
  const Expr parts[] = {number(base), number(exponent)};
  return detail::make_node(Kind::Pow, std::span<const Expr>(parts));
}

}  // namespace

Expr pow(const Expr& base, const Expr& exponent) {
  if (exponent.is_number()) {
    const Number& x = exponent.number();
    if (x.is_zero()) return x.is_float() ? number(Number::from_double(1)) : integer(1);
    if (x.is_one() && x.is_exact()) return base;
    if (base.is_number()) return number_power(base.number(), x);
    if (x.is_integer()) {
      if (base.is(Kind::Pow)) {  // (x^(1/2))^2 is x only where x >= 0
        const detail::CollectedPower inner = detail::collected_power(base);
        return detail::power_keeping_domain(inner.base, mul(inner.exponent, exponent),
                                            inner.even_root);
      }
      if (base.is(Kind::Mul)) {
        std::vector<Expr> factors;
        factors.reserve(base.args().size());
        for (const Expr& f : base.args()) factors.push_back(pow(f, exponent));
        return mul(factors);
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
  const Expr parts[] = {base, exponent};
  Expr power = detail::make_node(Kind::Pow, std::span<const Expr>(parts));
  DomainWitnesses::record(power);
  return power;
}

Expr pow(const Expr& base, long exponent) { return pow(base, integer(exponent)); }
Expr sqrt(const Expr& a) { return pow(a, rational(1, 2)); }
Expr exp(const Expr& a) { return pow(e_constant(), a); }

namespace {

enum class Parity { None, Even, Odd };

// f(-u) = f(u) or -f(u): the functions whose canonical argument leads with a plus sign.
Parity parity(Fn fn) {
  switch (fn) {
    case Fn::Cos:
    case Fn::Sec:
    case Fn::Cosh:
    case Fn::Sech:
    case Fn::Abs: return Parity::Even;
    case Fn::Sin:
    case Fn::Tan:
    case Fn::Cot:
    case Fn::Csc:
    case Fn::Asin:
    case Fn::Atan:
    case Fn::Acsc:
    case Fn::Sinh:
    case Fn::Tanh:
    case Fn::Coth:
    case Fn::Csch:
    case Fn::Asinh:
    case Fn::Atanh:
    case Fn::Acoth:
    case Fn::Acsch:
    case Fn::Sign: return Parity::Odd;
    default:
      return Parity::None;  // acos, acot, asec, acosh, asech: f(-u) = pi - f(u); sigmoid: 1 - f(u)
  }
}

// A negative number, or a product with a negative coefficient (-x, -2*x*y).
bool leads_with_minus(const Expr& e) {
  if (e.is_number()) return e.number().is_negative();
  return e.is(Kind::Mul) && e.arg(0).is_number() && e.arg(0).number().is_negative();
}

}  // namespace

Expr func(Fn fn, const Expr& arg) {
  // cos(-1) is cos(1) and sin(-x) is -sin(x): one form for equal values, so that
  // cos(1) - cos(-1) folds to 0.
  if (const Parity p = parity(fn); p != Parity::None && leads_with_minus(arg)) {
    const Expr value = func(fn, neg(arg));
    return p == Parity::Even ? value : neg(value);
  }
  if (auto value = function_at_number(fn, arg)) return *value;
  Expr value = detail::make_node(Kind::Func, std::span<const Expr>(&arg, 1), fn);
  DomainWitnesses::record(value);
  return value;
}

Expr func(Fn fn, const Expr& a, const Expr& b) {
  if (auto value = function_at_numbers(fn, a, b)) return *value;
  const Expr parts[] = {a, b};
  Expr value = detail::make_node(Kind::Func, std::span<const Expr>(parts), fn);
  DomainWitnesses::record(value);
  return value;
}

Expr func(Fn fn, std::span<const Expr> args) {
  LZ_ASSERT(args.size() == function_info(fn).arity(), "wrong number of arguments");
  return args.size() == 2 ? func(fn, args[0], args[1]) : func(fn, args[0]);
}

}  // namespace leibniz
