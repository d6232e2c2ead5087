#!/usr/bin/env bash
# The backprop benchmark in one command: installs the peers if missing (Debian's
# libadolc-dev and python3-torch), builds leibniz's and ADOL-C's programs in Release
# mode (in build-bench-backprop/), runs leibniz, ADOL-C and PyTorch one after the other
# on the same graphs, and prints the side-by-side table, also written to
# bench/results/backprop.md (raw rows: bench/results/backprop.tsv).
#
# Usage: bench/backprop/run.sh [REPS] [--small]
#   REPS     median of REPS repetitions (default 7); PyTorch's big graphs run once
#   --small  PyTorch builds the two big graphs at 10^5 nodes (minutes less on a busy machine)
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BENCH_BUILD:-$root/build-bench-backprop}
results=$root/bench/results
python=/usr/bin/python3
reps=7
small=()
for arg in "$@"; do
  if [[ $arg == --small ]]; then small=(--small); else reps=$arg; fi
done

"$root/bench/install-peers.sh" libadolc-dev python3-torch cmake

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [[ ! -f $build/CMakeCache.txt ]]; then
  cmake -S "$root/bench/backprop" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" --target bench_backprop_leibniz bench_backprop_adolc bench_backprop_reference \
  -j "${BENCH_JOBS:-$(nproc)}" \
  >"$build/bench-build.log" 2>&1 || { cat "$build/bench-build.log" >&2; exit 1; }

mkdir -p "$results"
rows=$results/backprop.tsv
load_before=$(uptime | sed 's/.*load average: //')
{
  "$build/bench_backprop_reference"
  "$build/bench_backprop_leibniz" "$reps"
  "$build/bench_backprop_adolc" "$reps"
  # ADOL-C again with its tapes in memory (.adolcrc in the working directory).
  incore=$(mktemp -d)
  printf '"OBUFSIZE" = "6000000"\n"LBUFSIZE" = "16000000"\n"VBUFSIZE" = "4000000"\n' \
    >"$incore/.adolcrc"
  (cd "$incore" && "$build/bench_backprop_adolc" "$reps" "ADOL-C in-core")
  rm -rf "$incore"
  "$python" "$root/bench/backprop/run_torch.py" "$reps" "${small[@]}"
} >"$rows"
load_after=$(uptime | sed 's/.*load average: //')

commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
torch=$("$python" -c 'import torch; print(torch.__version__)')
adolc=$(dpkg-query -W -f='${Version}' libadolc-dev)
{
  echo "# Backpropagation through scalar graphs: leibniz, ADOL-C, PyTorch"
  echo
  echo "leibniz $commit (Release, bench/backprop/tape/tape.h), ADOL-C $adolc, PyTorch $torch (one thread);"
  echo "${cpu:-unknown CPU}, $(nproc) cores; load average $load_before before, $load_after after."
  echo "Median processor time of $reps repetitions (PyTorch's 10^6-node graphs: one)."
  echo
  "$python" "$root/bench/backprop/table.py" <"$rows"
  echo
  echo "Tape nodes count inputs too (Speelpenning: 10^6 inputs and 10^6 − 1 products). leibniz's"
  echo "gradient runs forward then reverse over the recorded tape compiled once"
  echo "(bench/backprop/tape/tape_compiled.h: nodes ordered by level, then operation, so that each pass"
  echo "loops over runs of one operation; 'compile' times that step, done once per recorded graph"
  echo "as ADOL-C tapes once), every value recomputed from the inputs and every adjoint written;"
  echo "ADOL-C's gradient() runs forward then reverse over its tape, the faster of its default"
  echo "buffers (a large tape lives in files) and in-core buffers (.adolcrc): ADOL-C ÷ leibniz."
  echo "'build + backward' records the graph node by node (values included) and backpropagates,"
  echo "which is what PyTorch and micrograd do every step (micrograd: about 960 ms for the MLP)."
  echo "Gradients agree: every tool within 1e-9 (relative) of a long-double run of the same graph"
  echo "(run_reference.cpp); the layered graph amplifies rounding about 10^7 times."
  echo "leibniz's tape takes 25 bytes a node (op, two operands, value, adjoint), the compiled tape"
  echo "28 more (operands, value, adjoint, position): memory is linear."
} | tee "$results/backprop.md"
