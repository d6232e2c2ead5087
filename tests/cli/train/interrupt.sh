#!/usr/bin/env bash
# Ctrl-C during `leibniz train --save`: the epoch under way is abandoned, the last
# finished one is saved (atomically: no temporary file is left) and said so on stderr,
# and the exit status is 128 + the signal. No timing: the signal is sent once the
# first epoch line is printed, and every printed epoch must be the one saved.
# Usage: interrupt.sh LEIBNIZ_BINARY XOR.CSV
set -u
leibniz=$(realpath "$1")
data=$(realpath "$2")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cd "$dir" || exit 1
fail() {
  echo "FAIL: $*"
  echo "--- stdout (tail)"; tail -3 out.txt
  echo "--- stderr"; cat err.txt
  exit 1
}

interrupt() {  # SIGNAL STATUS
  rm -f m.safetensors out.txt err.txt
  "$leibniz" train --data "$data" --header --hidden 8 --epochs 1000000 --save m.safetensors \
    >out.txt 2>err.txt &
  local pid=$!
  until grep -q '^epoch 1/' out.txt; do
    kill -0 "$pid" 2>/dev/null || fail "training ended before the signal"
    sleep 0.05
  done
  kill -"$1" "$pid"
  wait "$pid"
  local status=$?
  [[ $status == "$2" ]] || fail "SIG$1: exit status $status, expected $2"
  local last
  last=$(grep -c '^epoch ' out.txt)
  local expected="interrupted after epoch $last of 1000000; saved epoch $last to m.safetensors"
  [[ $(cat err.txt) == "$expected" ]] || fail "SIG$1: expected '$expected'"
  [[ $(ls) == $'err.txt\nm.safetensors\nout.txt' ]] || fail "SIG$1: files left: $(ls)"
  # The saved model is the last finished epoch: resuming counts on from it.
  "$leibniz" train --data "$data" --header --epochs 1 --resume m.safetensors --json \
    | grep -q "\"epochs\":$((last + 1))," || fail "SIG$1: resuming did not continue at epoch $((last + 1))"
}

interrupt INT 130
interrupt TERM 143

# Interrupted before an epoch finished: the data comes through a pipe, and the signal is
# sent once training has opened it (opening the pipe to write waits for that), before
# any row is written.
rm -f m.safetensors out.txt err.txt
mkfifo data.fifo
# interrupted_on_pipe ARGS...: train reading data.fifo, SIGINT once it has opened the
# pipe, then the data; sets status.
interrupted_on_pipe() {
  "$leibniz" train --data data.fifo --header --hidden 8 --epochs 5 "$@" >out.txt 2>err.txt &
  local pid=$!
  exec 3>data.fifo
  kill -INT "$pid"
  cat "$data" >&3
  exec 3>&-
  wait "$pid"
  status=$?
}
interrupted_on_pipe --save m.safetensors
[[ $status == 130 ]] || fail "pipe: exit status $status, expected 130"
expected="interrupted during epoch 1 of 5; no epoch finished, so m.safetensors was not written"
[[ $(cat err.txt) == "$expected" ]] || fail "pipe: expected '$expected'"
[[ ! -e m.safetensors ]] || fail "pipe: m.safetensors was written"

# The same with --json: the one object says it was interrupted.
interrupted_on_pipe --json
[[ $status == 130 ]] || fail "json: exit status $status, expected 130"
grep -q '^{"ok":true,"epochs":0,.*"interrupted":true}$' out.txt || fail "json: no interrupted object"

echo "interrupt: ok"
