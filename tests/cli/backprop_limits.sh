#!/usr/bin/env bash
# backprop and gradcheck keep their limits on a generated 100,000-step model, and a
# picture interrupted by SIGINT or SIGTERM, or stopped by the time limit, leaves no
# file behind. No timing is asserted: only that each run ends with a limit error (or
# the signal) and what is left in the folder.
# Usage: backprop_limits.sh LEIBNIZ_BINARY
set -uo pipefail
set -m  # background jobs keep the default SIGINT action (not ignored as in scripts)
leibniz=$(realpath "$1")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
only_models_left() {
  local left
  left=$(ls -A | grep -v '\.lz$')
  [ -z "$left" ] || fail "$1: files left behind: $left"
}

model() {  # model STEPS: a recurrent chain of STEPS steps, STEPS + 3 nodes
  printf 'const T = %d\nparam w = 0.5\ninput h[0] = 0\nfor t = 1..T\n  h[t] = h[t-1]*w + 1\nend\nloss L = h[T]^2\n' "$1"
}
model 100000 > long.lz
model 990 > wide.lz

expect() {  # expect NAME WANTED_OUTPUT WANTED_STATUS COMMAND...
  local name=$1 wanted=$2 status=$3 out rc
  shift 3
  out=$("$@" 2>&1)
  rc=$?
  [ "$rc" = "$status" ] || fail "$name: exit status $rc, not $status"
  [[ $out == *"$wanted"* ]] || fail "$name: output does not contain '$wanted': ${out:0:300}"
}

# The phase the limit strikes in depends on the machine's speed (a sanitized build is
# slower), and a phase reading the model names its line: match the sentence only.
limit_json='the computation took longer than the time limit of 0.05 s","pos"'
limit_text='the computation took longer than the time limit of 0.05 s'
expect "backprop --json" "$limit_json" 2 "$leibniz" --timeout 0.05 backprop long.lz --json
expect "backprop" "$limit_text" 2 "$leibniz" --timeout 0.05 backprop long.lz
expect "backprop --symbolic" "$limit_text" 2 "$leibniz" --timeout 0.05 backprop long.lz --symbolic
expect "backprop --epochs" "$limit_text" 2 "$leibniz" --timeout 0.05 backprop long.lz --lr 0.1 --epochs 100
expect "gradcheck --json" "$limit_json" 2 "$leibniz" --timeout 0.05 gradcheck long.lz --json
expect "backprop --dot" "$limit_text" 2 "$leibniz" --timeout 0.05 backprop long.lz --dot g.dot
only_models_left "timed out"

expect "picture size" "leibniz: limit error: the graph has 100003 nodes; Graphviz draws pictures of at most 1000 nodes (--dot writes the graph without drawing it)" 2 "$leibniz" --timeout 600 backprop long.lz --png g.png
expect "drawing past the time limit" "$limit_text" 2 "$leibniz" --timeout 0.05 backprop wide.lz --png g.png
only_models_left "picture refused"

running() {  # running PID: alive and not a zombie, after a moment to die
  for _ in $(seq 50); do
    [[ $(ps -o stat= -p "$1" 2>/dev/null) == [^Z]* ]] || return 1
    sleep 0.1
  done
}

# Interrupted while Graphviz draws (or before, if it is not running yet): the process
# ends by the signal, Graphviz with it, and no .dot, .tmp or picture is left.
for signal in INT TERM; do
  "$leibniz" --timeout 120 backprop wide.lz --png g.png --svg g.svg >/dev/null 2>&1 &
  pid=$!
  drawing=""
  for _ in $(seq 200); do
    drawing=$(pgrep -P "$pid" -x dot) && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  kill -s "$signal" "$pid" 2>/dev/null
  wait "$pid"
  rc=$?
  [ "$rc" -gt 128 ] || [ -z "$drawing" ] || fail "SIG$signal: exit status $rc, not the signal's"
  [ -z "$drawing" ] || ! running "$drawing" || fail "SIG$signal: Graphviz still runs"
  only_models_left "SIG$signal"
  if [ -n "$drawing" ]; then echo "SIG$signal sent while Graphviz drew"; else echo "SIG$signal sent before Graphviz started"; fi
done

[ "$failures" = 0 ] && echo "backprop limits: all passed"
exit $((failures > 0))
