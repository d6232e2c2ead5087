"""Conversion to and from SymPy by walking the trees (never through text, whose syntax
differs); SymPy is imported only when a conversion is asked for."""
from fractions import Fraction

_SYMPY_NAMES = {
    "ln": "log", "asin": "asin", "acos": "acos", "atan": "atan", "acot": "acot",
    "asec": "asec", "acsc": "acsc", "abs": "Abs", "sign": "sign", "erf": "erf",
    "heaviside": "Heaviside", "max": "Max", "min": "Min",
}


def to_sympy(expr):
    """The SymPy expression of a leibniz Expr."""
    import sympy

    done = {}

    def walk(e):
        key = e
        if key in done:
            return done[key]
        kind = e.kind
        if kind == "number":
            v = e.value
            out = sympy.Float(v) if isinstance(v, float) else sympy.Rational(v.numerator, v.denominator) if isinstance(v, Fraction) else sympy.Integer(v)
        elif kind == "symbol":
            out = sympy.Symbol(e.name)
        elif kind == "constant":
            out = sympy.E if e.name == "e" else sympy.pi
        elif kind == "add":
            out = sympy.Add(*[walk(a) for a in e.args])
        elif kind == "mul":
            out = sympy.Mul(*[walk(a) for a in e.args])
        elif kind == "pow":
            base, exponent = e.args
            out = sympy.Pow(walk(base), walk(exponent))
        elif kind == "func":
            out = _sympy_function(sympy, e.name, [walk(a) for a in e.args])
        elif kind == "rootsum":
            # SymPy's RootSum takes the principal logarithm at a real root r too: for real
            # u < r its value has iπ·c(r) more than leibniz's real sum, a constant on each
            # interval between real roots (docs/integration.md, "Sums over roots").
            polynomial, variable, summand = e.root_sum
            t = walk(variable)
            out = sympy.RootSum(sympy.Poly(walk(polynomial), t), sympy.Lambda(t, walk(summand)))
        else:  # an undefined function, possibly differentiated
            args = [walk(a) for a in e.args]
            out = sympy.Function(e.name)(*args)
            if e.derivative_slots:
                from leibniz._errors import Error

                raise Error("unsupported", f"a derivative of the undefined function {e.name} has no SymPy form here")
        done[key] = out
        return out

    return walk(expr)


_sigmoid_class = None


def sympy_sigmoid():
    """SymPy has no sigmoid: a Function that differentiates and rewrites as the notes do,
    so that a round trip keeps sigmoid(z) as it is."""
    global _sigmoid_class
    if _sigmoid_class is None:
        import sympy

        class sigmoid(sympy.Function):  # noqa: N801 (the function's name)
            def fdiff(self, argindex=1):
                return self * (1 - self)

            def _eval_rewrite_as_exp(self, z, **kwargs):
                return 1 / (1 + sympy.exp(-z))

            def _eval_evalf(self, prec):
                return (1 / (1 + sympy.exp(-self.args[0])))._eval_evalf(prec)

        _sigmoid_class = sigmoid
    return _sigmoid_class


def _sympy_function(sympy, name, args):
    if name == "sigmoid":
        return sympy_sigmoid()(*args)
    if name == "relu":
        return sympy.Max(0, args[0])
    if name == "softplus":
        return sympy.log(1 + sympy.exp(args[0]))
    return getattr(sympy, _SYMPY_NAMES.get(name, name))(*args)


def from_sympy(e):
    """The leibniz Expr of a SymPy expression."""
    import sympy

    from leibniz import _leibniz
    from leibniz._errors import Error

    Expr = _leibniz.Expr
    if isinstance(e, (int, float, Fraction)):
        return Expr(e)
    if e is sympy.E:
        return Expr("e")
    if e is sympy.pi:
        return Expr("pi")
    if isinstance(e, sympy.Symbol):
        return _leibniz.symbols(e.name)
    if isinstance(e, sympy.RootSum):
        t = sympy.Dummy("t_root")  # a name the sum's argument is unlikely to hold
        polynomial = e.poly.as_expr().subs(e.poly.gen, t)
        parts = [from_sympy(polynomial), from_sympy(t), from_sympy(e.fun(t))]
        return _leibniz.function("rootsum", *parts)
    if isinstance(e, sympy.Integer):
        return Expr(int(e))
    if isinstance(e, sympy.Rational):
        return Expr(Fraction(int(e.p), int(e.q)))
    if isinstance(e, sympy.Float):
        return Expr(float(e))
    args = [from_sympy(a) for a in e.args]
    if isinstance(e, sympy.Add):
        out = args[0]
        for a in args[1:]:
            out = out + a
        return out
    if isinstance(e, sympy.Mul):
        out = args[0]
        for a in args[1:]:
            out = out * a
        return out
    if isinstance(e, sympy.Pow):
        return args[0] ** args[1]
    if isinstance(e, sympy_sigmoid()):
        return _leibniz.function("sigmoid", args[0])
    if isinstance(e, sympy.exp):
        return _leibniz.function("exp", args[0])
    if isinstance(e, sympy.Function):
        name = type(e).__name__
        reverse = {v: k for k, v in _SYMPY_NAMES.items()}
        name = reverse.get(name, name)
        if isinstance(e, sympy.core.function.AppliedUndef):
            return Expr(f"{name}({', '.join(str(a) for a in args)})")
        return _leibniz.function(name, *args)
    raise Error("unsupported", f"no leibniz form for SymPy's {type(e).__name__}")
