namespace OlnmMl.Learners.Statistics;

/// <summary>
/// Mann–Whitney U test, normal approximation with tie correction and continuity correction (as scipy's
/// <c>mannwhitneyu(method="asymptotic")</c>): U₁ = R₁ − n₁(n₁+1)/2 with mid-ranks R, μ = n₁n₂/2,
/// σ² = n₁n₂/12 · ((n+1) − Σ(t³ − t)/(n(n−1))), z = (|U₁ − μ| − ½)/σ, p = 2(1 − Φ(z)).
/// </summary>
public static class MannWhitney
{
    /// <summary>U₁ of the positive group and the two-sided p-value; p = 1 when all values tie (σ = 0).</summary>
    /// <param name="values">One value per row.</param>
    /// <param name="positive">Group membership per row.</param>
    /// <param name="order">Scratch buffer of length n.</param>
    public static (double U, double P) Test(ReadOnlySpan<double> values, ReadOnlySpan<bool> positive, Span<int> order)
    {
        var n = values.Length;
        for (int i = 0; i < n; i++) order[i] = i;
        var v = values.ToArray();
        order.Sort((a, b) => v[a].CompareTo(v[b]));

        double rankSumPositive = 0, tieTerm = 0;
        int n1 = 0;
        for (int start = 0; start < n;)
        {
            var end = start + 1;
            while (end < n && v[order[end]] == v[order[start]]) end++;
            var midRank = (start + end + 1) / 2.0; // ranks start..end-1 are 1-based start+1..end
            var t = end - start;
            tieTerm += (double)t * t * t - t;
            for (int k = start; k < end; k++)
                if (positive[order[k]]) { rankSumPositive += midRank; n1++; }
            start = end;
        }

        var n2 = n - n1;
        var u = rankSumPositive - n1 * (n1 + 1) / 2.0;
        var mu = n1 * (double)n2 / 2;
        var variance = n1 * (double)n2 / 12 * ((n + 1) - tieTerm / (n * (double)(n - 1)));
        if (variance <= 0) return (u, 1.0);
        var z = (Math.Abs(u - mu) - 0.5) / Math.Sqrt(variance);
        return (u, Math.Min(1.0, Normal.TwoSidedP(Math.Max(z, 0))));
    }
}
