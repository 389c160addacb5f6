using OlnmMl.Evaluation.Calibration;
using OlnmMl.Evaluation.Clinical;
using OlnmMl.Evaluation.Roc;

namespace OlnmMl.Evaluation.Tests;

public class CalibrationTests
{
    [Fact]
    public void BrierScoreMatchesHandCalculation()
    {
        // (0.9 − 1)² + (0.2 − 0)² + (0.6 − 1)² + (0.5 − 0)² = 0.01 + 0.04 + 0.16 + 0.25 = 0.46; /4 = 0.115.
        Assert.Equal(0.115, BrierScore.Compute([0.9, 0.2, 0.6, 0.5, double.NaN], [true, false, true, false, true]), 1e-15);
    }

    [Fact]
    public void ProbabilitiesOutsideTheUnitIntervalAreRejectedByName()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => BrierScore.Compute([0.2, 1.5], [true, false]));
        Assert.Contains("'probabilities'[1] = 1.5", error.Message);
    }

    [Fact]
    public void TwoRiskGroupsGiveTheSaturatedLogisticFit()
    {
        // Group 1: p = 0.2 (L₁ = ln(0.2/0.8) = −ln 4), 10 cases, 3 events (f₁ = 0.3).
        // Group 2: p = 0.6 (L₂ = ln 1.5), 10 cases, 5 events (f₂ = 0.5).
        // With two distinct L the slope model is saturated: a + b·Lₖ = logit fₖ, so
        // b = (logit 0.3 − logit 0.5)/(L₁ − L₂) = ln(3/7)/(−ln 4 − ln 1.5) = ln(3/7)/(−ln 6), a = −b·ln 1.5.
        var (p, y) = Groups((0.2, 10, 3), (0.6, 10, 5));
        CalibrationFit fit = CalibrationFit.Compute(p, y);
        double b = Math.Log(3.0 / 7.0) / -Math.Log(6);
        Assert.Equal(b, fit.Slope, 1e-9);
        Assert.Equal(-b * Math.Log(1.5), fit.Intercept, 1e-9);
        Assert.Null(fit.UndefinedReason);
        // Saturated two-group fit: Var(b) = [1/(n₁f₁(1 − f₁)) + 1/(n₂f₂(1 − f₂))]/(L₁ − L₂)² = (1/2.1 + 1/2.5)/ln²6.
        Assert.Equal(Math.Sqrt((1 / 2.1 + 1 / 2.5) / Math.Pow(Math.Log(6), 2)), fit.SlopeStandardError, 1e-9);
        // Offset model: its score equation Σ(y − σ(a′ + L)) = 0 must hold at a′: 8 = 10σ(a′ − ln 4) + 10σ(a′ + ln 1.5).
        double a0 = fit.CalibrationInTheLarge;
        double expectedEvents = 10 / (1 + Math.Exp(-(a0 - Math.Log(4)))) + 10 / (1 + Math.Exp(-(a0 + Math.Log(1.5))));
        Assert.Equal(8.0, expectedEvents, 1e-9);
    }

    [Fact]
    public void ConstantPredictionGivesClosedFormInterceptAndNoSlope()
    {
        // All p = 0.25 with 6 events in 20: a′ = logit(0.3) − logit(0.25) = ln(3/7) − ln(1/3) = ln(9/7).
        var (p, y) = Groups((0.25, 20, 6));
        CalibrationFit fit = CalibrationFit.Compute(p, y);
        Assert.Equal(Math.Log(9.0 / 7.0), fit.CalibrationInTheLarge, 1e-10);
        Assert.True(double.IsNaN(fit.Slope));
        Assert.Equal(Undefined.NoCalibrationFit, fit.UndefinedReason);
    }

    [Fact]
    public void PerfectSeparationIsReportedNotThrown()
    {
        CalibrationFit fit = CalibrationFit.Compute([0.1, 0.2, 0.3, 0.7, 0.8, 0.9], [false, false, false, true, true, true]);
        Assert.True(double.IsNaN(fit.Slope));
        Assert.Equal(Undefined.NoCalibrationFit, fit.UndefinedReason);
    }

    [Fact]
    public void HosmerLemeshowMatchesHandCalculation()
    {
        // p = 0.1, 0.1 | 0.3, 0.3 | 0.6, 0.6 | 0.8, 0.8 and g = 4: type-7 breaks 0.1, 0.25, 0.45, 0.65, 0.8 give these four groups.
        // y = (0, 1), (0, 0), (1, 0), (1, 1). Per group (O − E)²/(E(1 − E/n)):
        //   0.8²/(0.2·0.9) = 32/9, 0.6²/(0.6·0.7) = 6/7, 0.2²/(1.2·0.4) = 1/12, 0.4²/(1.6·0.2) = 1/2.
        // Ĉ = 32/9 + 6/7 + 1/12 + 1/2 = 1259/252; df = 2; p = e^{−Ĉ/2}.
        double[] p = [0.1, 0.1, 0.3, 0.3, 0.6, 0.6, 0.8, 0.8];
        bool[] y = [false, true, false, false, true, false, true, true];
        HosmerLemeshow hl = HosmerLemeshow.Compute(p, y, groups: 4);
        Assert.Equal(1259.0 / 252.0, hl.Statistic, 1e-12);
        Assert.Equal(2, hl.DegreesOfFreedom);
        Assert.Equal(Math.Exp(-1259.0 / 504.0), hl.PValue, 1e-12);
        Assert.Equal(4, hl.Groups);
    }

    [Fact]
    public void HosmerLemeshowWithTooFewDistinctRisksIsUndefined()
    {
        HosmerLemeshow hl = HosmerLemeshow.Compute([0.2, 0.2, 0.7, 0.7], [false, true, true, true]);
        Assert.Equal(Undefined.TooFewGroups, hl.UndefinedReason);
        Assert.True(double.IsNaN(hl.PValue));
    }

    [Fact]
    public void ReliabilityCurveBinsMatchHandCounts()
    {
        // Equal width, 2 bins: [0, 0.5) holds 0.1, 0.2, 0.4 (1 event); [0.5, 1] holds 0.5, 0.9 (2 events).
        ReliabilityCurve curve = ReliabilityCurve.Compute([0.1, 0.5, 0.2, 0.9, 0.4], [false, true, true, true, false], bins: 2);
        Assert.Equal(2, curve.Bins.Count);
        Assert.Equal(0.7 / 3, curve.Bins[0].MeanPredicted, 1e-15);
        Assert.Equal(1.0 / 3, curve.Bins[0].Observed.Estimate, 1e-15);
        Assert.Equal(0.7, curve.Bins[1].MeanPredicted, 1e-15);
        Assert.Equal(2, curve.Bins[1].Observed.Successes);

        // Equal count, 2 bins of 5 cases: bin ⌊r·2/5⌋ puts ranks 0–2 in bin 0 and ranks 3–4 in bin 1.
        ReliabilityCurve byCount = ReliabilityCurve.Compute([0.1, 0.5, 0.2, 0.9, 0.4], [false, true, true, true, false], bins: 2, strategy: BinningStrategy.EqualCount);
        Assert.Equal(3, byCount.Bins[0].Observed.Trials);
        Assert.Equal(2, byCount.Bins[1].Observed.Trials);
    }

    [Fact]
    public void DecisionCurveMatchesHandCalculation()
    {
        // 10 cases, 4 events. At pₜ = 0.25 (odds 1/3): treated p ≥ 0.25 → TP 3, FP 2;
        // NB = 3/10 − 2/10·1/3 = 0.2333…; treat all = 0.4 − 0.6/3 = 0.2.
        double[] p = [0.9, 0.6, 0.3, 0.1, 0.5, 0.25, 0.2, 0.1, 0.05, 0.01];
        bool[] y = [true, true, true, true, false, false, false, false, false, false];
        DecisionCurve curve = DecisionCurve.Compute(p, y, [0.25, 0.0]);
        Assert.Equal(0.3 - 0.2 / 3, curve.Points[0].Model, 1e-15);
        Assert.Equal(0.2, curve.Points[0].TreatAll, 1e-15);
        Assert.Equal(0, curve.Points[0].TreatNone);
        // At pₜ = 0 the model treats everyone, like treat-all: NB = prevalence = 0.4.
        Assert.Equal(0.4, curve.Points[1].Model, 1e-15);
        Assert.Equal(curve.Points[1].TreatAll, curve.Points[1].Model, 1e-15);
        Assert.Equal(99, DecisionCurve.Grid().Length);
    }

    [Fact]
    public void AveragePrecisionMatchesHandCalculation()
    {
        // Descending: 0.9+, 0.8−, 0.7+, 0.6+, 0.5−: precision at each positive 1/1, 2/3, 3/4 → AP = (1 + 2/3 + 3/4)/3 = 29/36.
        Assert.Equal(29.0 / 36, AveragePrecision.Compute([0.5, 0.9, 0.7, 0.8, 0.6], [false, true, true, false, true]), 1e-15);
        // Tie 0.8 holding one positive and one negative is one threshold: R 0.5 → P 1; R 1 → P 2/3; AP = 0.5 + 0.5·2/3 = 5/6.
        Assert.Equal(5.0 / 6, AveragePrecision.Compute([0.9, 0.8, 0.8, 0.5], [true, true, false, false]), 1e-15);
        Assert.True(double.IsNaN(AveragePrecision.Compute([0.9, 0.8], [false, false])));
    }

    private static (double[] P, bool[] Y) Groups(params (double P, int N, int Events)[] groups)
    {
        var p = new List<double>();
        var y = new List<bool>();
        foreach (var g in groups)
        {
            for (int i = 0; i < g.N; i++)
            {
                p.Add(g.P);
                y.Add(i < g.Events);
            }
        }

        return ([.. p], [.. y]);
    }
}
