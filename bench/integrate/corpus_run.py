#!/usr/bin/env python3
"""The integration benchmark on the reference corpus, leibniz and SymPy side by side.

  PYTHONPATH=build/python /usr/bin/python3 bench/integrate/corpus_run.py [--quick]

Per family: problems; leibniz solved and verified, unsupported, limit, other errors,
wrong (an answer whose derivative differs from the integrand, checked here with SymPy and
mpmath, independently of leibniz's own check: must be 0); time per problem (median, 95th
percentile, every problem attempted); median size of the answer over the reference's
(tree nodes, problems with a verified reference); then SymPy on a sample of the family:
leibniz's and SymPy's solved counts on that sample, SymPy's wrong answers, time limits and
median time. Wrong answers and errors other than unsupported and limit are listed after
the table with their integrands: each is a bug.

Time bound: leibniz takes at most --timeout per problem (10 s; in practice the whole
corpus takes about a minute); SymPy's side stops starting problems after --sympy-budget
seconds, and none runs longer than --sympy-timeout (+ 20 s to check its answer).
--quick: 10 problems per family for leibniz (2 s limit), 3 per family for SymPy (2 s
limit, 20 s budget): under a minute.
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


def options():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", default=os.path.join(ROOT, "tests", "data", "integrals_reference.txt"))
    p.add_argument("--quick", action="store_true", help="a sample, under a minute")
    p.add_argument("--sample", type=int, default=0, help="leibniz: at most N problems per family (0: all)")
    p.add_argument("--timeout", type=float, default=10, help="leibniz's limit per problem, seconds")
    p.add_argument("--sympy-sample", type=int, default=12, help="SymPy: N problems per family (0: none)")
    p.add_argument("--sympy-timeout", type=float, default=10)
    p.add_argument("--sympy-budget", type=float, default=1800, help="seconds for SymPy's side in all")
    p.add_argument("--jobs", type=int, default=1, help="SymPy worker processes")
    p.add_argument("--family", default="", help="only the families matching this regular expression")
    p.add_argument("--seed", type=int, default=12)
    p.add_argument("--tsv", help="write one row per problem here")
    args = p.parse_args()
    if args.quick:
        args.sample, args.timeout = args.sample or 10, min(args.timeout, 2)
        args.sympy_sample, args.sympy_timeout, args.sympy_budget = 3, 2, 20
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


def run_leibniz(problems, indices, timeout):
    """status, seconds, answer size, size ratio to the reference, message per problem."""
    sys.path.insert(0, os.environ.get("LEIBNIZ_PYTHON", os.path.join(ROOT, "build", "python")))
    import leibniz
    leibniz.set_time_limit(timeout)
    x = leibniz.parse("x")
    results = {}
    for i in indices:
        p = problems[i]
        f = leibniz.parse(p.integrand)
        start = time.perf_counter()
        try:
            F = leibniz.integrate(f, x)
            error = None
        except leibniz.Error as e:
            F, error = None, e
        seconds = time.perf_counter() - start
        if error is not None:
            kind = error.kind if error.kind in ("unsupported", "limit") else "other"
            results[i] = (kind, seconds, None, None, f"{error.kind}: {error.message}")
            continue
        answer = str(F)
        try:
            agrees = corpus_lib.derivative_agrees(corpus_lib.to_sympy(p.integrand),
                                                  corpus_lib.to_sympy(answer))
        except Exception as e:  # the answer does not evaluate: not verified, say so
            agrees, answer = None, f"{answer} ({type(e).__name__})"
        status = {True: "solved", False: "wrong", None: "unverified"}[agrees]
        size = corpus_lib.tree_size(F)
        ratio = size / corpus_lib.tree_size(leibniz.parse(p.reference)) if p.reference else None
        results[i] = (status, seconds, size, ratio, answer)
    return results


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def ms(seconds):
    return f"{1e3 * seconds:.2f}" if seconds == seconds else "-"


def table(problems, chosen, sympy_chosen, lz, sp):
    head = ("| family | problems | solved | unsupported | limit | other | wrong | median ms | p95 ms "
            "| size/ref | SymPy sample | leibniz on it | SymPy solved | SymPy wrong | SymPy limit "
            "| SymPy median ms |")
    print(head)
    print("|" + " --- |" * head.count(" |"))
    rows = list(chosen.items())
    elementary = [i for _, ids in rows for i in ids if problems[i].elementary]
    rows.append(("**all with an elementary antiderivative**", elementary))
    sympy_elementary = [i for _, ids in sympy_chosen.items() for i in ids if problems[i].elementary]
    for family, ids in rows:
        sample = sympy_chosen.get(family, sympy_elementary if family.startswith("**") else [])
        count = lambda status: sum(1 for i in ids if lz[i][0] == status)  # noqa: E731
        ratios = [lz[i][3] for i in ids if lz[i][0] == "solved" and lz[i][3]]
        ran = [i for i in sample if sp[i].status != "not run"]
        sp_solved = sum(1 for i in ran if sp[i].status == "solved")
        sp_wrong = sum(1 for i in ran if sp[i].status == "solved" and sp[i].verified is False)
        sp_times = [sp[i].seconds for i in ran if sp[i].seconds is not None]
        solved = count("solved")
        ratio = f"{statistics.median(ratios):.2f}" if ratios else "-"
        print(f"| {family} | {len(ids)} | {solved} ({100 * solved / max(1, len(ids)):.0f}%) "
              f"| {count('unsupported')} | {count('limit')} | {count('other')} "
              f"| {count('wrong')} | {ms(statistics.median(lz[i][1] for i in ids))} "
              f"| {ms(percentile([lz[i][1] for i in ids], 0.95))} "
              f"| {ratio} |", end="")
        print(f" {len(ran)} | {sum(1 for i in ran if lz[i][0] == 'solved')} | {sp_solved} "
              f"| {sp_wrong} | {sum(1 for i in ran if sp[i].status == 'limit')} "
              f"| {ms(statistics.median(sp_times)) if sp_times else '-'} |")


def main():
    args = options()
    problems = corpus_lib.read_corpus(args.corpus)
    chosen, sympy_chosen = choose(problems, args)
    started = time.time()
    sympy_ids = [i for ids in sympy_chosen.values() for i in ids]
    print(f"SymPy {sympy_pool.sympy.__version__}: {len(sympy_ids)} problems, "
          f"{args.sympy_timeout:g} s each, {args.jobs} worker(s), budget {args.sympy_budget:g} s",
          file=sys.stderr)
    sp_list = sympy_pool.run_sympy([problems[i].integrand for i in sympy_ids], args.sympy_timeout,
                                   args.jobs, args.sympy_budget)
    sp = dict(zip(sympy_ids, sp_list))
    sympy_seconds = time.time() - started
    leibniz_ids = [i for ids in chosen.values() for i in ids]
    print(f"leibniz: {len(leibniz_ids)} problems, limit {args.timeout:g} s each", file=sys.stderr)
    lz = run_leibniz(problems, leibniz_ids, args.timeout)
    print(f"corpus {os.path.relpath(args.corpus, ROOT)}: {len(problems)} problems; "
          f"leibniz ran {len(leibniz_ids)}, SymPy {sympy_pool.sympy.__version__} ran "
          f"{sum(1 for r in sp_list if r.status != 'not run')} of a sample of {len(sympy_ids)} "
          f"({args.sympy_timeout:g} s each); SymPy side {sympy_seconds:.0f} s, "
          f"whole run {time.time() - started:.0f} s\n")
    table(problems, chosen, sympy_chosen, lz, sp)
    for status, title in (("wrong", "WRONG ANSWERS (bugs)"), ("other", "errors other than unsupported/limit"),
                          ("unverified", "answers the benchmark could not check"), ("limit", "at the time limit")):
        bad = [i for i in leibniz_ids if lz[i][0] == status]
        if bad:
            print(f"\n{title}: {len(bad)}")
            for i in bad:
                print(f"  {problems[i].integrand}  ->  {lz[i][4]}")
    if args.tsv:
        with open(args.tsv, "w", encoding="utf-8") as out:
            out.write("family\tintegrand\tleibniz\tseconds\tsize_ratio\tsympy\tsympy_seconds\n")
            for i in leibniz_ids:
                s = sp.get(i)
                out.write(f"{problems[i].family}\t{problems[i].integrand}\t{lz[i][0]}\t{lz[i][1]:.6f}\t"
                          f"{lz[i][3] or ''}\t{s.status if s else ''}\t"
                          f"{'' if not s or s.seconds is None else f'{s.seconds:.4f}'}\n")
    return 1 if any(lz[i][0] == "wrong" for i in leibniz_ids) else 0


if __name__ == "__main__":
    sys.exit(main())
