#!/usr/bin/env bash
# Runs the libFuzzer targets of BUILD (configured with -DLEIBNIZ_FUZZ=ON, README
# "Fuzzing"): each target first replays its seed corpus and every input of
# tests/fuzz/regressions/<target>/, then fuzzes for SECONDS (0: replay only). New inputs
# go to a scratch directory, never into the checked-in corpus; a crashing input is kept
# in BUILD/fuzz-crashes/. Exit status 1 if any target crashed.
# With FUZZ_RUNS=N (and FUZZ_SEED, default 1) each target runs N inputs from a fixed seed
# instead, SECONDS only a cap: the same run every time, as CI needs (a gate must not
# depend on luck; new findings come from the timed runs, which then become regressions).
#   tests/fuzz/run.sh BUILD [SECONDS] [TARGET...]
set -uo pipefail
shopt -s nullglob
build=${1:?usage: run.sh BUILD [SECONDS] [TARGET...]}
seconds=${2:-0}
shift $(($# >= 2 ? 2 : 1))
here=$(cd "$(dirname "$0")" && pwd)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(text latex batch_line model_file csv safetensors)
crashes=$build/fuzz-crashes
mkdir -p "$crashes"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=()
for target in "${targets[@]}"; do
  binary=$build/tests/fuzz/fuzz_$target
  [ -x "$binary" ] || { echo "fuzz: no $binary (build the 'fuzzers' target)"; exit 2; }
  inputs=("$here/corpus/$target"/*)
  [ -d "$here/regressions/$target" ] && inputs+=("$here/regressions/$target"/*)
  echo "fuzz: $target: replaying ${#inputs[@]} inputs"
  if ! "$binary" -rss_limit_mb=4096 -timeout=60 "${inputs[@]}" >"$scratch/$target.log" 2>&1; then
    echo "fuzz: $target: CRASH on replay of $(grep '^Running: ' "$scratch/$target.log" | tail -n 1)"
    tail -n 60 "$scratch/$target.log"
    failed+=("$target"); continue
  fi
  [ "$seconds" -gt 0 ] || continue
  if [ -n "${FUZZ_RUNS:-}" ]; then
    echo "fuzz: $target: fuzzing $FUZZ_RUNS inputs from seed ${FUZZ_SEED:-1}"
  else
    echo "fuzz: $target: fuzzing for $seconds s"
  fi
  mkdir -p "$scratch/corpus-$target"
  budget=()
  [ -n "${FUZZ_RUNS:-}" ] && budget=(-runs="$FUZZ_RUNS" -seed="${FUZZ_SEED:-1}")
  if ! "$binary" -max_total_time="$seconds" "${budget[@]}" -timeout=30 -rss_limit_mb=4096 -max_len=4096 \
      -print_final_stats=1 -artifact_prefix="$crashes/$target-" \
      "$scratch/corpus-$target" "$here/corpus/$target" >"$scratch/$target.log" 2>&1; then
    echo "fuzz: $target: CRASH (input kept in $crashes/)"; tail -n 60 "$scratch/$target.log"
    failed+=("$target"); continue
  fi
  grep -E '^stat::number_of_executed_units|^#[0-9]+ *DONE' "$scratch/$target.log" | tail -n 2
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: crashed: ${failed[*]}"
  exit 1
fi
echo "fuzz: no crash"
