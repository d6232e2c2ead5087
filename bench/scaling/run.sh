#!/usr/bin/env bash
# Time and memory of `leibniz backprop` against the size of the model: the chain
# h_i = tanh(w*h_{i-1} + b) (chain_model.sh) at each size given, whole process, one run
# each: processor time (user + system: the machine is shared, wall time measures the
# others too), wall time and max RSS from /usr/bin/time; PyTorch eager on the same chain when
# python3 has torch. Writes results/scaling.tsv, plots results/scaling.svg with gnuplot
# when it is installed, and prints the log-log slope of each curve (1 = linear).
#   bench/scaling/run.sh [BIN] [SIZES...]   default: build/leibniz/cli/leibniz, 1000 … 100000
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../../build/leibniz/cli/leibniz}
shift || true
sizes=${*:-1000 3000 10000 30000 100000}
out=$here/../results
mkdir -p "$out"
tsv=$out/scaling.tsv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python=${PYTHON:-/usr/bin/python3}
has_torch=0
"$python" -c 'import torch' 2>/dev/null && has_torch=1
[ "$has_torch" = 1 ] || echo "PyTorch is not installed for $python: no comparison" >&2

# measure NAME STEPS COMMAND...: one row "name steps cpu_seconds max_rss_kb wall_seconds".
measure() {
  local name=$1 steps=$2
  shift 2
  /usr/bin/time -f "%U %S %M %e" -o "$work/time" "$@" >/dev/null
  read -r user system kb wall <"$work/time"
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$steps" "$(echo "$user + $system" | bc)" "$kb" "$wall" |
    tee -a "$tsv"
}

printf 'command\tsteps\tcpu_seconds\tmax_rss_kb\twall_seconds\n' | tee "$tsv"
for n in $sizes; do
  "$here/chain_model.sh" "$n" >"$work/chain.lz"
  measure "backprop --json" "$n" "$bin" --timeout 600 backprop --json "$work/chain.lz"
  measure "backprop" "$n" "$bin" --timeout 600 backprop "$work/chain.lz"
  measure "gradcheck" "$n" "$bin" --timeout 600 gradcheck "$work/chain.lz"
  [ "$has_torch" = 1 ] && measure "pytorch eager" "$n" "$python" "$here/chain_torch.py" "$n"
done

# The slope of log(seconds) and log(memory) against log(steps), least squares.
awk -F'\t' 'NR > 1 && $3 > 0 {
    x = log($2); y = log($3); m = log($4); k = $1
    n[k]++; sx[k] += x; sy[k] += y; sm[k] += m; sxx[k] += x * x; sxy[k] += x * y; sxm[k] += x * m
  }
  END {
    for (k in n) {
      d = n[k] * sxx[k] - sx[k] * sx[k]
      if (d == 0) continue
      printf "%-16s time slope %.2f, memory slope %.2f\n", k,
             (n[k] * sxy[k] - sx[k] * sy[k]) / d, (n[k] * sxm[k] - sx[k] * sm[k]) / d
    }
  }' "$tsv"

if command -v gnuplot >/dev/null; then
  gnuplot <<PLOT
set terminal svg size 900,420
set output "$out/scaling.svg"
set multiplot layout 1,2 title "the chain h_i = tanh(w h_{i-1} + b), whole process"
set logscale xy
set key left top
set xlabel "steps"
set ylabel "processor seconds"
plot for [c in "backprop_--json backprop gradcheck pytorch_eager"] \
  "< awk -F'\t' -v c='".c."' 'BEGIN{gsub(/_/, \" \", c)} \$1 == c {print \$2, \$3}' $tsv" \
  using 1:2 with linespoints title c
set ylabel "max RSS (KB)"
plot for [c in "backprop_--json backprop gradcheck pytorch_eager"] \
  "< awk -F'\t' -v c='".c."' 'BEGIN{gsub(/_/, \" \", c)} \$1 == c {print \$2, \$4}' $tsv" \
  using 1:2 with linespoints title c
unset multiplot
PLOT
  echo "plot: $out/scaling.svg" >&2
fi
