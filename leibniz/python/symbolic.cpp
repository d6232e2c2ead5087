// The symbolic operations of leibniz._leibniz: the calls on expressions go straight to the
// engine functions the request table runs (app/operations.h), without JSON; everything
// else is a request of the table, answered by app::answer (requests.cpp).
#include <pybind11/stl.h>

#include <map>
#include <string>
#include <vector>

#include "leibniz/app/batch.h"
#include "leibniz/app/notes.h"
#include "leibniz/app/operations.h"
#include "leibniz/app/requests.h"
#include "leibniz/calculus/integrate.h"
#include "leibniz/core/limits.h"
#include "leibniz/expr/builders.h"
#include "leibniz/expr/functions.h"
#include "leibniz/expr/root_sum.h"
#include "leibniz/expr/substitute.h"
#include "leibniz/python/bindings.h"
#include "leibniz/python/call_timing.h"
#include "leibniz/python/engine_call.h"
#include "leibniz/python/errors.h"
#include "leibniz/python/expr_object.h"
#include "leibniz/python/fast_function.h"

namespace py = pybind11;

namespace leibniz::python {
namespace {

// The variables of a call's *args.
std::vector<std::string> argument_variables(const py::args& given) {
  return variable_names(
      {&PyTuple_GET_ITEM(given.ptr(), 0), static_cast<std::size_t>(PyTuple_GET_SIZE(given.ptr()))});
}

// lz.diff(expr, *variables), called through METH_FASTCALL (fast_function.h): its cost is
// mostly the call's own for a small expression, the measure of the call overhead.
PyObject* diff_call(PyObject* /*module*/, PyObject* const* args, Py_ssize_t count) {
  return guarded([&] {
    if (count < 1) throw py::type_error("diff() takes an expression and the variables");
    const Expr e = to_expr(args[0]);
    const std::vector<std::string> wrt =
        variable_names({args + 1, static_cast<std::size_t>(count - 1)});
    Expr result;
    {
      EngineCall call;
      result = app::run_diff(e, wrt);
    }
    return wrap(std::move(result));
  });
}

PyMethodDef g_diff_definition{
    "diff", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(diff_call)), METH_FASTCALL,
    "diff(expr, *variables)\n--\n\nThe partial derivatives by each variable in turn, "
    "simplified: diff(e, \"x\", \"y\") or diff(e, [x, y])."};

py::list wrap_all(const std::vector<Expr>& expressions) {
  py::list out;
  for (const Expr& e : expressions) out.append(wrap(e));
  return out;
}

py::list wrap_rows(const std::vector<std::vector<Expr>>& rows) {
  py::list out;
  for (const auto& row : rows) out.append(wrap_all(row));
  return out;
}

// A list of expressions, or one string "F1; F2" (the jacobian request's form).
std::vector<Expr> expression_list(py::handle given) {
  if (py::isinstance<py::str>(given)) {
    std::string text = given.cast<std::string>();
    remember_input(text);
    std::vector<Expr> parsed = app::parse_inputs(text, app::Syntax::Auto);
    take_input();
    return parsed;
  }
  std::vector<Expr> out;
  for (const py::handle item : given) out.push_back(to_expr(item));
  return out;
}

Expr parse(const std::string& text, const py::object& latex) {
  const app::Syntax syntax = latex.is_none()      ? app::Syntax::Auto
                             : latex.cast<bool>() ? app::Syntax::Latex
                                                  : app::Syntax::Text;
  remember_input(text);
  Expr parsed;
  {
    EngineCall call;
    parsed = app::parse_input(text, syntax);
  }
  take_input();
  return parsed;
}

Expr substitute_all(const Expr& e, const py::dict& values) {
  std::vector<Expr> keep;  // the keys' nodes stay alive while the map points at them
  Substitution map;
  for (const auto [key, value] : values) {
    const Expr from =
        py::isinstance<py::str>(key) ? app::variable(key.cast<std::string>()) : to_expr(key);
    keep.push_back(from);
    map[from.node()] = to_expr(value);
  }
  EngineCall call;
  return substitute(e, map);
}

void bind_operations(py::module_& m) {
  add_fast_function(m, g_diff_definition);
  m.def(
      "_integrate",
      [](py::handle expr, py::handle var) {
        const Expr e = to_expr(expr);
        const std::string name = variable_name(var);
        Expr result;
        {
          EngineCall call;
          result = integrate(e, app::variable(name));
        }
        return wrap(std::move(result));
      },
      py::arg("expr"), py::arg("var"));
  m.def(
      "simplify",
      [](py::handle expr) {
        const Expr e = to_expr(expr);
        Expr result;
        {
          EngineCall call;
          result = app::run_simplify(e);
        }
        return wrap(std::move(result));
      },
      py::arg("expr"), "The simplified canonical form.");
  m.def(
      "expand",
      [](py::handle expr) {
        const Expr e = to_expr(expr);
        Expr result;
        {
          EngineCall call;
          result = app::run_expand(e);
        }
        return wrap(std::move(result));
      },
      py::arg("expr"), "Products and powers of sums multiplied out.");
  m.def(
      "parse",
      [](const std::string& text, const py::object& latex) { return wrap(parse(text, latex)); },
      py::arg("text"), py::arg("latex") = py::none(),
      "Reads text syntax (latex=False), LaTeX (latex=True) or either, detected (None).");
  m.def("_subs", [](py::handle expr, const py::dict& values) {
    return wrap(substitute_all(to_expr(expr), values));
  });
  m.def("_evaluate", [](py::handle expr, const py::dict& values) {
    const Expr e = to_expr(expr);
    std::map<std::string, Expr> at;
    for (const auto [name, value] : values) at[variable_name(name)] = to_expr(value);
    EngineCall call;
    return app::run_eval(e, at).value;
  });
  m.def(
      "grad",
      [](py::handle expr, const py::args& vars) {
        const Expr e = to_expr(expr);
        const std::vector<std::string> wrt = argument_variables(vars);
        std::vector<Expr> result;
        {
          EngineCall call;
          result = app::run_grad(e, wrt);
        }
        return wrap_all(result);
      },
      py::arg("expr"), "The gradient: one derivative per variable.");
  m.def(
      "jacobian",
      [](py::handle functions, const py::args& vars) {
        const std::vector<Expr> fs = expression_list(functions);
        const std::vector<std::string> wrt = argument_variables(vars);
        std::vector<std::vector<Expr>> rows;
        {
          EngineCall call;
          rows = app::run_jacobian(fs, wrt);
        }
        return wrap_rows(rows);
      },
      py::arg("functions"), "Rows: the functions (a list, or \"F1; F2\"); columns: the variables.");
  m.def(
      "hessian",
      [](py::handle expr, const py::args& vars) {
        const Expr e = to_expr(expr);
        const std::vector<std::string> wrt = argument_variables(vars);
        std::vector<std::vector<Expr>> rows;
        {
          EngineCall call;
          rows = app::run_hessian(e, wrt);
        }
        return wrap_rows(rows);
      },
      py::arg("expr"), "The matrix of second derivatives.");
}

void bind_builders(py::module_& m) {
  m.def(
      "symbols",
      [](const std::string& names) -> py::object {
        std::vector<Expr> made;
        std::string name;
        for (const char c : names + " ") {
          if (c == ' ' || c == ',' || c == '\t' || c == '\n') {
            if (!name.empty()) made.push_back(app::variable(name));
            name.clear();
          } else {
            name += c;
          }
        }
        if (made.size() == 1) return wrap(made[0]);
        return py::tuple(wrap_all(made));
      },
      py::arg("names"), "Variables by name: symbols(\"x y\") is a tuple, symbols(\"x\") one.");
  m.def(
      "function",
      [](const std::string& name, const py::args& given) {
        std::vector<Expr> args;
        for (const py::handle arg : given) args.push_back(to_expr(arg));
        if (name == "exp" && args.size() == 1) return wrap(exp(args[0]));
        if (name == "sqrt" && args.size() == 1) return wrap(sqrt(args[0]));
        if (name == "rootsum") {
          try {
            return wrap(root_sum_read(args, 0));
          } catch (const Error& error) {  // nothing was parsed: what was asked is wrong
            throw Error(ErrorKind::Request, error.what());
          }
        }
        const std::optional<Fn> fn = function_by_name(name);
        if (!fn) throw Error(ErrorKind::Request, "unknown function '" + name + "'");
        const std::size_t arity = function_info(*fn).arity();
        if (args.size() != arity) {
          throw Error(ErrorKind::Request, name + " takes " + std::to_string(arity) + " argument" +
                                              (arity == 1 ? "" : "s"));
        }
        return wrap(func(*fn, args));
      },
      py::arg("name"),
      "An elementary function applied: function(\"sin\", x); function(\"rootsum\", P, t, "
      "summand) is a sum over the roots of P.");
}

void bind_limits(py::module_& m) {
  m.def(
      "set_time_limit",
      [](double seconds) {
        if (!(seconds > 0)) throw Error(ErrorKind::Request, "a time limit must be positive");
        Limits defaults = default_limits();
        defaults.seconds = seconds;
        set_default_limits(defaults);
      },
      py::arg("seconds"),
      "The wall-clock limit of one call, in seconds (10 by default; the CLI's --timeout): for "
      "the calling thread and the threads that have not called leibniz yet.");
  m.def(
      "time_limit", [] { return limits().seconds; },
      "The calling thread's limit of one call, in seconds.");
}

void bind_requests(py::module_& m) {
  m.def(
      "_answer",
      [](const std::string& request) {
        std::string answer;
        {
          EngineCall call;
          answer = app::answer_line(request).dump();
        }
        return answer;
      },
      py::arg("request"), "The answer line of batch mode to one JSON request line (spec §3).");
  m.def(
      "_rendered",
      [](const std::string& request) {
        const nlohmann::json parsed = nlohmann::json::parse(request);
        if (parsed.contains("expr") && parsed["expr"].is_string()) {
          remember_input(parsed["expr"].get<std::string>());
        }
        std::string answer, text, latex;
        {
          EngineCall call;
          app::Notes notes;
          const std::unique_ptr<app::Result> result = app::run_request(parsed);
          answer = app::answer_of(*result).dump();
          text = result->text(app::Notation::Unicode);
          latex = result->text(app::Notation::Latex);
        }
        take_input();
        return py::make_tuple(answer, text, latex);
      },
      py::arg("request"),
      "One request run once: its JSON answer, and what the command line prints for it as "
      "Unicode text and as LaTeX.");
}

}  // namespace

void bind_symbolic(py::module_& module) {
  register_error_translator();
  install_interrupt_handler();
  bind_expr(module);
  bind_builders(module);
  bind_operations(module);
  bind_requests(module);
  bind_limits(module);
  bind_call_timing(module);
}

}  // namespace leibniz::python
