#!/bin/sh
# Runs the issue-6 workloads T1, T2, T3 through leibniz and PyTorch (Debian's
# python3-torch, installed here when missing), each with 1 and 2 threads, and prints
# the best median of each side, the ratio and the peak memory (resident set).
#   bench/tensor/run.sh            (from the repository root; BUILD=dir to choose the build folder)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD:-$root/build-bench}

"$root/bench/install-peers.sh" python3-torch

# Build bench_tensor: a small wrapper project around the repository, so this works
# whether or not the top-level CMakeLists adds bench/tensor.
wrapper=$build/wrapper
mkdir -p "$wrapper"
cat > "$wrapper/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.25)
project(leibniz_bench CXX)
set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
add_subdirectory($root leibniz)
if(NOT TARGET bench_tensor)
  add_subdirectory($root/bench/tensor bench)
endif()
CMAKE
cmake -S "$wrapper" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLEIBNIZ_TESTS=OFF >/dev/null
cmake --build "$build" --target bench_tensor -j 2 | grep -v -e '^\[' -e 'no work to do' || true
test -x "$build/bench/bench_tensor" || test -n "$(find "$build" -name bench_tensor -type f)"
bench=$(find "$build" -name bench_tensor -type f -perm -u+x | head -n 1)

ours() { OPENBLAS_NUM_THREADS=$2 "$bench" "$1"; }
theirs() { OMP_NUM_THREADS=$2 /usr/bin/python3 "$root/bench/tensor/bench_torch.py" "$1" "$2"; }

# Each side runs REPEAT times (3) with 1 and with 2 threads, the two sides alternating so
# that a busy machine slows both alike; each keeps its smallest median.
printf '%-4s %14s %9s %14s %9s %8s %14s %14s\n' task leibniz_us thr pytorch_us thr speedup leibniz_MiB pytorch_MiB
for t in T1 T2 T3; do
  runs_ours="" runs_theirs=""
  for rep in $(seq "${REPEAT:-3}"); do
    for threads in 1 2; do
      runs_ours="$runs_ours$(ours "$t" "$threads") threads $threads
"
      runs_theirs="$runs_theirs$(theirs "$t" "$threads") threads $threads
"
    done
  done
  a=$(printf '%s' "$runs_ours" | sort -g -k3 | head -n 1)
  b=$(printf '%s' "$runs_theirs" | sort -g -k3 | head -n 1)
  echo "$a $b" | awk '{printf "%-4s %14.1f %9s %14.1f %9s %7.1fx %14.1f %14.1f\n", $1, $3, $7, $10, $14, $10/$3, $5, $12}'
done
