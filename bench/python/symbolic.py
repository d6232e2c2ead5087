"""The symbolic workloads of bench/ (S1, S3, D1, E2; bench/README.md) from Python, through
leibniz and through SymPy in the same interpreter, and the cost of one call: lz.diff of
x^2*y by x (the expression an Expr, and a string parsed by the call) against SymPy's diff
of the same and against the C++ call (leibniz::diff, timed inside the module). Prints a Markdown table of medians (wall-clock time: in this sandbox the process CPU clock
stops advancing once an interval timer has run) and ratios.

Usage: PYTHONPATH=build/python /usr/bin/python3 bench/python/symbolic.py [--reps=N]
       [--sympy-cap=SECONDS] [--calls=N] [--call-only]
About a minute on an idle machine; SymPy's repetitions stop at the cap (its E2 does
not end in minutes), and only one of its slow ones runs.
"""
import argparse
import signal
import statistics
import time

import leibniz as lz


class CapReached(BaseException):  # not caught by SymPy's "except Exception"
    pass


def on_alarm(signum, frame):
    raise CapReached()


def workloads(sin, exp, cos, add, x, y, z, w, expand, diff):
    """The workloads for one library: name -> (build the input, the timed operation)."""

    def s1():
        e = (x + y + z + 1) ** 7
        return e * (e + 1)

    def s3():
        return (x**y + y**z + z**x) ** 50

    def d1():
        return add([sin(i * x + y**i) * exp(cos(i * x)) / (1 + x**2 + i) for i in range(1, 501)])

    def e2():
        e = (x + y + z + w) ** 20
        return e * (e + w)

    s3_expanded = []

    def s3_expansion():
        if not s3_expanded:
            s3_expanded.append(expand(s3()))
        return s3_expanded[0]

    return {
        "S1 expand((x+y+z+1)^7 * ((x+y+z+1)^7 + 1))": (s1, expand),
        "S3 expand((x^y+y^z+z^x)^50)": (s3, expand),
        "S3 d/dx of the expansion": (s3_expansion, diff),
        "D1 d/dx of the 500-term sum": (d1, diff),
        "E2 expand((x+y+z+w)^20 * ((x+y+z+w)^20 + w))": (e2, expand),
    }


def leibniz_workloads():
    x, y, z, w = lz.symbols("x y z w")

    def add(terms):
        total = terms[0]
        for t in terms[1:]:
            total = total + t
        return total

    return workloads(lz.sin, lz.exp, lz.cos, add, x, y, z, w, lz.expand,
                     lambda e: lz.diff(e, x))


def sympy_workloads():
    import sympy

    x, y, z, w = sympy.symbols("x y z w")
    return workloads(sympy.sin, sympy.exp, sympy.cos, lambda t: sympy.Add(*t), x, y, z, w,
                     sympy.expand, lambda e: sympy.diff(e, x))


def measure(build, op, reps, cap, before=None):
    """Medians of wall-clock time over up to reps repetitions, a fresh input each; stops
    once cap seconds are spent (a repetition past it is interrupted: None)."""
    times = []
    signal.signal(signal.SIGALRM, on_alarm)
    try:
        for _ in range(reps):
            if times and sum(times) >= min(cap, 2.0):  # one more only while cheap
                break
            if before:
                before()
            arg = build()
            signal.setitimer(signal.ITIMER_REAL, cap)
            start = time.perf_counter()
            result = op(arg)
            times.append(time.perf_counter() - start)
            signal.setitimer(signal.ITIMER_REAL, 0)
            del result
    except CapReached:
        signal.setitimer(signal.ITIMER_REAL, 0)
        return None, len(times)
    return statistics.median(times), len(times)


def show(seconds):
    if seconds is None:
        return "–"
    if seconds >= 1:
        return f"{seconds:.3g} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.3g} ms"
    return f"{seconds * 1e6:.3g} µs"


# The loops are written out, not a function called per call: a lambda's call would be
# timed with lz.diff's.
def diff_of_expr(e, calls, clock):
    start = clock()
    for _ in range(calls):
        lz.diff(e, "x")
    return (clock() - start) / calls


def diff_of_text(calls, clock):
    start = clock()
    for _ in range(calls):
        lz.diff("x^2*y", "x")
    return (clock() - start) / calls


def sympy_diff_of_expr(sympy, s, sx, calls, clock):
    start = clock()
    for _ in range(calls):
        sympy.diff(s, sx)
    return (clock() - start) / calls


def sympy_diff_of_text(sympy, calls, clock):
    start = clock()
    for _ in range(calls):
        sympy.diff("x**2*y", "x")
    return (clock() - start) / calls


def cpp_per_call(expr, calls, clock):
    start = clock()
    lz._leibniz._time_cpp_diff(expr, "x", calls)
    return (clock() - start) / calls


def call_overhead(calls, clock, rounds=5):
    """Seconds per call of lz.diff(x^2*y, "x") with the expression as an Expr and as a
    string (parsed by each call), of the C++ call and of SymPy's diff of the same two
    forms. Every form runs in each of the rounds, one after the other (the machine is shared
    and its speed drifts): medians of the rounds, and the median of the rounds' ratios."""
    import sympy
    from sympy.core.cache import clear_cache

    x, y = lz.symbols("x y")
    e = x**2 * y
    sx, sy = sympy.symbols("x y")
    s = sx**2 * sy
    per_round = max(calls // rounds, 1)
    sympy_calls = max(calls // 10, 1)
    sympy_per_round = max(sympy_calls // rounds, 1)
    times = {name: [] for name in ("expr", "text", "cpp", "sympy_expr", "sympy_text")}
    for _ in range(rounds):
        times["expr"].append(diff_of_expr(e, per_round, clock))
        times["text"].append(diff_of_text(per_round, clock))
        times["cpp"].append(cpp_per_call(e, per_round, clock))
        clear_cache()
        times["sympy_expr"].append(sympy_diff_of_expr(sympy, s, sx, sympy_per_round, clock))
        clear_cache()
        times["sympy_text"].append(
            sympy_diff_of_text(sympy, max(sympy_per_round // 10, 1), clock))
    result = {name: statistics.median(t) for name, t in times.items()}
    for form in ("expr", "text"):
        result[f"ratio_{form}"] = statistics.median(
            theirs / ours for theirs, ours in zip(times[f"sympy_{form}"], times[form]))
    result["sympy_calls"] = sympy_per_round * rounds
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--sympy-cap", type=float, default=12.0)
    parser.add_argument("--calls", type=int, default=100_000)
    parser.add_argument("--call-only", action="store_true",
                        help="only the call rows, timed by the process's CPU clock (no "
                             "interval timer runs first), steadier than wall-clock time on a "
                             "loaded machine")
    args = parser.parse_args()
    from sympy.core.cache import clear_cache

    print("| workload | leibniz (Python) | SymPy | SymPy / leibniz |")
    print("|---|---:|---:|---:|")
    ours, theirs = leibniz_workloads(), sympy_workloads()
    for name, (build, op) in ({} if args.call_only else ours).items():
        lz_time, lz_reps = measure(build, op, args.reps, 10.0)
        sp_build, sp_op = theirs[name]
        sp_time, sp_reps = measure(sp_build, sp_op, args.reps, args.sympy_cap, clear_cache)
        ratio = f"{sp_time / lz_time:,.0f}×" if sp_time else f"> {args.sympy_cap / lz_time:,.0f}×"
        sympy_cell = f"{show(sp_time)} ({sp_reps}×)" if sp_time else f"> {args.sympy_cap:g} s"
        print(f"| {name} | {show(lz_time)} ({lz_reps}×) | {sympy_cell} | {ratio} |")
    call = call_overhead(args.calls, time.process_time if args.call_only else time.perf_counter)
    print(f"| call: diff(x^2*y, x), the expression an Expr, {args.calls:,} calls "
          f"(SymPy {call['sympy_calls']:,}) | {show(call['expr'])} | "
          f"{show(call['sympy_expr'])} | {call['ratio_expr']:,.1f}× |")
    print(f"| call: diff(\"x^2*y\", \"x\"), the expression a string | {show(call['text'])} | "
          f"{show(call['sympy_text'])} | {call['ratio_text']:,.1f}× |")
    clock = "CPU" if args.call_only else "wall-clock"
    print(f"\nC++ leibniz::diff of the Expr (alternating with Python and SymPy in 5 rounds, "
          f"medians of {clock} time): "
          f"{show(call['cpp'])} a call; Python adds {show(call['expr'] - call['cpp'])} with an "
          f"Expr, {show(call['text'] - call['cpp'])} with a string (parsed by each call).")

if __name__ == "__main__":
    main()
