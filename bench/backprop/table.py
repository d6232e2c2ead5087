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


def ms(entry):
    return "–" if entry is None else f"{entry[0]:.3g} ms"


def ratio(a, b):
    return "–" if a is None or b is None or b[0] == 0 else f"{a[0] / b[0]:.2g}×"


def agree(*entries):
    values = [e[1] for e in entries if e is not None]
    if len(values) < 2:
        return "–"
    ref = values[0]
    ok = all(abs(v - ref) <= 1e-9 * max(1.0, abs(ref)) for v in values)
    return "✓" if ok else "✗ " + ", ".join(f"{v:.12g}" for v in values)


print("| workload | tape nodes | leibniz forward | leibniz gradient (fwd + bwd) | gradient ÷ forward "
      "| ADOL-C gradient | ADOL-C ÷ leibniz | leibniz build + backward | PyTorch build + backward "
      "| PyTorch ÷ leibniz | gradients agree |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for w in order:
    lf = get(w, "leibniz", "forward")
    lg = get(w, "leibniz", "gradient (forward + backward)")
    lb = get(w, "leibniz", "build + backward")
    ag = get(w, "ADOL-C", "gradient (forward + backward)")
    tb = get(w, "PyTorch", "build + backward")
    tg = get(w, "PyTorch", "backward")
    nodes = lf[2] if lf else "–"
    print(f"| {w} | {nodes} | {ms(lf)} | {ms(lg)} | {ratio(lg, lf)} | {ms(ag)} | {ratio(ag, lg)} "
          f"| {ms(lb)} | {ms(tb)} | {ratio(tb, lb)} | {agree(lg, ag, tg)} |")
    vec = get(w, "PyTorch (one tensor)", "gradient, torch.prod vectorised")
    if vec:
        print(f"| {w}, torch.prod on one tensor | 1 | | | | | | | {ms(vec)} | | {agree(lg, vec)} |")
