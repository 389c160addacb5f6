namespace OlnmMl.Torch.Mil;

/// <summary>
/// The patient-level classifier of the prediction-histogram aggregation: a bag's instance probabilities → K-bin counts →
/// TF-IDF vector t (<see cref="PredictionHistogram"/>, idf fitted on the training bags) → P = σ(wᵀt + b), with w, b the
/// L2-penalised logistic regression fitted on the training bags' vectors and labels. Stored in the saved model.
/// </summary>
public sealed record HistogramClassifier
{
    /// <summary>Number of bins K.</summary>
    public required int Bins { get; init; }

    /// <summary>idf_k of each bin (from the training bags).</summary>
    public required IReadOnlyList<double> InverseDocumentFrequencies { get; init; }

    /// <summary>The logistic weights w [K].</summary>
    public required IReadOnlyList<double> Weights { get; init; }

    /// <summary>The logistic bias b.</summary>
    public required double Bias { get; init; }

    /// <summary>The TF-IDF vector t of a bag's instance probabilities.</summary>
    public double[] Features(ReadOnlySpan<float> probabilities) =>
        PredictionHistogram.TfIdf(PredictionHistogram.Counts(probabilities, Bins), InverseDocumentFrequencies.ToArray());

    /// <summary>The patient probability P = σ(wᵀt + b) of a bag's instance probabilities.</summary>
    public float Probability(ReadOnlySpan<float> probabilities)
    {
        var t = Features(probabilities);
        double z = Bias;
        for (int k = 0; k < Bins; k++)
        {
            z += Weights[k] * t[k];
        }
        return (float)(1 / (1 + Math.Exp(-z)));
    }

    /// <summary>
    /// Fits the idf and the logistic regression on training bags (<paramref name="bagProbabilities"/>: each bag's instance
    /// probabilities) with labels <paramref name="labels"/>; L2 penalty <paramref name="l2"/> on w (see <see cref="LogisticRegression"/>).
    /// </summary>
    public static HistogramClassifier Fit(IReadOnlyList<float[]> bagProbabilities, IReadOnlyList<bool> labels, int bins, double l2)
    {
        var counts = bagProbabilities.Select(p => PredictionHistogram.Counts(p, bins)).ToArray();
        var idf = PredictionHistogram.InverseDocumentFrequencies(counts, bins);
        var rows = counts.Select(c => PredictionHistogram.TfIdf(c, idf)).ToArray();
        var (weights, bias) = LogisticRegression.Fit(rows, labels, l2);
        return new HistogramClassifier { Bins = bins, InverseDocumentFrequencies = idf, Weights = weights, Bias = bias };
    }
}
