using OlnmMl.Evaluation.Distributions;
using OlnmMl.Evaluation.Roc;

namespace OlnmMl.Evaluation.Tests;

public class DeLongTests
{
    // Hanley & McNeil (1982), Radiology 143:29, Table 1: 109 CT images rated 1–5.
    // Normal (negative) counts per rating 1..5: 33, 6, 6, 11, 2 (n = 58); abnormal: 3, 2, 2, 11, 33 (m = 51).
    private static readonly int[] NormalCounts = [33, 6, 6, 11, 2];
    private static readonly int[] AbnormalCounts = [3, 2, 2, 11, 33];

    [Fact]
    public void HanleyMcNeilRatingDataGivesThePublishedAuc()
    {
        var (scores, labels) = RatingData();
        // U = Σ_k a_k (negatives below k + ½ negatives at k):
        //   3·(0 + 16.5) + 2·(33 + 3) + 2·(39 + 3) + 11·(45 + 5.5) + 33·(56 + 1) = 49.5 + 72 + 84 + 555.5 + 1881 = 2642,
        // AUC = 2642 / (51·58) = 2642 / 2958 = 0.89317…, the published 0.893.
        AucEstimate estimate = DeLong.Estimate(scores, labels);
        Assert.Equal(2642.0 / 2958.0, estimate.Auc, 1e-12);
        Assert.Equal(0.893, estimate.Auc, 3);
        Assert.Equal(51, estimate.Positives);
        Assert.Equal(58, estimate.Negatives);
    }

    [Fact]
    public void HanleyMcNeilDeLongVarianceMatchesTheGroupedPlacementFormula()
    {
        var (scores, labels) = RatingData();
        // Placements per rating k: V10_k = (negatives below k + ½ negatives at k)/58, V01_k = (positives above k + ½ positives at k)/51:
        // V10 = 16.5, 36, 42, 50.5, 57 (/58); V01 = 49.5, 47, 45, 38.5, 16.5 (/51).
        double a = 2642.0 / 2958.0;
        double[] v10 = [16.5 / 58, 36.0 / 58, 42.0 / 58, 50.5 / 58, 57.0 / 58];
        double[] v01 = [49.5 / 51, 47.0 / 51, 45.0 / 51, 38.5 / 51, 16.5 / 51];
        double s10 = 0, s01 = 0;
        for (int k = 0; k < 5; k++)
        {
            s10 += AbnormalCounts[k] * (v10[k] - a) * (v10[k] - a);
            s01 += NormalCounts[k] * (v01[k] - a) * (v01[k] - a);
        }

        double expected = s10 / 50 / 51 + s01 / 57 / 58;
        AucEstimate estimate = DeLong.Estimate(scores, labels);
        Assert.Equal(expected, estimate.Variance, 1e-14);
        // Same order as Hanley & McNeil's own SE 0.032 (a different, exponential-model approximation).
        Assert.InRange(estimate.StandardError, 0.025, 0.04);
    }

    [Fact]
    public void SmallHandCaseGivesExactAucAndVariance()
    {
        // Positives X = {0.9, 0.8, 0.4}, negatives Y = {0.7, 0.4, 0.2, 0.1}.
        // ψ sums per positive: 0.9 → 4, 0.8 → 4, 0.4 → 0 + ½ + 1 + 1 = 2.5; U = 10.5, AUC = 10.5/12 = 0.875.
        // V10 = {1, 1, 0.625}: S10 = (0.125² + 0.125² + 0.25²)/2 = 0.09375/2 = 3/64.
        // V01 = {2/3, 2.5/3, 1, 1}: deviations from 0.875 = −5/24, −1/24, 3/24, 3/24 → Σ² = 44/576 = 11/144, S01 = 11/432.
        // Var = (3/64)/3 + (11/432)/4 = 1/64 + 11/1728 = 38/1728 = 19/864.
        double[] scores = [0.9, 0.8, 0.4, 0.7, 0.4, 0.2, 0.1];
        bool[] labels = [true, true, true, false, false, false, false];
        AucEstimate estimate = DeLong.Estimate(scores, labels);
        Assert.Equal(0.875, estimate.Auc, 1e-15);
        Assert.Equal(19.0 / 864.0, estimate.Variance, 1e-15);
        double z = 1.959963984540054;
        Assert.Equal(0.875 - z * Math.Sqrt(19.0 / 864.0), estimate.CiLower, 1e-12);
        Assert.Equal(1.0, estimate.CiUpper); // 0.875 + 0.29 is clipped at 1
    }

    [Theory]
    [InlineData(40, 1)]
    [InlineData(300, 2)]
    [InlineData(91, 3)]
    public void FastVarianceAndCovarianceEqualBruteForceOverAllPairs(int cases, int seed)
    {
        var (first, second, labels) = Reference.Binormal(cases, 0.8, seed);
        var (aucs, cov) = Reference.BruteForceDeLong([first, second], labels);
        AucCovariance fast = DeLong.Covariance([first, second], labels);
        for (int r = 0; r < 2; r++)
        {
            Assert.Equal(aucs[r], fast.Aucs[r], 1e-12);
            for (int s = 0; s < 2; s++) Assert.Equal(cov[r, s], fast.Covariance[r][s], 1e-14);
        }

        Assert.Equal(cov[0, 0], DeLong.Estimate(first, labels).Variance, 1e-14);
    }

    [Fact]
    public void FastDeLongEqualsBruteForceOnManySmallHeavilyTiedSamples()
    {
        // 300 random data sets of 4–30 cases with scores in {0, 1, 2, 3} (many ties), both classes ≥ 2.
        var random = new Random(99);
        for (int trial = 0; trial < 300; trial++)
        {
            int cases = random.Next(4, 31);
            var labels = new bool[cases];
            var first = new double[cases];
            var second = new double[cases];
            for (int i = 0; i < cases; i++)
            {
                labels[i] = i < 2 || (i >= 4 && random.Next(2) == 0);
                first[i] = random.Next(4);
                second[i] = random.Next(4);
            }

            var (aucs, cov) = Reference.BruteForceDeLong([first, second], labels);
            AucCovariance fast = DeLong.Covariance([first, second], labels);
            Assert.Equal(aucs[0], fast.Aucs[0], 1e-12);
            Assert.Equal(aucs[1], fast.Aucs[1], 1e-12);
            Assert.Equal(cov[0, 0], fast.Covariance[0][0], 1e-13);
            Assert.Equal(cov[0, 1], fast.Covariance[0][1], 1e-13);
            Assert.Equal(cov[1, 1], fast.Covariance[1][1], 1e-13);
        }
    }

    [Fact]
    public void AucEqualsMannWhitneyU()
    {
        // U = Σ ranks of positives − m(m+1)/2 with midranks for ties; AUC = U/(mn).
        var (scores, _, labels) = Reference.Binormal(250, 0.5, 7);
        double[] ranks = Midranks(scores);
        int m = labels.Count(l => l), n = labels.Length - m;
        double rankSum = Enumerable.Range(0, scores.Length).Where(i => labels[i]).Sum(i => ranks[i]);
        Assert.Equal((rankSum - m * (m + 1) / 2.0) / ((double)m * n), DeLong.Auc(scores, labels), 1e-12);
    }

    [Fact]
    public void AucIsInvariantToMonotoneTransformsAndReflectsUnderNegation()
    {
        var (scores, _, labels) = Reference.Binormal(200, 0.7, 11);
        double auc = DeLong.Auc(scores, labels);
        Assert.Equal(auc, DeLong.Auc(scores.Select(s => Math.Exp(3 * s)).ToArray(), labels), 1e-14);
        Assert.Equal(1 - auc, DeLong.Auc(scores.Select(s => -s).ToArray(), labels), 1e-14);
    }

    [Fact]
    public void DegenerateInputsGiveDocumentedResults()
    {
        // All scores equal: every pair ties, AUC = ½; the DeLong variance would be 0 only because nothing is
        // ranked, so no interval is claimed (a CI [½, ½] would read as certainty) and the reason says so.
        AucEstimate equal = DeLong.Estimate([0.3, 0.3, 0.3, 0.3], [true, false, true, false]);
        Assert.Equal(0.5, equal.Auc);
        Assert.True(double.IsNaN(equal.Variance));
        Assert.True(double.IsNaN(equal.CiLower));
        Assert.Equal(Undefined.ConstantScore, equal.UndefinedReason);

        AucEstimate oneClass = DeLong.Estimate([0.1, 0.2, 0.3], [true, true, true]);
        Assert.True(double.IsNaN(oneClass.Auc));
        Assert.Equal(Undefined.NoNegatives, oneClass.UndefinedReason);

        AucEstimate single = DeLong.Estimate([0.4], [false]);
        Assert.True(double.IsNaN(single.Auc));
        Assert.Equal(Undefined.NoPositives, single.UndefinedReason);

        AucEstimate empty = DeLong.Estimate([], []);
        Assert.Equal(Undefined.NoCases, empty.UndefinedReason);

        // One positive: AUC defined (0.9 beats 0.2 and 0.5 → 1), variance undefined.
        AucEstimate onePositive = DeLong.Estimate([0.9, 0.2, 0.5], [true, false, false]);
        Assert.Equal(1.0, onePositive.Auc);
        Assert.True(double.IsNaN(onePositive.Variance));
        Assert.Equal(Undefined.TooFewForVariance, onePositive.UndefinedReason);

        // NaN scores are dropped and counted: the result equals the data without them.
        AucEstimate withNaN = DeLong.Estimate([0.9, double.NaN, 0.8, 0.4, 0.7, 0.4, double.NaN, 0.2, 0.1], [true, true, true, true, false, false, false, false, false]);
        Assert.Equal(0.875, withNaN.Auc, 1e-15);
        Assert.Equal(19.0 / 864.0, withNaN.Variance, 1e-15);
        Assert.Equal(2, withNaN.ExcludedMissing);
    }

    [Fact]
    public void MismatchedLengthsNameTheInputs()
    {
        var error = Assert.Throws<ArgumentException>(() => DeLong.Estimate([0.1, 0.2], [true]));
        Assert.Contains("'scores' has 2", error.Message);
        Assert.Contains("'labels' has 1", error.Message);
    }

    [Fact]
    public void PairedTestUsesTheBruteForceCovariance()
    {
        var (first, second, labels) = Reference.Binormal(120, 1.0, 5);
        var (aucs, cov) = Reference.BruteForceDeLong([first, second], labels);
        double se = Math.Sqrt(cov[0, 0] + cov[1, 1] - 2 * cov[0, 1]);
        double z = (aucs[0] - aucs[1]) / se;
        AucComparison test = DeLong.PairedTest(first, second, labels);
        Assert.Equal(z, test.Statistic, 1e-10);
        Assert.Equal(2 * Normal.Cdf(-Math.Abs(z)), test.PValue, 1e-12);
        Assert.Equal(aucs[0] - aucs[1] - 1.959963984540054 * se, test.DifferenceCiLower, 1e-10);

        // Swapping the scores flips the statistic and keeps p.
        AucComparison swapped = DeLong.PairedTest(second, first, labels);
        Assert.Equal(-test.Statistic, swapped.Statistic, 1e-12);
        Assert.Equal(test.PValue, swapped.PValue, 1e-14);
    }

    [Fact]
    public void PairedTestOfIdenticalRankingsIsDefinedAsNoDifference()
    {
        var (first, _, labels) = Reference.Binormal(60, 1.0, 9);
        double[] transformed = first.Select(s => 10 * s + 3).ToArray(); // same ranking → same placements
        AucComparison test = DeLong.PairedTest(first, transformed, labels);
        Assert.Equal(0.0, test.Statistic);
        Assert.Equal(1.0, test.PValue);
        Assert.Equal(Undefined.IdenticalCurves, test.UndefinedReason);
    }

    [Fact]
    public void PairedTestDropsCasesMissingEitherScore()
    {
        double[] first = [0.9, 0.8, 0.4, 0.7, 0.4, 0.2, 0.1, 0.5];
        double[] second = [0.6, double.NaN, 0.9, 0.1, 0.3, 0.8, 0.2, 0.4];
        bool[] labels = [true, true, true, false, false, false, false, true];
        AucComparison test = DeLong.PairedTest(first, second, labels);
        Assert.Equal(7, test.Cases);
        bool[] keep = [true, false, true, true, true, true, true, true];
        double[] f = first.Where((_, i) => keep[i]).ToArray();
        bool[] y = labels.Where((_, i) => keep[i]).ToArray();
        Assert.Equal(DeLong.Auc(f, y), test.Auc1, 1e-15);
    }

    [Fact]
    public void UnpairedTestUsesWelchDegreesOfFreedom()
    {
        var (a, _, la) = Reference.Binormal(150, 1.0, 21);
        var (b, _, lb) = Reference.Binormal(90, 0.4, 22);
        AucEstimate ea = DeLong.Estimate(a, la), eb = DeLong.Estimate(b, lb);
        // t = (A₁ − A₂)/√(V₁ + V₂); df = (V₁ + V₂)² / (V₁²/(N₁ − 1) + V₂²/(N₂ − 1)), N = cohort size.
        double t = (ea.Auc - eb.Auc) / Math.Sqrt(ea.Variance + eb.Variance);
        double df = Math.Pow(ea.Variance + eb.Variance, 2) / (ea.Variance * ea.Variance / 149 + eb.Variance * eb.Variance / 89);
        AucComparison test = DeLong.UnpairedTest(a, la, b, lb);
        Assert.Equal(t, test.Statistic, 1e-12);
        Assert.Equal(df, test.DegreesOfFreedom, 1e-9);
        Assert.Equal(StudentT.TwoSidedP(t, df), test.PValue, 1e-14);

        AucComparison same = DeLong.UnpairedTest(a, la, a, la);
        Assert.Equal(0.0, same.Statistic);
        Assert.Equal(1.0, same.PValue, 1e-12);
    }

    [Fact]
    public void RocCurveAreaEqualsAucWithTies()
    {
        var (scores, _, labels) = Reference.Binormal(300, 0.6, 4, decimals: 0);
        RocCurve curve = RocCurve.Compute(scores, labels);
        double area = 0;
        for (int k = 1; k < curve.Thresholds.Count; k++)
        {
            area += (curve.FalsePositiveRates[k] - curve.FalsePositiveRates[k - 1]) * (curve.TruePositiveRates[k] + curve.TruePositiveRates[k - 1]) / 2;
        }

        Assert.Equal(DeLong.Auc(scores, labels), area, 1e-12);
        Assert.Equal(double.PositiveInfinity, curve.Thresholds[0]);
        Assert.Equal((0.0, 0.0), (curve.FalsePositiveRates[0], curve.TruePositiveRates[0]));
        Assert.Equal((1.0, 1.0), (curve.FalsePositiveRates[^1], curve.TruePositiveRates[^1]));
    }

    private static (double[] Scores, bool[] Labels) RatingData()
    {
        var scores = new List<double>();
        var labels = new List<bool>();
        for (int rating = 1; rating <= 5; rating++)
        {
            for (int c = 0; c < NormalCounts[rating - 1]; c++) { scores.Add(rating); labels.Add(false); }
            for (int c = 0; c < AbnormalCounts[rating - 1]; c++) { scores.Add(rating); labels.Add(true); }
        }

        return ([.. scores], [.. labels]);
    }

    private static double[] Midranks(double[] values)
    {
        int[] order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Length];
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            while (end < order.Length && values[order[end]] == values[order[start]]) end++;
            double midrank = (start + 1 + end) / 2.0; // average of ranks start+1 … end
            for (int k = start; k < end; k++) ranks[order[k]] = midrank;
            start = end;
        }

        return ranks;
    }
}
