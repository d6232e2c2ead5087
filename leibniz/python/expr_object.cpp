#include "leibniz/python/expr_object.h"

#include <pybind11/stl.h>

#include <atomic>
#include <mutex>
#include <unordered_map>
#include <utility>
#include <vector>

#include "leibniz/app/operations.h"
#include "leibniz/app/render.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/call.h"
#include "leibniz/expr/functions.h"
#include "leibniz/expr/root_sum.h"

namespace py = pybind11;

namespace leibniz::python {
namespace {

// Exprs dropped by a thread that did not make them, waiting for their maker. Never
// destroyed: at exit the main thread must not release the Exprs of other threads.
std::mutex g_foreign_mutex;
auto& g_foreign = *new std::vector<std::pair<std::uint64_t, Expr>>;
std::atomic<std::size_t> g_foreign_count{0};
std::atomic<std::uint64_t> g_thread_numbers{0};
// Numbered at the thread's first use. Constant-initialised and initial-exec (the module is
// dlopened, where the default model calls __tls_get_addr and a dynamic initialiser adds a
// guard): every call checks the thread of its arguments, and the check is one load.
[[gnu::tls_model("initial-exec")]] thread_local std::uint64_t t_thread_number = 0;

std::uint64_t thread_number() {
  if (t_thread_number == 0) [[unlikely]]
    t_thread_number = ++g_thread_numbers;
  return t_thread_number;
}

thread_local std::string t_input;

// A copy of a foreign thread's expression in this thread's engine. The foreign nodes are
// only read (kind, arguments, payload), never referenced or released: the PyExpr holding
// the root keeps them alive, and a node never changes once made.
Expr rebuild_here(const Expr& foreign, std::unordered_map<const Node*, Expr>& done) {
  if (const auto found = done.find(foreign.node()); found != done.end()) return found->second;
  Expr copy;
  switch (foreign.kind()) {
    case Kind::Number: copy = detail::make_number(foreign.number()); break;
    case Kind::Symbol: copy = detail::make_symbol(foreign.name()); break;
    case Kind::Constant: copy = detail::make_constant(foreign.constant()); break;
    default: {
      std::vector<Expr> args;
      args.reserve(foreign.args().size());
      for (const Expr& arg : foreign.args()) args.push_back(rebuild_here(arg, done));
      copy = foreign.is(Kind::Call) || foreign.is(Kind::RootSum)
                 ? detail::make_named(foreign.kind(), foreign.name(), args)
                 : detail::make_node(foreign.kind(), std::move(args), foreign.fn());
    }
  }
  done.emplace(foreign.node(), copy);
  return copy;
}

Number exact_integer(py::handle value) {
  return Number(mpq_class(py::str(value).cast<std::string>()));
}

py::object number_value(const Number& n) {
  if (n.is_float()) return py::float_(n.to_double());
  const py::object integer = py::module_::import("builtins").attr("int");
  py::object numerator = integer(py::str(n.exact().get_num().get_str()));
  if (n.is_integer()) return numerator;
  py::object denominator = integer(py::str(n.exact().get_den().get_str()));
  return py::module_::import("fractions").attr("Fraction")(numerator, denominator);
}

std::string_view kind_word(Kind kind) {
  switch (kind) {
    case Kind::Number: return "number";
    case Kind::Symbol: return "symbol";
    case Kind::Constant: return "constant";
    case Kind::Add: return "add";
    case Kind::Mul: return "mul";
    case Kind::Pow: return "pow";
    case Kind::Func: return "func";
    case Kind::Call: return "call";
    case Kind::RootSum: return "rootsum";
  }
  return "";
}

// The name a node carries: a symbol's, a function's, a constant's or an undefined
// function's.
std::string node_name(const Expr& e) {
  switch (e.kind()) {
    case Kind::Symbol: return e.name();
    case Kind::Constant: return e.constant() == ConstantId::E ? "e" : "pi";
    case Kind::Func: return std::string(function_info(e.fn()).name);
    case Kind::Call: return call_name(e);
    case Kind::RootSum: return "rootsum";
    default: return "";
  }
}

using Binary = Expr (*)(const Expr&, const Expr&);

// An operator of Expr with anything to_expr reads; NotImplemented for anything else, so
// that Python tries the other operand.
template <Binary op, bool reflected>
py::object binary(const PyExpr& self, py::handle other) {
  if (!is_expr_like(other)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
  const Expr a = self.local();
  const Expr b = to_expr(other);
  return wrap(reflected ? op(b, a) : op(a, b));
}

Expr power(const Expr& a, const Expr& b) { return pow(a, b); }

}  // namespace

std::uint64_t this_thread_number() { return thread_number(); }

PyExpr::~PyExpr() {
  if (value_.is_null() || owner_ == thread_number()) return;
  const std::lock_guard lock(g_foreign_mutex);
  g_foreign.emplace_back(owner_, std::move(value_));
  g_foreign_count.fetch_add(1, std::memory_order_relaxed);
}

Expr PyExpr::local() const {
  if (owner_ == thread_number()) return value_;
  std::unordered_map<const Node*, Expr> done;
  return rebuild_here(value_, done);
}

void release_foreign_expressions() {
  if (g_foreign_count.load(std::memory_order_relaxed) == 0) return;
  std::vector<Expr> mine;
  {
    const std::lock_guard lock(g_foreign_mutex);
    const std::uint64_t id = thread_number();
    for (auto it = g_foreign.begin(); it != g_foreign.end();) {
      if (it->first == id) {
        mine.push_back(std::move(it->second));
        it = g_foreign.erase(it);
        g_foreign_count.fetch_sub(1, std::memory_order_relaxed);
      } else {
        ++it;
      }
    }
  }
}  // mine's Exprs are released here, on their maker's thread

void remember_input(std::string text) { t_input = std::move(text); }
std::string take_input() { return std::exchange(t_input, {}); }

bool is_expr_like(py::handle value) {
  if (expr_in(value.ptr()) != nullptr || py::isinstance<py::str>(value)) return true;
  if (py::isinstance<py::int_>(value) || py::isinstance<py::float_>(value)) return true;
  return py::isinstance(value, py::module_::import("fractions").attr("Fraction"));
}

Expr to_expr(py::handle value) {
  if (const PyExpr* expr = expr_in(value.ptr())) return expr->local();
  if (py::isinstance<py::str>(value)) {
    std::string text = value.cast<std::string>();
    remember_input(text);
    Expr parsed = app::parse_input(text, app::Syntax::Auto);
    take_input();
    return parsed;
  }
  if (py::isinstance<py::bool_>(value)) return integer(value.cast<bool>() ? 1 : 0);
  if (py::isinstance<py::int_>(value)) return number(exact_integer(value));
  if (py::isinstance<py::float_>(value)) return number(Number::from_double(value.cast<double>()));
  if (py::isinstance(value, py::module_::import("fractions").attr("Fraction"))) {
    return number(exact_integer(value.attr("numerator")) /
                  exact_integer(value.attr("denominator")));
  }
  throw py::type_error("expected an expression (leibniz.Expr, str, int, float or Fraction), not " +
                       py::str(py::type::of(value).attr("__name__")).cast<std::string>());
}

std::string variable_name(py::handle value) {
  if (PyUnicode_Check(value.ptr())) {
    Py_ssize_t size = 0;
    const char* text = PyUnicode_AsUTF8AndSize(value.ptr(), &size);
    if (text == nullptr) throw py::error_already_set();
    return {text, static_cast<std::size_t>(size)};
  }
  if (const PyExpr* expr = expr_in(value.ptr())) {
    const Expr e = expr->local();
    if (e.is(Kind::Symbol)) return e.name();
  }
  throw py::type_error("expected a variable: a name or a symbol, not " +
                       py::str(value).cast<std::string>());
}

std::vector<std::string> variable_names(std::span<PyObject* const> given) {
  std::vector<std::string> names;
  names.reserve(given.size());
  for (PyObject* item : given) {
    if (PyList_Check(item) || PyTuple_Check(item)) {
      for (const py::handle inner : py::reinterpret_borrow<py::sequence>(item)) {
        names.push_back(variable_name(inner));
      }
    } else {
      names.push_back(variable_name(item));
    }
  }
  return names;
}

// Adds methods and properties to a type made without pybind11::class_, as class_ does.
class Methods {
 public:
  explicit Methods(py::object type) : type_(std::move(type)) {}
  template <class F>
  Methods& def(const char* name, F&& f) {
    type_.attr(name) = py::cpp_function(std::forward<F>(f), py::name(name), py::is_method(type_),
                                        py::sibling(py::getattr(type_, name, py::none())));
    return *this;
  }
  template <class F>
  Methods& def_property_readonly(const char* name, F&& f, const char* doc) {
    type_.attr(name) =
        py::module_::import("builtins")
            .attr("property")(py::cpp_function(std::forward<F>(f)), py::none(), py::none(), doc);
    return *this;
  }

 private:
  py::object type_;
};

void bind_expr(py::module_& module) {
  Methods(make_expr_type(module,
                         "Expr(value): an expression, immutable, canonical, exact. Reads text "
                         "syntax, LaTeX (detected), a number or an Expr."))
      .def("__str__",
           [](const PyExpr& self) { return app::show(self.local(), app::Notation::Text); })
      .def("__repr__",
           [](const PyExpr& self) {
             return "Expr(" +
                    py::repr(py::str(app::show(self.local(), app::Notation::Text)))
                        .cast<std::string>() +
                    ")";
           })
      .def("latex",
           [](const PyExpr& self) { return app::show(self.local(), app::Notation::Latex); })
      .def("_repr_latex_",
           [](const PyExpr& self) {
             return "$" + app::show(self.local(), app::Notation::Latex) + "$";
           })
      .def("__hash__",
           [](const PyExpr& self) {
             // A number equals the Python number (Expr("1/2") == Fraction(1, 2)): same hash.
             const Expr e = self.local();
             if (e.is_number()) return py::hash(number_value(e.number()));
             return static_cast<py::ssize_t>(self.hash());
           })
      .def("__eq__",
           [](const PyExpr& self, py::handle other) -> py::object {
             if (!is_expr_like(other) || py::isinstance<py::str>(other)) {
               return py::reinterpret_borrow<py::object>(Py_NotImplemented);
             }
             return py::bool_(self.local() == to_expr(other));
           })
      .def("__ne__",
           [](const PyExpr& self, py::handle other) -> py::object {
             if (!is_expr_like(other) || py::isinstance<py::str>(other)) {
               return py::reinterpret_borrow<py::object>(Py_NotImplemented);
             }
             return py::bool_(!(self.local() == to_expr(other)));
           })
      .def("__add__", binary<static_cast<Binary>(add), false>)
      .def("__radd__", binary<static_cast<Binary>(add), true>)
      .def("__sub__", binary<sub, false>)
      .def("__rsub__", binary<sub, true>)
      .def("__mul__", binary<static_cast<Binary>(mul), false>)
      .def("__rmul__", binary<static_cast<Binary>(mul), true>)
      .def("__truediv__", binary<div, false>)
      .def("__rtruediv__", binary<div, true>)
      .def("__pow__", binary<power, false>)
      .def("__rpow__", binary<power, true>)
      .def("__neg__", [](const PyExpr& self) { return wrap(neg(self.local())); })
      .def("__pos__", [](const PyExpr& self) { return wrap(self.local()); })
      .def_property_readonly(
          "kind", [](const PyExpr& self) { return std::string(kind_word(self.local().kind())); },
          "number, symbol, constant, add, mul, pow, func, call or rootsum")
      .def_property_readonly(
          "args",
          [](const PyExpr& self) {
            const Expr e = self.local();
            py::tuple args(e.args().size());
            for (std::size_t i = 0; i < e.args().size(); ++i) args[i] = wrap(e.arg(i));
            return args;
          },
          "the terms, factors, base and exponent, or a function's arguments")
      .def_property_readonly(
          "name", [](const PyExpr& self) { return node_name(self.local()); },
          "a symbol's, constant's or function's name; '' otherwise")
      .def_property_readonly(
          "derivative_slots",
          [](const PyExpr& self) {
            const Expr e = self.local();
            return e.is(Kind::Call) ? call_slots(e) : std::vector<std::size_t>{};
          },
          "of an undefined function: the argument slots it is differentiated in")
      .def_property_readonly(
          "root_sum",
          [](const PyExpr& self) -> py::object {
            const Expr e = self.local();
            if (!e.is(Kind::RootSum)) return py::none();
            const RootSumShown shown = root_sum_shown(e);
            return py::make_tuple(wrap(shown.polynomial), wrap(shown.variable),
                                  wrap(shown.summand));
          },
          "of a sum over roots: (P, t, summand) as rootsum(P, t, summand) prints it; else None")
      .def_property_readonly(
          "value",
          [](const PyExpr& self) -> py::object {
            const Expr e = self.local();
            if (!e.is_number()) return py::none();
            return number_value(e.number());
          },
          "a number's value: int, fractions.Fraction or float; None otherwise");
}

}  // namespace leibniz::python
