#!/usr/bin/env bash
# The symbolic benchmark in one command: installs the peers if missing (GiNaC, SymPy),
# builds leibniz's and GiNaC's benchmark programs in Release mode, runs all three tools
# one after the other, and prints the side-by-side table, also written to
# bench/results/symbolic.md (raw rows: bench/results/symbolic.tsv); a run with options
# writes them into the build folder instead.
#
# Usage: bench/run.sh [--reps=N] [--e2-cap=SECONDS] [S1 S3 D1 E2 ...]
#   --reps=N         most repetitions of each workload (default 7; fewer for slow ones)
#   --e2-cap=SECONDS SymPy's one E2 repetition is stopped after this much processor time
#                    (default 30; it needs minutes)
#   BENCH_BUILD=dir  the build folder (default build-bench-symbolic)
#   BENCH_ROUNDS=N   leibniz and GiNaC run alternately N times (default 3), so that a slow
#                    spell of a shared machine falls on both; the table takes the median
#                    of the rounds' medians
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${BENCH_BUILD:-$root/build-bench-symbolic}
results=$root/bench/results
python=/usr/bin/python3

"$root/bench/install-peers.sh" libginac-dev python3-sympy pkg-config cmake

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [[ ! -f $build/CMakeCache.txt ]]; then
  cmake -S "$root/bench" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" --target bench_symbolic_leibniz bench_symbolic_ginac -j "$(nproc)" \
  >"$build/bench-build.log" 2>&1 || { cat "$build/bench-build.log" >&2; exit 1; }

# Where the programs are depends on whether the top level also adds bench/.
leibniz_bench=$(find "$build" -name bench_symbolic_leibniz -type f -perm -u+x -print -quit)
ginac_bench=$(find "$build" -name bench_symbolic_ginac -type f -perm -u+x -print -quit)

# Only a full run with the defaults replaces the committed results.
if (($#)); then results=$build/results; fi
mkdir -p "$results"
rows=$results/symbolic.tsv
load_before=$(uptime | sed 's/.*load average: //')
rounds=${BENCH_ROUNDS:-3}
{
  for ((round = 0; round < rounds; ++round)); do
    "$leibniz_bench" "$@"
    "$ginac_bench" "$@"
  done
  "$python" "$root/bench/symbolic/run_sympy.py" "$@"
} >"$rows"
load_after=$(uptime | sed 's/.*load average: //')

# BENCH_COMMIT names the leibniz version where the tree is no git checkout (an export).
commit=${BENCH_COMMIT:-$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)}
dirty=$(git -C "$root" status --porcelain --untracked-files=no -- leibniz 2>/dev/null | head -1 || true)
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
sympy=$("$python" -c 'import sympy; print(sympy.__version__)')
version="leibniz $commit${dirty:+ (with uncommitted changes)}, Release build"
machine="machine: ${cpu:-unknown CPU}, $(nproc) cores"
load="load average (1, 5, 15 min): before ${load_before}; after ${load_after}"
"$python" "$root/bench/symbolic/table.py" "$rows" \
  "$(date -u '+%Y-%m-%d %H:%M UTC'), $version" "$machine; $load" \
  "peers: GiNaC $(pkg-config --modversion ginac), SymPy $sympy (Debian's /usr/bin/python3)" \
  "rerun: bench/run.sh $*" |
  tee "$results/symbolic.md"
