#!/usr/bin/env bash
# Golden CLI tests: runs each "$ command" of a transcript (or of the ```console blocks
# of a Markdown file) and compares what it prints, stdout and stderr together, plus
# "[exit N]" for a non-zero status, with the lines that follow it.
# Usage: run_transcript.sh LEIBNIZ_BINARY FILE [--update]
set -uo pipefail
binary=$1
file=$(realpath "$2")
update=${3:-}
bindir=$(mktemp -d)
trap 'rm -rf "$bindir"' EXIT
ln -s "$(realpath "$binary")" "$bindir/leibniz"
export PATH="$bindir:$PATH" LC_ALL=C.UTF-8
cd "$(dirname "$(realpath "$file")")"

in_block=0
markdown=0
[[ $file == *.md ]] && markdown=1
commands=()
expected=()
current=-1
while IFS= read -r line || [[ -n $line ]]; do
  if ((markdown)); then
    if [[ $line == '```console' ]]; then in_block=1; continue; fi
    if [[ $line == '```' && $in_block == 1 ]]; then in_block=0; continue; fi
    ((in_block)) || continue
  fi
  if [[ $line == '$ '* ]]; then
    current=${#commands[@]}
    commands+=("${line:2}")
    expected+=("")
  elif ((current >= 0)); then
    expected[current]+="$line"$'\n'
  fi
done < "$file"

failures=0
output=""
for i in "${!commands[@]}"; do
  actual=$(bash -c "${commands[i]}" 2>&1)
  status=$?
  [[ -n $actual ]] && actual+=$'\n'
  ((status != 0)) && actual+="[exit $status]"$'\n'
  output+="\$ ${commands[i]}"$'\n'"$actual"
  if [[ "$actual" != "${expected[i]}" ]]; then
    failures=$((failures + 1))
    echo "FAIL: \$ ${commands[i]}"
    diff <(printf '%s' "${expected[i]}") <(printf '%s' "$actual") | head -40
  fi
done
if [[ $update == --update && $markdown == 0 ]]; then
  printf '%s' "$output" > "$file"
  echo "updated $file"
  exit 0
fi
echo "${#commands[@]} commands, $failures failed"
((failures == 0))
