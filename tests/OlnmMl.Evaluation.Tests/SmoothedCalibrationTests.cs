using System.Globalization;
using OlnmMl.Evaluation.Calibration;
using OlnmMl.Evaluation.Tests.Survival;

namespace OlnmMl.Evaluation.Tests;

/// <summary>The restricted-cubic-spline calibration curve, against R's glm on a natural spline with the same knots (Data/calibration/make_fixtures.R).</summary>
public sealed class SmoothedCalibrationTests
{
    private static string Folder => Path.Combine(Path.GetDirectoryName(RFixture.Folder)!, "calibration");

    private static double[][] Csv(string name) =>
        [.. File.ReadAllLines(Path.Combine(Folder, name)).Skip(1).Select(l => l.Split(',').Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray())];

    [Theory]
    [InlineData("overconfident", 4)] // 300 cases: 4 knots
    [InlineData("small", 3)] // 80 cases: 3 knots
    public void OverconfidentPredictions_GiveRsKnotsCurveAndIci(string name, int knots)
    {
        var data = Csv(name + ".csv");
        var expected = Csv(name + "-curve.csv");
        var summary = File.ReadAllLines(Path.Combine(Folder, name + "-summary.csv")).Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[1..].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray());

        var curve = SmoothedCalibration.Compute([.. data.Select(r => r[0])], [.. data.Select(r => r[1] == 1)], [.. expected.Select(r => r[0])]);

        Assert.Null(curve.UndefinedReason);
        Assert.Equal(knots, curve.Knots.Length);
        for (int k = 0; k < knots; k++) Assert.Equal(summary["knots"][k], curve.Knots[k], 1e-9);
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i][1], curve.Observed[i], 1e-6);
        Assert.Equal(summary["ici"][0], curve.Ici, 1e-6);
    }

    [Fact]
    public void WellCalibratedPredictionsLieNearTheDiagonal_MiscalibratedFarFromIt()
    {
        var random = new Random(7);
        double[] truth = [.. Enumerable.Range(0, 4000).Select(_ => 0.05 + 0.9 * random.NextDouble())];
        bool[] labels = [.. truth.Select(p => random.NextDouble() < p)];
        double[] overconfident = [.. truth.Select(p => 1 / (1 + Math.Pow((1 - p) / p, 3)))]; // logit × 3

        var calibrated = SmoothedCalibration.Compute(truth, labels, [0.2, 0.5, 0.8]);
        var miscalibrated = SmoothedCalibration.Compute(overconfident, labels, [0.2, 0.5, 0.8]);

        Assert.True(calibrated.Ici < 0.02, $"ICI {calibrated.Ici}");
        Assert.All(calibrated.Observed.Zip(calibrated.Predicted), p => Assert.True(Math.Abs(p.First - p.Second) < 0.04, $"{p.First} at {p.Second}"));
        Assert.True(miscalibrated.Ici > 0.08, $"ICI {miscalibrated.Ici}");
        // Truth at predicted 0.2 is logistic(logit(0.2)/3) ≈ 0.387: the curve must say so, not 0.2.
        Assert.True(Math.Abs(miscalibrated.Observed[0] - 0.387) < 0.05, $"{miscalibrated.Observed[0]}");
    }

    [Fact]
    public void TwoDistinctPredictionsGiveAnEmptyCurveWithAReason() // fewer than the 3 knots of a small sample
    {
        var curve = SmoothedCalibration.Compute([0.2, 0.2, 0.8, 0.8, 0.2], [false, true, true, false, true]);

        Assert.Empty(curve.Observed);
        Assert.True(double.IsNaN(curve.Ici));
        Assert.Equal(Undefined.TooFewForSpline, curve.UndefinedReason);
    }
}
