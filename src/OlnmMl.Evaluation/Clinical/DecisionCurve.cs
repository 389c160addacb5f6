namespace OlnmMl.Evaluation.Clinical;

/// <summary>
/// Decision-curve analysis (Vickers &amp; Elkin 2006): net benefit against threshold probability for the
/// model, treat-all and treat-none. NaN probabilities are dropped.
/// </summary>
/// <param name="Points">One point per threshold, in the order given.</param>
/// <param name="Cases">Cases used.</param>
/// <param name="Prevalence">π, fraction of positives.</param>
public sealed record DecisionCurve(IReadOnlyList<NetBenefitPoint> Points, int Cases, double Prevalence)
{
    /// <summary>Net benefit at each threshold.</summary>
    /// <param name="probabilities">Predicted probability per case, in [0, 1].</param>
    /// <param name="labels">One label per case: true = positive.</param>
    /// <param name="thresholds">Threshold probabilities, each in [0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">A threshold outside [0, 1).</exception>
    public static DecisionCurve Compute(ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> labels, IReadOnlyList<double> thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        CaseSet.RequireSameLength(probabilities.Length, labels.Length, nameof(probabilities));
        Calibration.Probabilities.Require(probabilities, nameof(probabilities));
        var (p, y) = CaseSet.Finite(probabilities, labels);
        int n = p.Length;
        int positives = y.Count(label => label);
        double prevalence = n == 0 ? double.NaN : (double)positives / n;
        var points = new NetBenefitPoint[thresholds.Count];
        for (int k = 0; k < thresholds.Count; k++)
        {
            double t = thresholds[k];
            if (!(t >= 0 && t < 1)) throw new ArgumentOutOfRangeException(nameof(thresholds), t, $"thresholds[{k}] = {t}: threshold probabilities must lie in [0, 1).");
            double odds = t / (1 - t);
            int tp = 0, fp = 0;
            for (int i = 0; i < n; i++)
            {
                if (p[i] < t) continue;
                if (y[i]) tp++;
                else fp++;
            }

            double model = n == 0 ? double.NaN : ((double)tp - fp * odds) / n;
            points[k] = new NetBenefitPoint(t, model, prevalence - (1 - prevalence) * odds, 0);
        }

        return new DecisionCurve(points, n, prevalence);
    }

    /// <summary>Thresholds from <paramref name="from"/> to <paramref name="to"/> inclusive in steps of <paramref name="step"/> (e.g. 0.01 … 0.99 by 0.01).</summary>
    /// <param name="from">First threshold.</param>
    /// <param name="to">Last threshold (included when reached within 1e-9).</param>
    /// <param name="step">Positive step.</param>
    public static double[] Grid(double from = 0.01, double to = 0.99, double step = 0.01)
    {
        if (!(step > 0)) throw new ArgumentOutOfRangeException(nameof(step), step, "The threshold grid step must be positive.");
        int count = (int)Math.Floor((to - from) / step + 1e-9) + 1;
        var grid = new double[Math.Max(count, 0)];
        for (int k = 0; k < grid.Length; k++) grid[k] = Math.Round(from + k * step, 12);
        return grid;
    }
}
