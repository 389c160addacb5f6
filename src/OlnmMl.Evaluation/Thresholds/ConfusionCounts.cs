namespace OlnmMl.Evaluation.Thresholds;

/// <summary>The 2 × 2 table at a cut-off: a case is called positive when score ≥ threshold.</summary>
/// <param name="TruePositives">Positive label, called positive.</param>
/// <param name="FalsePositives">Negative label, called positive.</param>
/// <param name="TrueNegatives">Negative label, called negative.</param>
/// <param name="FalseNegatives">Positive label, called negative.</param>
public sealed record ConfusionCounts(int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives)
{
    /// <summary>Counts the table; non-finite scores are skipped.</summary>
    /// <param name="scores">One score per case.</param>
    /// <param name="labels">One label per case: true = positive.</param>
    /// <param name="threshold">The cut-off (score ≥ threshold is positive).</param>
    public static ConfusionCounts At(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, double threshold)
    {
        CaseSet.RequireSameLength(scores.Length, labels.Length);
        var tally = new Tally();
        for (int i = 0; i < scores.Length; i++) tally.Add(scores[i], labels[i], threshold);
        return tally.ToCounts();
    }

    /// <summary>Counts the table over the cases <paramref name="cases"/> (indices, repeats counted, as in a bootstrap replicate).</summary>
    internal static ConfusionCounts At(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, double threshold, ReadOnlySpan<int> cases)
    {
        var tally = new Tally();
        foreach (var i in cases) tally.Add(scores[i], labels[i], threshold);
        return tally.ToCounts();
    }

    private struct Tally
    {
        private int tp, fp, tn, fn;

        public void Add(double score, bool label, double threshold)
        {
            if (!double.IsFinite(score)) return;
            bool called = score >= threshold;
            if (label)
            {
                if (called) tp++;
                else fn++;
            }
            else if (called) fp++;
            else tn++;
        }

        public readonly ConfusionCounts ToCounts() => new(tp, fp, tn, fn);
    }
}
