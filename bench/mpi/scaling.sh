#!/bin/bash
# Time per training step of `leibniz train` on the digits at N = 1, 2 and 4 processes
# (mpirun on this machine, 4 oversubscribed on 2 cores), for the MLP of docs/training.md
# (64 hidden) and a larger one (512,512). Each process runs OpenBLAS on one thread.
#   bench/mpi/scaling.sh [BUILD_DIR] [EPOCHS]
set -eu
build=${1:-build}
epochs=${2:-5}
leibniz=$build/leibniz/cli/leibniz
data=$(dirname "$0")/../../../shared/data/digits.csv
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export OMPI_MCA_rmaps_base_oversubscribe=1 OMPI_MCA_btl=self,vader
export OMPI_MCA_btl_vader_single_copy_mechanism=none
export OPENBLAS_NUM_THREADS=1
# 1797 rows, 20% held out: 1438 training rows, 45 steps of 32 an epoch.
steps=$((epochs * 45))
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-9s %-10s %s\n' hidden processes "ms/step"
for hidden in 64 512,512; do
  for n in 1 2 4; do
    launch=()
    [[ $n == 1 ]] || launch=(mpirun -np "$n")
    seconds=$("${launch[@]}" "$leibniz" train --data "$data" --hidden "$hidden" --lr 0.003 \
              --epochs "$epochs" --json | sed -n 's/.*"seconds":\([0-9.]*\).*/\1/p')
    awk -v h="$hidden" -v n="$n" -v s="$seconds" -v k="$steps" 'BEGIN { printf "%-9s %-10s %.3f\n", h, n, s * 1000 / k }'
  done
done
