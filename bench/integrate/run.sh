#!/usr/bin/env bash
# The integration benchmark: the corpus of tests/data/integrals.txt through leibniz and
# SymPy, side by side: share solved, median time per integral, median answer size.
# Usage: bench/integrate/run.sh [BUILD_DIR]   (a configured leibniz build; default build-int)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build-int}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! /usr/bin/python3 -c "import sympy" 2>/dev/null; then
  apt-get install -y python3-sympy >/dev/null
fi
ninja -C "$build" leibniz_calculus >/dev/null
g++ -std=c++20 -O2 -I"$root" -I/usr/include/flint "$root/bench/integrate/corpus_bench.cpp" \
  "$build/leibniz/calculus/libleibniz_calculus.a" "$build/leibniz/expr/libleibniz_expr.a" \
  "$build/leibniz/core/libleibniz_core.a" -lflint -lgmpxx -lgmp -lfmt -o "$work/corpus_bench"

# Every line of the corpus, solvable or not ("!" marks the ones without an elementary answer).
grep -v '^#' "$root/tests/data/integrals.txt" | grep . | sed 's/^!//' > "$work/corpus.txt"
"$work/corpus_bench" < "$work/corpus.txt" > "$work/leibniz.txt"
/usr/bin/python3 "$root/bench/integrate/sympy_bench.py" 20 < "$work/corpus.txt" > "$work/sympy.txt"

/usr/bin/python3 - "$work/leibniz.txt" "$work/sympy.txt" "$work/corpus.txt" <<'PY'
import statistics, sys
def load(path):
    return [tuple(float(v) for v in line.split()) for line in open(path)]
lz, sp = load(sys.argv[1]), load(sys.argv[2])
n = len(lz)
both = [i for i in range(n) if lz[i][0] and sp[i][0]]
def row(name, r):
    solved = sum(1 for s in r if s[0])
    print(f"| {name:<7} | {solved}/{n} ({100 * solved / n:.1f}%) | {1e3 * statistics.median(s[1] for s in r):.3f} ms"
          f" | {statistics.median(r[i][2] for i in both):.0f} |")
print(f"corpus: {n} integrands; answer sizes over the {len(both)} both solve (tree nodes)")
print("| system  | solved | median time | median answer size |")
print("| ------- | ------ | ----------- | ------------------ |")
row("leibniz", lz)
row("SymPy", sp)
speedup = statistics.median(s[1] for s in sp) / statistics.median(s[1] for s in lz)
print(f"leibniz is {speedup:.0f}x faster (median time); "
      f"solved only by leibniz: {sum(1 for i in range(n) if lz[i][0] and not sp[i][0])}, "
      f"only by SymPy: {sum(1 for i in range(n) if sp[i][0] and not lz[i][0])}")
corpus = open(sys.argv[3]).read().split("\n")
only_sympy = [corpus[i] for i in range(n) if sp[i][0] and not lz[i][0]]
if only_sympy:
    print("only SymPy:", ", ".join(only_sympy))
PY
