using OlnmMl.Evaluation.Testing;

namespace OlnmMl.Evaluation.Tests;

public class MultipleTestingTests
{
    // p = (0.01, 0.04, 0.03, 0.005), m = 4; sorted 0.005, 0.01, 0.03, 0.04.
    private static readonly double[] P = [0.01, 0.04, 0.03, 0.005];

    [Fact]
    public void HolmMatchesHandCalculation()
    {
        // (m − k + 1)·p₍ₖ₎ = 4·0.005 = 0.02, 3·0.01 = 0.03, 2·0.03 = 0.06, 1·0.04 = 0.04 → running max 0.02, 0.03, 0.06, 0.06.
        double[] adjusted = MultipleTesting.Holm(P);
        Assert.Equal([0.03, 0.06, 0.06, 0.02], adjusted.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void BenjaminiHochbergMatchesHandCalculation()
    {
        // m·p₍ₖ₎/k = 0.02, 0.02, 0.04, 0.04 → running min from the top: 0.02, 0.02, 0.04, 0.04.
        double[] adjusted = MultipleTesting.BenjaminiHochberg(P);
        Assert.Equal([0.02, 0.04, 0.04, 0.02], adjusted.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void NaNIsKeptAndNotCountedAndValuesAreCappedAtOne()
    {
        double[] adjusted = MultipleTesting.Holm([0.6, double.NaN, 0.5]);
        Assert.True(double.IsNaN(adjusted[1]));
        // m = 2: 2·0.5 = 1, max(1, 0.6) = 1.
        Assert.Equal(1.0, adjusted[0]);
        Assert.Equal(1.0, adjusted[2]);
    }

    [Fact]
    public void OutOfRangePValueIsRejectedWithItsIndex()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => MultipleTesting.BenjaminiHochberg([0.1, 1.2]));
        Assert.Contains("index 1", error.Message);
    }
}
