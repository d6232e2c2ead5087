"""SymPy's side of the integration benchmark: each integrand (leibniz syntax, one per
line on stdin) integrated by sympy.integrate; prints "solved seconds size" per line.
Solved means an answer without an unevaluated Integral; size counts the nodes of the
answer's tree, like leibniz's tree_size."""
import signal
import sys
import time

import sympy
from sympy.parsing.sympy_parser import parse_expr, standard_transformations, convert_xor

x = sympy.Symbol("x")
names = {"e": sympy.E, "pi": sympy.pi, "ln": sympy.log, "asin": sympy.asin, "acos": sympy.acos,
         "atan": sympy.atan, "acot": sympy.acot, "asec": sympy.asec, "acsc": sympy.acsc,
         "sigmoid": lambda u: 1 / (1 + sympy.exp(-u)), "abs": sympy.Abs, "x": x}
TIMEOUT = int(sys.argv[1]) if len(sys.argv) > 1 else 20


def size(e):
    return 1 + sum(size(a) for a in e.args)


def alarm(signum, frame):
    raise TimeoutError()


signal.signal(signal.SIGALRM, alarm)
for line in sys.stdin:
    f = parse_expr(line.strip(), local_dict=names, transformations=standard_transformations + (convert_xor,))
    start = time.perf_counter()
    solved, n = False, 0
    signal.alarm(TIMEOUT)
    try:
        F = sympy.integrate(f, x)
        solved = not F.has(sympy.Integral)
        n = size(F) if solved else 0
    except Exception:
        pass
    signal.alarm(0)
    print(int(solved), time.perf_counter() - start, n, flush=True)
