using OlnmMl.Evaluation.Bootstrap;
using OlnmMl.Evaluation.Distributions;

namespace OlnmMl.Evaluation.Calibration;

/// <summary>
/// Hosmer–Lemeshow goodness-of-fit test, grouped as ResourceSelection::hoslem.test: breaks are the
/// type-7 quantiles of p at 0, 1/g, …, 1 (duplicates removed, so tied p stay in one group); group k
/// holds p in (b_{k−1}, b_k], the first also b₀; empty groups are dropped. With O and E = Σp the observed and expected
/// positives and nₖ the size of group k,
/// Ĉ = Σₖ (Oₖ − Eₖ)² / (Eₖ (1 − Eₖ/nₖ)), df = G − 2 (G = non-empty groups), p = P(χ²_df ≥ Ĉ).
/// Fewer than 3 groups gives NaN with a reason; NaN probabilities are dropped.
/// </summary>
/// <param name="Statistic">Ĉ.</param>
/// <param name="DegreesOfFreedom">G − 2.</param>
/// <param name="PValue">Upper chi-square tail.</param>
/// <param name="Groups">G, the number of groups formed.</param>
/// <param name="Cases">Cases used.</param>
/// <param name="UndefinedReason">Why the statistic is NaN; null otherwise.</param>
public sealed record HosmerLemeshow(double Statistic, int DegreesOfFreedom, double PValue, int Groups, int Cases, string? UndefinedReason)
{
    /// <summary>Runs the test.</summary>
    /// <param name="probabilities">Predicted probability per case, in [0, 1].</param>
    /// <param name="labels">One label per case: true = positive.</param>
    /// <param name="groups">Requested number of groups g ≥ 3 (default 10).</param>
    public static HosmerLemeshow Compute(ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> labels, int groups = 10)
    {
        CaseSet.RequireSameLength(probabilities.Length, labels.Length, nameof(probabilities));
        Probabilities.Require(probabilities, nameof(probabilities));
        if (groups < 3) throw new ArgumentOutOfRangeException(nameof(groups), groups, "Hosmer-Lemeshow needs at least 3 groups.");
        var (p, y) = CaseSet.Finite(probabilities, labels);
        Array.Sort(p, y);
        var breaks = new List<double>();
        for (int k = 0; k <= groups; k++)
        {
            double b = Quantile.OfSorted(p, (double)k / groups);
            if (breaks.Count == 0 || b > breaks[^1]) breaks.Add(b);
        }

        int intervals = breaks.Count - 1;
        double statistic = 0;
        int formed = 0;
        int r = 0;
        for (int k = 1; k <= intervals; k++)
        {
            double observed = 0, expected = 0;
            int size = 0;
            while (r < p.Length && (p[r] <= breaks[k] || k == intervals))
            {
                observed += y[r] ? 1 : 0;
                expected += p[r];
                size++;
                r++;
            }

            if (size == 0) continue;
            formed++;
            double expectedNegative = size - expected;
            double observedNegative = size - observed;
            statistic += (observed - expected) * (observed - expected) / expected
                + (observedNegative - expectedNegative) * (observedNegative - expectedNegative) / expectedNegative;
        }

        if (formed < 3) return new HosmerLemeshow(double.NaN, 0, double.NaN, formed, p.Length, Undefined.TooFewGroups);
        int df = formed - 2;
        return new HosmerLemeshow(statistic, df, ChiSquare.UpperTail(statistic, df), formed, p.Length, null);
    }
}
