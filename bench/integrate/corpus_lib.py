"""The reference corpus of integrals (tests/data/integrals_reference.txt): its format, and
the check that an antiderivative differentiates back to its integrand, shared by the
generator (make_corpus.py) and the benchmark (corpus_run.py).

Format, one problem a line, integrated with respect to x; other letters are constants:
    # family: NAME        the family of the problems below (the benchmark's rows)
    # source: TEXT        where they come from
    INTEGRAND ; REFERENCE  a reference antiderivative, verified by differentiation
    INTEGRAND             no verified reference (still a problem to solve)
    ! INTEGRAND           no elementary antiderivative (a theorem says so)
Other lines starting with '#' are comments. Expressions are in leibniz's syntax.
"""
import random
from dataclasses import dataclass

import sympy
from sympy.parsing.sympy_parser import convert_xor, parse_expr, standard_transformations

x = sympy.Symbol("x")
# leibniz's function names, as SymPy knows them.
NAMES = {"e": sympy.E, "pi": sympy.pi, "ln": sympy.log, "log": sympy.log, "exp": sympy.exp,
         "sqrt": sympy.sqrt, "abs": sympy.Abs, "sign": sympy.sign,
         "asin": sympy.asin, "acos": sympy.acos, "atan": sympy.atan, "acot": sympy.acot,
         "asec": sympy.asec, "acsc": sympy.acsc, "sec": sympy.sec, "csc": sympy.csc,
         "cot": sympy.cot, "sinh": sympy.sinh, "cosh": sympy.cosh, "tanh": sympy.tanh,
         "erf": sympy.erf, "sigmoid": lambda u: 1 / (1 + sympy.exp(-u)), "x": x}
TRANSFORMS = standard_transformations + (convert_xor,)


@dataclass
class Problem:
    family: str
    source: str
    integrand: str
    reference: str | None  # None: no verified reference
    elementary: bool  # False: no elementary antiderivative


def read_corpus(path):
    """The problems of a corpus file, in order."""
    problems, family, source = [], "unnamed", ""
    for raw in open(path, encoding="utf-8"):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            body = line[1:].strip()
            if body.startswith("family:"):
                family = body[len("family:"):].strip()
            elif body.startswith("source:"):
                source = body[len("source:"):].strip()
            continue
        elementary = not line.startswith("!")
        line = line.lstrip("!").strip()
        integrand, _, reference = (part.strip() for part in line.partition(";"))
        problems.append(Problem(family, source, integrand, reference or None, elementary))
    return problems


def to_sympy(text):
    """A leibniz expression as SymPy's, without simplification."""
    return parse_expr(text, local_dict=dict(NAMES), transformations=TRANSFORMS, evaluate=True)


def to_leibniz_text(expr):
    """SymPy's expression in leibniz's syntax (inverse hyperbolic functions as logarithms)."""
    if expr.has(sympy.I):
        raise ValueError(f"complex constant in {expr}")
    expr = expr.rewrite(sympy.log) if expr.has(sympy.asinh, sympy.acosh, sympy.atanh) else expr
    text = sympy.sstr(expr, order="none")
    for old, new in (("**", "^"), ("log(", "ln("), ("Abs(", "abs("), ("E^", "e^")):
        text = text.replace(old, new)
    return text


def _value(expr, env):
    """expr at env (SymPy's own evaluation, 30 digits) as a real Float, or None when it is
    not a finite real number there."""
    try:
        real, imaginary = expr.evalf(30, subs=env).as_real_imag()
        re, im = complex(real).real, complex(imaginary).real
    except (TypeError, ValueError, ZeroDivisionError, OverflowError, AttributeError):
        return None
    if re != re or im != im or abs(re) == float("inf") or abs(im) > 1e-20 * max(1.0, abs(re)):
        return None
    return real


def derivative_agrees(integrand, antiderivative, points=4, seed=1):
    """Whether d/dx antiderivative = integrand (SymPy expressions): differentiated
    symbolically, compared at random real points where both are finite and real (and every
    power and function in the integrand is), other
    symbols set to random values in [1.2, 2.6]. Returns True (agrees at `points` points),
    False (differs at one point), or None (too few points where both are defined).
    SymPy's evalf, not lambdify: SymPy 1.11's mpmath printer drops parentheses
    (sec(x)^2/cot(x) became 1/cos(x)**2/1/tan(x))."""
    t = sympy.Symbol("t", real=True)
    others = sorted((s for s in (integrand.free_symbols | antiderivative.free_symbols) if s != x),
                    key=str)
    rng = random.Random(seed)
    params = {s: sympy.Rational(rng.randint(12, 26), 10) for s in others}
    f = integrand.subs(params).subs(x, t)
    derivative = sympy.diff(antiderivative.subs(params).subs(x, t), t)
    # The integrand's real domain: where every power and function in it is real, not
    # only its value (sqrt(x)*sqrt(x + 1) is real at x = -2 as a product of two
    # imaginary numbers, but a real function is undefined there).
    pieces = [p for p in f.atoms(sympy.Pow, sympy.Function) if p.has(t)]
    agreements = 0
    for attempt in range(200):  # wide scales: sqrt(x^2 - 36) is real for |x| > 6 only
        scale = (0.3, 1.0, 3.0, 10.0, 30.0)[attempt % 5]
        env = {t: sympy.Rational(round(rng.uniform(-scale, scale) * 10**6), 10**6)}
        expected = _value(f, env)
        if expected is None or any(_value(p, env) is None for p in pieces):
            continue
        actual = _value(derivative, env)
        if actual is None:
            continue
        if abs(actual - expected) > sympy.Float(10)**-12 * max(1, abs(expected)):
            return False
        agreements += 1
        if agreements == points:
            return True
    return None


def tree_size(expr):
    """Nodes of a tree with .args (a SymPy expression or a leibniz.Expr)."""
    args = expr.args
    return 1 + sum(tree_size(a) for a in args)
