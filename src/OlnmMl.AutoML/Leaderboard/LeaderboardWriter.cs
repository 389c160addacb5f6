using System.Globalization;
using System.Text;
using OlnmMl.AutoML.Experiments;
using OlnmMl.Evaluation.Reports;
using OlnmMl.Evaluation.Thresholds;

namespace OlnmMl.AutoML.Leaderboard;

/// <summary>Renders a <see cref="LeaderboardTable"/> as CSV (one row per trial, every number) and as Markdown (notes,
/// a ranking table, and a threshold-metrics table per cohort). A table with a reference (<see cref="LeaderboardTable.Reference"/>)
/// also shows the reference's AUC per cohort and each model's share of the attainable lift: extra CSV columns at the end,
/// a reference row and a lift-share section in the Markdown, and a note saying what the reference is.</summary>
public static class LeaderboardWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>CSV with a header row; cohort columns are prefixed by the cohort name.</summary>
    public static string ToCsv(LeaderboardTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var cohorts = table.SelectionCohorts.Concat(table.ExternalCohorts).ToArray();
        var header = new List<string> { "rank", "trial", "kind", "parameters", "objective", "fit_seconds", "peak_memory_mb", "aauc", "aauc_sd", "training_cohort", "cutoff" };
        foreach (var c in cohorts)
        {
            header.AddRange(new[] { "role", "n", "auc", "auc_lower", "auc_upper", "sensitivity", "specificity", "ppv", "npv", "brier", "calibration_slope", "delong_p", "delong_p_bh" }
                .Select(m => $"{c}_{m}"));
        }

        if (table.Reference is { } reference)
        {
            header.AddRange(cohorts.SelectMany(c => new[] { $"{c}_{reference.Name}_auc", $"{c}_lift_share" }));
            header.AddRange([$"{reference.Name}_aauc", "lift_share_mean"]);
        }

        var s = new StringBuilder().AppendLine(string.Join(',', header.Select(Csv)));
        foreach (var row in table.Rows)
        {
            var fields = new List<string>
            {
                Num(row.Rank), Num(row.Trial.Number), Kind(row), row.Trial.Parameters.ToString(), Num(row.Trial.Objective ?? double.NaN),
                Num(row.Trial.Duration.TotalSeconds), Num(row.Trial.PeakMemoryBytes / (1024.0 * 1024.0)),
                Num(row.AverageAuc.Mean), Num(row.AverageAuc.StandardDeviation), row.TrainingCohort, Num(row.Cutoff),
            };
            foreach (var c in cohorts)
            {
                if (row.Cells.TryGetValue(c, out var cell))
                {
                    var m = cell.Metrics;
                    var t = m.AtTrainingCutoff;
                    fields.AddRange([
                        cell.Role.ToString(), Num(m.Auc.Positives + m.Auc.Negatives), Num(m.Auc.Auc), Num(m.Auc.CiLower), Num(m.Auc.CiUpper),
                        Num(t.Sensitivity.Estimate), Num(t.Specificity.Estimate), Num(t.PositivePredictiveValue.Estimate), Num(t.NegativePredictiveValue.Estimate),
                        Num(m.BrierScore), Num(m.Calibration?.Slope ?? double.NaN), Num(cell.DeLongP), Num(cell.DeLongPAdjusted),
                    ]);
                }
                else
                {
                    fields.AddRange(Enumerable.Repeat(string.Empty, 13));
                }
            }

            if (table.Reference is { } r)
            {
                fields.AddRange(cohorts.SelectMany(c => new[] { Num(r.Aucs[c]), row.Cells.TryGetValue(c, out var cell) ? Num(cell.LiftShare) : string.Empty }));
                fields.AddRange([Num(r.AverageAuc), Num(row.AverageLiftShare)]);
            }

            s.AppendLine(string.Join(',', fields.Select(Csv)));
        }

        return s.ToString();
    }

    /// <summary>Markdown: notes, the ranking (AUC (95% CI) and the BH-adjusted p against the rank-1 model per cohort, aAUC (SD), fit time), then
    /// sensitivity/specificity/PPV/NPV at the training cut-off, Brier and calibration slope per cohort.</summary>
    public static string ToMarkdown(LeaderboardTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var cohorts = table.SelectionCohorts.Select(c => (Name: c, Tag: "selection")).Concat(table.ExternalCohorts.Select(c => (Name: c, Tag: "external"))).ToArray();
        var s = new StringBuilder();
        s.Append("# Leaderboard: ").AppendLine(table.Study).AppendLine();
        foreach (var note in table.Notes.Concat(ReferenceNotes(table.Reference)))
        {
            s.Append("- ").AppendLine(note);
        }

        s.AppendLine();
        s.Append("| rank | trial | kind | parameters | ").Append(Objective(table.Objective)).Append(" (selection) | ");
        foreach (var (name, tag) in cohorts)
        {
            s.Append(name).Append(" AUC (95% CI) [").Append(tag).Append("] | p (BH) | ");
        }

        s.AppendLine("aAUC (SD) | fit time |");
        s.Append("|---|---|---|---|---|").Append(string.Concat(Enumerable.Repeat("---|---|", cohorts.Length))).AppendLine("---|---|");
        if (table.Reference is { } reference)
        {
            s.Append("| — | — | ").Append(reference.Name).Append(" | (see notes) | — | ");
            foreach (var (name, _) in cohorts)
            {
                s.Append(F3(reference.Aucs[name])).Append(" | — | ");
            }

            s.Append(F3(reference.AverageAuc)).AppendLine(" | — |");
        }

        foreach (var row in table.Rows)
        {
            s.Append("| ").Append(Num(row.Rank)).Append(" | ").Append(Num(row.Trial.Number)).Append(" | ").Append(Kind(row)).Append(" | ")
                .Append(Parameters(row)).Append(" | ").Append(F3(row.Trial.Objective ?? double.NaN)).Append(" | ");
            foreach (var (name, _) in cohorts)
            {
                if (row.Cells.TryGetValue(name, out var cell))
                {
                    var auc = cell.Metrics.Auc;
                    s.Append(F3(auc.Auc)).Append(" (").Append(F3(auc.CiLower)).Append("–").Append(F3(auc.CiUpper)).Append(')')
                        .Append(cell.IsReference ? " **reference**" : string.Empty).Append(" | ").Append(cell.IsReference ? "—" : P(cell.DeLongPAdjusted)).Append(" | ");
                }
                else
                {
                    s.Append("— | — | ");
                }
            }

            s.Append(F3(row.AverageAuc.Mean)).Append(" (").Append(F3(row.AverageAuc.StandardDeviation)).Append(") | ")
                .Append(row.Trial.Duration.TotalSeconds.ToString("F1", Invariant)).AppendLine(" s |");
        }

        AppendLiftShares(s, table, cohorts.Select(c => c.Name).ToArray());
        s.AppendLine().AppendLine("## At the training-fixed Youden cut-off").AppendLine();
        s.AppendLine("| rank | trial | cohort | cut-off | sensitivity | specificity | PPV | NPV | Brier | calibration slope |");
        s.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var row in table.Rows)
        {
            foreach (var (name, _) in cohorts)
            {
                if (row.Cells.TryGetValue(name, out var cell))
                {
                    ThresholdPerformance t = cell.Metrics.AtTrainingCutoff;
                    s.Append("| ").Append(Num(row.Rank)).Append(" | ").Append(Num(row.Trial.Number)).Append(" | ").Append(name).Append(" | ")
                        .Append(F3(row.Cutoff)).Append(" | ").Append(F3(t.Sensitivity.Estimate)).Append(" | ").Append(F3(t.Specificity.Estimate))
                        .Append(" | ").Append(F3(t.PositivePredictiveValue.Estimate)).Append(" | ").Append(F3(t.NegativePredictiveValue.Estimate))
                        .Append(" | ").Append(F3(cell.Metrics.BrierScore)).Append(" | ").Append(F3(cell.Metrics.Calibration?.Slope ?? double.NaN)).AppendLine(" |");
                }
            }
        }

        return s.ToString();
    }

    /// <summary>
    /// Writes leaderboard.csv and leaderboard.md into <paramref name="directory"/>, the pair all or nothing: both are
    /// written and fsynced under temporary names first (<see cref="DurableFile"/>), and only when both are complete
    /// are they renamed into place, so a full disk leaves the previous pair, never a new CSV beside an old Markdown.
    /// Throws <see cref="OlnmUserException"/> naming the file that could not be written.
    /// </summary>
    public static (string Csv, string Markdown) WriteFiles(LeaderboardTable table, string directory)
    {
        var csv = Path.GetFullPath(Path.Combine(directory, "leaderboard.csv"));
        var markdown = Path.GetFullPath(Path.Combine(directory, "leaderboard.md"));
        var pending = new[] { (Target: csv, Text: ToCsv(table)), (Target: markdown, Text: ToMarkdown(table)) }
            .Select(f => (f.Target, f.Text, Temporary: Path.Combine(Path.GetDirectoryName(f.Target)!, $".{Path.GetFileName(f.Target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.pending")))
            .ToArray();
        try
        {
            foreach (var file in pending)
            {
                DurableFile.WriteAllText(file.Temporary, file.Text);
            }

            foreach (var file in pending)
            {
                File.Move(file.Temporary, file.Target, overwrite: true);
            }
        }
        finally
        {
            foreach (var file in pending)
            {
                File.Delete(file.Temporary);
            }
        }

        return (csv, markdown);
    }

    private static IEnumerable<string> ReferenceNotes(ReferenceAucs? reference) => reference is null
        ? []
        : [
            $"{reference.Name}: {reference.Description} Its row gives its AUC on each cohort's cases: the ceiling of the ranking.",
            $"Lift share: (AUC − 0.5) / ({reference.Name} AUC − 0.5) per cohort, the share of the attainable lift above chance a model reaches; mean over its cohorts.",
        ];

    private static void AppendLiftShares(StringBuilder s, LeaderboardTable table, IReadOnlyList<string> cohorts)
    {
        if (table.Reference is not { } reference)
        {
            return;
        }

        s.AppendLine().Append("## Share of the attainable lift, (AUC − 0.5) / (").Append(reference.Name).AppendLine(" AUC − 0.5)").AppendLine();
        s.Append("| rank | trial | kind | ").Append(string.Concat(cohorts.Select(c => c + " | "))).AppendLine("mean |");
        s.Append("|---|---|---|").Append(string.Concat(Enumerable.Repeat("---|", cohorts.Count))).AppendLine("---|");
        foreach (var row in table.Rows)
        {
            s.Append("| ").Append(Num(row.Rank)).Append(" | ").Append(Num(row.Trial.Number)).Append(" | ").Append(Kind(row)).Append(" | ");
            foreach (var cohort in cohorts)
            {
                s.Append(row.Cells.TryGetValue(cohort, out var cell) ? F3(cell.LiftShare) : "—").Append(" | ");
            }

            s.Append(F3(row.AverageLiftShare)).AppendLine(" |");
        }
    }

    private static string Kind(LeaderboardRow row) => row.Trial.Parameters.GetCategory(ExperimentDefinition.TrialKindParameter);

    private static string Parameters(LeaderboardRow row) => string.Join(", ",
        row.Trial.Parameters.Where(p => p.Key != ExperimentDefinition.TrialKindParameter).Select(p => $"{p.Key}={p.Value}"))
        + (row.Trial.Budget is { } b ? $" (epochs {b})" : string.Empty);

    private static string Objective(ObjectiveMetric metric) => metric switch
    {
        ObjectiveMetric.Auc => "AUC",
        ObjectiveMetric.Brier => "Brier",
        _ => "log loss",
    };

    private static string Num(double value) => double.IsNaN(value) ? "NaN" : value.ToString("R", Invariant);

    private static string Num(long value) => value.ToString(Invariant);

    private static string F3(double value) => StatisticText.Value(value);

    private static string P(double p) => StatisticText.P(p);

    private static string Csv(string field) =>
        field.AsSpan().IndexOfAny(',', '"', '\n') >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
