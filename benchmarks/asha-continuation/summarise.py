#!/usr/bin/env python3
"""Summarises run.sh's studies as the README's table. Per seed and mode: the best validation objective (ties: lowest trial
number, as the leaderboard ranks), that trial's external AUCs, trials completed, training epochs spent (the stored per-epoch
values). For the continuing run also its best within the epochs the restarting run spent (the trials, in order, whose
cumulative epochs stay within them: the sweep stops proposing at the budget but lets the last trial finish, so the two runs
overshoot it by different amounts). Then, per seed, whether the trials both runs share have the same budget, parent and
objective and byte-identical predictions. Usage: summarise.py WORK SEED..."""
import filecmp, glob, json, os, sqlite3, sys

work, seeds = sys.argv[1], sys.argv[2:]


def best(trials):
    return sorted((t for t in trials if t["status"] == "Complete"), key=lambda t: (-t["objective"], t["number"]))[0]


print("| seed | asha-continue | best objective (trial, its epochs) | test-h5 AUC | test-h6 AUC | trials complete | epochs spent | best within the restart's epochs |")
print("|---|---|---|---|---|---|---|---|")
checks = []
for seed in seeds:
    runs = {}
    for c in ("true", "false"):
        [path] = glob.glob(os.path.join(work, "studies", f"asha-continue-{c}-*s{seed}-quick-seed{seed}.db"))
        db = sqlite3.connect(path)
        columns = ("number", "status", "objective", "metrics", "budget", "promoted_from")
        trials = [dict(zip(columns, row)) for row in db.execute(f"select {', '.join(columns)} from trials order by number")]
        for t in trials:
            t["epochs"] = db.execute("select count(*) from intermediate_values where number = ?", (t["number"],)).fetchone()[0]
        runs[c] = (os.path.basename(path)[:-3], trials)
    restart_epochs = sum(t["epochs"] for t in runs["false"][1])
    for c in ("true", "false"):
        name, trials = runs[c]
        b = best(trials)
        metrics = json.loads(b["metrics"])
        within = ""
        if c == "true":
            prefix, spent = [], 0
            for t in trials:
                spent += t["epochs"]
                if spent > restart_epochs:
                    break
                prefix.append(t)
            within = f"{best(prefix)['objective']:.4f} ({len(prefix)} trials, {sum(t['epochs'] for t in prefix)} epochs)"
        print(f"| {seed} | {c} | {b['objective']:.4f} (#{b['number']}, {b['budget']}) | {metrics['test-h5']['auc']:.4f} | {metrics['test-h6']['auc']:.4f} "
              f"| {sum(t['status'] == 'Complete' for t in trials)} of {len(trials)} | {sum(t['epochs'] for t in trials)} | {within} |")
    (tn, t), (fn, f) = runs["true"], runs["false"]
    shared = range(min(len(t), len(f)))
    same = all(t[n]["objective"] == f[n]["objective"] and (t[n]["budget"], t[n]["promoted_from"]) == (f[n]["budget"], f[n]["promoted_from"]) for n in shared)
    same_predictions = all(filecmp.cmp(*(os.path.join(work, "studies", m + ".artefacts", f"trial-{n:05d}", "predictions.tsv") for m in (tn, fn)), shallow=False)
                           for n in shared)
    checks.append(f"seed {seed}: trials 0-{len(shared) - 1} in both runs; same budget, parent and objective: {same}; byte-identical predictions: {same_predictions}")
print()
print("\n".join(checks))
