#!/usr/bin/env python3
"""Writes sympy_latex.tsv: random expressions as SymPy prints them in LaTeX (in several of
its styles), each with its value at x = 0.37, y = 0.61, w_1 = 0.23, theta = 0.41 computed by
SymPy. The LaTeX reader's test reads each line and must give the same value or refuse.
Run with Debian's python3 and SymPy: python3 sympy_latex.py > sympy_latex.tsv"""
import random

import sympy as sp

random.seed(2026)
x, y = sp.symbols('x y')
w1, th = sp.Symbol('w_1'), sp.Symbol('theta')
leaves = [x, y, w1, th, sp.Integer(2), sp.Integer(3), sp.Rational(1, 2), sp.pi, sp.E]
fns = [sp.sin, sp.cos, sp.tan, sp.exp, sp.log, sp.sqrt, sp.atan, sp.asin, sp.acos, sp.sec,
       sp.csc, sp.cot, sp.sinh, sp.cosh, sp.tanh, sp.Abs]
styles = [{}, {'fold_short_frac': True}, {'mul_symbol': 'dot'}, {'inv_trig_style': 'power'},
          {'ln_notation': True}, {'fold_func_brackets': True}]
point = {x: sp.Rational(37, 100), y: sp.Rational(61, 100), w1: sp.Rational(23, 100),
         th: sp.Rational(41, 100)}


def generate(depth):
    if depth == 0 or random.random() < 0.25:
        return random.choice(leaves)
    r = random.random()
    if r < 0.2:
        return generate(depth - 1) + generate(depth - 1)
    if r < 0.4:
        return generate(depth - 1) * generate(depth - 1)
    if r < 0.5:
        return generate(depth - 1) / generate(depth - 1)
    if r < 0.65:
        exponent = random.choice([2, 3, -1, -2, sp.Rational(1, 2), sp.Rational(-3, 2), y])
        return generate(depth - 1) ** exponent
    if r < 0.7:
        return generate(depth - 1) - generate(depth - 1)
    return random.choice(fns)(generate(depth - 1))


rows, seen = 0, set()
while rows < 800:
    e = generate(3)
    try:
        v = complex(e.evalf(30, subs=point))
    except (TypeError, ValueError, ZeroDivisionError):
        continue
    if v != v or abs(v.imag) > 1e-12 or abs(v) > 1e6 or e.has(sp.zoo, sp.nan, sp.oo):
        continue
    # Every part real and moderate: a double evaluates sin(2.6e8) only to about 1e-7.
    parts = [complex(p.evalf(30, subs=point)) for p in sp.preorder_traversal(e)]
    if any(abs(p.imag) > 1e-12 or abs(p) > 1e4 for p in parts):
        continue
    for style in styles:
        line = f"{v.real!r}\t{sp.latex(e, **style)}"
        if line not in seen:
            seen.add(line)
            print(line)
    rows += 1
