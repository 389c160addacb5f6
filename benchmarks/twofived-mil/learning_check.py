#!/usr/bin/env python3
"""The MIL learning check of issue 15 over fresh cohorts (run folders of `olnm run --experiment
experiments/twofived-mil.yaml --preset quick --seed S`), standard library only.

For each run: the leaderboard's selected MIL trial (the best mil row by the selection objective, chosen on the
internal-validation cohort only) and its AUC on each external cohort, with the null distribution of the
Mann-Whitney AUC when images carry no signal: mean 0.5, SD sqrt((n1 + n0 + 1) / (12 n1 n0)) (Hanley & McNeil 1982),
z = (AUC - 0.5) / SD, one-sided normal p. The external cohorts of different seeds are independent, so their z
combine by Stouffer's sum / sqrt(k).

usage: learning_check.py DATA_ROOT RUN_DIR [RUN_DIR ...]
  DATA_ROOT: the --data folder (holds quick-seedS/manifest.csv); RUN_DIR: .../twofived-mil-quick-seedS
"""
import csv
import math
import os
import re
import sys


def counts(manifest):
    by = {}
    with open(manifest) as f:
        for row in csv.DictReader(f):
            n1, n0 = by.get(row["cohort"], (0, 0))
            by[row["cohort"]] = (n1 + 1, n0) if row["label"] == "1" else (n1, n0 + 1)
    return by


def p_one_sided(z):
    return 0.5 * math.erfc(z / math.sqrt(2))


def main(data_root, runs):
    zs = []
    print("| seed | selected MIL trial | cohort | n+ / n- | AUC | null SD | z | one-sided p |")
    print("|---|---|---|---|---|---|---|---|")
    for run in runs:
        seed = re.search(r"seed(\d+)", run).group(1)
        n = counts(os.path.join(data_root, f"quick-seed{seed}", "manifest.csv"))
        with open(os.path.join(run, "leaderboard.csv")) as f:
            rows = [r for r in csv.DictReader(f) if r["kind"] == "mil"]
        best = min(rows, key=lambda r: int(r["rank"]))
        params = best["parameters"].replace("augment=rotate+flip, backbone=resnet10-tiny-2d, batch-size=4, ", "")
        for cohort in ("test-h5", "test-h6"):
            auc = float(best[f"{cohort}_auc"])
            n1, n0 = n[cohort]
            sd = math.sqrt((n1 + n0 + 1) / (12 * n1 * n0))
            z = (auc - 0.5) / sd
            zs.append(z)
            print(f"| {seed} | {best['trial']} ({params}) | {cohort} | {n1} / {n0} | {auc:.3f} | {sd:.3f} | {z:.2f} | {p_one_sided(z):.1e} |")
    stouffer = sum(zs) / math.sqrt(len(zs))
    print(f"\nStouffer over {len(zs)} independent external cohorts: z = {stouffer:.2f}, one-sided p = {p_one_sided(stouffer):.1e}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
