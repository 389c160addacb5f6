namespace OlnmMl.Learners.Selection;

/// <summary>Shared helpers for picking slots from per-feature scores.</summary>
internal static class FeatureRanking
{
    /// <summary>The <paramref name="k"/> indices with the largest scores (ties: lower index first), returned ascending.</summary>
    public static int[] TopK(ReadOnlySpan<double> scores, int k)
    {
        var s = scores.ToArray();
        var order = Enumerable.Range(0, s.Length)
            .OrderByDescending(i => double.IsNaN(s[i]) ? double.NegativeInfinity : s[i])
            .ThenBy(i => i)
            .Take(Math.Min(k, s.Length));
        return [.. order.Order()];
    }

    /// <summary>Indices whose score satisfies <paramref name="keep"/>, ascending.</summary>
    public static int[] Where(ReadOnlySpan<double> scores, Func<double, bool> keep)
    {
        var kept = new List<int>();
        for (int i = 0; i < scores.Length; i++) if (keep(scores[i])) kept.Add(i);
        return [.. kept];
    }

    /// <summary>Checks that a selection kept at least one slot.</summary>
    /// <exception cref="InvalidOperationException">When none was kept, naming the method and its criterion.</exception>
    public static int[] RequireAny(int[] selected, string method, string criterion) =>
        selected.Length > 0 ? selected
            : throw new InvalidOperationException($"Feature selection '{method}' kept no feature ({criterion}); relax the criterion.");
}
