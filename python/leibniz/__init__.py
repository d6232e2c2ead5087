"""leibniz: calculus for AI (spec/interfaces.md section 7).

    import leibniz as lz
    d = lz.diff("x^2*sin(y)", "x")          # Expr 2*x*sin(y)
    x, y = lz.symbols("x y"); (x**2 * lz.sin(y)).diff(x) == d
    lz.check("(x+1)^2 = x^2 + 2*x + 1").verdict == "holds"

Strings are accepted wherever an expression is. Bad input raises leibniz.Error.
"""
from leibniz._leibniz import *  # noqa: F401,F403
from leibniz._leibniz import Expr, _subs, _evaluate, function  # noqa: F401
from leibniz._errors import Error  # noqa: F401
from leibniz._requests import (  # noqa: F401
    integrate,
    evaluate,
    check,
    steps,
    backprop,
    gradcheck,
    notes,
    batch,
)
from leibniz._sympy import from_sympy  # noqa: F401


def _subs_method(self, values=None, **named):
    """The expression with variables (or subexpressions) replaced: e.subs({x: 2}),
    e.subs(x=2)."""
    return _subs(self, {**(values or {}), **named})


def _diff_method(self, *variables):
    """The derivative by each variable in turn."""
    return diff(self, *variables)  # noqa: F405


def _evaluate_method(self, values=None, **named):
    """The value in double precision: e.evaluate(x=2, y=3)."""
    return _evaluate(self, {**(values or {}), **named})


def _to_sympy(self):
    """The same expression as a SymPy expression (needs SymPy)."""
    from leibniz._sympy import to_sympy

    return to_sympy(self)


def _reduce(self):
    """Pickles as its text, which reads back as the same expression."""
    return (Expr, (str(self),))


Expr.__reduce__ = _reduce
Expr.subs = _subs_method
Expr.diff = _diff_method
Expr.evaluate = _evaluate_method
Expr.to_sympy = _to_sympy


def _make_function(name):
    def apply(*args):
        return function(name, *args)

    apply.__name__ = name
    apply.__doc__ = f"{name} applied to an expression."
    return apply


for _name in (
    "exp ln log sqrt sin cos tan cot sec csc asin acos atan acot asec acsc "
    "sinh cosh tanh coth sech csch asinh acosh atanh acoth asech acsch sigmoid abs relu softplus erf"
).split():
    globals()[_name] = _make_function(_name)
del _name

e = Expr("e")
pi = Expr("pi")
