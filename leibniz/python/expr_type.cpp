// leibniz.Expr's Python type, made with CPython's API instead of pybind11::class_: an
// object holds its PyExpr inline, so that making and dropping one (the result of every
// call) is one allocation from Python's allocator. pybind11's instances add a C++
// allocation, a registry of live instances and look-ups of the type by its C++ name, a
// third of lz.diff's cost beyond the engine's. The methods are pybind11 functions
// (bind_expr), which read their self through the type_caster of expr_object.h.
#include <new>

#include "leibniz/python/expr_object.h"
#include "leibniz/python/fast_function.h"

namespace py = pybind11;

namespace leibniz::python {
namespace {

struct ExprObject {
  PyObject_HEAD bool made;  // the PyExpr is constructed (tp_alloc zeroes the object)
  alignas(PyExpr) unsigned char storage[sizeof(PyExpr)];
};

PyTypeObject* g_expr_type = nullptr;  // kept alive by the reference taken in make_expr_type

PyExpr* value_of(ExprObject* object) {
  return std::launder(reinterpret_cast<PyExpr*>(object->storage));
}

py::object make(PyTypeObject* type, Expr e) {
  auto made = py::reinterpret_steal<py::object>(type->tp_alloc(type, 0));
  if (!made) throw py::error_already_set();
  auto* object = reinterpret_cast<ExprObject*>(made.ptr());
  new (object->storage) PyExpr(std::move(e));
  object->made = true;
  return made;
}

// Expr(value): what to_expr reads.
PyObject* expr_new(PyTypeObject* type, PyObject* args, PyObject* keywords) {
  static const char* names[] = {"value", nullptr};
  PyObject* value = nullptr;
  if (PyArg_ParseTupleAndKeywords(args, keywords, "O:Expr", const_cast<char**>(names), &value) ==
      0) {
    return nullptr;
  }
  return guarded([&] { return make(type, to_expr(value)); });
}

void expr_dealloc(PyObject* self) {
  PyTypeObject* type = Py_TYPE(self);
  auto* object = reinterpret_cast<ExprObject*>(self);
  if (object->made) value_of(object)->~PyExpr();
  type->tp_free(self);
  Py_DECREF(type);  // an instance of a heap type holds a reference to it
}

}  // namespace

const PyExpr* expr_in(PyObject* value) {
  if (!PyObject_TypeCheck(value, g_expr_type)) return nullptr;
  auto* object = reinterpret_cast<ExprObject*>(value);
  return object->made ? value_of(object) : nullptr;
}

py::object wrap(Expr e) { return make(g_expr_type, std::move(e)); }

py::object make_expr_type(py::module_& module, const char* doc) {
  PyType_Slot slots[] = {{Py_tp_new, reinterpret_cast<void*>(expr_new)},
                         {Py_tp_dealloc, reinterpret_cast<void*>(expr_dealloc)},
                         {Py_tp_doc, const_cast<char*>(doc)},
                         {0, nullptr}};
  PyType_Spec spec{"leibniz._leibniz.Expr", static_cast<int>(sizeof(ExprObject)), 0,
                   Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, slots};
  auto type = py::reinterpret_steal<py::object>(PyType_FromSpec(&spec));
  if (!type) throw py::error_already_set();
  g_expr_type = reinterpret_cast<PyTypeObject*>(type.inc_ref().ptr());  // never released
  module.add_object("Expr", type);
  return type;
}

}  // namespace leibniz::python
