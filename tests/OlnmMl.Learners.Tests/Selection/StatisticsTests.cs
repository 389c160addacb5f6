using OlnmMl.Learners.Statistics;

namespace OlnmMl.Learners.Tests.Selection;

public class StatisticsTests
{
    [Fact]
    public void MannWhitney_MatchesTheHandCalculatedNormalApproximation()
    {
        // Positives {1, 2, 3}, negatives {4, 5, 6}: R₁ = 6, U₁ = 6 − 3·4/2 = 0, μ = 4.5, σ² = 9·7/12 = 5.25
        // (no ties), z = (|0 − 4.5| − 0.5)/√5.25 = 1.74574, p = 2(1 − Φ(1.74574)) = 0.080856.
        var (u, p) = MannWhitney.Test([1, 2, 3, 4, 5, 6], [true, true, true, false, false, false], new int[6]);
        Assert.Equal(0, u);
        Assert.Equal(0.080856, p, 5);
    }

    [Fact]
    public void MannWhitney_TieCorrection_UsesMidRanks()
    {
        // Positives {1, 2, 2}, negatives {2, 3, 4}: mid-rank of the three 2s is 3, R₁ = 1 + 3 + 3 = 7, U₁ = 1,
        // tie term Σ(t³ − t) = 24, σ² = 9/12 · (7 − 24/30) = 4.65, z = (3.5 − 0.5)/√4.65 = 1.39122, p = 0.164165.
        var (u, p) = MannWhitney.Test([1, 2, 2, 2, 3, 4], [true, true, true, false, false, false], new int[6]);
        Assert.Equal(1, u);
        Assert.Equal(0.164165, p, 5);
    }

    [Fact]
    public void Icc_ReproducesShroutAndFleiss1979Table()
    {
        // Shrout & Fleiss (1979), Table 2: 6 targets × 4 judges; published ICC(2,1) = 0.29, ICC(3,1) = 0.71.
        double[] ratings =
        [
            9, 2, 5, 8,
            6, 1, 3, 2,
            8, 4, 6, 8,
            7, 1, 2, 6,
            10, 5, 6, 9,
            6, 2, 4, 7,
        ];
        Assert.Equal(0.29, IntraclassCorrelation.Compute(ratings, 6, 4, IccForm.Agreement21), 2);
        Assert.Equal(0.71, IntraclassCorrelation.Compute(ratings, 6, 4, IccForm.Consistency31), 2);
    }

    [Fact]
    public void NormalCdf_MatchesTabulatedValues()
    {
        Assert.Equal(0.975002, Normal.Cdf(1.96), 6);
        Assert.Equal(0.5, Normal.Cdf(0), 7);
        Assert.Equal(1.959964, Normal.Quantile(0.975), 5);
    }
}
