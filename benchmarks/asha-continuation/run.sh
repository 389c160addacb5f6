#!/bin/bash
# Runs the issue-16 comparison: for each seed S, one synthetic quick cohort (cohort seed S, shared by both runs) and the
# experiment with seed S, asha-continue true then false, under the same epoch budget. Usage: run.sh OLNM WORK SEED...
# (OLNM: the built CLI, e.g. a copy of src/OlnmMl.Cli/bin/Release/net10.0/olnm; WORK: a scratch folder).
set -euo pipefail
olnm=$1; work=$2; shift 2
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
for seed in "$@"; do
  for c in true false; do
    sed -e "s/^seed: 1$/seed: $seed/" -e "s/^name: asha-continue-$c$/name: asha-continue-$c-s$seed/" "$here/asha-continue-$c.yaml" > "$work/asha-continue-$c-s$seed.yaml"
    start=$(date +%s)
    nice -n 10 "$olnm" run --experiment "$work/asha-continue-$c-s$seed.yaml" --preset quick --data "$work/data-s$seed" \
      --out "$work/out" --studies "$work/studies" --seed "$seed" > "$work/run-$c-s$seed.log" 2>&1
    echo "seed $seed continue $c: $(( $(date +%s) - start )) s" | tee -a "$work/times.txt"
    # The training states (about 5x a model each) are only needed while the sweep runs.
    find "$work/studies" -name training-state.bin -delete
  done
done
