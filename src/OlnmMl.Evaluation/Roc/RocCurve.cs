namespace OlnmMl.Evaluation.Roc;

/// <summary>
/// The empirical ROC curve. Point k classifies a case positive when score ≥ Thresholds[k];
/// thresholds run from +∞ (nothing positive: FPR = TPR = 0) down through the midpoints between
/// consecutive distinct finite scores to −∞ (everything positive: FPR = TPR = 1), as pROC.
/// Tied scores move the curve diagonally, so the trapezoidal area equals the AUC with ties ½.
/// </summary>
/// <param name="Thresholds">Cut-offs, decreasing.</param>
/// <param name="FalsePositiveRates">1 − specificity at each cut-off.</param>
/// <param name="TruePositiveRates">Sensitivity at each cut-off.</param>
/// <param name="Positives">Positive cases (finite score).</param>
/// <param name="Negatives">Negative cases (finite score).</param>
/// <param name="UndefinedReason">Set (and the arrays empty) when a class is missing.</param>
public sealed record RocCurve(
    IReadOnlyList<double> Thresholds,
    IReadOnlyList<double> FalsePositiveRates,
    IReadOnlyList<double> TruePositiveRates,
    int Positives,
    int Negatives,
    string? UndefinedReason)
{
    /// <summary>Builds the curve; non-finite scores are dropped.</summary>
    /// <param name="scores">One score per case.</param>
    /// <param name="labels">One label per case: true = positive.</param>
    public static RocCurve Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        var sweep = ThresholdSweep.Build(scores, labels);
        string? reason = CaseSet.TwoClassReason(sweep.Positives, sweep.Negatives);
        if (reason is not null) return new RocCurve([], [], [], sweep.Positives, sweep.Negatives, reason);
        int points = sweep.Thresholds.Length;
        var fpr = new double[points];
        var tpr = new double[points];
        for (int k = 0; k < points; k++)
        {
            fpr[k] = (double)sweep.FalsePositives[k] / sweep.Negatives;
            tpr[k] = (double)sweep.TruePositives[k] / sweep.Positives;
        }

        return new RocCurve(sweep.Thresholds, fpr, tpr, sweep.Positives, sweep.Negatives, null);
    }
}
