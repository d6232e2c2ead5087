#!/usr/bin/env bash
# `leibniz batch` against SymPy (batch_sympy.py) on the same stream of derivative
# requests (workload.py batch), in one run: processor time (user + system, rusage.py) of
# the whole process, for N lines and for none (the start-up), each taken as the best of
# RUNS runs (the machine is shared: the best is the least disturbed). Per line is
# (time(N) - time(0)) / N. SymPy takes a shorter stream (it is about 500 times slower);
# its first M lines are the same requests. A second binary (BASE) runs beside, for a
# before/after in the same minutes.
#   bench/scaling/batch_vs_sympy.sh [BIN] [BASE]   (N=48000 M=800 RUNS=3 by default)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../../build/leibniz/cli/leibniz}
base=${2:-}
n=${N:-48000}
m=${M:-800}
runs=${RUNS:-3}
python=${PYTHON:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 "$here/workload.py" batch "$n" >"$work/in"
/usr/bin/python3 "$here/workload.py" batch "$m" >"$work/in-sympy"
: >"$work/none"

# best INPUT COMMAND...: the least processor time of $runs runs, in seconds.
best() {
  local input=$1
  shift
  local t b=""
  for _ in $(seq "$runs"); do
    t=$(/usr/bin/python3 "$here/rusage.py" "$@" <"$input" 2>&1 >/dev/null | tail -1 | cut -d' ' -f1)
    b=$(/usr/bin/python3 -c "print(min(float('$t'), float('${b:-inf}')))")
  done
  echo "$b"
}

report() {  # NAME BIN
  local full none
  full=$(best "$work/in" "$2" batch)
  none=$(best "$work/none" "$2" batch)
  /usr/bin/python3 -c "
full, none, n = $full, $none, $n
print(f'$1: {n} lines {full:.3f} s, start-up {none*1e3:.1f} ms, '
      f'{(full - none) / n * 1e6:.2f} us a line, {n / full:,.0f} lines/s whole process')"
  echo "$full $none" >"$work/$1"
}

report leibniz "$bin"
[ -n "$base" ] && report base "$base"
"$python" -c 'import sympy' 2>/dev/null || {
  echo "SymPy is not installed for $python" >&2
  exit 0
}
sympy_full=$(best "$work/in-sympy" "$python" "$here/batch_sympy.py")
sympy_none=$(best "$work/none" "$python" "$here/batch_sympy.py")
small=$(best "$work/in-sympy" "$bin" batch)
read -r full none <"$work/leibniz"
/usr/bin/python3 -c "
sf, sn, m = $sympy_full, $sympy_none, $m
full, none, n, small = $full, $none, $n, $small
sympy_line = (sf - sn) / m
line = (full - none) / n
print(f'SymPy: {m} lines {sf:.3f} s, start-up {sn:.3f} s, {sympy_line * 1e3:.2f} ms a line')
print(f'per line: SymPy / leibniz = {sympy_line / line:.0f}x')
print(f'whole process on the same {m} lines: SymPy {sf:.3f} s, leibniz {small:.4f} s: {sf / small:.0f}x')"
