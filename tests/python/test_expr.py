"""leibniz.Expr as a Python object: symbols, operators, equality, hashing, printing."""
from fractions import Fraction

import pytest

import leibniz as lz


def test_spec_example():
    d = lz.diff("x^2*sin(y)", "x")
    assert isinstance(d, lz.Expr)
    assert str(d) == "2*x*sin(y)"
    assert d.latex() == r"2 x \sin\left(y\right)"
    assert d._repr_latex_() == r"$2 x \sin\left(y\right)$"
    x, y = lz.symbols("x y")
    assert (x**2 * lz.sin(y)).diff(x) == d


def test_symbols():
    x = lz.symbols("x")
    assert str(x) == "x" and x.kind == "symbol" and x.name == "x"
    a, b, c = lz.symbols("a, b c")
    assert [str(v) for v in (a, b, c)] == ["a", "b", "c"]
    with pytest.raises(lz.Error) as failure:
        lz.symbols("x sin")
    assert failure.value.kind == "request"


def test_operators_with_python_numbers():
    x, y = lz.symbols("x y")
    assert str(x + 1) == "x + 1"
    assert str(1 - x) == "1 - x"
    assert str(2 * x * y) == "2*x*y"
    assert str(x / 4) == "x/4"
    assert str(1 / x) == "1/x"
    assert str(x**3) == "x^3"
    assert str(2**x) == "2^x"
    assert str(-x) == "-x"
    assert str(+x) == "x"
    assert str(x * Fraction(3, 4)) == "3*x/4"
    assert str(x * 0.5) == "0.5*x"
    assert str((x + 1) / 3) == "x/3 + 1/3"
    assert x + 10**30 == lz.Expr("x + 1000000000000000000000000000000")
    assert x + "y^2" == lz.Expr("x + y^2")


def test_equality_and_hash():
    x, y = lz.symbols("x y")
    assert (x + y) == (y + x)
    assert hash(x + y) == hash(y + x)
    assert len({x * y, y * x, x + y}) == 2
    assert lz.Expr("2") == 2
    assert lz.Expr("1/2") == Fraction(1, 2)
    assert hash(lz.Expr("1/2")) == hash(Fraction(1, 2)) and hash(lz.Expr("3")) == hash(3)
    assert {2: "two"}[lz.Expr("4/2")] == "two"
    assert x != y
    assert (x == "x") is False  # strings are not parsed for ==
    assert (x == None) is False  # noqa: E711


def test_repr_round_trips():
    e = lz.Expr("sigmoid(w1*x + b1)^2")
    assert repr(e) == "Expr('sigmoid(w1*x + b1)^2')"
    assert eval(repr(e), {"Expr": lz.Expr}) == e


def test_tree():
    e = lz.Expr("x^2 + 3*sin(y)")
    assert e.kind == "add"
    assert sorted(a.kind for a in e.args) == ["mul", "pow"]
    assert lz.Expr("3/4").value == Fraction(3, 4)
    assert lz.Expr("2.5").value == 2.5
    assert lz.Expr("7").value == 7
    assert lz.Expr("x").value is None
    assert lz.Expr("pi").kind == "constant" and lz.Expr("pi").name == "pi"


def test_subs():
    x, y = lz.symbols("x y")
    assert (x**2 + 2 * x).subs({x: 2}) == 8
    assert (x * y).subs(x=3) == 3 * y
    assert (x * y).subs({"y": "x + 1"}) == lz.Expr("x*(x + 1)")
    assert (lz.sin(x)).subs(x=Fraction(1, 2)) == lz.Expr("sin(1/2)")


def test_evaluate():
    assert lz.evaluate("x*y", x=2, y=3) == 6.0
    x = lz.symbols("x")
    assert (x**2).evaluate(x=3) == 9.0
    assert lz.evaluate("sigmoid(w1*x+b1)", w1=0.5, x=1, b1=-0.5) == 0.5
    with pytest.raises(lz.Error) as failure:
        lz.evaluate("ln(x)", x=-1)
    assert failure.value.kind == "domain"
    with pytest.raises(lz.Error) as failure:
        lz.evaluate("x*y", x=1)
    assert failure.value.kind == "request"


def test_type_errors():
    x = lz.symbols("x")
    with pytest.raises(TypeError):
        x + [1]
    with pytest.raises(TypeError):
        lz.diff(3.0j, "x")
    with pytest.raises(TypeError) as e:
        lz.diff()
    assert str(e.value) == "diff() takes an expression and the variables"
    with pytest.raises(TypeError) as e:
        lz.diff("x^2", 2)
    assert str(e.value) == "expected a variable: a name or a symbol, not 2"
    with pytest.raises(lz.Error) as e:
        lz.diff("x^2")
    assert str(e.value) == "request error: no variable to differentiate by"


def test_the_expr_type():
    # leibniz.Expr is a CPython type holding the expression (expr_type.cpp): constructed by
    # Expr(value) or by any call, subclassable, its methods refusing other objects.
    assert lz.Expr.__module__ == "leibniz._leibniz" and lz.Expr.__name__ == "Expr"
    assert str(lz.Expr(value="x + 1")) == "x + 1" and lz.Expr(lz.Expr("x")) == lz.symbols("x")
    with pytest.raises(TypeError) as e:
        lz.Expr(3.0j)
    assert str(e.value) == ("expected an expression (leibniz.Expr, str, int, float or Fraction), "
                            "not complex")
    with pytest.raises(TypeError):
        lz.Expr()
    with pytest.raises(lz.Error) as e:
        lz.Expr("x +")
    assert e.value.kind == "parse"

    class Named(lz.Expr):
        pass

    n = Named("x^2")
    assert type(n) is Named and isinstance(n, lz.Expr) and n == lz.Expr("x^2")
    assert str(n.diff("x")) == "2*x" and str(n + 1) == "x^2 + 1"
    n.note = "a subclass has a __dict__"
    assert n.note == "a subclass has a __dict__"
    with pytest.raises(TypeError):
        lz.Expr.latex("x")
    with pytest.raises(TypeError):
        lz.Expr.kind.fget(3)
    values = [lz.diff(lz.Expr("x^3"), "x") for _ in range(1000)]
    assert len(set(values)) == 1 and str(values[0]) == "3*x^2"


def test_pickle():
    import pickle

    e = lz.Expr("sigmoid(w1*x + b1)^2/3")
    assert pickle.loads(pickle.dumps(e)) == e
