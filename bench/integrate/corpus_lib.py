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

import mpmath
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


def _real(value):
    """value as a real mpf, or None when it is not a finite real number."""
    if isinstance(value, mpmath.mpc):
        if abs(value.imag) > mpmath.mpf(10) ** (-25) * max(1, abs(value.real)):
            return None
        value = value.real
    try:
        value = mpmath.mpf(value)
    except (TypeError, ValueError):
        return None
    return value if mpmath.isfinite(value) else None


def _without_reciprocal_functions(expr):
    """sec, csc, cot and their inverses through cos, sin, tan: SymPy 1.11's mpmath printer
    drops parentheses around them (sec(x)^2/cot(x) becomes 1/cos(x)**2/1/tan(x))."""
    for f, g in ((sympy.sec, lambda u: 1 / sympy.cos(u)), (sympy.csc, lambda u: 1 / sympy.sin(u)),
                 (sympy.cot, lambda u: sympy.cos(u) / sympy.sin(u)),
                 (sympy.asec, lambda u: sympy.acos(1 / u)), (sympy.acsc, lambda u: sympy.asin(1 / u)),
                 (sympy.acot, lambda u: sympy.atan(1 / u))):
        expr = expr.replace(f, g)
    return expr


def derivative_agrees(integrand, antiderivative, points=4, seed=1):
    """Whether d/dx antiderivative = integrand (SymPy expressions), compared at random real
    points where both are finite and real, other symbols set to random values in
    [1.2, 2.6]. Returns True (agrees at `points` points), False (differs at one point),
    or None (too few points where both are defined)."""
    others = sorted((s for s in (integrand.free_symbols | antiderivative.free_symbols) if s != x),
                    key=str)
    symbols = [x] + others
    old_dps = mpmath.mp.dps
    mpmath.mp.dps = 50  # cancellation in long answers (sin(x)^101) costs digits
    try:
        f = sympy.lambdify(symbols, _without_reciprocal_functions(integrand), modules="mpmath")
        F = sympy.lambdify(symbols, _without_reciprocal_functions(antiderivative), modules="mpmath")
        rng = random.Random(seed)
        agreements = 0
        for attempt in range(200):  # wide scales: sqrt(x^2 - 36) is real for |x| > 6 only
            scale = (0.3, 1.0, 3.0, 10.0, 30.0)[attempt % 5]
            t = mpmath.mpf(rng.uniform(-scale, scale))
            params = [mpmath.mpf(rng.uniform(1.2, 2.6)) for _ in others]
            try:
                expected = _real(f(t, *params))
                if expected is None:
                    continue
                actual = _real(mpmath.diff(lambda u: F(u, *params), t))
            except (ZeroDivisionError, ValueError, OverflowError, TypeError):
                continue
            if actual is None:
                continue
            if abs(actual - expected) > mpmath.mpf(10) ** (-12) * max(1, abs(expected)):
                return False
            agreements += 1
            if agreements == points:
                return True
        return None
    finally:
        mpmath.mp.dps = old_dps


def tree_size(expr):
    """Nodes of a tree with .args (a SymPy expression or a leibniz.Expr)."""
    args = expr.args
    return 1 + sum(tree_size(a) for a in args)
