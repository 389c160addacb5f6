using System.Globalization;
using OlnmMl.AutoML.Leaderboard;
using OlnmMl.Evaluation.CrossCohort;
using static OlnmMl.Workflows.Reports.ReportFormat;

namespace OlnmMl.Workflows.Reports;

/// <summary>
/// The statistical-methods paragraph, written from the settings the report ran with: the cut-off and the cohort it was
/// fitted on, DeLong for AUC CIs, the paired comparisons as <see cref="ReferenceComparison"/> states them (the test, the
/// reference model and the correction named, once for the whole report), the bootstrap (replicates,
/// stratification, seed), the calibration measures, the reference model of NRI/IDI, and the leakage statement.
/// </summary>
internal static class MethodsParagraph
{
    /// <summary>Writes the paragraph.</summary>
    /// <param name="summaries">Every model's evaluation, the selected model first.</param>
    /// <param name="reference">The NRI/IDI reference model, or null when no reclassification was computed.</param>
    /// <param name="leakageStatement">How selection avoided the external cohorts.</param>
    /// <param name="firstRole">What the first model is, in the comparison sentence (the selected model, or e.g. the combined signature).</param>
    /// <param name="chosenPairs">Whether the report has a table of chosen pairs, which the sentence then covers.</param>
    public static string Write(IReadOnlyList<CrossCohortSummary> summaries, string? reference, string leakageStatement, string firstRole = "the selected model", bool chosenPairs = false)
    {
        var selected = summaries[0];
        var evaluated = selected.Cohorts.Where(c => !c.IsTraining).Select(c => c.Cohort).ToArray();
        var cutoffs = string.Join("; ", summaries.Select(s => $"{s.Model} {F(s.TrainingCutoff.Threshold)}"));
        var intervals = PerformanceTable.Intervals;
        var bootstrap = string.Create(CultureInfo.InvariantCulture,
            $"{intervals.ConfidenceLevel:0%} percentile bootstrap CIs ({intervals.Replicates:N0} replicates{(intervals.Stratified ? " stratified by outcome" : string.Empty)}, seed {intervals.Seed}; the cut-off is not refitted in the replicates)");
        var comparisons = summaries.Count > 1
            ? " " + ReferenceComparison.Statement($"{firstRole} ({selected.Model})")
                + (chosenPairs ? " Chosen pairs of models were tested the same way, the pairs of a cohort forming the family." : string.Empty)
                + " The leaderboard uses the same test and correction against its rank-1 model."
            : string.Empty;
        var reclassification = reference is null
            ? " No reclassification (NRI, IDI) was computed: no reference model was named among the compared models."
            : $" Continuous NRI and IDI (Wald 95% CIs) are given against the reference model {reference}.";
        return $"Statistical methods. Each model's probability cut-off was fitted on the training cohort ({selected.TrainingCohort}) by Youden's index and carried unchanged to {string.Join(", ", evaluated)} ({cutoffs})."
            + $" AUCs are given with DeLong 95% CIs, AUPRC as average precision.{comparisons}"
            + $" Accuracy, sensitivity, specificity, PPV and NPV at the training-fixed cut-off are given with {bootstrap}."
            + " Calibration: intercept and slope of logistic recalibration on the logit of the prediction, and the Hosmer–Lemeshow test over 10 quantile groups;"
            + " calibration curves by deciles of predicted risk with Wilson 95% CIs, smoothed by logistic regression on a restricted cubic spline of the logit (no loess)."
            + reclassification
            + (string.IsNullOrWhiteSpace(leakageStatement) ? string.Empty : " Leakage: " + leakageStatement);
    }
}
