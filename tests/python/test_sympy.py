"""leibniz.from_sympy and Expr.to_sympy: the trees walked both ways, on the notes'
formulas."""
import pytest

import leibniz as lz

sympy = pytest.importorskip("sympy", reason="Debian's python3-sympy (scripts/deps.txt)")

NOTES_FORMULAS = [
    "x^2*sin(y)",
    "sigmoid(w1*x + b1)",
    "(sigmoid(x + w2*sigmoid(w1*x + b1)) - y)^2",
    "e^(x^2 + y^2)",
    "ln(x)/x",
    "sqrt(1 - x^2)",
    "3/4*x^3 - 2*x + 1/2",
    "tanh(x)^2 + atan(x/y)",
    "x*e^x - e^x",
    "2.5*x",
    "pi*cos(pi*x)",
    "abs(x)",
    "coth(x) + sech(2*x) - csch(x/2)",
    "asinh(x) + acosh(x + 2) + atanh(x/3)",
    "acoth(x + 2) + asech(x/3) - acsch(2*x)",
]


@pytest.mark.parametrize("text", NOTES_FORMULAS)
def test_round_trip(text):
    e = lz.Expr(text)
    s = e.to_sympy()
    assert isinstance(s, sympy.Basic)
    assert lz.from_sympy(s) == e


@pytest.mark.parametrize("name", "coth sech csch asinh acosh atanh acoth asech acsch".split())
def test_each_hyperbolic_function_is_a_module_function_and_sympys(name):
    e = getattr(lz, name)(lz.symbols("x"))
    assert str(e) == f"{name}(x)"
    assert e.to_sympy() == getattr(sympy, name)(sympy.Symbol("x"))


def test_to_sympy_is_sympys_expression():
    x, y = sympy.symbols("x y")
    assert lz.Expr("x^2*sin(y)").to_sympy() == x**2 * sympy.sin(y)
    assert lz.Expr("3/4").to_sympy() == sympy.Rational(3, 4)
    assert lz.Expr("ln(x)").to_sympy() == sympy.log(x)
    assert lz.Expr("e^x").to_sympy() == sympy.exp(x)
    sigmoid = lz.Expr("sigmoid(x)").to_sympy()
    assert sympy.simplify(sigmoid.rewrite(sympy.exp) - 1 / (1 + sympy.exp(-x))) == 0
    assert sympy.diff(sigmoid, x) == sigmoid * (1 - sigmoid)
    assert float(sigmoid.subs(x, 0).evalf()) == 0.5


def test_from_sympy():
    x, y = sympy.symbols("x y")
    assert lz.from_sympy(x**2 * sympy.sin(y)) == lz.Expr("x^2*sin(y)")
    assert lz.from_sympy(sympy.Rational(1, 3) * x) == lz.Expr("x/3")
    assert lz.from_sympy(sympy.exp(x) + sympy.pi) == lz.Expr("e^x + pi")
    assert lz.from_sympy(sympy.sqrt(x)) == lz.Expr("sqrt(x)")
    assert lz.from_sympy(sympy.Function("f")(x, y)) == lz.Expr("f(x, y)")
    assert lz.diff(lz.from_sympy(sympy.atan(x)), "x") == lz.Expr("1/(x^2 + 1)")


def test_what_has_no_leibniz_form_is_an_error():
    x = sympy.symbols("x")
    with pytest.raises(lz.Error) as failure:
        lz.from_sympy(sympy.Integral(x, x))
    assert failure.value.kind == "unsupported"


def test_sympy_is_imported_only_when_asked():
    import subprocess
    import sys

    probe = "import sys, leibniz; leibniz.diff('x^2', 'x'); print('sympy' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"


def test_a_sum_over_roots_is_sympys_root_sum():
    F = lz.integrate("1/(x^3 - x + 1)", "x")
    assert str(F) == "-rootsum(t^3 - t + 1, t, ln(x - t)*(6*t^2 + 9*t - 4))/23"
    assert F.kind == "mul" and F.root_sum is None
    rootsum = F.args[1]
    assert rootsum.kind == "rootsum"
    polynomial, variable, summand = rootsum.root_sum
    assert (str(polynomial), str(variable)) == ("t^3 - t + 1", "t")
    assert str(summand) == "ln(x - t)*(6*t^2 + 9*t - 4)"
    S = F.to_sympy()
    x = sympy.Symbol("x")
    assert isinstance(S.as_coeff_Mul()[1], sympy.RootSum)
    assert sympy.simplify(sympy.diff(S, x) - 1 / (x**3 - x + 1)) == 0
    assert lz.from_sympy(S) == F  # the rational factor stands outside in both
    # SymPy's own root sums over a resultant's roots have another summand: refused by name.
    with pytest.raises(lz.Error, match="the summand of 'rootsum'") as failure:
        lz.from_sympy(sympy.RootSum(sympy.Poly(x**3 - x + 1, x), sympy.Lambda(x, x * sympy.log(1 + x))))
    assert failure.value.kind == "request"
