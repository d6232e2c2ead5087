#!/usr/bin/env python3
"""Checks from_mathematica.py's transcription of every integrand against SymPy's own
reader of Mathematica (sympy.parsing.mathematica.parse_mathematica): both evaluated at
random points (parameters too), renamed symbols matched.

  PYTHONPATH=build/python /usr/bin/python3 bench/integrate/crosscheck_mathematica.py RAW.m [RAW.m ...]

Prints each integrand that differs, then: agreeing, differing, not compared (one of the
two readers refused it). Exits 1 if any differs.
"""
import random
import signal
import sys

import sympy
from sympy.parsing.mathematica import parse_mathematica

import corpus_lib
import from_mathematica as fm


def _alarm(signum, frame):
    raise TimeoutError()


def first_element(flat):
    """The Mathematica text of a problem list's first element: the integrand."""
    depth = 0
    for i, ch in enumerate(flat):
        depth += (ch in "{[(") - (ch in "}])")
        if ch == "," and depth == 1:
            return flat[1:i]
    raise ValueError("no integrand")


def differs(theirs, mine, rng):
    """Whether the two expressions differ at one of three random points (a point where
    either does not evaluate within 3 s is skipped)."""
    symbols = sorted(theirs.free_symbols | mine.free_symbols, key=str)
    for _ in range(3):
        env = {s: sympy.Rational(rng.randint(11, 29), 10) for s in symbols}
        signal.alarm(3)
        try:
            a, b = complex(theirs.evalf(20, subs=env)), complex(mine.evalf(20, subs=env))
            if abs(a - b) > 1e-9 * max(1, abs(a)):
                return True
        except (OverflowError, TypeError, TimeoutError):
            pass
        finally:
            signal.alarm(0)
    return False


def main():
    signal.signal(signal.SIGALRM, _alarm)
    rng = random.Random(3)
    agree = differ = skipped = 0
    for path in sys.argv[1:]:
        for _, raw in fm.split_file(open(path, encoding="utf-8").read())[1]:
            flat = " ".join(raw.split())
            try:
                items = fm.Parser(flat).parse()[1]
                answers = fm.candidates(items[3:])
                names = fm.renaming(items[1][1], set().union(fm.symbols(items[0]),
                                                             *(fm.symbols(a) for a in answers)))
                mine = corpus_lib.to_sympy(fm.text_of(items[0], names))
                theirs = parse_mathematica(first_element(flat)).xreplace(
                    {sympy.Symbol(k): sympy.Symbol(v) for k, v in names.items()})
            except Exception:  # either reader refuses it: not compared
                skipped += 1
                continue
            if differs(theirs, mine, rng):
                differ += 1
                print(f"differs: {flat[:200]}\n  SymPy: {theirs}\n  ours:  {mine}")
            else:
                agree += 1
    print(f"{agree} agree, {differ} differ, {skipped} not compared")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
