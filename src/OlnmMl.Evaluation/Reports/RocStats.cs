using OlnmMl.Evaluation.CrossCohort;
using OlnmMl.Evaluation.Roc;
using OlnmMl.Evaluation.Thresholds;

namespace OlnmMl.Evaluation.Reports;

/// <summary>
/// Library entry point of <c>olnm stats roc --data scores.csv --label y --score s [--compare s2]
/// [--cohort-column c] [--training-cohort t] --out stats.json</c>. Degenerate data (one class, all
/// scores equal, missing scores, a cohort of one case) gives NaN values with an
/// <c>undefined_reason</c>, never an exception; only unreadable input throws (file/column/line named).
/// </summary>
public static class RocStats
{
    /// <summary>Name of the single cohort when no cohort column is given.</summary>
    public const string AllCases = "all";

    /// <summary>Reads <paramref name="dataPath"/>, builds the report and writes it as JSON to <paramref name="outPath"/>.</summary>
    /// <param name="dataPath">CSV score table.</param>
    /// <param name="request">Columns and options.</param>
    /// <param name="outPath">Output JSON path (directories are created).</param>
    /// <returns>The report written.</returns>
    /// <exception cref="FileNotFoundException">The data file does not exist.</exception>
    /// <exception cref="FormatException">Bad CSV content (file, line and column named).</exception>
    /// <exception cref="OlnmUserException">A missing score column, a training cohort that is not in the data, or one given without a cohort column.</exception>
    public static RocStatsReport Run(string dataPath, RocStatsRequest request, string outPath)
    {
        ArgumentNullException.ThrowIfNull(request);
        ScoreTable table = ScoreTable.ReadCsv(dataPath, request.LabelColumn, request.ScoreColumns, request.CohortColumn);
        RocStatsReport report = Build(table, request);
        WriteJson(report, outPath);
        return report;
    }

    /// <summary>Computes the statistics of a score table.</summary>
    /// <param name="table">Scored cases (must hold the request's columns).</param>
    /// <param name="request">Columns and options.</param>
    public static RocStatsReport Build(ScoreTable table, RocStatsRequest request)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(request);
        foreach (string column in request.ScoreColumns)
        {
            if (!table.Scores.ContainsKey(column)) throw new OlnmUserException(table.Source, $"no score column '{column}'");
        }

        var groups = GroupRows(table);
        YoudenCutoff[]? trainingCutoffs = null;
        if (request.TrainingCohort is not null)
        {
            if (table.Cohorts is null) throw new OlnmUserException(table.Source, $"training cohort '{request.TrainingCohort}' given without a cohort column (--cohort-column)");
            if (!groups.Any(g => g.Cohort == request.TrainingCohort))
            {
                throw new OlnmUserException(table.Source, $"training cohort '{request.TrainingCohort}' is not in column '{table.CohortColumn}' (cohorts: {string.Join(", ", groups.Select(g => g.Cohort))})");
            }

            int[] rows = groups.First(g => g.Cohort == request.TrainingCohort).Rows;
            trainingCutoffs = request.ScoreColumns.Select(c => YoudenCutoff.Fit(Select(table.Scores[c], rows), Select(table.Labels, rows))).ToArray();
        }

        var cohorts = groups.Select(g => Cohort(table, request, g.Cohort, g.Rows, trainingCutoffs)).ToArray();
        return new RocStatsReport(
            table.Source,
            table.LabelColumn,
            CrossCohortEvaluation.Direction,
            "DeLong (Wald interval on the AUC, clipped to [0, 1])",
            request.ConfidenceLevel,
            table.CohortColumn,
            request.TrainingCohort,
            cohorts,
            typeof(RocStats).Assembly.GetName().Version?.ToString() ?? "unknown");
    }

    /// <summary>Writes the report as JSON (<see cref="EvaluationJson.Options"/>).</summary>
    /// <param name="report">The report.</param>
    /// <param name="outPath">Output path; its directory is created when missing.</param>
    public static void WriteJson(RocStatsReport report, string outPath)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(outPath);
        DurableFile.WriteAllText(outPath, EvaluationJson.Serialize(report));
    }

    private static CohortRocStats Cohort(ScoreTable table, RocStatsRequest request, string name, int[] rows, YoudenCutoff[]? trainingCutoffs)
    {
        bool[] labels = Select(table.Labels, rows);
        var scores = new List<ScoreRocStats>();
        for (int s = 0; s < request.ScoreColumns.Count; s++)
        {
            string column = request.ScoreColumns[s];
            double[] values = Select(table.Scores[column], rows);
            AucEstimate auc = DeLong.Estimate(values, labels, request.ConfidenceLevel);
            YoudenCutoff cutoff = trainingCutoffs?[s] ?? YoudenCutoff.Fit(values, labels);
            string source = trainingCutoffs is null ? "this cohort" : $"training cohort '{request.TrainingCohort}'";
            ThresholdPerformance atCutoff = ThresholdPerformance.At(values, labels, cutoff.Threshold, request.ConfidenceLevel);
            string? reason = auc.UndefinedReason ?? (cutoff.UndefinedReason is null ? null : $"cut-off: {cutoff.UndefinedReason}");
            scores.Add(new ScoreRocStats(
                column, auc.Positives, auc.Negatives, auc.ExcludedMissing, auc.Auc, auc.CiLower, auc.CiUpper, auc.Variance,
                cutoff.Threshold, source, atCutoff.Sensitivity.Estimate, atCutoff.Specificity.Estimate, reason));
        }

        ScoreComparisonStats? comparison = null;
        if (request.Compare is not null)
        {
            AucComparison test = DeLong.PairedTest(Select(table.Scores[request.Score], rows), Select(table.Scores[request.Compare], rows), labels, request.ConfidenceLevel);
            comparison = new ScoreComparisonStats(request.Score, request.Compare, test.Difference, test.Statistic, test.PValue, test.Cases, test.UndefinedReason);
        }

        return new CohortRocStats(name, rows.Length, scores, comparison);
    }

    private static List<(string Cohort, int[] Rows)> GroupRows(ScoreTable table)
    {
        if (table.Cohorts is null) return [(AllCases, Enumerable.Range(0, table.Labels.Length).ToArray())];
        var order = new List<string>();
        var rows = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < table.Cohorts.Length; i++)
        {
            if (!rows.TryGetValue(table.Cohorts[i], out List<int>? list))
            {
                rows[table.Cohorts[i]] = list = [];
                order.Add(table.Cohorts[i]);
            }

            list.Add(i);
        }

        return order.Select(c => (c, rows[c].ToArray())).ToList();
    }

    private static T[] Select<T>(T[] values, int[] rows)
    {
        var selected = new T[rows.Length];
        for (int i = 0; i < rows.Length; i++) selected[i] = values[rows[i]];
        return selected;
    }
}
