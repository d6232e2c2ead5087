// The library's view of expressions: Expr and its node (expr_node.h, the part the public
// header installs), the Number a Number node holds, and the raw constructors the
// canonical builders (builders.h) intern nodes with.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "leibniz/core/number.h"
#include "leibniz/expr/expr_node.h"

namespace leibniz {

static_assert(sizeof(Number) <= Node::kNumberSize && alignof(Number) <= Node::kNumberAlign,
              "a Node keeps room for exactly one Number: resize Node::kNumberSize");

/// A total order that does not depend on addresses: by hash, ties by structure.
/// Used to store the arguments of Add and Mul in a canonical order.
bool storage_less(const Expr& a, const Expr& b);

/// Whether e written out as a tree (shared subexpressions repeated) has at most `limit`
/// nodes; stops counting beyond, so it costs at most `limit` steps.
bool tree_size_at_most(const Expr& e, double limit);

/// Number of live interned nodes of the calling thread (for tests and benchmarks).
std::size_t interned_node_count();

/// Number of threads' expression engines (intern table and node pool) alive in the
/// process, for tests: a thread's engine is freed when the thread exits, or, if some of
/// its Exprs outlive it in statics, with the last of them.
std::size_t live_engine_count();

namespace detail {
/// Raw constructors: they trust their input to be canonical and intern it.
Expr make_number(const Number& value);
Expr make_symbol(const std::string& name);
Expr make_constant(ConstantId id);
/// A node whose name is part of its content, a Call or a RootSum: `key` is the Call's
/// name with the derivative's slots (call.h), the RootSum's polynomial and coefficient
/// (root_sum.h).
Expr make_named(Kind kind, const std::string& key, std::span<const Expr> args);
inline Expr make_call(const std::string& key, std::span<const Expr> args) {
  return make_named(Kind::Call, key, args);
}
Expr make_node(Kind kind, std::vector<Expr> args, Fn fn = Fn::Ln);
/// The same, copying the arguments only when the node is not already alive.
Expr make_node(Kind kind, std::span<const Expr> args, Fn fn = Fn::Ln);
}  // namespace detail

}  // namespace leibniz
