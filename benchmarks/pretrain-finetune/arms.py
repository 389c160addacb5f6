"""Scratch vs fine-tuned arms of a pretrain-finetune study: per-trial AUCs, arm means, arm ensembles, paired DeLong.

usage: python3 arms.py STUDY.db [STUDY.db ...]

A study's trials are grouped into arms by their parameters without `replicate` (which only changes the trial seed); the arm
with pretrained=false is the reference. For every study and every evaluation cohort it prints:
  - each arm's mean per-trial AUC over its replicates, and the mean paired difference to scratch (replicate r vs replicate r)
    with a paired t statistic over the replicates;
  - each arm's ensemble (the mean probability of its replicates, per case) AUC, and the paired DeLong test (two-sided) of the
    fine-tuned ensemble against the scratch ensemble on the same cases;
  - the mean per-trial AUC difference tested with case sampling: each replicate's AUC is a U-statistic, so the arm's mean
    trial AUC is one too, with structural components the replicates' mean V10/V01; the paired DeLong test of these means
    (the expected AUC of one model trained by the arm's recipe, for these trial seeds) against scratch's;
  - the validation-selected trial of each arm (its best validation AUC, as the study itself selects) against scratch's,
    paired DeLong.
Finally, per arm, Stouffer's combination of the signed DeLong z of the ensemble comparisons and of the mean-trial-AUC
comparisons over all external cohorts of all studies given (independent cohorts, so Z = sum z / sqrt(k)).
DeLong, DeLong & Clarke-Pearson (1988): V10/V01 structural components, S = S10/m + S01/n, z = (A1 - A2) / sqrt(var);
implemented here in plain Python (no third-party package), independently of OlnmMl's C# implementation.
"""
import csv
import json
import math
import os
import sqlite3
import sys
from collections import defaultdict

EXTERNAL = ("test-h5", "test-h6")


def mean(values):
    values = list(values)
    return sum(values) / len(values)


def sd(values):
    m = mean(values)
    return math.sqrt(sum((v - m) ** 2 for v in values) / (len(values) - 1))


def covariance(x, y):
    mx, my = mean(x), mean(y)
    return sum((a - mx) * (b - my) for a, b in zip(x, y)) / (len(x) - 1)


def components(labels, scores):
    """V10 (per positive) and V01 (per negative) of the Mann-Whitney AUC, ties counted 1/2."""
    pos = [s for l, s in zip(labels, scores) if l == 1]
    neg = [s for l, s in zip(labels, scores) if l == 0]
    psi = [[1.0 if p > n else 0.5 if p == n else 0.0 for n in neg] for p in pos]
    return [mean(row) for row in psi], [mean(column) for column in zip(*psi)]


def auc(labels, scores):
    return mean(components(labels, scores)[0])


def delong(labels, a, b):
    return delong_of_components(components(labels, a), components(labels, b))


def averaged_components(labels, replicates):
    """The replicates' mean V10 and V01: the structural components of their mean AUC."""
    parts = [components(labels, scores) for scores in replicates]
    return [mean(values) for values in zip(*(p[0] for p in parts))], [mean(values) for values in zip(*(p[1] for p in parts))]


def delong_of_components(first, second):
    (v10a, v01a), (v10b, v01b) = first, second
    auc_a, auc_b = mean(v10a), mean(v10b)
    var = sum(
        (covariance(x, x) + covariance(y, y) - 2 * covariance(x, y)) / len(x)
        for x, y in ((v10a, v10b), (v01a, v01b)))
    z = (auc_a - auc_b) / math.sqrt(var) if var > 0 else 0.0
    return auc_a, auc_b, z, math.erfc(abs(z) / math.sqrt(2))


def average(columns):
    """The per-case mean of several score lists."""
    return [mean(values) for values in zip(*columns)]


def read_study(db):
    artefacts = db[:-3] + ".artefacts"
    if not os.path.isfile(db):
        sys.exit(f"{db}: no such study database")
    rows = sqlite3.connect(f"file:{db}?mode=ro", uri=True).execute("select number, parameters from trials where status = 'Complete' order by number").fetchall()
    arms = defaultdict(dict)
    for number, parameters in rows:
        p = json.loads(parameters)
        replicate = p.pop("replicate", "1")
        arm = ", ".join(f"{k}={v}" for k, v in sorted(p.items()) if k not in ("trial", "backbone", "learning-rate", "augment"))
        with open(f"{artefacts}/trial-{number:05d}/predictions.tsv", newline="") as f:
            predictions = {r["case_id"]: r for r in csv.DictReader(f, delimiter="\t")}
        arms[arm][replicate] = (number, predictions)
    return arms


def cohort_arrays(predictions, cohort):
    cases = sorted(c for c, r in predictions.items() if r["cohort"] == cohort)
    return cases, [int(predictions[c]["label"]) for c in cases], [float(predictions[c]["probability"]) for c in cases]


def main(dbs):
    stouffer = defaultdict(list)
    stouffer_mean = defaultdict(list)
    for db in dbs:
        arms = read_study(db)
        scratch = next(a for a in arms if "pretrained=false" in a)
        # each arm's trial (number, predictions) with the best validation AUC, as the study itself selects
        selected = {arm: max(trials.values(), key=lambda trial: auc(*cohort_arrays(trial[1], "validation")[1:])) for arm, trials in arms.items()}
        print(f"\n## {db}")
        for cohort in ("validation",) + EXTERNAL:
            print(f"\n### {cohort}")
            print("| arm | trials | mean trial AUC | mean paired Δ (t) | mean Δ, DeLong z, p | ensemble AUC | ensemble Δ, DeLong z, p | selected trial AUC | selected Δ, p |")
            print("|---|---|---|---|---|---|---|---|---|")
            reference = arms[scratch]
            ref_cases, labels, _ = cohort_arrays(next(iter(reference.values()))[1], cohort)

            def scores(arm):
                return {r: cohort_arrays(p, cohort)[2] for r, (_, p) in arms[arm].items()}

            ref_scores = scores(scratch)
            ref_ensemble = average(ref_scores.values())
            ref_selected_scores = cohort_arrays(selected[scratch][1], cohort)[2]
            for arm in sorted(arms, key=lambda a: (a != scratch, a)):
                arm_scores = scores(arm)
                if cohort_arrays(next(iter(arms[arm].values()))[1], cohort)[0] != ref_cases:
                    sys.exit(f"{db}: arm {arm} scores other {cohort} cases than scratch")
                trial_aucs = {r: auc(labels, s) for r, s in arm_scores.items()}
                ensemble = average(arm_scores.values())
                chosen = selected[arm]
                chosen_scores = cohort_arrays(chosen[1], cohort)[2]
                line = f"| {arm} | {len(arm_scores)} | {mean(trial_aucs.values()):.3f} | "
                if arm == scratch:
                    line += f"— | — | {auc(labels, ensemble):.3f} | — | {auc(labels, chosen_scores):.3f} (trial {chosen[0]}) | — |"
                else:
                    diffs = [trial_aucs[r] - auc(labels, ref_scores[r]) for r in trial_aucs if r in ref_scores]
                    spread = sd(diffs) if len(diffs) > 1 else 0.0
                    t = mean(diffs) / (spread / math.sqrt(len(diffs))) if spread > 0 else float("nan")
                    _, _, mz, mp = delong_of_components(
                        averaged_components(labels, arm_scores.values()), averaged_components(labels, ref_scores.values()))
                    a, b, z, p = delong(labels, ensemble, ref_ensemble)
                    sa, sb, _, sp = delong(labels, chosen_scores, ref_selected_scores)
                    line += f"{mean(diffs):+.3f} (t {t:.2f}, {len(diffs)} pairs) | z {mz:.2f}, p {mp:.3f} | {a:.3f} | {a - b:+.3f}, z {z:.2f}, p {p:.3f} | "
                    line += f"{sa:.3f} (trial {chosen[0]}) | {sa - sb:+.3f}, p {sp:.3f} |"
                    if cohort in EXTERNAL:
                        stouffer[arm].append(z)
                        stouffer_mean[arm].append(mz)
                print(line)
    for title, table in (("ensemble vs scratch ensemble", stouffer), ("mean trial AUC vs scratch's", stouffer_mean)):
        print(f"\n### Stouffer over the external cohorts of all studies ({title})")
        for arm, zs in table.items():
            combined = sum(zs) / math.sqrt(len(zs))
            print(f"- {arm}: z = {', '.join(f'{z:.2f}' for z in zs)}; combined Z = {combined:.2f}, "
                  f"one-sided p (fine-tuned better) = {0.5 * math.erfc(combined / math.sqrt(2)):.4f}")


if __name__ == "__main__":
    main(sys.argv[1:])
