#!/usr/bin/env python3
"""Solved count of a corpus through a leibniz binary's batch mode, in one process.

Usage: bench/integrate/solved.py LEIBNIZ CORPUS   (one integrand in x per line; lines
starting with '#' are skipped, a leading '!' is dropped). Prints solved/total, the errors
by kind, and the wall time. Quick (seconds), so it can compare two builds side by side.
"""
import collections
import json
import subprocess
import sys
import time


def main():
    binary, corpus = sys.argv[1], sys.argv[2]
    lines = [l.strip().lstrip("!") for l in open(corpus) if l.strip() and not l.startswith("#")]
    requests = "".join(
        json.dumps({"id": i, "op": "integrate", "expr": e, "wrt": "x"}) + "\n"
        for i, e in enumerate(lines))
    start = time.time()
    out = subprocess.run([binary, "batch"], input=requests, capture_output=True, text=True).stdout
    elapsed = time.time() - start
    answers = [json.loads(l) for l in out.splitlines()]
    solved = sum(1 for a in answers if a.get("ok"))
    errors = collections.Counter(a["error"]["kind"] for a in answers if not a.get("ok"))
    print(f"{solved}/{len(lines)} solved, errors {dict(errors)}, {elapsed:.1f} s in all")


if __name__ == "__main__":
    main()
