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
