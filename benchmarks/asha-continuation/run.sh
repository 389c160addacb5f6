#!/bin/bash
# Runs the issue-16 comparison: for each seed S, one synthetic quick cohort (cohort seed S, shared by both runs and by every
# budget) and the experiment with seed S, asha-continue true then false, under the same epoch budget EPOCHS.
# Usage: run.sh OLNM WORK EPOCHS SEED...  (OLNM: the built CLI, e.g. a copy of src/OlnmMl.Cli/bin/Release/net10.0/olnm;
# WORK: a scratch folder; the cohorts go to $DATA, default WORK).
set -euo pipefail
olnm=$1; work=$2; epochs=$3; shift 3
data=${DATA:-$work}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
for seed in "$@"; do
  for c in true false; do
    name=asha-continue-$c-e$epochs-s$seed
    sed -e "s/^seed: 1$/seed: $seed/" -e "s/^name: asha-continue-$c$/name: $name/" -e "s/epochs: 24,/epochs: $epochs,/" \
      "$here/asha-continue-$c.yaml" > "$work/$name.yaml"
    start=$(date +%s)
    nice -n 10 "$olnm" run --experiment "$work/$name.yaml" --preset quick --data "$data/data-s$seed" \
      --out "$work/out" --studies "$work/studies" --seed "$seed" > "$work/run-$name.log" 2>&1
    echo "seed $seed continue $c epochs $epochs: $(( $(date +%s) - start )) s" | tee -a "$work/times.txt"
    # The training states (about 5x a model each) are only needed while the sweep runs.
    find "$work/studies" -name training-state.bin -delete
  done
done
