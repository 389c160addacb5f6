using OlnmMl.Torch.Mil;

namespace OlnmMl.Torch.Tests.Mil;

public sealed class PredictionHistogramTests
{
    [Fact]
    public void Counts_equal_a_hand_count()
    {
        // K = 4 bins [0, .25), [.25, .5), [.5, .75), [.75, 1]: 0.0 and 0.2 → 0; 0.25 → 1; 0.74 → 2; 0.75, 0.9 and 1.0 → 3.
        Assert.Equal([2, 1, 1, 3], PredictionHistogram.Counts([0.2f, 0.75f, 0f, 1f, 0.25f, 0.74f, 0.9f], 4));
    }

    [Fact]
    public void Tf_idf_features_equal_a_hand_calculation()
    {
        // Three bags over K = 2 bins: df = (3, 1) → idf = (ln(4/4) + 1, ln(4/2) + 1) = (1, 1 + ln 2).
        int[][] counts = [[3, 1], [2, 0], [5, 0]];
        var idf = PredictionHistogram.InverseDocumentFrequencies(counts, 2);
        Assert.Equal(1, idf[0], 12);
        Assert.Equal(1 + Math.Log(2), idf[1], 12);
        // Bag 0: tf = (3/4, 1/4), t = (0.75, 0.25·(1 + ln 2)) / ‖·‖.
        double a = 0.75, b = 0.25 * (1 + Math.Log(2)), norm = Math.Sqrt(a * a + b * b);
        var t = PredictionHistogram.TfIdf(counts[0], idf);
        Assert.Equal(a / norm, t[0], 12);
        Assert.Equal(b / norm, t[1], 12);
    }

    [Fact]
    public void Histogram_classifier_separates_bags_whose_histograms_differ()
    {
        // Positive bags have instance probabilities near 0.9, negatives near 0.1; the classifier must order them.
        float[][] bags = [[0.9f, 0.85f, 0.1f], [0.95f, 0.2f], [0.1f, 0.05f, 0.15f], [0.2f, 0.1f]];
        bool[] labels = [true, true, false, false];
        var classifier = HistogramClassifier.Fit(bags, labels, bins: 10, l2: 1e-3);
        var p = bags.Select(b => classifier.Probability(b)).ToArray();
        Assert.True(Math.Min(p[0], p[1]) > Math.Max(p[2], p[3]), string.Join(", ", p));
    }
}
