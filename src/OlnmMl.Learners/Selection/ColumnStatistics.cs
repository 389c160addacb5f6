using OlnmMl.Learners.Data;

namespace OlnmMl.Learners.Selection;

/// <summary>Column-wise statistics of a <see cref="DenseFeatureMatrix"/>.</summary>
internal static class ColumnStatistics
{
    /// <summary>Population variance Σ(x − x̄)²/n of each column.</summary>
    public static double[] Variances(DenseFeatureMatrix m)
    {
        StandardizedColumns(m, out var sd);
        return [.. sd.Select(s => s * s)];
    }

    /// <summary>
    /// Column-major z-scores (x − x̄)/s with the population s; a constant column becomes zeros and gets s = 0.
    /// </summary>
    public static double[] StandardizedColumns(DenseFeatureMatrix m, out double[] sd)
    {
        var n = m.Rows;
        var z = new double[n * m.Features];
        var s = new double[m.Features];
        Parallel.For(0, m.Features, j =>
        {
            var col = z.AsSpan(j * n, n);
            m.CopyColumn(j, col);
            double mean = 0;
            foreach (var v in col) mean += v;
            mean /= n;
            double ss = 0;
            foreach (var v in col) ss += (v - mean) * (v - mean);
            var sdj = Math.Sqrt(ss / n);
            s[j] = sdj;
            for (int i = 0; i < n; i++) col[i] = sdj > 0 ? (col[i] - mean) / sdj : 0;
        });
        sd = s;
        return z;
    }

    /// <summary>
    /// The median of <paramref name="values"/>: the middle value, or the mean of the two middle values (in double) for an
    /// even count; NaN when there are none.
    /// </summary>
    public static float Median(IEnumerable<float> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return float.NaN;
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (float)((sorted[middle - 1] + (double)sorted[middle]) / 2);
    }

    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }
}
