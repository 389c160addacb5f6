using OlnmMl.AutoML.Tuners;

namespace OlnmMl.AutoML.Tests;

public class ExpectedImprovementTests
{
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.959964, 0.975)]
    [InlineData(-1.644854, 0.05)]
    public void Normal_cdf_matches_the_tables(double z, double expected) =>
        Assert.Equal(expected, ExpectedImprovement.NormalCdf(z), 6);

    [Fact]
    public void Expected_improvement_matches_the_closed_form_by_hand()
    {
        // μ = f*, σ = 1: EI = φ(0) = 1/√(2π) = 0.398942.
        Assert.Equal(0.398942, ExpectedImprovement.Compute(mean: 0, sd: 1, best: 0), 6);
        // d = f* − μ = 1, σ = 1, z = 1: EI = Φ(1) + φ(1) = 0.841345 + 0.241971 = 1.083316.
        Assert.Equal(1.083316, ExpectedImprovement.Compute(mean: 0, sd: 1, best: 1), 5);
        // σ = 0: EI = max(f* − μ, 0).
        Assert.Equal(0.25, ExpectedImprovement.Compute(mean: 0.75, sd: 0, best: 1));
        Assert.Equal(0, ExpectedImprovement.Compute(mean: 2, sd: 0, best: 1));
    }
}
