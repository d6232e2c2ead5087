#!/usr/bin/env python3
"""Writes the reference corpus (tests/data/integrals_reference.txt), or checks one.

  make_corpus.py generate [OUT]   the transcribed problem sets of bench/integrate/sources/
                                  (but MEASURED_APART: Rubi's independent suites)
                                  followed by the families of corpus_families.py
  make_corpus.py check [CORPUS]   every reference differentiated back (the checker)

Every reference is differentiated back with SymPy and compared with the integrand at
random points (corpus_lib.derivative_agrees); one that does not agree is dropped and the
problem kept without a reference. Where a template gives no reference, SymPy's
integrate (20 s each) proposes one, kept only when elementary and verified.
Run with /usr/bin/python3 (Debian's SymPy). Generating takes about five minutes, checking ten
(one processor, shared machine).
"""
import glob
import os
import signal
import sys

import sympy

import corpus_families
import corpus_lib

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "..", "tests", "data", "integrals_reference.txt")
# What a reference may not contain: special functions, unevaluated or implicit answers.
NOT_ELEMENTARY = (sympy.Integral, sympy.Piecewise, sympy.RootSum, sympy.erf, sympy.erfi,
                  sympy.Ei, sympy.li, sympy.Si, sympy.Ci, sympy.Shi, sympy.Chi,
                  sympy.polylog, sympy.hyper, sympy.fresnels, sympy.fresnelc, sympy.gamma,
                  sympy.uppergamma, sympy.lowergamma, sympy.elliptic_f, sympy.elliptic_e,
                  sympy.LambertW, sympy.Heaviside, sympy.meijerg)

# Corpora of their own, measured apart from the reference corpus (bench/results/
# integrate-independent.md): Rubi's independent suites, written by from_mathematica.py.
MEASURED_APART = ("independent.txt", "timofeev.txt")


class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout()


def sympy_reference(integrand, seconds=20):
    """SymPy's antiderivative when it is elementary and real, else None."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(seconds)
    try:
        answer = sympy.integrate(integrand, corpus_lib.x)
    except Exception:  # a timeout or any failure of SymPy: no reference from it
        return None
    finally:
        signal.alarm(0)
    if answer.has(*NOT_ELEMENTARY) or answer.has(sympy.I):
        return None
    return answer


def verified_line(integrand_text, reference_text):
    """'integrand ; reference' when the reference differentiates back, else the integrand."""
    if reference_text is None:
        return integrand_text, False
    try:
        agrees = corpus_lib.derivative_agrees(corpus_lib.to_sympy(integrand_text),
                                              corpus_lib.to_sympy(reference_text))
    except Exception:  # unparsable or unevaluable: not verified
        agrees = False
    if agrees:
        return f"{integrand_text} ; {reference_text}", True
    return integrand_text, False


def generate(out_path):
    lines = ["# The reference corpus of integrals (bench/integrate/corpus_lib.py has the format),",
             "# written by bench/integrate/make_corpus.py: edit the sources or the families there,",
             "# not this file. Every reference was differentiated back and compared at random points.",
             ""]
    dropped = 0
    for path in sorted(glob.glob(os.path.join(HERE, "sources", "*.txt"))):
        if os.path.basename(path) in MEASURED_APART:
            continue
        for raw in open(path, encoding="utf-8"):
            line = raw.strip()
            if not line or line.startswith("#") or line.startswith("!"):
                lines.append(line)
                continue
            integrand, _, reference = (p.strip() for p in line.partition(";"))
            text, ok = verified_line(integrand, reference or None)
            dropped += bool(reference) and not ok
            if reference and not ok:
                print(f"dropped reference: {line}", file=sys.stderr)
            lines.append(text)
        lines.append("")
    for family, make in corpus_families.FAMILIES:
        lines += [f"# family: {family}",
                  "# source: leibniz's own textbook-style exercises (bench/integrate/corpus_families.py)"]
        seen = set()
        for integrand, reference in make():
            integrand_text = corpus_lib.to_leibniz_text(integrand)
            if integrand_text in seen:
                continue
            seen.add(integrand_text)
            if family == "non-elementary":
                lines.append(f"! {integrand_text}")
                continue
            if reference is None:
                reference = sympy_reference(integrand)
            try:
                reference_text = corpus_lib.to_leibniz_text(reference) if reference is not None else None
            except ValueError:
                reference_text = None
            text, ok = verified_line(integrand_text, reference_text)
            dropped += reference_text is not None and not ok
            lines.append(text)
        lines.append("")
    with open(out_path, "w", encoding="utf-8") as out:
        out.write("\n".join(lines).rstrip("\n") + "\n")
    print(f"wrote {out_path}; {dropped} references failed the check and were dropped",
          file=sys.stderr)


def check(path):
    problems = corpus_lib.read_corpus(path)
    failed = 0
    for p in problems:
        if p.reference is None:
            continue
        _, ok = verified_line(p.integrand, p.reference)
        if not ok:
            failed += 1
            print(f"reference does not differentiate back: {p.integrand} ; {p.reference}")
    with_reference = sum(1 for p in problems if p.reference)
    print(f"{len(problems)} problems, {with_reference} with a reference, "
          f"{sum(1 for p in problems if not p.elementary)} non-elementary; {failed} references fail")
    return 1 if failed else 0


def main():
    command = sys.argv[1] if len(sys.argv) > 1 else "check"
    path = sys.argv[2] if len(sys.argv) > 2 else DEFAULT
    if command == "generate":
        generate(path)
        return 0
    if command == "check":
        return check(path)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
