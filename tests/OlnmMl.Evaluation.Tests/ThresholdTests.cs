using OlnmMl.Evaluation.Thresholds;

namespace OlnmMl.Evaluation.Tests;

public class ThresholdTests
{
    private const double Z95 = 1.959963984540054;

    [Fact]
    public void WilsonIntervalMatchesThePublishedValueFor8Of10()
    {
        // Wilson (1927) for 8/10 at 95 %: centre (0.8 + z²/20)/(1 + z²/10) ± … = [0.4902, 0.9433] (Newcombe 1998, Table II style value).
        Proportion p = Proportion.Wilson(8, 10);
        Assert.Equal(0.8, p.Estimate);
        Assert.Equal(0.4902, p.CiLower, 4);
        Assert.Equal(0.9433, p.CiUpper, 4);
    }

    [Theory]
    [InlineData(3, 17)]
    [InlineData(0, 12)]
    [InlineData(40, 41)]
    public void WilsonLimitsInvertTheScoreTest(int k, int n)
    {
        // The Wilson limits π solve |p̂ − π| = z·√(π(1 − π)/n) (inversion of the score test).
        Proportion p = Proportion.Wilson(k, n);
        foreach (double limit in new[] { p.CiLower, p.CiUpper })
        {
            Assert.Equal(Math.Abs(p.Estimate - limit), Z95 * Math.Sqrt(limit * (1 - limit) / n), 1e-12);
        }
    }

    [Fact]
    public void EmptyDenominatorGivesNaN()
    {
        Proportion p = Proportion.Wilson(0, 0);
        Assert.True(double.IsNaN(p.Estimate) && double.IsNaN(p.CiLower));
    }

    [Fact]
    public void ThresholdMetricsMatchTheHandTable()
    {
        // Cut-off 0.5 (score ≥ 0.5 positive):
        // positives 0.9, 0.6, 0.5, 0.3 → TP 3, FN 1; negatives 0.7, 0.4, 0.2, 0.1, 0.05 → FP 1, TN 4; NaN dropped.
        double[] scores = [0.9, 0.6, 0.5, 0.3, 0.7, 0.4, 0.2, 0.1, 0.05, double.NaN];
        bool[] labels = [true, true, true, true, false, false, false, false, false, true];
        ThresholdPerformance perf = ThresholdPerformance.At(scores, labels, 0.5);
        Assert.Equal(new ConfusionCounts(3, 1, 4, 1), perf.Counts);
        Assert.Equal(1, perf.ExcludedMissing);
        Assert.Equal(7.0 / 9, perf.Accuracy.Estimate, 1e-15);
        Assert.Equal(3.0 / 4, perf.Sensitivity.Estimate, 1e-15);
        Assert.Equal(4.0 / 5, perf.Specificity.Estimate, 1e-15);
        Assert.Equal(3.0 / 4, perf.PositivePredictiveValue.Estimate, 1e-15);
        Assert.Equal(4.0 / 5, perf.NegativePredictiveValue.Estimate, 1e-15);
        Assert.Equal(6.0 / 8, perf.F1, 1e-15); // 2·3/(2·3 + 1 + 1)
    }

    [Fact]
    public void YoudenCutoffIsTheMidpointMaximisingJ()
    {
        // Sorted: 0.1− 0.2− 0.3+ 0.4− 0.5+ 0.6+ 0.7− 0.8+ (4 positives, 4 negatives).
        // Cut between 0.2 and 0.3 (t = 0.25): sens 4/4, spec 2/4 → J = 0.5.
        // Cut between 0.4 and 0.5 (t = 0.45): sens 3/4, spec 3/4 → J = 0.5 (tie; the lower threshold wins).
        // Every other cut gives J ≤ 0.25.
        double[] scores = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
        bool[] labels = [false, false, true, false, true, true, false, true];
        YoudenCutoff cutoff = YoudenCutoff.Fit(scores, labels);
        Assert.Equal(0.25, cutoff.Threshold, 1e-15);
        Assert.Equal(1.0, cutoff.Sensitivity);
        Assert.Equal(0.5, cutoff.Specificity);
        Assert.Equal(0.5, cutoff.YoudenIndex, 1e-15);

        // Carried to another cohort: positives 0.3, 0.2 and negatives 0.26, 0.1 → TP 1, FN 1, FP 1, TN 1.
        ThresholdPerformance carried = ThresholdPerformance.At([0.3, 0.2, 0.26, 0.1], [true, true, false, false], cutoff.Threshold);
        Assert.Equal(new ConfusionCounts(1, 1, 1, 1), carried.Counts);
    }

    [Fact]
    public void YoudenIsUndefinedForEqualScoresOrOneClass()
    {
        Assert.Equal(Undefined.SingleScoreValue, YoudenCutoff.Fit([0.4, 0.4, 0.4], [true, false, true]).UndefinedReason);
        Assert.Equal(Undefined.NoPositives, YoudenCutoff.Fit([0.1, 0.4], [false, false]).UndefinedReason);
        ThresholdPerformance carried = ThresholdPerformance.At([0.1, 0.9], [false, true], double.NaN);
        Assert.True(double.IsNaN(carried.Sensitivity.Estimate));
    }
}
