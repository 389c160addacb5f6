using OlnmMl.Evaluation.Roc;

namespace OlnmMl.Evaluation.Thresholds;

/// <summary>
/// The cut-off maximising Youden's J = sensitivity + specificity − 1 over the ROC thresholds
/// (midpoints between consecutive distinct scores, as pROC's <c>coords(x = "best")</c>).
/// Ties in J go to the lowest threshold (the highest sensitivity). Fit it on the training cohort
/// only and carry <see cref="Threshold"/> to the other cohorts with <see cref="ThresholdPerformance.At"/>.
/// </summary>
/// <param name="Threshold">The cut-off (score ≥ threshold is positive); NaN when undefined.</param>
/// <param name="Sensitivity">Sensitivity at the cut-off on the fitting data.</param>
/// <param name="Specificity">Specificity at the cut-off on the fitting data.</param>
/// <param name="YoudenIndex">J at the cut-off.</param>
/// <param name="UndefinedReason">Why the cut-off is NaN (a class missing, or a single distinct score); null otherwise.</param>
public sealed record YoudenCutoff(double Threshold, double Sensitivity, double Specificity, double YoudenIndex, string? UndefinedReason)
{
    /// <summary>Finds the Youden-optimal cut-off; non-finite scores are dropped.</summary>
    /// <param name="scores">One score per case (the training cohort).</param>
    /// <param name="labels">One label per case: true = positive.</param>
    public static YoudenCutoff Fit(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        var sweep = ThresholdSweep.Build(scores, labels);
        string? reason = CaseSet.TwoClassReason(sweep.Positives, sweep.Negatives);
        if (reason is null && sweep.Thresholds.Length <= 2) reason = Undefined.SingleScoreValue;
        if (reason is not null) return new YoudenCutoff(double.NaN, double.NaN, double.NaN, double.NaN, reason);

        int best = -1;
        long bestScore = long.MinValue;
        // J·m·n = TP·n − FP·m compared exactly in integers over the interior thresholds (±∞ give J = 0);
        // scanning downwards, ">=" keeps the lowest threshold on ties.
        for (int k = 1; k < sweep.Thresholds.Length - 1; k++)
        {
            long score = (long)sweep.TruePositives[k] * sweep.Negatives - (long)sweep.FalsePositives[k] * sweep.Positives;
            if (score >= bestScore)
            {
                bestScore = score;
                best = k;
            }
        }

        double sens = (double)sweep.TruePositives[best] / sweep.Positives;
        double spec = 1 - (double)sweep.FalsePositives[best] / sweep.Negatives;
        return new YoudenCutoff(sweep.Thresholds[best], sens, spec, sens + spec - 1, null);
    }
}
