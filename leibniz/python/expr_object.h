// leibniz.Expr: a Python object holding an engine Expr. An Expr belongs to the thread that
// made it (docs/threads.md), while a Python object may be used and dropped by any thread:
// another thread reads it by rebuilding it in its own engine (the nodes are immutable and
// kept alive by the object), and one dropped by another thread is handed back to its
// maker, which releases it at its next engine call.
#pragma once

#include <pybind11/pybind11.h>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "leibniz/expr/expr.h"

namespace leibniz::python {

/// The calling thread's number, unique for the process's life (a std::thread::id may be
/// reused by a later thread, which would then take another thread's Exprs for its own).
std::uint64_t this_thread_number();

class PyExpr {
 public:
  explicit PyExpr(Expr value) : value_(std::move(value)), owner_(this_thread_number()) {}
  ~PyExpr();
  PyExpr(PyExpr&& other) noexcept : value_(std::move(other.value_)), owner_(other.owner_) {}
  PyExpr(const PyExpr&) = delete;
  PyExpr& operator=(const PyExpr&) = delete;
  PyExpr& operator=(PyExpr&&) = delete;

  /// The expression in the calling thread's engine: the value itself on its maker's thread,
  /// a copy rebuilt node by node on another.
  Expr local() const;
  /// The structural hash, the same on every thread.
  std::uint64_t hash() const { return value_.hash(); }

 private:
  Expr value_;
  std::uint64_t owner_;
};

/// Releases the Exprs other threads dropped that this thread made.
void release_foreign_expressions();

/// The PyExpr a leibniz.Expr (or a subclass's) object holds; null for any other object.
/// Reads it without pybind11's look-up of the C++ type by name: the hot calls' path.
const PyExpr* expr_in(PyObject* value);

/// What Python passes where an expression is expected: an Expr, a string in the text
/// syntax (or LaTeX, detected), an int or fractions.Fraction (exact) or a float. With the
/// GIL held; parsing a string happens here too. Throws TypeError for anything else.
Expr to_expr(pybind11::handle value);
/// Whether to_expr accepts the value.
bool is_expr_like(pybind11::handle value);

/// A Python leibniz.Expr for e.
pybind11::object wrap(Expr e);

/// The name of a variable: a str or a Symbol Expr.
std::string variable_name(pybind11::handle value);
/// The names of variables given one by one, or as one list or tuple:
/// diff(e, "x", "y"), diff(e, ["x", "y"]).
std::vector<std::string> variable_names(std::span<PyObject* const> given);

/// Remembers the text parsed last on this thread, for the caret of a parse error.
void remember_input(std::string text);
/// The text of remember_input, taken (empty when there is none).
std::string take_input();

/// Makes leibniz.Expr's type (expr_type.cpp) and adds it to the module.
pybind11::object make_expr_type(pybind11::module_& module, const char* doc);

void bind_expr(pybind11::module_& module);

}  // namespace leibniz::python

namespace pybind11::detail {

/// A leibniz.Expr argument of a pybind11 function (const PyExpr&), read by expr_in.
template <>
class type_caster<leibniz::python::PyExpr> {
 public:
  static constexpr auto name = const_name("leibniz.Expr");
  template <typename>
  using cast_op_type = const leibniz::python::PyExpr&;
  bool load(handle source, bool /*convert*/) {
    value_ = leibniz::python::expr_in(source.ptr());
    return value_ != nullptr;
  }
  explicit operator const leibniz::python::PyExpr&() const { return *value_; }

 private:
  const leibniz::python::PyExpr* value_ = nullptr;
};

}  // namespace pybind11::detail
