"""The project's own textbook-style exercises, by family, for the reference corpus
(make_corpus.py). Each template gives the integrand and, where a textbook formula is at
hand, the reference antiderivative; where it gives None, make_corpus.py asks SymPy for
one. Either way the reference is kept only if it differentiates back to the integrand.

A family is a list of (integrand, reference or None) pairs of SymPy expressions.
"""
from itertools import product

from sympy import (Integer, Rational, acos, acot, expand, integrate, asin, atan, cos, cosh, exp, log, sin, sinh, sqrt,
                   sec, tan, tanh, cot, csc, Symbol)

x = Symbol("x")
R = Rational


def polynomial():
    out = []
    for c, n in product((1, -2, 3, R(5, 2), -7, 4), range(1, 11)):
        out.append((c * x**n, c * x**(n + 1) / (n + 1)))
    for a, b, n in product((1, 2, 3, -1), (1, -2, 3, 5), range(2, 7)):
        out.append(((a * x + b)**n, (a * x + b)**(n + 1) / (a * (n + 1))))
    for c, p in product((1, 3, -2), (R(1, 2), R(3, 2), R(1, 3), R(2, 3), R(-1, 3), R(5, 4),
                                      R(-3, 4), R(7, 3), R(-1, 2), R(-5, 2))):
        out.append((c * x**p, c * x**(p + 1) / (p + 1)))
    for a, b, c in product((1, 2, -3), (0, 1, -2), (1, 4)):
        out.append(((x + a) * (x + b) * (c * x - 1), None))
    for a, b, n in product((1, 2), (1, -1, 3), (2, 3, 5, 8)):
        out.append((x * (a * x + b)**n, None))
    for a, b, c in product((1, -2, 3), (0, 4, -1), (2, -5)):
        out.append((a * x**2 + b * x + c, a * x**3 / 3 + b * x**2 / 2 + c * x))
    for a, n in product((1, -2, 3), (2, 3)):
        out.append(((x**2 + a)**n, None))
        out.append(((sqrt(x) + a)**n, integrate(expand((sqrt(x) + a)**n), x)))
    for n in range(2, 8):
        out.append(((x**2 + 1)**n * x, (x**2 + 1)**(n + 1) / (2 * (n + 1))))
        out.append(((x**3 - 2)**n * x**2, (x**3 - 2)**(n + 1) / (3 * (n + 1))))
    return out


def rational():
    out = []
    for a, b in product((1, 2, 3, -1, 5), (1, -2, 3, 7)):
        out.append((1 / (a * x + b), log(a * x + b) / a))
    for a, b in product(range(-3, 4), repeat=2):
        if a < b:
            out.append((1 / ((x - a) * (x - b)), None))
    for p, q, a, b in product((1, 3), (2, -1, 5), (-2, 1), (0, 3)):
        out.append(((p * x + q) / ((x - a) * (x - b)), None))
    for p, q, b, c in product((1, 2, -1), (0, 3), (0, 2, -4), (5, 13)):
        out.append(((p * x + q) / (x**2 + b * x + c), None))
    for a, n in product((1, 4, 9), (1, 2, 3)):
        out.append((1 / (x**2 + a)**n, None))
        out.append((x / (x**2 + a)**n, None))
    for a, b in product((1, -2, 3), (0, 2, -1)):
        if a != b:
            out.append((1 / ((x - a)**2 * (x - b)), None))
    for a in (1, 2, 4, 9, -1, -4):
        out.append((1 / (x * (x**2 + a)), None))
    for c2, c1, c0, a in product((1, 2), (0, -3), (1, 5), (1, -2, 3)):
        out.append(((c2 * x**3 + c1 * x + c0) / (x - a), None))
    for a in (1, 2, 3):
        out.append((1 / (x**3 - a**3), None))
        out.append((1 / (x**3 + a**3), None))
        out.append((x / (x**3 + a**3), None))
        out.append((x**2 / (x**3 + a**3), log(x**3 + a**3) / 3))
    for a in (1, 4, 16, 81):
        out.append((x**3 / (x**4 + a), log(x**4 + a) / 4))
        out.append((x / (x**4 + a), None))
        out.append((1 / (x**4 - a), None))
    for n, a in product(range(1, 5), (1, 2, -3, 5)):
        out.append((x**n / (x + a), None))
    for a in range(1, 7):
        out.append((1 / (x**2 - a**2), log((x - a) / (x + a)) / (2 * a)))
        out.append((x / (x**2 - a**2), log(x**2 - a**2) / 2))
    for b, c in product((1, -2, 3, 4), (1, 5, 10, -3)):
        out.append((1 / (x**2 + b * x + c), None))
    for a in (2, 3, 4, 5):
        out.append((1 / ((x**2 + 1) * (x**2 + a)), None))
        out.append((x**3 / (x**2 + a)**2, None))
    # Partial fractions written from the answer's side: A/(x-r) + B/(x-s) + (C*x+D)/(x^2+k).
    for A, B, r, s in product((1, -2, 3), (2, -1), (0, 1, -3), (2, -1, 4)):
        if r != s:
            integrand = (A / (x - r) + B / (x - s)**2).together()
            out.append((integrand, A * log(x - r) - B / (x - s)))
    for A, C, D, r, k in product((1, 2), (1, -3), (0, 2), (1, -2), (1, 4, 3)):
        integrand = (A / (x - r) + (C * x + D) / (x**2 + k)).together()
        out.append((integrand, A * log(x - r) + C * log(x**2 + k) / 2 + D * atan(x / sqrt(k)) / sqrt(k)))
    return out


def exponential():
    out = []
    for a, b, c in product((1, 2, -1, 3, R(1, 2)), (0, 1), (1, 4)):
        out.append((c * exp(a * x + b), c * exp(a * x + b) / a))
    for base in (2, 3, 10, R(1, 2)):
        out.append((Integer(base)**x if base != R(1, 2) else R(1, 2)**x, base**x / log(base)))
    for n, a in product(range(1, 5), (1, 2, -1, 3, R(1, 2), -2)):
        out.append((x**n * exp(a * x), None))
    for a, b, f in product((1, 2, -1, 3), (1, 2, 3), (sin, cos)):
        if f is sin:
            ref = exp(a * x) * (a * sin(b * x) - b * cos(b * x)) / (a**2 + b**2)
        else:
            ref = exp(a * x) * (a * cos(b * x) + b * sin(b * x)) / (a**2 + b**2)
        out.append((exp(a * x) * f(b * x), ref))
    for a in range(1, 6):
        out.append((exp(x) / (exp(x) + a), log(exp(x) + a)))
        out.append((exp(2 * x) / (exp(x) + a), exp(x) - a * log(exp(x) + a)))
        out.append((1 / (1 + a * exp(x)), x - log(1 + a * exp(x))))
        out.append((exp(x) / (exp(2 * x) + a**2), atan(exp(x) / a) / a))
        out.append((exp(x) * (exp(x) + a)**3, (exp(x) + a)**4 / 4))
        out.append((a * x * exp(x**2), a * exp(x**2) / 2))
        out.append((x**2 * exp(a * x**3), exp(a * x**3) / (3 * a)))
        out.append((exp(a * x) / (1 + exp(a * x))**2, -1 / (a * (1 + exp(a * x)))))
    for a, b in product((2, 3, 5), (1, -1, 2)):
        out.append((a**(b * x), a**(b * x) / (b * log(a))))
        out.append((exp(b * x) / (exp(b * x) + a), log(exp(b * x) + a) / b))
    for a, b, c in product((1, -2), (1, 3), (0, 2)):
        out.append(((b * x + c) * exp(a * x), None))
    for p, a in product(((1, 1, 0), (2, -1, 3), (1, 0, -4), (3, 2, 1)), (1, 2, -1)):
        out.append(((p[0] * x**2 + p[1] * x + p[2]) * exp(a * x), None))
    out += [(exp(sqrt(x)), 2 * exp(sqrt(x)) * (sqrt(x) - 1)),
            (exp(1 / x) / x**2, -exp(1 / x)),
            (exp(sqrt(x)) / sqrt(x), 2 * exp(sqrt(x))),
            (exp(x) * sqrt(1 + exp(x)), 2 * (1 + exp(x))**R(3, 2) / 3),
            (1 / (exp(x) + exp(-x)), atan(exp(x))),
            (exp(x + exp(x)), exp(exp(x))),
            (2**x * 3**x, 6**x / log(6)),
            (exp(x) * cos(exp(x)), sin(exp(x))),
            (exp(2 * x) * exp(-3 * x), -exp(-x)),
            ((exp(x) + 1)**2, exp(2 * x) / 2 + 2 * exp(x) + x),
            ((exp(x) - exp(-x))**2, exp(2 * x) / 2 - exp(-2 * x) / 2 - 2 * x)]
    return out


def logarithmic():
    out = []
    for n, a in product((-3, -2, R(-1, 2), 0, R(1, 2), 1, 2, 3, 4, 5), (1, 2, 3)):
        ref = x**(n + 1) * log(a * x) / (n + 1) - x**(n + 1) / (n + 1)**2
        out.append((x**n * log(a * x), ref))
    for a, b in product((1, 2, 3, -1), (1, 2, 5, -3)):
        out.append((log(a * x + b), (a * x + b) * log(a * x + b) / a - x))
    for n in range(1, 7):
        out.append((log(x)**n / x, log(x)**(n + 1) / (n + 1)))
        out.append((log(x)**n, None))
        out.append((1 / (x * log(x)**(n + 1)), -1 / (n * log(x)**n)))
    for n in range(0, 5):
        out.append((x**n * log(x)**2, None))
    out.append((1 / (x * log(x)), log(log(x))))
    for a in (1, 2, 3, 4, 5, 9):
        out.append((log(x**2 + a), x * log(x**2 + a) - 2 * x + 2 * sqrt(a) * atan(x / sqrt(a))))
        out.append((x * log(x + a), None))
        out.append((x * log(x**2 + a), ((x**2 + a) * log(x**2 + a) - x**2) / 2))
        out.append((log(x) / (x * (a + log(x))), log(x) - a * log(a + log(x))))
        out.append((1 / (x * (a + log(x))), log(a + log(x))))
    for a in (1, 2, 3):
        out.append((sin(a * log(x)), x * (sin(a * log(x)) - a * cos(a * log(x))) / (1 + a**2)))
        out.append((cos(a * log(x)), x * (cos(a * log(x)) + a * sin(a * log(x))) / (1 + a**2)))
        out.append((log(x) / x**(a + 1), -log(x) / (a * x**a) - 1 / (a**2 * x**a)))
        out.append((log(a * x)**2, x * log(a * x)**2 - 2 * x * log(a * x) + 2 * x))
        out.append((log(x) / sqrt(x) * a, a * (2 * sqrt(x) * log(x) - 4 * sqrt(x))))
    for a in (1, 2, 3, 5):
        out.append((log(a * x) / x, log(a * x)**2 / 2))
        out.append((x**(a - 1) * log(x + 1), None))
        out.append((log(x**2 - a**2), x * log(x**2 - a**2) - 2 * x + a * log((x + a) / (x - a))))
    for b in (2, 3, 10):
        out.append((log(x) / log(b), (x * log(x) - x) / log(b)))
    out += [(log(sqrt(x)), x * log(sqrt(x)) - x / 2),
            (log(x**2), x * log(x**2) - 2 * x),
            (log(1 / x), x * log(1 / x) + x),
            (log(x) * log(x) / x, log(x)**3 / 3),
            (log(log(x)) / x, log(x) * log(log(x)) - log(x)),
            (log(x)**2 / x**2, None),
            ((1 + log(x)) / x, log(x) + log(x)**2 / 2),
            (log(x + sqrt(x**2 + 1)), x * log(x + sqrt(x**2 + 1)) - sqrt(x**2 + 1))]
    return out


def trigonometric():
    out = []
    for a, b in product((1, 2, 3, R(1, 2), -4), (0, 1)):
        u = a * x + b
        out += [(sin(u), -cos(u) / a), (cos(u), sin(u) / a), (sec(u)**2, tan(u) / a),
                (csc(u)**2, -cot(u) / a), (sec(u) * tan(u), sec(u) / a),
                (tan(u), -log(cos(u)) / a), (cot(u), log(sin(u)) / a)]
    for m, n in product(range(0, 6), repeat=2):
        if m + n > 0:
            out.append((sin(x)**m * cos(x)**n, None))
    for a, b in product(range(1, 6), repeat=2):
        if a < b:
            out.append((sin(a * x) * cos(b * x),
                        -cos((a + b) * x) / (2 * (a + b)) + cos((b - a) * x) / (2 * (b - a))))
            out.append((sin(a * x) * sin(b * x),
                        sin((b - a) * x) / (2 * (b - a)) - sin((a + b) * x) / (2 * (a + b))))
            out.append((cos(a * x) * cos(b * x),
                        sin((b - a) * x) / (2 * (b - a)) + sin((a + b) * x) / (2 * (a + b))))
    for n, a, f in product((1, 2, 3), (1, 2, 3), (sin, cos)):
        out.append((x**n * f(a * x), None))
    for n in range(1, 8):
        out.append((tan(x)**n, None))
        out.append((sin(x)**n * cos(x), sin(x)**(n + 1) / (n + 1)))
        out.append((cos(x)**n * sin(x), -cos(x)**(n + 1) / (n + 1)))
        out.append((tan(x)**n * sec(x)**2, tan(x)**(n + 1) / (n + 1)))
        out.append((sec(x)**n * tan(x), sec(x)**n / n))
    for n in (2, 4, 6):
        out.append((sec(x)**n, None))
        out.append((csc(x)**n, None))
        out.append((cot(x)**n, None))
    for a in (1, 2, 3, 4):
        out.append((sin(x) / (a + cos(x)), -log(a + cos(x))))
        out.append((cos(x) / (a + sin(x))**2, -1 / (a + sin(x))))
        out.append((sin(x) / cos(x)**(a + 1), 1 / (a * cos(x)**a)))
        out.append((cos(x) / (1 + sin(x)**2) * a, a * atan(sin(x))))
        out.append((sin(2 * x) / (a + sin(x)**2), log(a + sin(x)**2)))
        out.append((x * sec(a * x)**2, x * tan(a * x) / a + log(cos(a * x)) / a**2))
        out.append((sin(x)**2 * a, a * (x / 2 - sin(2 * x) / 4)))
        out.append((cos(a * x)**2, x / 2 + sin(2 * a * x) / (4 * a)))
    for a in (1, 2, 3, 5):
        out.append((tan(a * x)**2, tan(a * x) / a - x))
        out.append((sin(a * x)**3, -cos(a * x) / a + cos(a * x)**3 / (3 * a)))
        out.append((x * sin(a * x**2), -cos(a * x**2) / (2 * a)))
        out.append((cos(x) / sqrt(a + sin(x)), 2 * sqrt(a + sin(x))))
        out.append((sin(x) * sqrt(a + cos(x)), -2 * (a + cos(x))**R(3, 2) / 3))
        out.append((cot(a * x)**2, -cot(a * x) / a - x))
    out += [(exp(sin(x)) * cos(x), exp(sin(x))), (exp(cos(x)) * sin(x), -exp(cos(x))),
            (exp(tan(x)) * sec(x)**2, exp(tan(x))), (sin(sqrt(x)) / sqrt(x), -2 * cos(sqrt(x))),
            ((sin(x) + cos(x))**2, x - cos(2 * x) / 2), (cos(2 * x) / (sin(x) + cos(x)), sin(x) + cos(x))]
    out += [(sec(x), log(sec(x) + tan(x))), (csc(x), log(csc(x) - cot(x))),
            (sec(x)**3, sec(x) * tan(x) / 2 + log(sec(x) + tan(x)) / 2),
            (1 / (1 + cos(x)), tan(x / 2)), (1 / (1 - cos(x)), -cot(x / 2)),
            (1 / (1 + sin(x)), tan(x) - sec(x)), (sin(x) * cos(x), sin(x)**2 / 2),
            (sin(x)**3 / cos(x)**2, sec(x) + cos(x)), (tan(x) * sec(x)**3, sec(x)**3 / 3)]
    return out


def hyperbolic():
    out = []
    for a, b in product((1, 2, 3, R(1, 2), -1), (0, 1)):
        u = a * x + b
        out += [(sinh(u), cosh(u) / a), (cosh(u), sinh(u) / a), (tanh(u), log(cosh(u)) / a),
                (1 / cosh(u)**2, tanh(u) / a)]
    for m, n in product(range(0, 4), repeat=2):
        if m + n > 0:
            out.append((sinh(x)**m * cosh(x)**n, None))
    for n, a, f in product((1, 2, 3), (1, 2, 3), (sinh, cosh)):
        out.append((x**n * f(a * x), None))
    for n in range(1, 7):
        out.append((sinh(x)**n * cosh(x), sinh(x)**(n + 1) / (n + 1)))
        out.append((cosh(x)**n * sinh(x), cosh(x)**(n + 1) / (n + 1)))
        out.append((tanh(x)**n / cosh(x)**2, tanh(x)**(n + 1) / (n + 1)))
    for a, b in product((1, 2, 3), (2, 3, 5)):
        if a != b:
            out.append((exp(a * x) * sinh(b * x), None))
            out.append((sinh(a * x) * cosh(b * x), None))
    for a in (1, 2, 3, 4):
        out.append((sinh(x) / (a + cosh(x)), log(a + cosh(x))))
        out.append((cosh(x) / (a + sinh(x)), log(a + sinh(x))))
        out.append((cosh(x) / (a**2 + sinh(x)**2), atan(sinh(x) / a) / a))
        out.append((sinh(a * x)**2, sinh(2 * a * x) / (4 * a) - x / 2))
        out.append((cosh(a * x)**2, sinh(2 * a * x) / (4 * a) + x / 2))
        out.append((x / cosh(a * x)**2, x * tanh(a * x) / a - log(cosh(a * x)) / a**2))
    for a in (1, 2, 3):
        out.append((sinh(a * x)**3, None))
        out.append((cosh(a * x)**3, None))
        out.append((tanh(a * x)**2, x - tanh(a * x) / a))
        out.append((1 / sinh(a * x)**2, -cosh(a * x) / (a * sinh(a * x))))
        out.append((exp(a * x) * cosh(x), None))
    out += [(1 / cosh(x), 2 * atan(exp(x))), (tanh(x)**2, x - tanh(x)),
            (1 / (1 + sinh(x)**2), tanh(x)), (cosh(x)**2 - sinh(x)**2, x),
            (sinh(x) * cosh(x), sinh(x)**2 / 2), (exp(x) * cosh(x), exp(2 * x) / 4 + x / 2),
            (sinh(sqrt(x)) / sqrt(x), 2 * cosh(sqrt(x))), (sinh(log(x)), x**2 / 4 - log(x) / 2)]
    return out


def inverse():
    out = []
    for a in (1, 2, 3, R(1, 2), 5):
        out.append((asin(a * x), x * asin(a * x) + sqrt(1 - a**2 * x**2) / a))
        out.append((acos(a * x), x * acos(a * x) - sqrt(1 - a**2 * x**2) / a))
        out.append((atan(a * x), x * atan(a * x) - log(1 + a**2 * x**2) / (2 * a)))
        out.append((log(a * x + sqrt(a**2 * x**2 + 1)),
                    x * log(a * x + sqrt(a**2 * x**2 + 1)) - sqrt(a**2 * x**2 + 1) / a))
        out.append((atan(x / a) / (x**2 + a**2), atan(x / a)**2 / (2 * a)))
        out.append((a / (1 + a**2 * x**2), atan(a * x)))
        out.append((1 / sqrt(1 - a**2 * x**2), asin(a * x) / a))
    for a in (1, 2, 3, R(1, 2), 4):
        out.append((acot(a * x), x * acot(a * x) + log(1 + a**2 * x**2) / (2 * a)))
        out.append((x * asin(a * x), None))
        out.append((x * atan(a * x), None))
    for n, f in product((1, 2, 3), (asin, acos, atan)):
        out.append((x**n * f(x), None))
    for n in range(1, 5):
        out.append((atan(x)**n / (1 + x**2), atan(x)**(n + 1) / (n + 1)))
        out.append((asin(x)**n / sqrt(1 - x**2), asin(x)**(n + 1) / (n + 1)))
        out.append((x**n * log(x + sqrt(x**2 + 1)), None))
    out += [(atan(x) / x**2, None), (asin(x) / x**2, None), (atan(sqrt(x)), None),
            (asin(x)**2, x * asin(x)**2 + 2 * sqrt(1 - x**2) * asin(x) - 2 * x),
            (x * atan(x)**2, None), (exp(atan(x)) / (1 + x**2), exp(atan(x))),
            (1 / ((1 + x**2) * atan(x)), log(atan(x))), (atan(1 / x), None),
            (x * asin(x**2), (x**2 * asin(x**2) + sqrt(1 - x**4)) / 2),
            (x / (1 + x**4), atan(x**2) / 2), (asin(sqrt(x)), None), (atan(x) * x**4, None),
            (log(x + sqrt(x**2 - 1)), x * log(x + sqrt(x**2 - 1)) - sqrt(x**2 - 1))]
    return out


def algebraic():
    out = []
    for a, b, p in product((1, 2, 3, -1), (1, 4, -2), (R(1, 2), R(-1, 2), R(3, 2), R(1, 3), R(-2, 3))):
        out.append(((a * x + b)**p, (a * x + b)**(p + 1) / (a * (p + 1))))
    for n, a, b in product((1, 2), (1, 2, 3), (1, -1, 4)):
        out.append((x**n * sqrt(a * x + b), None))
        out.append((x**n / sqrt(a * x + b), None))
    for a in (1, 2, 3, 4, 5, 6):
        s = sqrt(a**2 - x**2)
        out += [(s, x * s / 2 + a**2 * asin(x / a) / 2), (1 / s, asin(x / a)), (x / s, -s),
                (x * s, -s**3 / 3), (s / x**2, -s / x - asin(x / a)),
                (1 / (x**2 * s), -s / (a**2 * x)), (x**2 / s, a**2 * asin(x / a) / 2 - x * s / 2)]
        t = sqrt(x**2 + a**2)
        out += [(t, x * t / 2 + a**2 * log(x + t) / 2), (1 / t, log(x + t)), (x / t, t),
                (x * t, t**3 / 3), (1 / (x**2 * t), -t / (a**2 * x)), (1 / t**3, x / (a**2 * t)),
                (1 / (x * t), -log((a + t) / x) / a), (x**3 / t, t**3 / 3 - a**2 * t)]
        u = sqrt(x**2 - a**2)
        out += [(u, x * u / 2 - a**2 * log(x + u) / 2), (1 / u, log(x + u)), (x / u, u),
                (u / x, u - a * atan(u / a)), (1 / (x**2 * u), u / (a**2 * x))]
    for a, p in product((1, 4, 9), (R(1, 2), R(-1, 2), R(3, 2), R(1, 3), R(-1, 3), R(5, 2))):
        out.append((x * (x**2 + a)**p, (x**2 + a)**(p + 1) / (2 * (p + 1))))
    for a, p in product((1, -2, 8), (R(1, 2), R(-1, 2), R(1, 3), R(3, 2), R(-3, 2))):
        out.append((x**2 * (x**3 + a)**p, (x**3 + a)**(p + 1) / (3 * (p + 1))))
    for a in (1, 2, 3, 4):
        out.append((1 / (sqrt(x) + a), 2 * sqrt(x) - 2 * a * log(sqrt(x) + a)))
        out.append((sqrt(x) / (x + a**2), 2 * sqrt(x) - 2 * a * atan(sqrt(x) / a)))
        out.append((1 / (x * sqrt(x + a**2)),
                    log((sqrt(x + a**2) - a) / (sqrt(x + a**2) + a)) / a))
        out.append((1 / (sqrt(x) * (x + a**2)), 2 * atan(sqrt(x) / a) / a))
        out.append((1 / sqrt(x**2 + 2 * a * x + 5 * a**2), log(x + a + sqrt(x**2 + 2 * a * x + 5 * a**2))))
        out.append(((x + a) / sqrt(x**2 + 2 * a * x + 3), sqrt(x**2 + 2 * a * x + 3)))
        out.append((x**a * sqrt(1 + x**(a + 1)), 2 * (1 + x**(a + 1))**R(3, 2) / (3 * (a + 1))))
        out.append((1 / sqrt(2 * a * x - x**2), asin((x - a) / a)))
    out += [(1 / (x + sqrt(x)), 2 * log(1 + sqrt(x))), (1 / (x - sqrt(x)), None),
            (sqrt(x) / (1 + x), 2 * sqrt(x) - 2 * atan(sqrt(x))),
            (x**R(1, 3) / (1 + x**R(2, 3)), None), (1 / (x**R(1, 2) + x**R(1, 3)), None),
            (sqrt((1 + x) / (1 - x)), None), (1 / (1 + sqrt(1 + x)), None),
            (x / (1 + x**2)**R(3, 2), -1 / sqrt(1 + x**2)), (sqrt(1 + sqrt(x)) / sqrt(x), 4 * (1 + sqrt(x))**R(3, 2) / 3)]
    return out


def substitution():
    """f(g(x))*g'(x): the derivative divides, as in the first exercises of a chapter."""
    outer = [(sin, lambda u: -cos(u)), (cos, sin), (exp, exp), (lambda u: 1 / u, log),
             (lambda u: u**3, lambda u: u**4 / 4), (sqrt, lambda u: 2 * u**R(3, 2) / 3),
             (lambda u: sec(u)**2, tan), (lambda u: 1 / (1 + u**2), atan),
             (lambda u: 1 / u**2, lambda u: -1 / u), (lambda u: 1 / sqrt(u), lambda u: 2 * sqrt(u)),
             (tan, lambda u: -log(cos(u))), (sinh, cosh), (lambda u: u**R(2, 3), lambda u: 3 * u**R(5, 3) / 5)]
    inner = [x**2 + 1, x**3 + 2, 2 * x + 1, sin(x), cos(x) + 2, log(x), exp(x) + 1, sqrt(x),
             x**2 + x + 1, tan(x), 1 + x**4, 3 - x**2, atan(x) + 1, exp(-x) + 3, 1 / x + 1]
    out = []
    for (f, F), g in product(outer, inner):
        out.append((f(g) * g.diff(x), F(g)))
    return out


def non_elementary():
    """Integrands without an elementary antiderivative (Liouville's theorem; for binomials
    x^m*(a + b*x^n)^p, Chebyshev's theorem: none of p, (m+1)/n, (m+1)/n + p an integer)."""
    out = []
    for a, n in product((1, -1, 2, -3), (2, 3, 4)):
        out.append(exp(a * x**n))
    for n in (1, 2, 3):
        out += [exp(x) / x**n, sin(x) / x**n, cos(x) / x**n, sinh(x) / x**n, exp(x**2) * x**(2 * n)]
    out += [sin(x**2), cos(x**2), sin(x**3), 1 / log(x), x / log(x), exp(exp(x)),
            log(log(x)), exp(x) * log(x), log(x) / (x + 1), tan(x) / x, sqrt(sin(x)),
            sqrt(cos(x)), 1 / sqrt(sin(x)), exp(x) / (x + 1), exp(-x**2),
            exp(x**2) + exp(-x**2), sin(x) * log(x), exp(sin(x)), x * tan(x), x / sin(x), atan(x) / x, asin(x) / x,
            log(1 + x) / x, 1 / (1 + log(x)), exp(1 / x), sin(1 / x), x**x]
    for m, n, p in ((0, 3, R(1, 2)), (0, 4, R(1, 2)), (0, 3, R(-1, 2)), (0, 4, R(-1, 2)),
                    (1, 3, R(1, 2)), (2, 4, R(1, 2)), (0, 3, R(1, 3)), (0, 5, R(1, 2)),
                    (1, 4, R(-1, 3)), (0, 6, R(1, 2)), (2, 5, R(1, 2)), (0, 2, R(1, 3))):
        out.append(x**m * (1 + x**n)**p)
        out.append(x**m * (1 - x**n)**p)
    return [(f, None) for f in out]


FAMILIES = [("polynomial", polynomial), ("rational", rational), ("exponential", exponential),
            ("logarithmic", logarithmic), ("trigonometric", trigonometric),
            ("hyperbolic", hyperbolic), ("inverse trig/hyperbolic", inverse),
            ("algebraic", algebraic), ("mixed (substitution)", substitution),
            ("non-elementary", non_elementary)]
