using OlnmMl.Evaluation.Bootstrap;
using OlnmMl.Evaluation.Calibration;
using OlnmMl.Evaluation.Roc;

namespace OlnmMl.Evaluation.Tests;

public class BootstrapTests
{
    [Fact]
    public void Type7QuantileMatchesHandCalculation()
    {
        // x = 1, 2, 4, 8: p = 0.25 → h = 0.75 → 1 + 0.75·(2 − 1) = 1.75; p = 0.9 → h = 2.7 → 4 + 0.7·4 = 6.8.
        double[] x = [1, 2, 4, 8];
        Assert.Equal(1.75, Quantile.OfSorted(x, 0.25), 1e-15);
        Assert.Equal(6.8, Quantile.OfSorted(x, 0.9), 1e-14);
        Assert.Equal(8, Quantile.OfSorted(x, 1));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void FastAucBootstrapDrawsTheSameResamplesAsTheGenericOne(bool stratified)
    {
        // Both paths draw case indices (stratified: m positives then n negatives) from the same
        // per-replicate stream, so the replicate AUCs, and hence the intervals, must coincide.
        var (scores, _, labels) = Reference.Binormal(180, 0.8, 3);
        var options = new BootstrapOptions(Replicates: 300, Seed: 17, Stratified: stratified);
        BootstrapInterval fast = BootstrapCi.Auc(scores, labels, options);
        BootstrapInterval generic = BootstrapCi.Compute(scores, labels, (s, y) => DeLong.Auc(s, y), options);
        Assert.Equal(generic.CiLower, fast.CiLower, 1e-12);
        Assert.Equal(generic.CiUpper, fast.CiUpper, 1e-12);
        Assert.Equal(generic.StandardError, fast.StandardError, 1e-12);
        Assert.Equal(DeLong.Auc(scores, labels), fast.Estimate, 1e-14);
    }

    [Fact]
    public void ResultsDependOnSeedOnlyNotOnThreads()
    {
        var (scores, _, labels) = Reference.Binormal(150, 0.8, 8);
        BootstrapInterval oneThread = BootstrapCi.Auc(scores, labels, new BootstrapOptions(500, Seed: 5, MaxDegreeOfParallelism: 1));
        BootstrapInterval manyThreads = BootstrapCi.Auc(scores, labels, new BootstrapOptions(500, Seed: 5));
        BootstrapInterval otherSeed = BootstrapCi.Auc(scores, labels, new BootstrapOptions(500, Seed: 6));
        Assert.Equal(oneThread, manyThreads);
        Assert.NotEqual(oneThread.CiLower, otherSeed.CiLower);
    }

    [Fact]
    public void StratifiedResamplingKeepsClassCounts()
    {
        bool[] labels = [true, false, false, true, false, false, false];
        var options = new BootstrapOptions(Replicates: 200, Seed: 1);
        // Statistic = number of positives drawn: always 2 when stratified.
        BootstrapInterval interval = BootstrapCi.Compute(labels, idx => { int c = 0; foreach (int i in idx) if (labels[i]) c++; return c; }, options);
        Assert.Equal(2, interval.CiLower);
        Assert.Equal(2, interval.CiUpper);
        Assert.Equal(0, interval.StandardError);
    }

    [Fact]
    public void PercentileIntervalConvergesToDeLongOnALargeSample()
    {
        // For N = 3000 the AUC's sampling distribution is close to normal and DeLong's variance is
        // its consistent estimate, so the two 95 % intervals must agree to well under 0.01.
        var (scores, _, labels) = Reference.Binormal(3000, 0.9, 12, decimals: 3);
        AucEstimate delong = DeLong.Estimate(scores, labels);
        BootstrapInterval boot = BootstrapCi.Auc(scores, labels, new BootstrapOptions(2000, Seed: 3));
        Assert.Equal(delong.CiLower, boot.CiLower, 0.006);
        Assert.Equal(delong.CiUpper, boot.CiUpper, 0.006);
        Assert.Equal(delong.StandardError, boot.StandardError, 0.1 * delong.StandardError);
    }

    [Fact]
    public void AnyMetricCanBeBootstrappedAndDegenerateReplicatesAreCounted()
    {
        double[] p = [0.9, 0.2, 0.6, 0.4, 0.7, 0.1];
        bool[] y = [true, false, true, false, false, true];
        var options = new BootstrapOptions(400, Seed: 2, Stratified: false);
        BootstrapInterval brier = BootstrapCi.Compute(p, y, (s, l) => BrierScore.Compute(s, l), options);
        Assert.Equal(BrierScore.Compute(p, y), brier.Estimate, 1e-15);
        Assert.True(brier.CiLower <= brier.Estimate && brier.Estimate <= brier.CiUpper);
        Assert.Equal(0, brier.UndefinedReplicates);

        // Unstratified AUC on 6 cases: some resamples hold one class only (probability 2·0.5⁶ each) → NaN, counted.
        BootstrapInterval auc = BootstrapCi.Auc(p, y, options);
        Assert.InRange(auc.UndefinedReplicates, 1, 40);
    }

    [Fact]
    public void PairedBootstrapOfTheAucDifferenceAgreesWithPairedDeLong()
    {
        // Resampling cases (both scores together) estimates SE(AUC₁ − AUC₂); DeLong's paired SE is its
        // asymptotic value, so on 2000 cases they must agree within about 10 %.
        var (first, second, labels) = Reference.Binormal(2000, 0.9, 14, decimals: 3);
        AucComparison delong = DeLong.PairedTest(first, second, labels);
        var gathered = new ThreadLocal<(double[] A, double[] B, bool[] Y)>(() => (new double[labels.Length], new double[labels.Length], new bool[labels.Length]));
        BootstrapInterval boot = BootstrapCi.Compute(
            labels,
            indices =>
            {
                var (a, b, y) = gathered.Value;
                for (int i = 0; i < indices.Length; i++)
                {
                    a[i] = first[indices[i]];
                    b[i] = second[indices[i]];
                    y[i] = labels[indices[i]];
                }

                return DeLong.Auc(a, y) - DeLong.Auc(b, y);
            },
            new BootstrapOptions(1000, Seed: 4));
        Assert.Equal(delong.Difference, boot.Estimate, 1e-14);
        Assert.Equal(delong.StandardError, boot.StandardError, 0.1 * delong.StandardError);
        gathered.Dispose();
    }

    [Fact]
    public void OneClassGivesNaNInsteadOfThrowing()
    {
        BootstrapInterval interval = BootstrapCi.Auc([0.2, 0.3], [true, true]);
        Assert.True(double.IsNaN(interval.CiLower));
        Assert.Equal(interval.Replicates, interval.UndefinedReplicates);
    }

    [Fact]
    public void BadOptionsNameTheSetting()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => BootstrapCi.Auc([0.1, 0.2], [true, false], new BootstrapOptions(Replicates: 0)));
        Assert.Equal("Replicates", error.ParamName);
    }
}
