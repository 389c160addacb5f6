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
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            if (!double.IsFinite(scores[i])) continue;
            bool called = scores[i] >= threshold;
            if (labels[i])
            {
                if (called) tp++;
                else fn++;
            }
            else if (called) fp++;
            else tn++;
        }

        return new ConfusionCounts(tp, fp, tn, fn);
    }
}
