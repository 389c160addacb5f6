using OlnmMl.Learners.Clinical;

namespace OlnmMl.Learners.Tests.Clinical;

/// <summary>
/// Firth's bias-reduced logistic regression against its closed form for one binary predictor: the estimates are the log
/// odds of the 2 × 2 table with ½ added to every cell (Firth 1993; Heinze &amp; Schemper 2002), β₀ = log((c + ½)/(d + ½))
/// and β₁ = log((a + ½)(d + ½) / ((b + ½)(c + ½))), with a/b the positives/negatives at x = 1 and c/d at x = 0.
/// </summary>
public sealed class FirthLogisticTests
{
    private static (double[] X, bool[] Labels) Table(int a, int b, int c, int d)
    {
        var x = new List<double>();
        var labels = new List<bool>();
        void Add(int count, double value, bool label)
        {
            for (var i = 0; i < count; i++)
            {
                x.Add(value);
                labels.Add(label);
            }
        }

        Add(a, 1, true);
        Add(b, 1, false);
        Add(c, 0, true);
        Add(d, 0, false);
        return ([.. x], [.. labels]);
    }

    [Theory]
    [InlineData(10, 0, 0, 10)] // complete separation: the plain likelihood has no maximum; Firth gives β₁ = log(10.5² / 0.5²) = log 441
    [InlineData(12, 3, 4, 9)]
    [InlineData(7, 0, 3, 11)] // quasi-separation in one cell
    public void OneBinaryPredictorGivesTheHalfCorrectedLogOdds(int a, int b, int c, int d)
    {
        var (x, labels) = Table(a, b, c, d);

        var table = LogisticRegression.Fit(x, labels, ["x"], firth: true);

        Assert.Equal(Math.Log((c + 0.5) / (d + 0.5)), table[0].Estimate, 8);
        Assert.Equal(Math.Log((a + 0.5) * (d + 0.5) / ((b + 0.5) * (c + 0.5))), table[1].Estimate, 8);
    }

    [Fact]
    public void WithoutFirthCompleteSeparationIsRefusedNamingThePredictor()
    {
        var (x, labels) = Table(10, 0, 0, 10);

        var error = Assert.Throws<InvalidOperationException>(() => LogisticRegression.Fit(x, labels, ["score"]));

        Assert.Contains("'score'", error.Message);
    }
}
