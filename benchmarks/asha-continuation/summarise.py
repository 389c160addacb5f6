#!/usr/bin/env python3
"""Summarises run.sh's studies as the README's table: per seed and mode the best validation objective (ties: lowest trial
number, as the leaderboard ranks), that trial's external AUCs, trials completed, training epochs spent (stored per-epoch
values), and whether the trials both runs share have identical objectives and byte-identical predictions.
Usage: summarise.py WORK SEED..."""
import filecmp, glob, json, os, sqlite3, sys

work, seeds = sys.argv[1], sys.argv[2:]
print("| seed | asha-continue | best objective (trial) | test-h5 AUC | test-h6 AUC | trials complete | epochs spent |")
print("|---|---|---|---|---|---|---|")
checks = []
for seed in seeds:
    runs = {}
    for c in ("true", "false"):
        [path] = glob.glob(os.path.join(work, "studies", f"asha-continue-{c}-*s{seed}-quick-seed{seed}.db"))
        name = os.path.basename(path)[:-3]
        db = sqlite3.connect(path)
        trials = db.execute("select number, status, objective, metrics, budget, promoted_from from trials order by number").fetchall()
        epochs = db.execute("select count(*) from intermediate_values").fetchone()[0]
        complete = [t for t in trials if t[1] == "Complete"]
        best = sorted(complete, key=lambda t: (-t[2], t[0]))[0]
        metrics = json.loads(best[3])
        runs[c] = (name, {t[0]: t for t in trials})
        print(f"| {seed} | {c} | {best[2]:.4f} (#{best[0]}, {best[4]} epochs) | {metrics['test-h5']['auc']:.4f} | {metrics['test-h6']['auc']:.4f} "
              f"| {len(complete)} of {len(trials)} | {epochs} |")
    (tn, t), (fn, f) = runs["true"], runs["false"]
    shared = sorted(set(t) & set(f))
    same_objective = all(t[n][2] == f[n][2] and t[n][4:] == f[n][4:] for n in shared)
    same_predictions = all(filecmp.cmp(*(os.path.join(work, "studies", m + ".artefacts", f"trial-{n:05d}", "predictions.tsv") for m in (tn, fn)), shallow=False)
                           for n in shared)
    checks.append(f"seed {seed}: trials 0-{shared[-1]} in both runs; same budget/parent/objective: {same_objective}; byte-identical predictions: {same_predictions}")
print()
print("\n".join(checks))
