using System.Globalization;
using OlnmMl.Evaluation.Survival;

namespace OlnmMl.Evaluation.Reports;

/// <summary>
/// Library entry point of <c>olnm stats survival --data D.csv --time T --event E [--group G] [--covariates a,b]
/// --out s.json</c>: Kaplan–Meier curves (all cases and per group), the log-rank test across groups and a Cox model
/// of the covariates, as R's <c>survfit</c>, <c>survdiff</c> and <c>coxph</c>. The table is read by
/// <see cref="ScoreTable"/> (event column as its label, time and covariates as its numeric columns, group as its
/// cohort). A missing or negative time, a missing covariate, an event that is not 0/1 and data without events are
/// errors naming the file, line and column; so are a constant covariate and a model that does not converge.
/// </summary>
public static class SurvivalStats
{
    /// <summary>Reads <paramref name="dataPath"/>, builds the report and writes it as JSON to <paramref name="outPath"/> (atomically).</summary>
    /// <param name="dataPath">CSV table with a header row.</param>
    /// <param name="request">Columns and options.</param>
    /// <param name="outPath">Output JSON path (directories are created).</param>
    /// <returns>The report written.</returns>
    /// <exception cref="FileNotFoundException">The data file does not exist.</exception>
    /// <exception cref="FormatException">A missing column, a non-numeric value or an event that is not 0/1 (file, line and column named).</exception>
    /// <exception cref="OlnmUserException">A missing or negative time, a missing covariate value, no events, or a Cox model that cannot be fitted (file named).</exception>
    public static SurvivalStatsReport Run(string dataPath, SurvivalStatsRequest request, string outPath)
    {
        ArgumentNullException.ThrowIfNull(request);
        ScoreTable table = ScoreTable.ReadCsv(dataPath, request.EventColumn, [request.TimeColumn, .. request.CovariateColumns], request.GroupColumn);
        SurvivalStatsReport report = Build(table, request);
        WriteJson(report, outPath);
        return report;
    }

    /// <summary>Writes the report as JSON (<see cref="EvaluationJson.Options"/>) through <see cref="DurableFile"/> (atomic replace).</summary>
    /// <param name="report">The report.</param>
    /// <param name="outPath">Output path; its directory is created when missing.</param>
    public static void WriteJson(SurvivalStatsReport report, string outPath)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(outPath);
        DurableFile.WriteAllText(outPath, EvaluationJson.Serialize(report));
    }

    /// <summary>Computes the statistics of a table read by <see cref="ScoreTable"/> with the event column as its label.</summary>
    /// <param name="table">The table (time and covariates among its scores, the group as its cohort).</param>
    /// <param name="request">Columns and options.</param>
    /// <exception cref="OlnmUserException">See <see cref="Run"/>.</exception>
    public static SurvivalStatsReport Build(ScoreTable table, SurvivalStatsRequest request)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(request);
        double[] time = Column(table, request.TimeColumn);
        for (int i = 0; i < time.Length; i++)
        {
            if (double.IsNaN(time[i])) throw RowError(table, i, request.TimeColumn, "the time is missing; every case needs a follow-up time");
            if (!(time[i] >= 0) || double.IsInfinity(time[i])) throw RowError(table, i, request.TimeColumn, $"time {time[i].ToString(CultureInfo.InvariantCulture)} is not a finite number ≥ 0");
        }

        var covariates = request.CovariateColumns.Select(c => Column(table, c)).ToArray();
        for (int j = 0; j < covariates.Length; j++)
        {
            int missing = Array.FindIndex(covariates[j], double.IsNaN);
            if (missing >= 0) throw RowError(table, missing, request.CovariateColumns[j], "the value is missing; the Cox model needs every covariate value (drop or impute the row)");
        }

        bool[] events = table.Labels;
        int eventCount = events.Count(e => e);
        if (eventCount == 0)
        {
            throw new OlnmUserException(table.Source, $"column '{request.EventColumn}' has no event (1) in its {events.Length} rows; survival statistics need at least one");
        }

        string[] groups = GroupLevels(table.Cohorts);
        int[] groupIndex = table.Cohorts is null ? [] : table.Cohorts.Select(g => Array.IndexOf(groups, g)).ToArray();
        var curves = new List<GroupSurvival> { new(RocStats.AllCases, KaplanMeier.Fit(time, events, request.ConfidenceLevel)) };
        LogRankTest? logRank = null;
        try
        {
            for (int g = 0; g < groups.Length; g++)
            {
                int[] rows = Enumerable.Range(0, time.Length).Where(i => groupIndex[i] == g).ToArray();
                bool[] groupEvents = rows.Select(i => events[i]).ToArray();
                if (!groupEvents.Any(e => e)) throw new OlnmUserException($"group '{groups[g]}' of column '{request.GroupColumn}' has no event; its curve and median are undefined");
                curves.Add(new GroupSurvival(groups[g], KaplanMeier.Fit(rows.Select(i => time[i]).ToArray(), groupEvents, request.ConfidenceLevel)));
            }

            if (groups.Length > 0) logRank = LogRank.Test(time, events, groupIndex);
            CoxModel? cox = covariates.Length == 0 ? null : CoxRegression.Fit(time, events, covariates, request.CovariateColumns, request.Ties, request.ConfidenceLevel);
            return new SurvivalStatsReport(
                table.Source, request.TimeColumn, request.EventColumn, request.GroupColumn, request.CovariateColumns, time.Length, eventCount,
                curves, groups, logRank, cox, typeof(SurvivalStats).Assembly.GetName().Version?.ToString() ?? "unknown");
        }
        catch (OlnmUserException e) when (e.FilePath is null)
        {
            throw new OlnmUserException(table.Source, e.Message, e);
        }
    }

    private static double[] Column(ScoreTable table, string name) =>
        table.Scores.TryGetValue(name, out double[]? values) ? values : throw new OlnmUserException(table.Source, $"no column '{name}' was read");

    private static OlnmUserException RowError(ScoreTable table, int row, string column, string problem)
    {
        string where = table.LineNumbers.Length > row ? $"line {table.LineNumbers[row]}" : $"row {row + 1}";
        return new OlnmUserException($"{table.Source}, {where}, column '{column}': {problem}");
    }

    /// <summary>Distinct groups, numerically sorted when every value is a number, else ordinally.</summary>
    private static string[] GroupLevels(string[]? cohorts)
    {
        if (cohorts is null) return [];
        string[] distinct = cohorts.Distinct(StringComparer.Ordinal).ToArray();
        bool numeric = distinct.All(g => double.TryParse(g, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        return numeric
            ? [.. distinct.OrderBy(g => double.Parse(g, CultureInfo.InvariantCulture))]
            : [.. distinct.Order(StringComparer.Ordinal)];
    }
}
