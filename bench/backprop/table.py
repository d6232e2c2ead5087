"""Rows of run_leibniz, run_adolc and run_torch.py (tool, workload, nodes, phase,
median ms, checksum) -> the side-by-side Markdown table of bench/backprop/run.sh."""
import sys
from collections import defaultdict

rows = defaultdict(dict)  # (workload) -> {(tool, phase): (ms, checksum, nodes)}
order = []
for line in sys.stdin:
    parts = line.rstrip("\n").split("\t")
    if len(parts) != 6:
        continue
    tool, workload, nodes, phase, ms, checksum = parts
    if workload not in order:
        order.append(workload)
    rows[workload][(tool, phase)] = (float(ms), float(checksum), nodes)


def get(workload, tool, phase):
    return rows[workload].get((tool, phase))


def fastest(workload, tools, phase):
    """The fastest of several configurations of one tool, and its name."""
    entries = [(get(workload, t, phase), t) for t in tools]
    entries = [e for e in entries if e[0] is not None]
    return min(entries, key=lambda e: e[0][0]) if entries else (None, None)


def ms(entry):
    return "–" if entry is None else f"{entry[0]:.3g} ms"


def ratio(a, b):
    return "–" if a is None or b is None or b[0] == 0 else f"{a[0] / b[0]:.2g}×"


def agree(reference, *entries):
    """Every tool's gradient within 1e-9 (relative) of the long-double reference, or of
    the first tool's without one."""
    values = [e[1] for e in entries if e is not None]
    ref = reference[1] if reference else (values[0] if values else None)
    if ref is None or len(values) < (1 if reference else 2):
        return "–"
    ok = all(abs(v - ref) <= 1e-9 * max(1.0, abs(ref)) for v in values)
    return "✓" if ok else "✗ " + ", ".join(f"{v:.12g}" for v in [ref] + values)


print("| workload | tape nodes | leibniz compile (once) | leibniz forward "
      "| leibniz gradient (fwd + bwd) | gradient ÷ forward "
      "| ADOL-C gradient | ADOL-C ÷ leibniz | leibniz build + backward | PyTorch build + backward "
      "| PyTorch ÷ leibniz | gradients agree (long-double reference) |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
for w in order:
    lc = get(w, "leibniz", "compile (once per tape)")
    lf = get(w, "leibniz", "forward")
    lg = get(w, "leibniz", "gradient (forward + backward)")
    lb = get(w, "leibniz", "build + backward")
    ag, adolc = fastest(w, ["ADOL-C", "ADOL-C in-core"], "gradient (forward + backward)")
    tb = get(w, "PyTorch", "build + backward")
    tg = get(w, "PyTorch", "backward")
    ref = get(w, "reference", "gradient (forward + backward)")
    nodes = lf[2] if lf else "–"
    where = " (in-core)" if adolc == "ADOL-C in-core" else ""
    checks = agree(ref, lg, get(w, "ADOL-C", "gradient (forward + backward)"),
                   get(w, "ADOL-C in-core", "gradient (forward + backward)"), tg)
    print(f"| {w} | {nodes} | {ms(lc)} | {ms(lf)} | {ms(lg)} | {ratio(lg, lf)} | {ms(ag)}{where} "
          f"| {ratio(ag, lg)} | {ms(lb)} | {ms(tb)} | {ratio(tb, lb)} | {checks} |")
    vec = get(w, "PyTorch (one tensor)", "gradient, torch.prod vectorised")
    if vec:
        print(f"| {w}, torch.prod on one tensor | 1 | | | | | | | | {ms(vec)} | | {agree(ref, lg, vec)} |")
