using OlnmMl.Evaluation.Roc;

namespace OlnmMl.Evaluation.Survival;

/// <summary>
/// Kaplan–Meier estimator with Greenwood variance, as R's <c>survfit(Surv(time, event) ~ 1)</c> with its defaults
/// (<c>conf.type = "log"</c>). At each distinct time tᵢ with nᵢ at risk and dᵢ events:
/// Ŝ(t) = Π_{tᵢ ≤ t} (1 − dᵢ/nᵢ); σ²(t) = Σ_{tᵢ ≤ t} dᵢ/(nᵢ(nᵢ − dᵢ)) (Greenwood, on the log scale);
/// SE(Ŝ) = Ŝ·σ; CI = [Ŝ·exp(−zσ), min(1, Ŝ·exp(zσ))] with z = Φ⁻¹(½ + level/2).
/// </summary>
public static class KaplanMeier
{
    /// <summary>√ε, the tolerance of R's median rule (<c>.Machine$double.eps^0.5</c>).</summary>
    private const double MedianTolerance = 1.4901161193847656e-08; // √(2⁻⁵²)

    /// <summary>Fits the curve.</summary>
    /// <param name="time">Follow-up time per case (finite, ≥ 0).</param>
    /// <param name="events">Per case: true = event, false = censored.</param>
    /// <param name="confidenceLevel">Level in (0, 1), default 0.95.</param>
    /// <exception cref="ArgumentException">Different lengths, or a level outside (0, 1).</exception>
    /// <exception cref="OlnmUserException">A negative or non-finite time, or no event.</exception>
    public static KaplanMeierCurve Fit(ReadOnlySpan<double> time, ReadOnlySpan<bool> events, double confidenceLevel = 0.95)
    {
        double z = DeLong.CriticalValue(confidenceLevel);
        int eventCount = SurvivalInput.Validate(time, events);
        int[] order = SurvivalInput.OrderByTime(time);
        var steps = new List<KaplanMeierStep>();
        double survival = 1, variance = 0;
        int atRisk = time.Length;
        for (int start = 0; start < order.Length;)
        {
            double t = time[order[start]];
            int deaths = 0, end = start;
            for (; end < order.Length && time[order[end]] == t; end++)
            {
                if (events[order[end]]) deaths++;
            }

            int censored = end - start - deaths;
            if (deaths > 0)
            {
                survival *= 1 - (double)deaths / atRisk;
                variance += deaths == atRisk ? double.PositiveInfinity : deaths / ((double)atRisk * (atRisk - deaths));
            }

            double sigma = Math.Sqrt(variance);
            bool zero = survival == 0;
            steps.Add(new KaplanMeierStep(
                t, atRisk, deaths, censored, survival,
                zero ? double.NaN : survival * sigma,
                sigma,
                zero ? double.NaN : survival * Math.Exp(-z * sigma),
                zero ? double.NaN : Math.Min(1, survival * Math.Exp(z * sigma))));
            atRisk -= end - start;
            start = end;
        }

        return new KaplanMeierCurve(time.Length, eventCount, confidenceLevel, "log", steps, Median(steps));
    }

    /// <summary>The median and its interval from the curve and its confidence limits (see <see cref="SurvivalMedian"/>).</summary>
    /// <param name="steps">A curve's rows, ascending in time.</param>
    public static SurvivalMedian Median(IReadOnlyList<KaplanMeierStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        return new SurvivalMedian(
            FirstAtOrBelowHalf(steps, s => s.Survival),
            FirstAtOrBelowHalf(steps, s => s.CiLower),
            FirstAtOrBelowHalf(steps, s => s.CiUpper));
    }

    /// <summary>
    /// R's <c>minmin</c>: among rows where the curve is defined and &lt; ½ + √ε, the first time; when that value equals ½
    /// within √ε and the curve drops later, the mean of that time and the time of the first lower value.
    /// </summary>
    private static double FirstAtOrBelowHalf(IReadOnlyList<KaplanMeierStep> steps, Func<KaplanMeierStep, double> curve)
    {
        int first = -1;
        for (int i = 0; i < steps.Count; i++)
        {
            double y = curve(steps[i]);
            if (double.IsNaN(y) || !(y < 0.5 + MedianTolerance)) continue;
            if (first < 0)
            {
                first = i;
                if (Math.Abs(y - 0.5) >= MedianTolerance) return steps[i].Time;
            }
            else if (y < curve(steps[first]))
            {
                return (steps[first].Time + steps[i].Time) / 2;
            }
        }

        return first < 0 ? double.NaN : steps[first].Time;
    }
}
