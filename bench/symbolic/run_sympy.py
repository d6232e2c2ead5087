"""The symbolic workloads through SymPy, as a SymPy user writes them: expand() for the
polynomials, diff() for derivatives. Prints the rows of bench/symbolic/timing.h.

"Simplified" derivatives are SymPy's diff result as it stands: simplify(), together()
and cancel() take minutes on 500 fractions, which is not what anyone would run.
SymPy's cache is cleared before every repetition, so no repetition reuses the last
one's work. One repetition that passes its time cap is stopped and reported as such.

Usage: /usr/bin/python3 run_sympy.py [--reps=N] [--e2-cap=SECONDS] [S1 S3 D1 E2 ...]
"""

import signal
import sys
import time

from sympy import Add, cos, diff, exp, expand, preorder_traversal, sin, symbols
from sympy.core.cache import clear_cache

X, Y, Z, W = symbols("x y z w")
POINT = {X: 0.8134, Y: 0.6279, Z: 0.7436, W: 0.4123}  # as in timing.h


class CapReached(BaseException):  # not caught by SymPy's "except Exception"
    pass


def on_alarm(signum, frame):
    raise CapReached()


def s1_input():
    e = (X + Y + Z + 1) ** 7
    return e * (e + 1)


def s3_input():
    return (X**Y + Y**Z + Z**X) ** 50


def d1_input():
    return Add(*[sin(i * X + Y**i) * exp(cos(i * X)) / (1 + X**2 + i) for i in range(1, 501)])


def e2_input():
    e = (X + Y + Z + W) ** 20
    return e * (e + W)


def printed_length(text):
    return len(text.replace(" ", "").replace("**", "^"))


def measure(r):
    terms = len(r.args) if r.is_Add else 1
    tree = sum(1 for _ in preorder_traversal(r))
    value = float(r.evalf(20, subs=POINT))
    return terms, printed_length(str(r)), tree, value


def run(workload, reps, cap_seconds, build, op):
    """Times op(build()) up to reps times within cap_seconds of processor time; a single
    repetition past the cap is stopped there."""
    cpu, wall, last = [], [], None
    try:
        for _ in range(reps):
            if cpu and sum(cpu) >= cap_seconds:
                break
            last = None
            clear_cache()
            arg = build()
            signal.setitimer(signal.ITIMER_PROF, cap_seconds)
            c0, w0 = time.process_time(), time.perf_counter()
            r = op(arg)
            c1, w1 = time.process_time(), time.perf_counter()
            signal.setitimer(signal.ITIMER_PROF, 0)
            cpu.append(c1 - c0)
            wall.append(w1 - w0)
            last = r
    except CapReached:
        signal.setitimer(signal.ITIMER_PROF, 0)
        if not cpu:
            print(f"row\tsympy\t{workload}\tcapped\t0\t{cap_seconds:.6g}\tnan\tnan\t0\t0\t"
                  f"nan\tnan\tstopped after {cap_seconds:g} s of processor time", flush=True)
            return
    terms, chars, tree, value = measure(last)
    print(f"row\tsympy\t{workload}\tok\t{len(cpu)}\t{median(cpu):.6g}\t{min(cpu):.6g}\t"
          f"{median(wall):.6g}\t{terms}\t{chars}\t{tree}\t{value!r}\t", flush=True)


def median(values):
    v = sorted(values)
    n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2


def main(argv):
    reps, e2_cap = 7, 30.0
    names = []
    for a in argv:
        if a.startswith("--reps="):
            reps = max(1, int(a[len("--reps="):]))
        elif a.startswith("--e2-cap="):
            e2_cap = float(a[len("--e2-cap="):])
        else:
            names.append(a)

    def selected(workload):  # as in timing.h
        def within(inner, outer):
            return inner == outer or inner.startswith(outer + ".")
        return not names or any(within(workload, n) or within(n, workload) for n in names)

    signal.signal(signal.SIGPROF, on_alarm)
    if selected("S1"):
        run("S1", reps, 8, s1_input, expand)
    if selected("S3.expand"):
        run("S3.expand", min(reps, 3), 15, s3_input, expand)
    if selected("S3.diff"):
        run("S3.diff", min(reps, 3), 15, lambda: expand(s3_input()), lambda e: diff(e, X))
    if selected("D1.raw") or selected("D1.simplified"):
        run("D1.raw", min(reps, 3), 15, d1_input, lambda e: diff(e, X))
    if selected("E2"):
        run("E2", 1, e2_cap, e2_input, expand)


if __name__ == "__main__":
    main(sys.argv[1:])
