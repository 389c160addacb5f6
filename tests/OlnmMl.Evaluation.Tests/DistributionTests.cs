using OlnmMl.Evaluation.Distributions;

namespace OlnmMl.Evaluation.Tests;

public class DistributionTests
{
    [Theory]
    // Published normal table values (Abramowitz & Stegun 26.2): Φ(1) = 0.8413447460685429, Φ(−3) = 0.0013498980316301,
    // Φ(−5) = 2.866515718791939e-7, Φ(1.959963984540054) = 0.975.
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.8413447460685429)]
    [InlineData(-3.0, 0.0013498980316300946)]
    [InlineData(-5.0, 2.866515718791939e-7)]
    [InlineData(1.959963984540054, 0.975)]
    public void NormalCdfMatchesTables(double x, double expected) =>
        Assert.Equal(expected, Normal.Cdf(x), expected * 1e-13);

    [Fact]
    public void NormalTailsAreComplementary()
    {
        // Φ(x) + Φ(−x) = 1 exactly in exact arithmetic, across the series/continued-fraction switch at |x|/√2 = 2.5.
        foreach (double x in new[] { 0.3, 2.0, 3.5, 3.6, 5.0, 7.0 })
        {
            Assert.Equal(1.0, Normal.Cdf(x) + Normal.Cdf(-x), 1e-15);
        }
    }

    [Theory]
    // z_{0.975} = 1.959963984540054, z_{0.995} = 2.5758293035489004, z_{0.9} = 1.2815515655446004 (standard tables).
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.995, 2.5758293035489004)]
    [InlineData(0.9, 1.2815515655446004)]
    [InlineData(0.5, 0.0)]
    public void NormalQuantileMatchesTables(double p, double expected)
    {
        Assert.Equal(expected, Normal.Quantile(p), 1e-12);
        Assert.Equal(-expected, Normal.Quantile(1 - p), 1e-12);
    }

    [Fact]
    public void NormalQuantileInvertsCdfDeepInTheTail() =>
        Assert.Equal(1e-12, Normal.Cdf(Normal.Quantile(1e-12)), 1e-12 * 1e-10);

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.0)]
    [InlineData(4.5)]
    [InlineData(-2.0)]
    public void StudentTMatchesClosedForms(double t)
    {
        // ν = 1 is Cauchy: F(t) = ½ + atan(t)/π.  ν = 2: F(t) = ½ + t / (2√(2 + t²)).
        Assert.Equal(0.5 + Math.Atan(t) / Math.PI, StudentT.Cdf(t, 1), 1e-13);
        Assert.Equal(0.5 + t / (2 * Math.Sqrt(2 + t * t)), StudentT.Cdf(t, 2), 1e-13);
    }

    [Fact]
    public void StudentTApproachesNormalAndHandlesRealDf()
    {
        Assert.Equal(Normal.TwoSidedP(1.7), StudentT.TwoSidedP(1.7, 1e7), 1e-7);
        // Monotone in df between integer dfs: p(ν = 2.5) lies between p(2) and p(3).
        double p2 = StudentT.TwoSidedP(2.1, 2), p25 = StudentT.TwoSidedP(2.1, 2.5), p3 = StudentT.TwoSidedP(2.1, 3);
        Assert.True(p2 > p25 && p25 > p3);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(3.0)]
    [InlineData(40.0)]
    public void ChiSquareMatchesClosedForms(double x)
    {
        // k = 2: P(χ² ≥ x) = e^{−x/2}.  k = 1: P(χ² ≥ x) = erfc(√(x/2)).
        Assert.Equal(Math.Exp(-x / 2), ChiSquare.UpperTail(x, 2), Math.Exp(-x / 2) * 1e-12);
        Assert.Equal(Normal.Erfc(Math.Sqrt(x / 2)), ChiSquare.UpperTail(x, 1), Normal.Erfc(Math.Sqrt(x / 2)) * 1e-11);
        // k = 4: P(χ² ≥ x) = e^{−x/2}(1 + x/2).
        Assert.Equal(Math.Exp(-x / 2) * (1 + x / 2), ChiSquare.UpperTail(x, 4), Math.Exp(-x / 2) * (1 + x / 2) * 1e-12);
    }

    [Theory]
    // Published two-sided 5 % critical values of Student's t: t(10) = 2.228138851986, t(30) = 2.042272456301.
    [InlineData(2.228138851986, 10)]
    [InlineData(2.042272456301, 30)]
    public void StudentTMatchesCriticalValueTables(double t, double df) =>
        Assert.Equal(0.05, StudentT.TwoSidedP(t, df), 1e-11);

    [Theory]
    // Published upper 5 % points of chi-square: χ²(10) = 18.307038053, χ²(8) = 15.507313055.
    [InlineData(18.307038053, 10)]
    [InlineData(15.507313055, 8)]
    public void ChiSquareMatchesCriticalValueTables(double x, double df) =>
        Assert.Equal(0.05, ChiSquare.UpperTail(x, df), 1e-10);

    [Fact]
    public void LogGammaMatchesFactorials()
    {
        // Γ(n) = (n − 1)!: ln Γ(10) = ln 362880; Γ(½) = √π.
        Assert.Equal(Math.Log(362880), SpecialFunctions.LogGamma(10), 1e-12);
        Assert.Equal(0.5 * Math.Log(Math.PI), SpecialFunctions.LogGamma(0.5), 1e-13);
    }
}
