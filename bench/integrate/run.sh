#!/usr/bin/env bash
# The integration benchmark: the corpus of tests/data/integrals.txt through leibniz and
# SymPy, side by side: share solved, median time per integral, median answer size.
# Builds leibniz's side in Release mode with the symbolic benchmark (build-bench-symbolic/).
# Usage: bench/integrate/run.sh
# The larger, per-family measurement on the reference corpus of issue 12 (2,235 problems with
# verified antiderivatives) is bench/integrate/corpus_run.py (docs/integration.md).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BENCH_BUILD:-$root/build-bench-symbolic}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$root/bench/install-peers.sh" python3-sympy pkg-config cmake
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [[ ! -f $build/CMakeCache.txt ]]; then
  cmake -S "$root/bench" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" --target bench_integrate_leibniz -j "$(nproc)" \
  >"$build/bench-integrate-build.log" 2>&1 || { cat "$build/bench-integrate-build.log" >&2; exit 1; }
corpus_bench=$(find "$build" -name bench_integrate_leibniz -type f -perm -u+x -print -quit)

# Every line of the corpus, solvable or not ("!" marks the ones without an elementary answer).
grep -v '^#' "$root/tests/data/integrals.txt" | grep . | sed 's/^!//' > "$work/corpus.txt"
"$corpus_bench" < "$work/corpus.txt" > "$work/leibniz.txt"
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
