"""Joins two trials' predictions.tsv (study artefacts) on case_id into one CSV for `olnm stats roc --compare`.

usage: python3 pair.py A/predictions.tsv B/predictions.tsv out.csv
Columns: cohort, case_id, label, a (trial A's probability), b (trial B's). Only non-training cohorts are kept.
"""
import csv
import sys


def read(path):
    with open(path, newline="") as f:
        return {row["case_id"]: row for row in csv.DictReader(f, delimiter="\t")}


a, b = read(sys.argv[1]), read(sys.argv[2])
if a.keys() != b.keys():
    sys.exit(f"{sys.argv[2]}: scores other cases than {sys.argv[1]}")
with open(sys.argv[3], "w", newline="") as f:
    out = csv.writer(f)
    out.writerow(["cohort", "case_id", "label", "a", "b"])
    for case, row in a.items():
        if row["cohort"] != "train":
            out.writerow([row["cohort"], case, row["label"], row["probability"], b[case]["probability"]])
