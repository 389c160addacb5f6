using OlnmMl.Evaluation.Distributions;
using OlnmMl.Evaluation.Roc;

namespace OlnmMl.Evaluation.Reclassification;

/// <summary>
/// Net reclassification improvement and integrated discrimination improvement of a new model's
/// probabilities over an old model's on the same cases (Pencina et al. 2008, Stat Med 27:157;
/// Pencina, D'Agostino &amp; Steyerberg 2011). Cases where either probability is NaN are dropped.
/// </summary>
public static class ReclassificationMetrics
{
    /// <summary>
    /// Categorical NRI: a case's category is the number of <paramref name="cutPoints"/> ≤ p; "up" when the
    /// new category is higher. NRI = [P(up|E) − P(down|E)] + [P(down|N) − P(up|N)].
    /// SE² = (u_E + d_E − (u_E − d_E)²)/n_E + (u_N + d_N − (u_N − d_N)²)/n_N (multinomial variance of
    /// each difference of proportions; Wald, not the null-variance form of Pencina 2008).
    /// </summary>
    /// <param name="oldProbabilities">Old model, one probability per case.</param>
    /// <param name="newProbabilities">New model, one probability per case.</param>
    /// <param name="labels">One label per case: true = event.</param>
    /// <param name="cutPoints">Risk category boundaries, strictly increasing, inside (0, 1).</param>
    /// <param name="confidenceLevel">Level of the interval.</param>
    public static ReclassificationIndex CategoricalNri(
        ReadOnlySpan<double> oldProbabilities,
        ReadOnlySpan<double> newProbabilities,
        ReadOnlySpan<bool> labels,
        IReadOnlyList<double> cutPoints,
        double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(cutPoints);
        if (cutPoints.Count == 0) throw new ArgumentException("Categorical NRI needs at least one cut point.", nameof(cutPoints));
        for (int k = 0; k < cutPoints.Count; k++)
        {
            if (!(cutPoints[k] > 0 && cutPoints[k] < 1) || (k > 0 && cutPoints[k] <= cutPoints[k - 1]))
            {
                throw new ArgumentException($"cutPoints[{k}] = {cutPoints[k]}: cut points must be strictly increasing and inside (0, 1).", nameof(cutPoints));
            }
        }

        double[] cuts = [.. cutPoints];
        return Nri("NRI (categorical)", oldProbabilities, newProbabilities, labels, confidenceLevel, (o, n) => Category(n, cuts).CompareTo(Category(o, cuts)));
    }

    /// <summary>
    /// Continuous (category-free) NRI: "up" when p_new &gt; p_old, "down" when p_new &lt; p_old; formula and SE
    /// as <see cref="CategoricalNri"/>.
    /// </summary>
    /// <param name="oldProbabilities">Old model, one probability per case.</param>
    /// <param name="newProbabilities">New model, one probability per case.</param>
    /// <param name="labels">One label per case: true = event.</param>
    /// <param name="confidenceLevel">Level of the interval.</param>
    public static ReclassificationIndex ContinuousNri(
        ReadOnlySpan<double> oldProbabilities,
        ReadOnlySpan<double> newProbabilities,
        ReadOnlySpan<bool> labels,
        double confidenceLevel = 0.95) =>
        Nri("NRI (continuous)", oldProbabilities, newProbabilities, labels, confidenceLevel, (o, n) => n.CompareTo(o));

    /// <summary>
    /// IDI = (p̄_new,E − p̄_old,E) − (p̄_new,N − p̄_old,N), the change in discrimination slope;
    /// SE² = s²(d_E)/n_E + s²(d_N)/n_N with d = p_new − p_old and s² the sample variance.
    /// </summary>
    /// <param name="oldProbabilities">Old model, one probability per case.</param>
    /// <param name="newProbabilities">New model, one probability per case.</param>
    /// <param name="labels">One label per case: true = event.</param>
    /// <param name="confidenceLevel">Level of the interval.</param>
    public static ReclassificationIndex Idi(
        ReadOnlySpan<double> oldProbabilities,
        ReadOnlySpan<double> newProbabilities,
        ReadOnlySpan<bool> labels,
        double confidenceLevel = 0.95)
    {
        double z = DeLong.CriticalValue(confidenceLevel);
        var (oldP, newP, y) = Paired(oldProbabilities, newProbabilities, labels);
        var events = new List<double>();
        var nonEvents = new List<double>();
        for (int i = 0; i < y.Length; i++) (y[i] ? events : nonEvents).Add(newP[i] - oldP[i]);
        string? reason = Reason(events.Count, nonEvents.Count, minimum: 2);
        if (reason is not null)
        {
            return new ReclassificationIndex("IDI", double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, events.Count, nonEvents.Count, reason);
        }

        double meanE = events.Average(), meanN = nonEvents.Average();
        double se = Math.Sqrt(SampleVariance(events, meanE) / events.Count + SampleVariance(nonEvents, meanN) / nonEvents.Count);
        return Build("IDI", meanE, -meanN, se, z, events.Count, nonEvents.Count);
    }

    private static ReclassificationIndex Nri(
        string kind,
        ReadOnlySpan<double> oldProbabilities,
        ReadOnlySpan<double> newProbabilities,
        ReadOnlySpan<bool> labels,
        double confidenceLevel,
        Func<double, double, int> movement)
    {
        double z = DeLong.CriticalValue(confidenceLevel);
        var (oldP, newP, y) = Paired(oldProbabilities, newProbabilities, labels);
        int nE = 0, nN = 0, upE = 0, downE = 0, upN = 0, downN = 0;
        for (int i = 0; i < y.Length; i++)
        {
            int move = Math.Sign(movement(oldP[i], newP[i]));
            if (y[i])
            {
                nE++;
                if (move > 0) upE++;
                else if (move < 0) downE++;
            }
            else
            {
                nN++;
                if (move > 0) upN++;
                else if (move < 0) downN++;
            }
        }

        string? reason = Reason(nE, nN, minimum: 1);
        if (reason is not null)
        {
            return new ReclassificationIndex(kind, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, nE, nN, reason);
        }

        double uE = (double)upE / nE, dE = (double)downE / nE, uN = (double)upN / nN, dN = (double)downN / nN;
        double varE = (uE + dE - (uE - dE) * (uE - dE)) / nE;
        double varN = (uN + dN - (uN - dN) * (uN - dN)) / nN;
        return Build(kind, uE - dE, dN - uN, Math.Sqrt(varE + varN), z, nE, nN);
    }

    private static ReclassificationIndex Build(string kind, double eventsPart, double nonEventsPart, double se, double z, int events, int nonEvents)
    {
        double index = eventsPart + nonEventsPart;
        double statistic = se > 0 ? index / se : index == 0 ? 0 : Math.Sign(index) * double.PositiveInfinity;
        return new ReclassificationIndex(kind, index, eventsPart, nonEventsPart, se, index - z * se, index + z * se, statistic, Normal.TwoSidedP(statistic), events, nonEvents, null);
    }

    private static (double[] Old, double[] New, bool[] Labels) Paired(ReadOnlySpan<double> oldP, ReadOnlySpan<double> newP, ReadOnlySpan<bool> labels)
    {
        CaseSet.RequireSameLength(oldP.Length, labels.Length, "oldProbabilities");
        CaseSet.RequireSameLength(newP.Length, labels.Length, "newProbabilities");
        Calibration.Probabilities.Require(oldP, "oldProbabilities");
        Calibration.Probabilities.Require(newP, "newProbabilities");
        var o = new List<double>();
        var n = new List<double>();
        var y = new List<bool>();
        for (int i = 0; i < labels.Length; i++)
        {
            if (double.IsNaN(oldP[i]) || double.IsNaN(newP[i])) continue;
            o.Add(oldP[i]);
            n.Add(newP[i]);
            y.Add(labels[i]);
        }

        return ([.. o], [.. n], [.. y]);
    }

    private static int Category(double p, double[] cuts)
    {
        int category = 0;
        while (category < cuts.Length && p >= cuts[category]) category++;
        return category;
    }

    private static string? Reason(int events, int nonEvents, int minimum) =>
        events < minimum ? (events == 0 ? Undefined.NoPositives : $"needs at least {minimum} events")
        : nonEvents < minimum ? (nonEvents == 0 ? Undefined.NoNegatives : $"needs at least {minimum} non-events")
        : null;

    private static double SampleVariance(List<double> values, double mean)
    {
        double sum = 0;
        foreach (double v in values) sum += (v - mean) * (v - mean);
        return sum / (values.Count - 1);
    }
}
