#!/bin/bash
# `mpirun -np N leibniz train` on loopback (spec §9), one case per call:
#   mpi_train.sh LEIBNIZ COMPARE_MODELS DATA_DIR equal N   N processes train the model of one
#   mpi_train.sh LEIBNIZ COMPARE_MODELS DATA_DIR kill      a rank killed mid-run ends the job;
#                                                          its last checkpoint resumes with N=4
#   mpi_train.sh LEIBNIZ COMPARE_MODELS DATA_DIR resume    3 epochs at N=2, 3 more at N=4 =
#                                                          6 epochs in one process
#   mpi_train.sh LEIBNIZ COMPARE_MODELS DATA_DIR interrupt Ctrl-C on mpirun saves the last
#                                                          finished epoch, as alone
# DIGITS (the shared digits.csv), when set and present, adds it to the equal case.
set -u
leibniz=$1 compare=$2 data=$3 case=$4
digits=${DIGITS:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# As root (CI), on a machine with fewer cores than processes, in a container without
# ptrace rights between processes (vader's single-copy mechanism), over shared memory.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export OMPI_MCA_rmaps_base_oversubscribe=1 OMPI_MCA_btl=self,vader
export OMPI_MCA_btl_vader_single_copy_mechanism=none
export OPENBLAS_NUM_THREADS=1
# Under `make asan`: Open MPI's own leaks at MPI_Finalize are suppressed (lsan.supp), which
# needs whole stacks through its libraries and its components kept loaded. No effect on
# other builds.
export LSAN_OPTIONS="suppressions=$(dirname "$0")/lsan.supp:print_suppressions=0"
export ASAN_OPTIONS=fast_unwind_on_malloc=0
export OMPI_MCA_mca_base_component_disable_dlclose=1 PMIX_MCA_mca_base_component_disable_dlclose=1

fail() {
  echo "FAIL: $*"
  exit 1
}

# Float64 so that the only differences are the order of sums: after 6 epochs of Adam
# (60 steps) the parameters agree to 1e-9 of their tensor's largest value (measured:
# about 1e-14).
train_args=(--data "$data/xor.csv" --header --hidden 8 --activation tanh --lr 0.05 --batch 8
            --dtype float64)
bound=1e-9

case $case in
  equal)
    n=$5
    "$leibniz" train "${train_args[@]}" --quiet --epochs 6 --save "$work/one.safetensors" ||
      fail "one process"
    mpirun -np "$n" "$leibniz" train "${train_args[@]}" --quiet --epochs 6 \
      --save "$work/n.safetensors" ||
      fail "mpirun -np $n"
    "$compare" "$work/one.safetensors" "$work/n.safetensors" $bound || fail "models differ"
    if [[ -f $digits ]]; then  # 64 features, 10 classes, a last batch of 30 rows
      digits_args=(--data "$digits" --hidden 64 --lr 0.003 --epochs 3 --dtype float64 --quiet)
      "$leibniz" train "${digits_args[@]}" --save "$work/d1.safetensors" || fail "digits alone"
      mpirun -np "$n" "$leibniz" train "${digits_args[@]}" --save "$work/dn.safetensors" ||
        fail "digits, mpirun -np $n"
      "$compare" "$work/d1.safetensors" "$work/dn.safetensors" $bound || fail "digits differ"
    fi
    # Rank 0 alone prints: one JSON object.
    out=$(mpirun -np "$n" "$leibniz" train "${train_args[@]}" --epochs 2 --json 2>&1) ||
      fail "--json"
    [[ $(grep -c . <<<"$out") == 1 && $out == '{"ok":true,"epochs":2,'* ]] ||
      fail "expected one JSON object, got: $out"
    ;;
  kill)
    # A long run saving every epoch; rank 1 is killed once a checkpoint exists.
    mpirun -np 2 "$leibniz" train "${train_args[@]}" --quiet --epochs 1000000 --checkpoint-every 1 \
      --save "$work/m.safetensors" >"$work/out" 2>&1 &
    job=$!
    for _ in $(seq 600); do
      [[ -f $work/m.safetensors ]] && break
      sleep 0.1
    done
    [[ -f $work/m.safetensors ]] || fail "no checkpoint was written"
    victim=
    for status_file in /proc/[0-9]*/status; do  # mpirun's children (no procps needed)
      grep -qx "PPid:[[:space:]]*$job" "$status_file" 2>/dev/null || continue
      pid=${status_file#/proc/}
      pid=${pid%/status}
      tr '\0' '\n' <"/proc/$pid/environ" | grep -qx OMPI_COMM_WORLD_RANK=1 && victim=$pid
    done
    [[ -n $victim ]] || fail "rank 1 not found among the children of mpirun"
    started=$(date +%s%N)
    kill -9 "$victim"
    wait $job
    status=$?
    echo "the job ended $((($(date +%s%N) - started) / 1000000)) ms after the kill, status $status"
    cat "$work/out"
    [[ $status != 0 ]] || fail "mpirun reported success"
    grep -q "rank 1 .*exited on signal 9" "$work/out" || fail "no message naming the killed rank"
    # The checkpoint is whole; training resumes from it with another N.
    epoch=$("$leibniz" train "${train_args[@]}" --resume "$work/m.safetensors" --epochs 0 --json |
            sed -n 's/.*"epochs":\([0-9]*\).*/\1/p')
    [[ $epoch -ge 1 ]] || fail "the checkpoint does not load: '$epoch'"
    out=$(mpirun -np 4 "$leibniz" train "${train_args[@]}" --resume "$work/m.safetensors" \
          --epochs 2 --json) || fail "resuming with 4 processes"
    [[ $out == "{\"ok\":true,\"epochs\":$((epoch + 2)),"* ]] || fail "resumed: $out"
    ;;
  resume)
    "$leibniz" train "${train_args[@]}" --quiet --epochs 6 --save "$work/one.safetensors" ||
      fail "one process"
    mpirun -np 2 "$leibniz" train "${train_args[@]}" --quiet --epochs 3 \
      --save "$work/half.safetensors" ||
      fail "first half at N=2"
    mpirun -np 4 "$leibniz" train "${train_args[@]}" --quiet --epochs 3 \
      --resume "$work/half.safetensors" \
      --save "$work/whole.safetensors" || fail "second half at N=4"
    "$compare" "$work/one.safetensors" "$work/whole.safetensors" $bound || fail "models differ"
    ;;
  interrupt)
    # mpirun answers Ctrl-C with SIGTERM to every rank after odls_base_sigkill_timeout
    # seconds (1 by default), and with SIGKILL as long again later: 3 s, as a loaded
    # machine's fsync of the checkpoint can take more than one. --quiet: mpirun stops
    # reading the ranks' output meanwhile, so a rank printing a line per epoch could block.
    OMPI_MCA_odls_base_sigkill_timeout=3 mpirun -np 2 "$leibniz" train "${train_args[@]}" --quiet --epochs 1000000 --checkpoint-every 1 \
      --save "$work/m.safetensors" >"$work/out" 2>&1 &
    job=$!
    for _ in $(seq 600); do
      [[ -f $work/m.safetensors ]] && break
      sleep 0.1
    done
    kill -INT $job
    wait $job
    cat "$work/out"
    said=$(grep -o 'interrupted after epoch [0-9]* of 1000000; saved epoch [0-9]*' "$work/out") ||
      fail "no message saying what was saved"
    epoch=$("$leibniz" train "${train_args[@]}" --resume "$work/m.safetensors" --epochs 0 --json |
            sed -n 's/.*"epochs":\([0-9]*\).*/\1/p')
    [[ $said == *"saved epoch $epoch" ]] || fail "the file holds epoch '$epoch'"
    ;;
  *) fail "unknown case $case" ;;
esac
echo ok
