using OlnmMl.Evaluation.Thresholds;

namespace OlnmMl.Evaluation.Bootstrap;

/// <summary>
/// Percentile bootstrap intervals of the metrics at a fixed cut-off (score ≥ threshold is positive; the cut-off is
/// not refitted in the replicates, as a training-fixed Youden cut-off carried to another cohort): accuracy
/// (TP+TN)/N, sensitivity TP/(TP+FN), specificity TN/(TN+FP), PPV TP/(TP+FP), NPV TN/(TN+FN). Every metric is computed
/// on the same replicates (same seed), stratified by default (pROC's convention); a replicate whose denominator is 0 is
/// left out of that metric's quantiles. Cases with a non-finite score are dropped, as in <see cref="ConfusionCounts.At(ReadOnlySpan{double}, ReadOnlySpan{bool}, double)"/>.
/// </summary>
/// <param name="Accuracy">Accuracy.</param>
/// <param name="Sensitivity">Sensitivity.</param>
/// <param name="Specificity">Specificity.</param>
/// <param name="PositivePredictiveValue">PPV.</param>
/// <param name="NegativePredictiveValue">NPV.</param>
public sealed record ThresholdIntervals(
    BootstrapInterval Accuracy,
    BootstrapInterval Sensitivity,
    BootstrapInterval Specificity,
    BootstrapInterval PositivePredictiveValue,
    BootstrapInterval NegativePredictiveValue)
{
    /// <summary>The intervals of the metrics of <paramref name="scores"/> at <paramref name="threshold"/>.</summary>
    /// <param name="scores">One score per case.</param>
    /// <param name="labels">One label per case: true = positive.</param>
    /// <param name="threshold">The fixed cut-off.</param>
    /// <param name="options">Bootstrap settings; null = defaults (2000 replicates, seed 42, 95 %, stratified).</param>
    public static ThresholdIntervals At(double[] scores, bool[] labels, double threshold, BootstrapOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        CaseSet.RequireSameLength(scores.Length, labels.Length);
        BootstrapInterval Interval(Func<ConfusionCounts, double> metric) => BootstrapCi.Compute(labels, cases => metric(ConfusionCounts.At(scores, labels, threshold, cases)), options);
        return new ThresholdIntervals(
            Interval(c => Ratio(c.TruePositives + c.TrueNegatives, c.TruePositives + c.TrueNegatives + c.FalsePositives + c.FalseNegatives)),
            Interval(c => Ratio(c.TruePositives, c.TruePositives + c.FalseNegatives)),
            Interval(c => Ratio(c.TrueNegatives, c.TrueNegatives + c.FalsePositives)),
            Interval(c => Ratio(c.TruePositives, c.TruePositives + c.FalsePositives)),
            Interval(c => Ratio(c.TrueNegatives, c.TrueNegatives + c.FalseNegatives)));
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? double.NaN : (double)numerator / denominator;
}
