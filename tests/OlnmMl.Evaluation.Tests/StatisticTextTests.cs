using OlnmMl.Evaluation.Reports;

namespace OlnmMl.Evaluation.Tests;

/// <summary>The one rounding of every table: 3 decimals half away from zero, p below 0.001 as "&lt;0.001".</summary>
public sealed class StatisticTextTests
{
    [Theory]
    [InlineData(0.5625, "0.563")] // exactly representable midpoint: away from zero (banker's rounding would give 0.562)
    [InlineData(0.5615, "0.562")] // 0.56149999999999999911… in binary: below the midpoint
    [InlineData(-0.5625, "-0.563")]
    [InlineData(1.0, "1.000")]
    [InlineData(double.NaN, "n/a")]
    public void ValuesHaveThreeDecimals(double value, string expected) => Assert.Equal(expected, StatisticText.Value(value));

    [Theory]
    [InlineData(0.0009999, "<0.001")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.0495, "0.050")] // 0.04950000000000000344… in binary
    [InlineData(1.0, "1.000")]
    [InlineData(double.NaN, "n/a")]
    public void PValuesBelowOneThousandthReadLessThan(double p, string expected) => Assert.Equal(expected, StatisticText.P(p));

    [Fact]
    public void IntervalsSayWhenOnlyTheBoundsAreUndefined()
    {
        Assert.Equal("0.813 (0.750–0.875)", StatisticText.Interval(0.8125, 0.75, 0.8745));
        Assert.Equal("0.500 (CI n/a)", StatisticText.Interval(0.5, double.NaN, double.NaN));
    }
}
