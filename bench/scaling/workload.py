#!/usr/bin/env python3
"""The inputs of the symbolic scaling curves (symbolic.sh), one per KIND and size N:
   python3 bench/scaling/workload.py KIND N > input
  diff-nest-sin   sin(sin(...sin(x)...)), N levels                 (diff - x)
  diff-nest-pow   ((...((x+1)^2+1)^2...)+1)^2, N levels            (diff - x)
  diff-sum        N terms k*sin(k*x)*x^(k%7+1)                     (diff - x)
  diff-product    (x+1)*(x+2)*...*(x+N)                            (diff - x)
  expand          (x+y+1)^N                                        (expand -)
  integrate-sum   N terms k*x^(k%9)*cos(k*x): parts, up to 8 times (integrate - x)
  batch           N JSON Lines derivative requests, ten kinds in turn, each line
                  distinct (its constant is the line's number)     (batch)
Printed as leibniz's text syntax; batch_sympy.py reads the same batch stream."""
import json
import sys

# The batch mix: (expression with {k}, variables). Every function is one SymPy has
# under the same name, so both sides parse the same text.
BATCH_KINDS = [
    ("x^{k}*sin(y)", ["x"]),
    ("sin({k}*x)*cos(x)", ["x"]),
    ("exp({k}*x^2 + y)", ["x"]),
    ("log(x^2 + {k})", ["x"]),
    ("x^{k}*y^2", ["x", "y"]),
    ("tanh({k}*x + 1)", ["x"]),
    ("sqrt(x^2 + {k})", ["x"]),
    ("({k}*x + 1)/(x^2 + 1)", ["x"]),
    ("atan({k}*x)*x", ["x", "x"]),
    ("(x + {k}*y)^3", ["y"]),
]


def nest(n, wrap):
    e = "x"
    for _ in range(n):
        e = wrap(e)
    return e


def workload(kind, n):
    if kind == "diff-nest-sin":
        return "sin(" * n + "x" + ")" * n
    if kind == "diff-nest-pow":
        return nest(n, lambda e: f"({e}+1)^2")
    if kind == "diff-sum":
        return " + ".join(f"{k}*sin({k}*x)*x^{k % 7 + 1}" for k in range(1, n + 1))
    if kind == "diff-product":
        return "*".join(f"(x+{k})" for k in range(1, n + 1))
    if kind == "expand":
        return f"(x+y+1)^{n}"
    if kind == "integrate-sum":
        return " + ".join(f"{k}*x^{k % 9}*cos({k}*x)" for k in range(1, n + 1))
    if kind == "batch":
        lines = []
        for i in range(n):
            text, wrt = BATCH_KINDS[i % len(BATCH_KINDS)]
            k = i // len(BATCH_KINDS) + 2
            request = {"id": str(i), "op": "diff", "expr": text.format(k=k), "wrt": wrt}
            lines.append(json.dumps(request))
        return "\n".join(lines)
    raise SystemExit(f"unknown workload {kind}")


if __name__ == "__main__":
    print(workload(sys.argv[1], int(sys.argv[2])))
