#!/usr/bin/env python3
"""The integration benchmark on the reference corpus, leibniz and SymPy side by side.

  PYTHONPATH=build/python /usr/bin/python3 bench/integrate/corpus_run.py [--quick]

Per family: problems; leibniz solved and verified, unsupported, limit, other errors,
wrong (an answer whose derivative differs from the integrand, checked here with SymPy,
independently of leibniz's own check: must be 0); processor time per problem (median, 95th
percentile, every problem attempted, solved or not: the machine is shared, so not wall time); median size of the answer over the reference's
(tree nodes, problems with a verified reference); then SymPy on a sample of the family:
leibniz's and SymPy's solved counts on that sample, SymPy's wrong answers, time limits and
median time. Wrong answers and errors other than unsupported and limit are listed after
the table with their integrands: each is a bug.

Time bound: leibniz takes at most --timeout per problem (10 s; in practice the whole
corpus takes about a minute); SymPy's side stops starting problems after --sympy-budget
seconds, and none runs longer than --sympy-timeout (+ --verify-timeout to check its
answer); leibniz's side likewise stops after --budget seconds. --quick: 10 problems per
family for leibniz (2 s limit, 20 s budget), 3 per family for SymPy (2 s limit, 20 s
budget, 5 s per check): at most about 55 s. A long run can be split (--family, --tsv) and the
pieces' tables joined (--report A.tsv B.tsv ...).
"""
import argparse
import os
import random
import re
import statistics
import sys
import time
from collections import OrderedDict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)

import corpus_lib  # noqa: E402
import sympy_pool  # noqa: E402

MAX_CHECKED_CHARS = 20_000  # longer answers are listed as not checked by the benchmark


def options():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", default=os.path.join(ROOT, "tests", "data", "integrals_reference.txt"))
    p.add_argument("--quick", action="store_true", help="a sample, under a minute")
    p.add_argument("--sample", type=int, default=0, help="leibniz: at most N problems per family (0: all)")
    p.add_argument("--timeout", type=float, default=10, help="leibniz's limit per problem, seconds")
    p.add_argument("--budget", type=float, default=3600, help="seconds for leibniz's side in all")
    p.add_argument("--sympy-sample", type=int, default=12, help="SymPy: N problems per family (0: none)")
    p.add_argument("--sympy-timeout", type=float, default=10)
    p.add_argument("--sympy-budget", type=float, default=1800, help="seconds for SymPy's side in all")
    p.add_argument("--verify-timeout", type=float, default=20, help="seconds to check one SymPy answer")
    p.add_argument("--jobs", type=int, default=1, help="SymPy worker processes")
    p.add_argument("--family", default="", help="only the families matching this regular expression")
    p.add_argument("--seed", type=int, default=12)
    p.add_argument("--tsv", help="write one row per problem here")
    p.add_argument("--report", nargs="+", metavar="TSV",
                   help="print the table of earlier runs' --tsv files instead of running")
    args = p.parse_args()
    if args.quick:
        args.sample, args.timeout, args.budget = args.sample or 10, min(args.timeout, 2), 20
        args.sympy_sample, args.sympy_timeout, args.sympy_budget = 3, 2, 20
        args.verify_timeout = 5
    return args


def choose(problems, args):
    """Families in corpus order; leibniz's problems and SymPy's sample (a subset) of each."""
    families = OrderedDict()
    for index, p in enumerate(problems):
        if re.search(args.family, p.family):
            families.setdefault(p.family, []).append(index)
    rng = random.Random(args.seed)
    chosen, sympy_chosen = OrderedDict(), OrderedDict()
    for family, indices in families.items():
        picked = sorted(rng.sample(indices, args.sample)) if 0 < args.sample < len(indices) else indices
        chosen[family] = picked
        k = min(args.sympy_sample, len(picked))
        sympy_chosen[family] = sorted(rng.sample(picked, k)) if k else []
    return chosen, sympy_chosen


def round_robin(chosen):
    """The problems of every family in turn, so that a budget cut leaves each a share."""
    columns = list(chosen.values())
    return [c[k] for k in range(max(map(len, columns), default=0)) for c in columns if k < len(c)]


def run_leibniz(problems, indices, timeout, budget):
    """status, seconds, answer size, size ratio to the reference, message per problem;
    problems not started within `budget` seconds are "not run"."""
    sys.path.insert(0, os.environ.get("LEIBNIZ_PYTHON", os.path.join(ROOT, "build", "python")))
    import leibniz
    leibniz.set_time_limit(timeout)
    x = leibniz.parse("x")
    results = {}
    began = time.monotonic()
    for i in indices:
        p = problems[i]
        if time.monotonic() - began > budget:
            results[i] = ("not run", 0.0, None, None, "")
            continue
        f = leibniz.parse(p.integrand)
        start = time.process_time()
        try:
            F = leibniz.integrate(f, x)
            error = None
        except leibniz.Error as e:
            F, error = None, e
        seconds = time.process_time() - start
        if error is not None:
            kind = error.kind if error.kind in ("unsupported", "limit") else "other"
            results[i] = (kind, seconds, None, None, f"{error.kind}: {error.message}")
            continue
        answer = str(F)
        try:
            # SymPy would take minutes over an answer of thousands of terms (sin(x)^2000).
            agrees = None if len(answer) > MAX_CHECKED_CHARS else corpus_lib.derivative_agrees(
                corpus_lib.to_sympy(p.integrand), corpus_lib.to_sympy(answer))
        except Exception as e:  # the answer does not evaluate: not verified, say so
            agrees, answer = None, f"{answer} ({type(e).__name__})"
        status = {True: "solved", False: "wrong", None: "unverified"}[agrees]
        size = corpus_lib.tree_size(F)
        ratio = size / corpus_lib.tree_size(leibniz.parse(p.reference)) if p.reference else None
        results[i] = (status, seconds, size, ratio, answer)
    return results


COLUMNS = ("family", "elementary", "integrand", "leibniz", "seconds", "size_ratio", "answer",
           "sympy", "sympy_seconds", "sympy_verified")


def rows_of(problems, chosen, lz, sp):
    """One record per problem run: what the table and the TSV file are made of."""
    rows = []
    for family, ids in chosen.items():
        for i in ids:
            status, seconds, _, ratio, answer = lz[i]
            s = sp.get(i)
            rows.append({"family": family, "elementary": problems[i].elementary,
                         "integrand": problems[i].integrand, "leibniz": status, "seconds": seconds,
                         "size_ratio": ratio, "answer": answer,
                         "sympy": s.status if s else "", "sympy_seconds": s.seconds if s else None,
                         "sympy_verified": s.verified if s else None})
    return rows


def write_tsv(rows, path):
    with open(path, "w", encoding="utf-8") as out:
        out.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            out.write("\t".join("" if r[c] is None else str(r[c]).replace("\t", " ") for c in COLUMNS) + "\n")


def read_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            r = dict(zip(header, line.rstrip("\n").split("\t")))
            r["elementary"] = r["elementary"] == "True"
            r["seconds"] = float(r["seconds"])
            for key in ("size_ratio", "sympy_seconds"):
                r[key] = float(r[key]) if r[key] else None
            r["sympy_verified"] = {"True": True, "False": False}.get(r["sympy_verified"])
            rows.append(r)
    return rows


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def ms(seconds):
    return f"{1e3 * seconds:.2f}" if seconds == seconds else "-"


def table(rows):
    head = ("| family | problems | solved | unsupported | limit | other | wrong | median ms | p95 ms "
            "| size/ref | SymPy sample | leibniz on it | SymPy solved | SymPy wrong | SymPy limit "
            "| SymPy median ms |")
    print(head)
    print("|" + " --- |" * head.count(" |"))
    rows = [r for r in rows if r["leibniz"] != "not run"]
    families = list(dict.fromkeys(r["family"] for r in rows))
    groups = [(f, [r for r in rows if r["family"] == f]) for f in families]
    groups.append(("**all with an elementary antiderivative**", [r for r in rows if r["elementary"]]))
    for family, group in groups:
        count = lambda status: sum(1 for r in group if r["leibniz"] == status)  # noqa: E731
        ratios = [r["size_ratio"] for r in group if r["leibniz"] == "solved" and r["size_ratio"]]
        ran = [r for r in group if r["sympy"] not in ("", "not run")]
        times = [r["seconds"] for r in group]
        sp_times = [r["sympy_seconds"] for r in ran if r["sympy_seconds"] is not None]
        solved = count("solved")
        ratio = f"{statistics.median(ratios):.2f}" if ratios else "-"
        print(f"| {family} | {len(group)} | {solved} ({100 * solved / max(1, len(group)):.0f}%) "
              f"| {count('unsupported')} | {count('limit')} | {count('other')} | {count('wrong')} "
              f"| {ms(statistics.median(times))} | {ms(percentile(times, 0.95))} | {ratio} "
              f"| {len(ran)} | {sum(1 for r in ran if r['leibniz'] == 'solved')} "
              f"| {sum(1 for r in ran if r['sympy'] == 'solved')} "
              f"| {sum(1 for r in ran if r['sympy'] == 'solved' and r['sympy_verified'] is False)} "
              f"| {sum(1 for r in ran if r['sympy'] == 'limit')} "
              f"| {ms(statistics.median(sp_times)) if sp_times else '-'} |")


def report(rows):
    table(rows)
    for status, title in (("wrong", "WRONG ANSWERS (bugs)"), ("other", "errors other than unsupported/limit"),
                          ("unverified", "answers the benchmark could not check"), ("limit", "at the time limit")):
        bad = [r for r in rows if r["leibniz"] == status]
        if bad:
            print(f"\n{title}: {len(bad)}")
            for r in bad:
                print(f"  {r['integrand']}  ->  {r['answer']}")
    wrong_sympy = [r for r in rows if r["sympy"] == "solved" and r["sympy_verified"] is False]
    if wrong_sympy:
        print(f"\nSymPy answers that do not differentiate back: {len(wrong_sympy)}")
        for r in wrong_sympy:
            print(f"  {r['integrand']}")
    return 1 if any(r["leibniz"] == "wrong" for r in rows) else 0


def main():
    args = options()
    if args.report:
        return report([r for path in args.report for r in read_tsv(path)])
    problems = corpus_lib.read_corpus(args.corpus)
    chosen, sympy_chosen = choose(problems, args)
    started = time.time()
    sympy_ids = round_robin(sympy_chosen)
    print(f"SymPy {sympy_pool.sympy.__version__}: {len(sympy_ids)} problems, "
          f"{args.sympy_timeout:g} s each, {args.jobs} worker(s), budget {args.sympy_budget:g} s",
          file=sys.stderr)
    sp_list = sympy_pool.run_sympy([problems[i].integrand for i in sympy_ids], args.sympy_timeout,
                                   args.jobs, args.sympy_budget, args.verify_timeout)
    sp = dict(zip(sympy_ids, sp_list))
    sympy_seconds = time.time() - started
    leibniz_ids = round_robin(chosen)
    print(f"leibniz: {len(leibniz_ids)} problems, limit {args.timeout:g} s each", file=sys.stderr)
    lz = run_leibniz(problems, leibniz_ids, args.timeout, args.budget)
    print(f"corpus {os.path.relpath(args.corpus, ROOT)}: {len(problems)} problems; "
          f"leibniz ran {sum(1 for i in leibniz_ids if lz[i][0] != 'not run')} of {len(leibniz_ids)} "
          f"({args.timeout:g} s each), SymPy {sympy_pool.sympy.__version__} "
          f"ran {sum(1 for r in sp_list if r.status != 'not run')} of a sample of {len(sympy_ids)} "
          f"({args.sympy_timeout:g} s each); SymPy side {sympy_seconds:.0f} s, "
          f"whole run {time.time() - started:.0f} s\n")
    rows = rows_of(problems, chosen, lz, sp)
    if args.tsv:
        write_tsv(rows, args.tsv)
    return report(rows)


if __name__ == "__main__":
    sys.exit(main())
