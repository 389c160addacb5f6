namespace OlnmMl.Evaluation.Roc;

/// <summary>
/// Area under the precision–recall curve as average precision (step interpolation, tied scores
/// form one threshold): AP = Σₖ (Rₖ − Rₖ₋₁)·Pₖ over the distinct scores taken in decreasing order,
/// where Rₖ and Pₖ are recall and precision when all cases with score ≥ the k-th score are called
/// positive (R₀ = 0). Non-finite scores are dropped; no positive case gives NaN.
/// </summary>
public static class AveragePrecision
{
    /// <summary>Computes AP.</summary>
    /// <param name="scores">One score per case.</param>
    /// <param name="labels">One label per case: true = positive.</param>
    public static double Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        var sweep = ThresholdSweep.Build(scores, labels);
        if (sweep.Positives == 0) return double.NaN;
        double ap = 0;
        for (int k = 1; k < sweep.Thresholds.Length; k++)
        {
            int newPositives = sweep.TruePositives[k] - sweep.TruePositives[k - 1];
            if (newPositives == 0) continue;
            double precision = (double)sweep.TruePositives[k] / (sweep.TruePositives[k] + sweep.FalsePositives[k]);
            ap += (double)newPositives / sweep.Positives * precision;
        }

        return ap;
    }
}
