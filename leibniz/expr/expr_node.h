// Expr, the node behind it and the kinds of node: what <leibniz/leibniz.h> needs to hand
// out expressions, self-contained (the standard library and core/error.h only, no GMP),
// so it is installed with it. The library itself includes expr/expr.h, which adds Number
// and the builders' raw constructors.
//
// Expr is a handle to an immutable, interned (hash-consed) expression node. Two equal
// expressions are the same node, so equality is pointer comparison. Nodes are built
// only through the canonical builders of builders.h. The accessors and the reference
// counting are inline: every rule of every algorithm goes through them. Each thread has
// its own intern table and node pool, and an Expr belongs to the thread that made it:
// nothing is synchronised, so an Expr (or anything holding one) must never be used,
// copied or destroyed by another thread; answers cross threads as strings, JSON or
// numbers (docs/threads.md).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <new>
#include <span>
#include <string>
#include <utility>

#include "leibniz/core/error.h"

namespace leibniz {

/// Call: an undefined function (spec §1 v2) applied to its arguments, or one of its
/// partial derivatives; the name and the derivative live in the node's name (call.h).
/// RootSum: a sum over the roots of a polynomial, Σ c(α)·ln(u − α) (root_sum.h); the
/// polynomial and c live in the node's name, u is its one argument.
enum class Kind : std::uint8_t { Number, Symbol, Constant, Add, Mul, Pow, Func, Call, RootSum };
enum class ConstantId : std::uint8_t { E, Pi };

/// The elementary functions; their properties live in functions.h. All take one
/// argument except Max and Min, which take two. exp and sqrt are not here: they are the
/// powers e^u and u^(1/2).
enum class Fn : std::uint8_t {
  Ln,
  Sin,
  Cos,
  Tan,
  Cot,
  Sec,
  Csc,
  Asin,
  Acos,
  Atan,
  Acot,
  Asec,
  Acsc,
  Sinh,
  Cosh,
  Tanh,
  Sigmoid,
  Abs,
  Relu,
  Softplus,
  Heaviside,
  Sign,
  Max,
  Min,
  Erf,
  // Appended after erf, so that the canonical order of the older functions stays.
  Coth,
  Sech,
  Csch,
  Asinh,
  Acosh,
  Atanh,
  Acoth,
  Asech,
  Acsch  // the last: kFnCount counts to it, and functions.cpp has one row per Fn in this order
};
inline constexpr std::size_t kFnCount = static_cast<std::size_t>(Fn::Acsch) + 1;

class Node;
class Number;  // core/number.h: exact rationals (GMP) and floats

class Expr {
 public:
  Expr() = default;
  explicit Expr(const Node* node);  // takes a new reference
  Expr(const Expr& other);
  Expr(Expr&& other) noexcept : node_(other.node_) { other.node_ = nullptr; }
  Expr& operator=(const Expr& other) {
    Expr copy(other);  // safe for self-assignment and for other living inside *this
    std::swap(node_, copy.node_);
    return *this;
  }
  Expr& operator=(Expr&& other) noexcept {
    Expr taken(std::move(other));
    std::swap(node_, taken.node_);
    return *this;
  }
  ~Expr();

  bool is_null() const { return node_ == nullptr; }
  const Node* node() const { return node_; }

  Kind kind() const;
  bool is(Kind k) const { return kind() == k; }
  bool is_number() const { return is(Kind::Number); }
  /// The number of a Number node (a template for the reason Node::number gives).
  template <class N = Number>
  const N& number() const;
  bool is_zero() const;
  bool is_one() const;
  bool is_integer() const;  // an exact integer number
  /// The name of a Symbol; of a Call or a RootSum, its key (call.h, root_sum.h read it).
  const std::string& name() const;
  ConstantId constant() const;
  bool is_e() const;
  Fn fn() const;
  /// Add: terms; Mul: factors (a numeric coefficient first, if any); Pow: base, exponent;
  /// Func: the arguments (two for max and min).
  std::span<const Expr> args() const;
  const Expr& arg(std::size_t i) const { return args()[i]; }
  const Expr& base() const { return arg(0); }
  const Expr& exponent() const { return arg(1); }

  std::uint64_t hash() const;
  std::uint32_t depth() const;

  friend bool operator==(const Expr& a, const Expr& b) { return a.node_ == b.node_; }

 private:
  // Removes a node whose last reference is gone from the intern table and frees it.
  static void release(const Node* node);

  const Node* node_ = nullptr;
};

/// The node behind an Expr. Only expr.cpp creates and mutates nodes; everyone else
/// reads them through Expr.
class Node {
 public:
  Node() = default;
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;
  ~Node();  // expr.cpp, where Number is complete

  /// What Expr::is_zero, is_one and is_integer ask of a Number node, kept beside its
  /// number so that asking costs one load; kHeld: the node holds a Number to destroy.
  enum NumberTrait : std::uint8_t { kZero = 1, kOne = 2, kInteger = 4, kHeld = 8 };

  Kind kind = Kind::Number;
  Fn fn = Fn::Ln;
  ConstantId constant = ConstantId::E;
  std::uint8_t number_traits = 0;  // NumberTrait bits; 0 unless a Number node
  mutable std::uint32_t refs = 0;
  std::uint32_t depth = 1;
  std::uint64_t hash = 0;
  std::string name;

  /// The room for a Number (core/number.h) in each node, fixed here so that this header
  /// needs no GMP; expr.h checks it against Number's size.
  static constexpr std::size_t kNumberSize = 48;
  static constexpr std::size_t kNumberAlign = 8;

  /// The number of a Number node. A template only so that it is compiled where Number
  /// is complete (core/number.h): this header stays free of GMP.
  template <class N = Number>
  const N& number() const {
    return *std::launder(reinterpret_cast<const N*>(number_storage_));
  }
  /// Sets the number, once, at creation (expr.cpp).
  void set_number(const Number& value);

  std::span<const Expr> args() const { return {args_, arg_count_}; }
  /// Sets the arguments, once, at creation. Up to two (every Pow and Func) live in the
  /// node itself.
  void set_args(std::span<const Expr> args) {
    if (args.size() > std::size(inline_args_)) args_ = new Expr[args.size()];
    std::copy(args.begin(), args.end(), args_);
    arg_count_ = static_cast<std::uint32_t>(args.size());
  }

  // Nodes come from the thread's pool: expressions make and drop millions of them.
  static void* operator new(std::size_t size);
  static void operator delete(void* node, std::size_t size);

 private:
  std::uint32_t arg_count_ = 0;
  alignas(kNumberAlign) unsigned char number_storage_[kNumberSize];  // set_number's Number
  Expr inline_args_[2];
  Expr* args_ = inline_args_;  // nodes never move, so this may point into the node
};

inline Expr::Expr(const Node* node) : node_(node) {
  if (node_) ++node_->refs;
}
inline Expr::Expr(const Expr& other) : node_(other.node_) {
  if (node_) ++node_->refs;
}
inline Expr::~Expr() {
  if (node_ && --node_->refs == 0) release(node_);
}
inline Kind Expr::kind() const { return node_->kind; }
template <class N>
const N& Expr::number() const {
  LZ_ASSERT(kind() == Kind::Number, "number() of a non-number");
  return node_->number<N>();
}
inline bool Expr::is_zero() const { return (node_->number_traits & Node::kZero) != 0; }
inline bool Expr::is_one() const { return (node_->number_traits & Node::kOne) != 0; }
inline bool Expr::is_integer() const { return (node_->number_traits & Node::kInteger) != 0; }
inline const std::string& Expr::name() const { return node_->name; }
inline ConstantId Expr::constant() const { return node_->constant; }
inline bool Expr::is_e() const {
  return kind() == Kind::Constant && node_->constant == ConstantId::E;
}
inline Fn Expr::fn() const { return node_->fn; }
inline std::span<const Expr> Expr::args() const { return node_->args(); }
inline std::uint64_t Expr::hash() const { return node_->hash; }
inline std::uint32_t Expr::depth() const { return node_->depth; }

struct ExprHash {
  std::size_t operator()(const Expr& e) const { return static_cast<std::size_t>(e.hash()); }
};

}  // namespace leibniz
