using OlnmMl.Evaluation.Bootstrap;
using OlnmMl.Evaluation.Thresholds;

namespace OlnmMl.Evaluation.Tests;

public sealed class ThresholdIntervalTests
{
    [Fact]
    public void EstimatesAreTheMetricsAtTheCutoff_AndTheStratifiedSensitivitySpreadIsBinomial()
    {
        // 100 positives of which 80 score ≥ 0.5, 200 negatives of which 150 score < 0.5. A stratified resample of the
        // positives draws Binomial(100, 0.8) detected ones, so the bootstrap SE of the sensitivity is √(0.8·0.2/100) = 0.04;
        // that of the specificity √(0.75·0.25/200) = 0.0306.
        var labels = Enumerable.Range(0, 300).Select(i => i < 100).ToArray();
        var scores = Enumerable.Range(0, 300).Select(i => i < 100 ? (i < 80 ? 0.9 : 0.1) : (i < 250 ? 0.2 : 0.7)).ToArray();
        var options = new BootstrapOptions(Replicates: 10_000, Seed: 7);

        var intervals = ThresholdIntervals.At(scores, labels, 0.5, options);
        var point = ThresholdPerformance.At(scores, labels, 0.5);

        Assert.Equal(point.Accuracy.Estimate, intervals.Accuracy.Estimate, 12);
        Assert.Equal(point.Sensitivity.Estimate, intervals.Sensitivity.Estimate, 12);
        Assert.Equal(point.Specificity.Estimate, intervals.Specificity.Estimate, 12);
        Assert.Equal(point.PositivePredictiveValue.Estimate, intervals.PositivePredictiveValue.Estimate, 12);
        Assert.Equal(point.NegativePredictiveValue.Estimate, intervals.NegativePredictiveValue.Estimate, 12);
        Assert.Equal(0.04, intervals.Sensitivity.StandardError, 0.002);
        Assert.Equal(Math.Sqrt(0.75 * 0.25 / 200), intervals.Specificity.StandardError, 0.002);
        Assert.InRange(intervals.Sensitivity.CiLower, 0.70, 0.74); // 0.8 − 1.96·0.04 = 0.72
        Assert.InRange(intervals.Sensitivity.CiUpper, 0.86, 0.89);
        Assert.Equal(10_000, intervals.Sensitivity.Replicates);
    }

    [Fact]
    public void APerfectCutoffHasDegenerateIntervalsAtOne_ForEveryReplicateKeepsBothClasses()
    {
        var labels = Enumerable.Range(0, 40).Select(i => i % 4 == 0).ToArray();
        var scores = labels.Select(l => l ? 0.8 : 0.3).ToArray();

        var intervals = ThresholdIntervals.At(scores, labels, 0.5, new BootstrapOptions(Replicates: 500));

        foreach (var interval in new[] { intervals.Accuracy, intervals.Sensitivity, intervals.Specificity, intervals.PositivePredictiveValue, intervals.NegativePredictiveValue })
        {
            Assert.Equal((1.0, 1.0, 0), (interval.CiLower, interval.CiUpper, interval.UndefinedReplicates));
        }
    }
}
