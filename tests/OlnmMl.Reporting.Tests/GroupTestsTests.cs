using OlnmMl.Reporting.Tables;

namespace OlnmMl.Reporting.Tests;

public sealed class GroupTestsTests
{
    [Fact]
    public void ChiSquareMatchesHandCalculation()
    {
        // Table [[10, 20], [30, 40]]: N = 100, expected [[12, 18], [28, 42]];
        // χ² = 4/12 + 4/18 + 4/28 + 4/42 = 0.793651, df = 1, p = erfc(√(χ²/2)) = 0.372998.
        Assert.Equal(0.372998, GroupTests.ChiSquarePValue(new[,] { { 10, 20 }, { 30, 40 } }), 6);
    }

    [Fact]
    public void ChiSquareWithOneNonEmptyCategoryIsUndefined() =>
        Assert.True(double.IsNaN(GroupTests.ChiSquarePValue(new[,] { { 5, 0 }, { 7, 0 } })));

    [Fact]
    public void KruskalWallisMatchesHandCalculation()
    {
        // Two groups {1,2,3}, {4,5,6}: rank sums 6 and 15; H = 12/(6·7)·(6²/3 + 15²/3) − 3·7 = 3.857143,
        // df = 1: p = erfc(√(H/2)) = 0.049535.
        Assert.Equal(0.049535, GroupTests.KruskalWallisPValue([[1, 2, 3], [4, 5, 6]]), 6);
        // Three groups {1,2}, {3,4}, {5,6}: H = 12/42·(3²/2 + 7²/2 + 11²/2) − 21 = 4.571429, df = 2: p = e^(−H/2) = 0.101701.
        Assert.Equal(0.101701, GroupTests.KruskalWallisPValue([[1, 2], [3, 4], [5, 6]]), 6);
    }

    [Fact]
    public void KruskalWallisAppliesTieCorrection()
    {
        // {1,1,2}, {2,3,3}: midranks 1.5,1.5,3.5 | 3.5,5.5,5.5 → sums 6.5, 14.5;
        // H₀ = 12/42·(6.5²/3 + 14.5²/3) − 21 = 3.047619; ties: three pairs, Σ(t³ − t) = 18, C = 1 − 18/210;
        // H = H₀ / C = 3.333333, p = erfc(√(H/2)) = 0.067889.
        Assert.Equal(0.067889, GroupTests.KruskalWallisPValue([[1, 1, 2], [2, 3, 3]]), 6);
    }
}

/// <summary>The tests chosen by distribution and expected counts, against R 4.2 (<c>fisher.test</c>, <c>aov</c>, <c>t.test</c>, <c>pf</c>).</summary>
public sealed class ExactAndParametricGroupTestsTests
{
    [Fact]
    public void FisherExactMatchesR()
    {
        Assert.Equal(0.485714285714286, GroupTests.FisherExactPValue(new[,] { { 3, 1 }, { 1, 3 } }), 12); // fisher.test(matrix(c(3,1,1,3),2,byrow=TRUE))
        Assert.Equal(0.117765350367314, GroupTests.FisherExactPValue(new[,] { { 2, 7 }, { 5, 3 }, { 1, 6 } }), 12);
        Assert.Equal(0.583268231952691, GroupTests.FisherExactPValue(new[,] { { 1, 2, 3, 4 }, { 0, 2, 5, 1 }, { 2, 3, 3, 1 } }), 12);
    }

    [Fact]
    public void FisherExactIgnoresEmptyRowsAndColumnsAndGivesUpBeyondItsTableBudget()
    {
        Assert.Equal(0.485714285714286, GroupTests.FisherExactPValue(new[,] { { 3, 0, 1 }, { 0, 0, 0 }, { 1, 0, 3 } }), 12);
        Assert.True(double.IsNaN(GroupTests.FisherExactPValue(new[,] { { 1, 2, 3, 4 }, { 0, 2, 5, 1 }, { 2, 3, 3, 1 } }, maxTables: 10)));
    }

    [Fact]
    public void AnovaMatchesRAndWithTwoGroupsIsThePooledTTest()
    {
        double[][] groups = [[61.2, 55.0, 70.1, 66.3], [58.4, 49.9, 52.2], [71.0, 68.5, 73.3, 69.9, 75.2]];
        Assert.Equal(0.00162463192575326, GroupTests.AnovaPValue(groups), 12); // summary(aov(y ~ f))
        Assert.Equal(0.080551367750102, GroupTests.AnovaPValue(groups[..2]), 12); // t.test(g1, g2, var.equal = TRUE)
        Assert.Equal(0.0942828050789479, OlnmMl.Evaluation.Distributions.FisherF.UpperTail(2.5, 3, 17), 12); // pf(2.5, 3, 17, lower.tail = FALSE)
    }

    [Fact]
    public void TheSmallestExpectedCountDecidesBetweenChiSquareAndFisher()
    {
        // [[10, 20], [30, 40]]: expected [[12, 18], [28, 42]] → 12.
        Assert.Equal(12, GroupTests.SmallestExpectedCount(new[,] { { 10, 20 }, { 30, 40 } }), 12);
    }
}
