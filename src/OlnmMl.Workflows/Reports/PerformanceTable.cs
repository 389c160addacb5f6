using System.Globalization;
using OlnmMl.Evaluation.Bootstrap;
using OlnmMl.Evaluation.CrossCohort;
using OlnmMl.Reporting.Tables;
using static OlnmMl.Workflows.Reports.ReportFormat;

namespace OlnmMl.Workflows.Reports;

/// <summary>
/// The per-model per-cohort performance table (training first, then every evaluated cohort): AUC with DeLong CI,
/// AUPRC, the threshold metrics at the training-fixed Youden cut-off with stratified percentile bootstrap CIs, the
/// confusion counts behind them, and the Brier score.
/// </summary>
internal static class PerformanceTable
{
    /// <summary>Bootstrap settings of the threshold metrics' intervals: 10,000 stratified replicates, as the PET/CT study.</summary>
    public static readonly BootstrapOptions Intervals = new(Replicates: 10_000, Seed: 2023);

    /// <summary>Builds the table; <paramref name="summaries"/>[i] is the evaluation of <paramref name="models"/>[i].</summary>
    public static Table Build(IReadOnlyList<ModelPredictions> models, IReadOnlyList<CrossCohortSummary> summaries)
    {
        var rows = new List<IReadOnlyList<string>>();
        for (var m = 0; m < models.Count; m++)
        {
            var summary = summaries[m];
            foreach (var cohort in summary.Cohorts)
            {
                var predictions = models[m].Cohorts.First(c => c.Cohort == cohort.Cohort);
                var at = ThresholdIntervals.At([.. predictions.Probabilities], [.. predictions.Labels], summary.TrainingCutoff.Threshold, Intervals);
                var counts = cohort.AtTrainingCutoff.Counts;
                rows.Add(
                [
                    summary.Model, cohort.IsTraining ? cohort.Cohort + " (training)" : cohort.Cohort, Auc(cohort.Auc), F(cohort.AveragePrecision),
                    Interval(at.Accuracy), Interval(at.Sensitivity), Interval(at.Specificity), Interval(at.PositivePredictiveValue),
                    Interval(at.NegativePredictiveValue), Count(counts.TruePositives), Count(counts.FalsePositives), Count(counts.TrueNegatives),
                    Count(counts.FalseNegatives), F(cohort.BrierScore),
                ]);
            }
        }

        return new Table(
            string.Create(CultureInfo.InvariantCulture, $"Performance by model and cohort (training-fixed Youden cut-off; 95% CIs from {Intervals.Replicates:N0} stratified bootstrap replicates; TP/FP/TN/FN at the cut-off)"),
            ["model", "cohort", "AUC (95% CI)", "AUPRC", "accuracy", "sensitivity", "specificity", "PPV", "NPV", "TP", "FP", "TN", "FN", "Brier"],
            rows);
    }

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);
}
