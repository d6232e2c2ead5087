"""Turns the rows of run_leibniz, run_ginac and run_sympy.py (timing.h describes them)
into the side-by-side Markdown table: medians of processor time, ratios peer / leibniz,
the targets of the foundation issue, result sizes, and whether every tool's result has
the same value at the shared point as the reference computed from the input.

Usage: table.py ROWS.tsv [HEADER-LINE ...] > symbolic.md
"""

import copy
import math
import statistics
import sys

# (workload, label, the peers' workload to compare with)
WORKLOADS = [
    ("S1", "S1 expand((x+y+z+1)^7 * ((x+y+z+1)^7 + 1))", "S1"),
    ("S3.expand", "S3 expand((x^y+y^z+z^x)^50)", "S3.expand"),
    ("S3.diff", "S3 d/dx of the expansion, raw", "S3.diff"),
    ("S3.diff.simplified", "S3 d/dx, simplified ¹", "S3.diff"),
    ("S3.total", "S3 expand + d/dx raw (sum of the two medians)", "S3.total"),
    ("D1.raw", "D1 d/dx of the 500-term sum, raw", "D1.raw"),
    ("D1.simplified", "D1 d/dx, simplified ¹", "D1.raw"),
    ("E2", "E2 expand((x+y+z+w)^20 * ((x+y+z+w)^20 + w))", "E2"),
]
PEERS = [("ginac", "GiNaC", 2.0), ("sympy", "SymPy", 200.0)]  # and the speed-up targets
E2_TARGET_SECONDS = 0.050
SAME_VALUE = 1e-9        # relative difference between two symbolic results
FD_REFERENCE = 1e-6      # relative error allowed of the finite-difference reference


class Row:
    def __init__(self, fields):
        (self.tool, self.workload, self.status, reps, cpu, cpu_min, wall, terms, chars, tree,
         value) = fields[:11]
        self.note = fields[11] if len(fields) > 11 else ""
        self.reps = int(reps)
        self.cpu, self.cpu_min, self.wall = float(cpu), float(cpu_min), float(wall)
        self.terms, self.chars, self.tree = int(terms), int(chars), float(tree)
        self.value = float(value)


def merged(rounds):
    """One row for a workload run in several rounds: the median of the rounds' medians."""
    row = copy.copy(rounds[0])
    ok = [r for r in rounds if r.status == "ok"]
    if len(rounds) > 1 and ok:
        row = copy.copy(ok[0])
        row.reps = sum(r.reps for r in ok)
        row.cpu = statistics.median(r.cpu for r in ok)
        row.cpu_min = min(r.cpu_min for r in ok)
        row.wall = statistics.median(r.wall for r in ok)
    return row


def read_rows(path):
    rounds = {}
    with open(path) as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if fields[0] == "row":
                row = Row(fields[1:])
                rounds.setdefault((row.tool, row.workload), []).append(row)
    rows = {key: merged(found) for key, found in rounds.items()}
    for tool in {tool for tool, _ in rows}:  # S3 as a whole: expand, then d/dx
        expand, derivative = rows.get((tool, "S3.expand")), rows.get((tool, "S3.diff"))
        if expand and derivative and expand.status == derivative.status == "ok":
            total = copy.copy(derivative)
            total.workload = "S3.total"
            total.reps = min(expand.reps, derivative.reps)
            total.cpu, total.cpu_min = expand.cpu + derivative.cpu, math.nan
            total.wall = expand.wall + derivative.wall
            rows[(tool, "S3.total")] = total
    return rows


def seconds(t):
    if math.isnan(t):
        return "–"
    if t >= 1:
        return f"{t:.3g} s"
    if t >= 1e-3:
        return f"{t * 1e3:.3g} ms"
    return f"{t * 1e6:.3g} µs"


def timing(row):
    if row is None:
        return "–"
    if row.status == "capped":
        return f"> {seconds(row.cpu)}"
    if row.status != "ok":
        return "error"
    return f"{seconds(row.cpu)} ({row.reps}×)"


def ratio(peer, mine, target):
    if peer is None or mine is None or mine.status != "ok" or peer.status not in ("ok", "capped"):
        return "–"
    r = peer.cpu / mine.cpu
    text = f"{'> ' if peer.status == 'capped' else ''}{r:.3g}×"
    return text if r >= target else f"**{text}** (< {target:g}×)"


def relative(a, b):
    return abs(a - b) / max(abs(a), abs(b), 1e-300)


def reference_of(workload):
    return "S3.diff" if workload == "S3.total" else workload


def agreement(results, reference_workload, rows):
    """'✓' with the largest relative difference, or which tool is off and by how much."""
    reference = rows.get(("reference", reference_workload))
    valued = [(tool, r.value) for tool, r in results if r is not None and r.status == "ok"]
    if not valued:
        return "–"
    worst, offenders = 0.0, []
    for tool, v in valued:
        for other, u in valued:
            worst = max(worst, relative(v, u))
        if reference is not None:
            by_differences = ".diff" in reference_workload or reference_workload.startswith("D1")
            tolerance = FD_REFERENCE if by_differences else SAME_VALUE
            if relative(v, reference.value) > tolerance:
                offenders.append(f"{tool} {relative(v, reference.value):.1e} from the reference")
    if worst > SAME_VALUE:
        offenders.append(f"tools differ by {worst:.1e}")
    return "✓ " + f"{worst:.0e}" if not offenders else "✗ " + "; ".join(offenders)


def sizes(results, attribute):
    return " / ".join("–" if r is None or r.status != "ok" else f"{getattr(r, attribute):,}"
                      for _, r in results)


def main(path, header_lines):
    rows = read_rows(path)
    out = ["# Symbolic benchmarks: leibniz, GiNaC, SymPy", ""]
    out += [f"- {line}" for line in header_lines]
    out += ["",
            "Medians of processor time (repetitions in parentheses; leibniz and GiNaC run "
            "alternately in rounds, and the table takes the median of the rounds' medians); "
            "ratio = peer / leibniz, "
            "in bold where it misses the target (2× GiNaC, 200× SymPy, and E2 under 50 ms). "
            "Sizes are leibniz / GiNaC / SymPy: terms of the top-level sum, and printed "
            "length (characters without spaces, `**` counted as `^`). "
            "Value: every result evaluated at (x, y, z, w) = (0.8134, 0.6279, 0.7436, 0.4123), "
            "compared with each other and with a reference from the unexpanded input "
            "(derivatives: finite differences); ✓ with the largest relative difference.",
            "",
            "| workload | leibniz | GiNaC | SymPy | GiNaC / leibniz | SymPy / leibniz "
            "| terms | printed length | value |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    misses = []
    for workload, label, peer_workload in WORKLOADS:
        mine = rows.get(("leibniz", workload))
        if mine is None:
            continue
        peers = [rows.get((tool, peer_workload)) for tool, _, _ in PEERS]
        results = [("leibniz", mine)] + [(t, p) for (t, _, _), p in zip(PEERS, peers)]
        ratios = [ratio(p, mine, target) for (_, _, target), p in zip(PEERS, peers)]
        mine_text = timing(mine)
        if workload == "E2" and mine.status == "ok" and mine.cpu > E2_TARGET_SECONDS:
            mine_text = f"**{mine_text}** (> 50 ms)"
            misses.append(f"{workload}: {seconds(mine.cpu)}, target under 50 ms")
        for (_, name, target), p in zip(PEERS, peers):
            if p is not None and p.status in ("ok", "capped") and mine.status == "ok" \
                    and p.cpu / mine.cpu < target:
                misses.append(f"{workload}: {p.cpu / mine.cpu:.3g}× {name}, target {target:g}×")
        larger = [name for (_, name, _), p in zip(PEERS, peers)
                  if p is not None and p.status == "ok" and mine.status == "ok"
                  and mine.chars > p.chars]
        if larger:
            misses.append(f"{workload}: result printed longer than {', '.join(larger)}'s")
        agree = agreement(results, reference_of(workload), rows)
        if agree.startswith("✗"):
            misses.append(f"{workload}: VALUES DIFFER ({agree[2:]})")
        out.append(f"| {label} | {mine_text} | {timing(peers[0])} | {timing(peers[1])} "
                   f"| {ratios[0]} | {ratios[1]} | {sizes(results, 'terms')} "
                   f"| {sizes(results, 'chars')} | {agree} |")
    out += ["",
            "¹ GiNaC and SymPy: their diff result as it stands, already in their collected "
            "canonical form. Simplifying further is not what their users would do here: for D1, "
            "GiNaC's normal() and SymPy's simplify(), together() or cancel() bring the 500 "
            "fractions over one denominator and take far longer.",
            "", "Wall-clock medians (s), for the load: " +
            "; ".join(f"{r.tool} {r.workload} {r.wall:.3g}" for r in rows.values()
                      if r.status == "ok" and r.tool != "reference"),
            ""]
    notes = [f"{r.tool} {r.workload}: {r.note}" for r in rows.values() if r.note]
    if notes:
        out += ["Notes: " + "; ".join(notes), ""]
    out += ["Missed (targets, sizes, values): " + ("; ".join(misses) if misses else "none"), ""]
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
