using OlnmMl.Evaluation.Thresholds;

namespace OlnmMl.Evaluation.Calibration;

/// <summary>
/// Binned reliability (calibration) curve: per bin, mean predicted probability against the observed
/// fraction of positives (with a Wilson interval). Empty bins are omitted; NaN probabilities dropped.
/// </summary>
/// <param name="Strategy">How bins were formed.</param>
/// <param name="Bins">Non-empty bins in increasing order of p.</param>
public sealed record ReliabilityCurve(BinningStrategy Strategy, IReadOnlyList<ReliabilityBin> Bins)
{
    /// <summary>Builds the curve.</summary>
    /// <param name="probabilities">Predicted probability per case, in [0, 1].</param>
    /// <param name="labels">One label per case: true = positive.</param>
    /// <param name="bins">Number of bins B ≥ 1 (default 10).</param>
    /// <param name="strategy">Equal width (default) or equal count.</param>
    /// <param name="confidenceLevel">Level of the Wilson intervals.</param>
    public static ReliabilityCurve Compute(
        ReadOnlySpan<double> probabilities,
        ReadOnlySpan<bool> labels,
        int bins = 10,
        BinningStrategy strategy = BinningStrategy.EqualWidth,
        double confidenceLevel = 0.95)
    {
        CaseSet.RequireSameLength(probabilities.Length, labels.Length, nameof(probabilities));
        Probabilities.Require(probabilities, nameof(probabilities));
        if (bins < 1) throw new ArgumentOutOfRangeException(nameof(bins), bins, "A reliability curve needs at least 1 bin.");
        var (p, y) = CaseSet.Finite(probabilities, labels);
        Array.Sort(p, y);
        var count = new int[bins];
        var positives = new int[bins];
        var sum = new double[bins];
        var lower = new double[bins];
        var upper = new double[bins];
        Array.Fill(lower, double.PositiveInfinity);
        Array.Fill(upper, double.NegativeInfinity);
        for (int r = 0; r < p.Length; r++)
        {
            int bin = strategy == BinningStrategy.EqualWidth
                ? Math.Min(bins - 1, (int)(p[r] * bins))
                : (int)((long)r * bins / p.Length);
            count[bin]++;
            if (y[r]) positives[bin]++;
            sum[bin] += p[r];
            lower[bin] = Math.Min(lower[bin], p[r]);
            upper[bin] = Math.Max(upper[bin], p[r]);
        }

        var result = new List<ReliabilityBin>();
        for (int b = 0; b < bins; b++)
        {
            if (count[b] == 0) continue;
            result.Add(new ReliabilityBin(lower[b], upper[b], sum[b] / count[b], Proportion.Wilson(positives[b], count[b], confidenceLevel)));
        }

        return new ReliabilityCurve(strategy, result);
    }
}
