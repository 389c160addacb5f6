namespace OlnmMl.Torch.Mil;

/// <summary>
/// The "prediction histogram" / bag-of-words view of a bag: each instance probability pₙ ∈ [0, 1] is a word, the bin
/// k = min(⌊pₙ·K⌋, K − 1) of K equal-width bins; a bag is its count vector c (c_k = instances in bin k).
/// </summary>
public static class PredictionHistogram
{
    /// <summary>The counts c [K] of <paramref name="probabilities"/> in <paramref name="bins"/> = K equal-width bins of [0, 1].</summary>
    /// <exception cref="ArgumentOutOfRangeException">K &lt; 1, or a probability is outside [0, 1] or NaN.</exception>
    public static int[] Counts(ReadOnlySpan<float> probabilities, int bins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var counts = new int[bins];
        foreach (var p in probabilities)
        {
            if (!(p is >= 0 and <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(probabilities), p, "An instance probability must lie in [0, 1].");
            }
            counts[Math.Min((int)(p * bins), bins - 1)]++;
        }
        return counts;
    }

    /// <summary>
    /// Smoothed inverse document frequencies over training bags (as scikit-learn's <c>TfidfTransformer</c>):
    /// idf_k = ln((1 + B) / (1 + df_k)) + 1, with B bags and df_k the bags having c_k &gt; 0.
    /// </summary>
    public static double[] InverseDocumentFrequencies(IReadOnlyList<int[]> counts, int bins)
    {
        var documents = new int[bins];
        foreach (var bag in counts)
        {
            for (int k = 0; k < bins; k++)
            {
                documents[k] += bag[k] > 0 ? 1 : 0;
            }
        }
        return documents.Select(df => Math.Log((1.0 + counts.Count) / (1.0 + df)) + 1).ToArray();
    }

    /// <summary>
    /// The TF-IDF vector of a bag: t_k = (c_k / n) · idf_k with n = Σ c_k, then divided by its Euclidean norm ‖t‖₂
    /// (bags of different sizes become comparable).
    /// </summary>
    public static double[] TfIdf(ReadOnlySpan<int> counts, ReadOnlySpan<double> idf)
    {
        double total = 0;
        foreach (var c in counts)
        {
            total += c;
        }
        var features = new double[counts.Length];
        for (int k = 0; k < counts.Length; k++)
        {
            features[k] = counts[k] / total * idf[k];
        }
        double norm = Math.Sqrt(features.Sum(t => t * t));
        return features.Select(t => t / norm).ToArray();
    }
}
