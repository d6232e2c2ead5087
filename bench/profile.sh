#!/usr/bin/env bash
# Where leibniz spends the time of one symbolic workload: builds the benchmark with
# symbols and frame pointers (in build-bench-symbolic-prof), runs only the timed work
# (--profile) under perf, and prints the functions by self time and by inclusive time.
# Without a working perf it falls back to valgrind's callgrind (instruction counts).
#
# Usage: bench/profile.sh WORKLOAD [REPS]     e.g. bench/profile.sh E2 20
#   WORKLOAD: S1, S3.expand, S3.diff, S3.diff.simplified, D1.raw, D1.simplified, E2
set -euo pipefail

workload=${1:?usage: bench/profile.sh WORKLOAD [REPS]}
reps=${2:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build-bench-symbolic-prof
out=${TMPDIR:-/tmp}/leibniz-profile-$workload

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [[ ! -f $build/CMakeCache.txt ]]; then
  cmake -S "$root/bench" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_FLAGS="-g -fno-omit-frame-pointer" >/dev/null
fi
cmake --build "$build" --target bench_symbolic_leibniz -j "$(nproc)" >"$out.build.log" 2>&1 ||
  { cat "$out.build.log" >&2; exit 1; }
program=("$(find "$build" -name bench_symbolic_leibniz -type f -perm -u+x -print -quit)"
  --profile "--reps=$reps" "$workload")

# Long template names shortened so that the lines stay readable.
shorten() {
  sed -E 's/std::_Hashtable<[^]]*/std::_Hashtable<...>/; s/(std::_Function_handler<[^>]*>).*/\1/' |
    cut -c1-150
}

if perf record -F 4000 -g -o "$out.perf" -- "${program[@]}" >/dev/null 2>"$out.log"; then
  # FLINT and GMP have no frame pointers: their time shows as self time, under no caller.
  echo "== $workload: self time (perf, $reps repetitions)"
  perf report -i "$out.perf" --no-children --percent-limit 1 --stdio -g none 2>/dev/null |
    grep -Ev '^(#|$)' | shorten
  echo "== $workload: inclusive time"
  perf report -i "$out.perf" --children --percent-limit 3 --stdio -g none 2>/dev/null |
    grep -Ev '^(#|$)' | shorten
else
  echo "perf is not usable here ($(tail -1 "$out.log")); using callgrind" >&2
  valgrind --tool=callgrind --callgrind-out-file="$out.callgrind" "${program[@]}" >/dev/null 2>&1
  echo "== $workload: inclusive instructions (callgrind)"
  callgrind_annotate --inclusive=yes "$out.callgrind" 2>/dev/null | head -60 | shorten
fi
