using OlnmMl.Evaluation.Distributions;
using OlnmMl.Evaluation.Reclassification;

namespace OlnmMl.Evaluation.Tests;

public class ReclassificationTests
{
    // Events (y = 1): old → new      0.1 → 0.3, 0.4 → 0.6, 0.6 → 0.5, 0.7 → 0.8
    // Non-events (y = 0): old → new  0.2 → 0.1, 0.3 → 0.35, 0.5 → 0.2, 0.1 → 0.1, 0.6 → 0.4
    private static readonly double[] Old = [0.1, 0.4, 0.6, 0.7, 0.2, 0.3, 0.5, 0.1, 0.6];
    private static readonly double[] New = [0.3, 0.6, 0.5, 0.8, 0.1, 0.35, 0.2, 0.1, 0.4];
    private static readonly bool[] Y = [true, true, true, true, false, false, false, false, false];

    [Fact]
    public void ContinuousNriMatchesHandCalculation()
    {
        // Events: up 3, down 1 of 4 → 0.75 − 0.25 = 0.5. Non-events: up 1 (0.3 → 0.35), down 3, same 1 of 5 → 0.6 − 0.2 = 0.4.
        // NRI = 0.9. SE² = (0.75 + 0.25 − 0.5²)/4 + (0.2 + 0.6 − 0.4²)/5 = 0.1875 + 0.128 = 0.3155.
        var nri = ReclassificationMetrics.ContinuousNri(Old, New, Y);
        Assert.Equal(0.5, nri.EventsComponent, 1e-15);
        Assert.Equal(0.4, nri.NonEventsComponent, 1e-15);
        Assert.Equal(0.9, nri.Index, 1e-15);
        Assert.Equal(Math.Sqrt(0.3155), nri.StandardError, 1e-15);
        Assert.Equal(0.9 - 1.959963984540054 * Math.Sqrt(0.3155), nri.CiLower, 1e-12);
        Assert.Equal(Normal.TwoSidedP(0.9 / Math.Sqrt(0.3155)), nri.PValue, 1e-14);
    }

    [Fact]
    public void CategoricalNriMatchesHandCalculation()
    {
        // Categories at cut points 0.25 and 0.55: [0, 0.25) → 0, [0.25, 0.55) → 1, ≥ 0.55 → 2.
        // Events: 0.1→0.3 (0→1 up), 0.4→0.6 (1→2 up), 0.6→0.5 (2→1 down), 0.7→0.8 (2→2) → 0.5 − 0.25 = 0.25.
        // Non-events: 0.2→0.1 (0→0), 0.3→0.35 (1→1), 0.5→0.2 (1→0 down), 0.1→0.1, 0.6→0.4 (2→1 down) → 0.4 − 0 = 0.4.
        var nri = ReclassificationMetrics.CategoricalNri(Old, New, Y, [0.25, 0.55]);
        Assert.Equal(0.25, nri.EventsComponent, 1e-15);
        Assert.Equal(0.4, nri.NonEventsComponent, 1e-15);
        Assert.Equal(0.65, nri.Index, 1e-15);
    }

    [Fact]
    public void IdiMatchesHandCalculation()
    {
        // Events d = 0.2, 0.2, −0.1, 0.1: mean 0.1, s² = (0.01 + 0.01 + 0.04 + 0)/3 = 0.02.
        // Non-events d = −0.1, 0.05, −0.3, 0, −0.2: mean −0.11, s² = (0.0001 + 0.0256 + 0.0361 + 0.0121 + 0.0081)/4 = 0.0205.
        // IDI = 0.1 − (−0.11) = 0.21; SE² = 0.02/4 + 0.0205/5 = 0.0091.
        var idi = ReclassificationMetrics.Idi(Old, New, Y);
        Assert.Equal(0.21, idi.Index, 1e-14);
        Assert.Equal(0.1, idi.EventsComponent, 1e-14);
        Assert.Equal(0.11, idi.NonEventsComponent, 1e-14);
        Assert.Equal(Math.Sqrt(0.0091), idi.StandardError, 1e-14);
    }

    [Fact]
    public void NoEventsGiveAReasonAndBadCutPointsAreNamed()
    {
        var nri = ReclassificationMetrics.ContinuousNri([0.1, 0.2], [0.2, 0.1], [false, false]);
        Assert.True(double.IsNaN(nri.Index));
        Assert.Equal(Undefined.NoPositives, nri.UndefinedReason);
        var error = Assert.Throws<ArgumentException>(() => ReclassificationMetrics.CategoricalNri(Old, New, Y, [0.5, 0.3]));
        Assert.Contains("cutPoints[1]", error.Message);
    }
}
