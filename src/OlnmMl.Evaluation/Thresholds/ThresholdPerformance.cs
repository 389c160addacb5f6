namespace OlnmMl.Evaluation.Thresholds;

/// <summary>
/// Classification performance at one cut-off (score ≥ threshold is positive), each proportion
/// with a Wilson interval: accuracy (TP+TN)/N, sensitivity TP/(TP+FN), specificity TN/(TN+FP),
/// PPV TP/(TP+FP), NPV TN/(TN+FN). F1 = 2TP/(2TP+FP+FN) is not a binomial proportion and has no
/// interval here (use <see cref="Bootstrap.BootstrapCi"/>). An empty denominator gives NaN, and so does
/// a NaN threshold (an undefined cut-off carried from training): every proportion is then NaN of 0 trials.
/// </summary>
/// <param name="Threshold">The cut-off.</param>
/// <param name="Counts">The 2 × 2 table.</param>
/// <param name="ExcludedMissing">Cases dropped because their score was not finite.</param>
/// <param name="Accuracy">(TP+TN)/N.</param>
/// <param name="Sensitivity">TP/(TP+FN).</param>
/// <param name="Specificity">TN/(TN+FP).</param>
/// <param name="PositivePredictiveValue">TP/(TP+FP).</param>
/// <param name="NegativePredictiveValue">TN/(TN+FN).</param>
/// <param name="F1">2TP/(2TP+FP+FN); NaN when TP+FP+FN = 0.</param>
public sealed record ThresholdPerformance(
    double Threshold,
    ConfusionCounts Counts,
    int ExcludedMissing,
    Proportion Accuracy,
    Proportion Sensitivity,
    Proportion Specificity,
    Proportion PositivePredictiveValue,
    Proportion NegativePredictiveValue,
    double F1)
{
    /// <summary>Performance at <paramref name="threshold"/>.</summary>
    /// <param name="scores">One score per case.</param>
    /// <param name="labels">One label per case: true = positive.</param>
    /// <param name="threshold">Cut-off; score ≥ threshold is positive.</param>
    /// <param name="confidenceLevel">Level of the Wilson intervals, default 0.95.</param>
    public static ThresholdPerformance At(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, double threshold, double confidenceLevel = 0.95)
    {
        var (_, _, excluded) = CaseSet.Count(scores, labels);
        if (double.IsNaN(threshold))
        {
            var none = new Proportion(0, 0, double.NaN, double.NaN, double.NaN);
            return new ThresholdPerformance(threshold, new ConfusionCounts(0, 0, 0, 0), excluded, none, none, none, none, none, double.NaN);
        }

        ConfusionCounts c = ConfusionCounts.At(scores, labels, threshold);
        int f1Denominator = 2 * c.TruePositives + c.FalsePositives + c.FalseNegatives;
        return new ThresholdPerformance(
            threshold,
            c,
            excluded,
            Proportion.Wilson(c.TruePositives + c.TrueNegatives, c.TruePositives + c.TrueNegatives + c.FalsePositives + c.FalseNegatives, confidenceLevel),
            Proportion.Wilson(c.TruePositives, c.TruePositives + c.FalseNegatives, confidenceLevel),
            Proportion.Wilson(c.TrueNegatives, c.TrueNegatives + c.FalsePositives, confidenceLevel),
            Proportion.Wilson(c.TruePositives, c.TruePositives + c.FalsePositives, confidenceLevel),
            Proportion.Wilson(c.TrueNegatives, c.TrueNegatives + c.FalseNegatives, confidenceLevel),
            f1Denominator == 0 ? double.NaN : 2.0 * c.TruePositives / f1Denominator);
    }
}
