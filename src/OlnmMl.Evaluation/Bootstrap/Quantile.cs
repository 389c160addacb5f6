namespace OlnmMl.Evaluation.Bootstrap;

/// <summary>Sample quantiles, R's default (type 7).</summary>
public static class Quantile
{
    /// <summary>
    /// Type-7 quantile of sorted data x₀ ≤ … ≤ x_{N−1}: h = (N − 1)p, Q = x_⌊h⌋ + (h − ⌊h⌋)(x_⌊h⌋+1 − x_⌊h⌋).
    /// Empty data gives NaN.
    /// </summary>
    /// <param name="sorted">Data sorted ascending.</param>
    /// <param name="probability">p in [0, 1].</param>
    public static double OfSorted(ReadOnlySpan<double> sorted, double probability)
    {
        if (!(probability >= 0 && probability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "Quantile probability must lie in [0, 1].");
        }

        if (sorted.Length == 0) return double.NaN;
        double h = (sorted.Length - 1) * probability;
        int lo = (int)Math.Floor(h);
        if (lo >= sorted.Length - 1) return sorted[^1];
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }
}
