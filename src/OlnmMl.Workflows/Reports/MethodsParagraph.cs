using System.Globalization;
using OlnmMl.Evaluation.CrossCohort;
using static OlnmMl.Workflows.Reports.ReportFormat;

namespace OlnmMl.Workflows.Reports;

/// <summary>
/// The statistical-methods paragraph, written from the settings the report ran with: the cut-off and the cohort it was
/// fitted on, DeLong for AUC CIs and the paired comparisons with the p-value correction named, the bootstrap (replicates,
/// stratification, seed), the calibration measures, the reference model of NRI/IDI, and the leakage statement.
/// </summary>
internal static class MethodsParagraph
{
    /// <summary>Writes the paragraph.</summary>
    /// <param name="summaries">Every model's evaluation, the selected model first.</param>
    /// <param name="adjustment">The correction of the paired DeLong p-values across cohorts.</param>
    /// <param name="reference">The NRI/IDI reference model, or null when no reclassification was computed.</param>
    /// <param name="leakageStatement">How selection avoided the external cohorts.</param>
    /// <param name="firstRole">What the first model is, in the comparison sentence (the selected model, or e.g. the combined signature).</param>
    public static string Write(IReadOnlyList<CrossCohortSummary> summaries, PValueAdjustment adjustment, string? reference, string leakageStatement, string firstRole = "the selected model")
    {
        var selected = summaries[0];
        var evaluated = selected.Cohorts.Where(c => !c.IsTraining).Select(c => c.Cohort).ToArray();
        var cutoffs = string.Join("; ", summaries.Select(s => $"{s.Model} {F(s.TrainingCutoff.Threshold)}"));
        var intervals = PerformanceTable.Intervals;
        var bootstrap = string.Create(CultureInfo.InvariantCulture,
            $"{intervals.ConfidenceLevel:0%} percentile bootstrap CIs ({intervals.Replicates:N0} replicates{(intervals.Stratified ? " stratified by outcome" : string.Empty)}, seed {intervals.Seed}; the cut-off is not refitted in the replicates)");
        var comparisons = summaries.Count > 1
            ? $" Each other model was compared with {firstRole} ({selected.Model}) by the paired DeLong test on every evaluation cohort, p-values adjusted across the {evaluated.Length} cohorts by {Name(adjustment)}."
            : string.Empty;
        var reclassification = reference is null
            ? " No reclassification (NRI, IDI) was computed: no reference model was named among the compared models."
            : $" Continuous NRI and IDI (Wald 95% CIs) are given against the reference model {reference}.";
        return $"Statistical methods. Each model's probability cut-off was fitted on the training cohort ({selected.TrainingCohort}) by Youden's index and carried unchanged to {string.Join(", ", evaluated)} ({cutoffs})."
            + $" AUCs are given with DeLong 95% CIs, AUPRC as average precision.{comparisons}"
            + $" Accuracy, sensitivity, specificity, PPV and NPV at the training-fixed cut-off are given with {bootstrap}."
            + " Calibration: intercept and slope of logistic recalibration on the logit of the prediction, and the Hosmer–Lemeshow test over 10 quantile groups."
            + reclassification
            + (string.IsNullOrWhiteSpace(leakageStatement) ? string.Empty : " Leakage: " + leakageStatement);
    }

    private static string Name(PValueAdjustment adjustment) => adjustment switch
    {
        PValueAdjustment.BenjaminiHochberg => "Benjamini–Hochberg (false discovery rate)",
        PValueAdjustment.Holm => "Holm (family-wise error)",
        PValueAdjustment.None => "no correction",
        _ => throw new ArgumentOutOfRangeException(nameof(adjustment), adjustment, "Unknown p-value adjustment."),
    };
}
