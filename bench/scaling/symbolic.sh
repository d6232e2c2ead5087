#!/usr/bin/env bash
# Time and memory of the symbolic commands against the size of their input, whole
# process, one run each (inputs from workload.py): `diff` against nesting depth and
# width, `expand` against the degree, `integrate` against the number of terms, and
# `batch` against the number of request lines, beside SymPy (batch_sympy.py, one Python
# process) on the same stream when python3 has sympy. Processor time (user + system:
# the machine is shared), max RSS and wall time from getrusage (rusage.py), and the
# bytes printed. Writes results/scaling-symbolic.tsv, plots results/scaling-symbolic.svg with
# gnuplot when it is installed, and prints each curve's log-log slopes (1 = linear)
# over the rows of at least 0.02 s (below that the 4 ms start-up is most of the figure).
#   bench/scaling/symbolic.sh [BIN]   default: build/leibniz/cli/leibniz
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../../build/leibniz/cli/leibniz}
out=$here/../results
mkdir -p "$out"
tsv=$out/scaling-symbolic.tsv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python=${PYTHON:-python3}
has_sympy=0
"$python" -c 'import sympy' 2>/dev/null && has_sympy=1
[ "$has_sympy" = 1 ] || echo "SymPy is not installed for $python: no batch comparison" >&2

# measure CURVE SIZE COMMAND... <input: one row
# "curve size cpu_seconds max_rss_kb wall_seconds output_bytes".
measure() {
  local curve=$1 size=$2
  shift 2
  # The command's own messages and rusage.py's line share stderr: the figures are the last line.
  if ! "$python" "$here/rusage.py" "$@" >"$work/out" 2>"$work/time"; then
    cat "$work/time" >&2
    exit 1
  fi
  read -r cpu kb wall < <(tail -n 1 "$work/time")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$curve" "$size" "$cpu" "$kb" "$wall" "$(wc -c <"$work/out")" |
    tee -a "$tsv"
}

# curve CURVE "SIZES" COMMAND...: the command on workload CURVE at each size, on stdin.
curve() {
  local name=$1 sizes=$2
  shift 2
  for n in $sizes; do
    "$python" "$here/workload.py" "$name" "$n" >"$work/in"
    measure "$name" "$n" "$@" <"$work/in"
  done
}

printf 'curve\tsize\tcpu_seconds\tmax_rss_kb\twall_seconds\toutput_bytes\n' | tee "$tsv"
# The parser refuses nesting deeper than 1000 levels (a limit error): the nesting curves
# stop there. (…+1)^2 is two levels a step. The product stops below the printer's limit of
# 5,000,000 nodes written out (1,400 factors pass it).
curve diff-nest-sin "250 500 700 990" "$bin" --timeout 60 diff - x
curve diff-nest-pow "125 250 350 490" "$bin" --timeout 60 diff - x
curve diff-sum "3000 6000 12000 24000 36000" "$bin" --timeout 60 diff - x
curve diff-product "160 250 400 630 1000" "$bin" --timeout 60 diff - x
curve expand "100 150 200 300 400" "$bin" --timeout 60 expand -
curve integrate-sum "300 600 1200 2400 3600" "$bin" --timeout 60 integrate - x
for n in 3000 6000 12000 24000 48000; do
  "$python" "$here/workload.py" batch "$n" >"$work/in"
  measure batch "$n" "$bin" batch <"$work/in"
done
if [ "$has_sympy" = 1 ]; then
  for n in 0 100 200 400 800; do
    "$python" "$here/workload.py" batch "$n" >"$work/in"
    measure "batch-sympy" "$n" "$python" "$here/batch_sympy.py" <"$work/in"
  done
fi

# Least-squares slopes of log(time), log(memory) and log(output) against log(size), and
# of log(time) against log(output): a time slope well above 1 with a time-against-output
# slope near 1 is a curve whose answer itself grows faster than the input.
awk -F'\t' 'NR > 1 && $3 >= 0.02 && $2 > 0 {
    k = $1; x = log($2); t = log($3); m = log($4); o = log($6)
    n[k]++; sx[k] += x; sxx[k] += x * x; st[k] += t; sm[k] += m; so[k] += o
    sxt[k] += x * t; sxm[k] += x * m; sxo[k] += x * o; soo[k] += o * o; sot[k] += o * t
  }
  function slope(n, sx, sy, sxx, sxy) { return n * sxx - sx * sx == 0 ? 0 : (n * sxy - sx * sy) / (n * sxx - sx * sx) }
  END {
    for (k in n) {
      if (n[k] < 2) continue
      printf "%-14s %d rows: time slope %.2f, memory %.2f, output %.2f; time against output %.2f\n", k, n[k],
             slope(n[k], sx[k], st[k], sxx[k], sxt[k]), slope(n[k], sx[k], sm[k], sxx[k], sxm[k]),
             slope(n[k], sx[k], so[k], sxx[k], sxo[k]), slope(n[k], so[k], st[k], soo[k], sot[k])
    }
  }' "$tsv" | sort

if command -v gnuplot >/dev/null; then
  gnuplot <<PLOT
set terminal svg size 1200,800
set output "$out/scaling-symbolic.svg"
set multiplot layout 2,2 title "symbolic commands, whole process, processor time and max RSS against size"
set logscale xy
set key left top
set ylabel "processor seconds"
set xlabel "size: nesting depth, terms, factors or degree"
plot for [c in "diff-nest-sin diff-nest-pow diff-sum diff-product expand integrate-sum"] \
  "< awk -F'\t' -v c='".c."' '\$1 == c {print \$2, \$3}' $tsv" using 1:2 with linespoints title c
set ylabel "max RSS (KB)"
plot for [c in "diff-nest-sin diff-nest-pow diff-sum diff-product expand integrate-sum"] \
  "< awk -F'\t' -v c='".c."' '\$1 == c {print \$2, \$4}' $tsv" using 1:2 with linespoints title c
set xlabel "request lines"
set ylabel "processor seconds"
plot for [c in "batch batch-sympy"] \
  "< awk -F'\t' -v c='".c."' '\$1 == c && \$2 > 0 {print \$2, \$3}' $tsv" using 1:2 with linespoints title c
set ylabel "max RSS (KB)"
plot for [c in "batch batch-sympy"] \
  "< awk -F'\t' -v c='".c."' '\$1 == c && \$2 > 0 {print \$2, \$4}' $tsv" using 1:2 with linespoints title c
unset multiplot
PLOT
  echo "plot: $out/scaling-symbolic.svg" >&2
fi
