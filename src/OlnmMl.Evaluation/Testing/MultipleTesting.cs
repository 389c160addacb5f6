namespace OlnmMl.Evaluation.Testing;

/// <summary>Adjusted p-values for multiple comparisons (as R's <c>p.adjust</c>); NaN p-values stay NaN and are not counted.</summary>
public static class MultipleTesting
{
    /// <summary>
    /// Benjamini–Hochberg (false discovery rate): with the m p-values sorted p₍₁₎ ≤ … ≤ p₍ₘ₎,
    /// p̃₍ᵢ₎ = min_{k ≥ i} min(1, m·p₍ₖ₎/k), returned in input order.
    /// </summary>
    /// <param name="pValues">p-values in [0, 1] (NaN allowed).</param>
    /// <exception cref="ArgumentOutOfRangeException">A p-value outside [0, 1].</exception>
    public static double[] BenjaminiHochberg(IReadOnlyList<double> pValues)
    {
        int[] order = SortedDefined(pValues, out int m);
        var adjusted = Filled(pValues.Count);
        double running = 1;
        for (int rank = m; rank >= 1; rank--)
        {
            int index = order[rank - 1];
            running = Math.Min(running, Math.Min(1, m * pValues[index] / rank));
            adjusted[index] = running;
        }

        return adjusted;
    }

    /// <summary>
    /// Holm (family-wise error rate): p̃₍ᵢ₎ = max_{k ≤ i} min(1, (m − k + 1)·p₍ₖ₎), returned in input order.
    /// </summary>
    /// <param name="pValues">p-values in [0, 1] (NaN allowed).</param>
    /// <exception cref="ArgumentOutOfRangeException">A p-value outside [0, 1].</exception>
    public static double[] Holm(IReadOnlyList<double> pValues)
    {
        int[] order = SortedDefined(pValues, out int m);
        var adjusted = Filled(pValues.Count);
        double running = 0;
        for (int rank = 1; rank <= m; rank++)
        {
            int index = order[rank - 1];
            running = Math.Max(running, Math.Min(1, (m - rank + 1) * pValues[index]));
            adjusted[index] = running;
        }

        return adjusted;
    }

    private static int[] SortedDefined(IReadOnlyList<double> pValues, out int m)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var defined = new List<int>();
        for (int i = 0; i < pValues.Count; i++)
        {
            double p = pValues[i];
            if (double.IsNaN(p)) continue;
            if (p < 0 || p > 1) throw new ArgumentOutOfRangeException(nameof(pValues), p, $"p-value at index {i} is {p}; p-values must lie in [0, 1].");
            defined.Add(i);
        }

        m = defined.Count;
        int[] order = [.. defined];
        // Stable sort by p-value.
        Array.Sort(order, (a, b) => pValues[a] != pValues[b] ? pValues[a].CompareTo(pValues[b]) : a.CompareTo(b));
        return order;
    }

    private static double[] Filled(int count)
    {
        var result = new double[count];
        Array.Fill(result, double.NaN);
        return result;
    }
}
