using System.Globalization;
using OlnmMl.Cli.Terminal;
using OlnmMl.Evaluation.Reports;

namespace OlnmMl.Cli.Commands;

/// <summary>
/// Prints an <c>olnm stats roc</c> report: one line per cohort and score (AUC with CI, counts, the
/// cut-off and where it was fitted, sensitivity and specificity), and one error line per statistic
/// that is undefined (one class, a constant score, too few cases), naming the data file and cohort.
/// </summary>
internal static class RocStatsSummary
{
    /// <summary>Prints the report; returns how many statistics were undefined (the command then exits 1).</summary>
    public static int Print(RocStatsReport report)
    {
        var undefined = 0;
        foreach (var cohort in report.Cohorts)
        {
            foreach (var score in cohort.Scores)
            {
                Output.Line(string.Create(CultureInfo.InvariantCulture,
                    $"{cohort.Cohort}: {score.Score} AUC {StatisticText.Value(score.Auc)} ({report.ConfidenceLevel * 100:0.#}% CI {StatisticText.Value(score.AucCiLower)}–{StatisticText.Value(score.AucCiUpper)}), {score.Positives} positive / {score.Negatives} negative; cut-off {score.YoudenThreshold:G4} ({score.YoudenThresholdSource}): sensitivity {StatisticText.Value(score.Sensitivity)}, specificity {StatisticText.Value(score.Specificity)}"));
                if (score.UndefinedReason is { } reason)
                {
                    Output.Error($"{report.Data}: cohort '{cohort.Cohort}', score '{score.Score}': {reason}");
                    undefined++;
                }
            }

            if (cohort.Comparison is { } comparison)
            {
                Output.Line(string.Create(CultureInfo.InvariantCulture,
                    $"{cohort.Cohort}: paired DeLong {comparison.Score} vs {comparison.Compare}: ΔAUC {StatisticText.Value(comparison.AucDifference)}, z {comparison.Z:0.00}, p {StatisticText.P(comparison.P)}"));
                if (comparison.UndefinedReason is { } reason)
                {
                    Output.Error($"{report.Data}: cohort '{cohort.Cohort}', {comparison.Score} vs {comparison.Compare}: {reason}");
                    undefined++;
                }
            }
        }

        return undefined;
    }
}
