namespace OlnmMl.Evaluation.Calibration;

/// <summary>Brier score B = (1/N) Σ (pᵢ − yᵢ)², y ∈ {0, 1}; NaN probabilities are dropped; no cases gives NaN.</summary>
public static class BrierScore
{
    /// <summary>Computes the Brier score.</summary>
    /// <param name="probabilities">Predicted probability of the positive class per case, in [0, 1].</param>
    /// <param name="labels">One label per case: true = positive.</param>
    /// <exception cref="ArgumentException">Lengths differ or a probability is outside [0, 1].</exception>
    public static double Compute(ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> labels)
    {
        CaseSet.RequireSameLength(probabilities.Length, labels.Length, nameof(probabilities));
        Probabilities.Require(probabilities, nameof(probabilities));
        double sum = 0;
        int count = 0;
        for (int i = 0; i < probabilities.Length; i++)
        {
            if (double.IsNaN(probabilities[i])) continue;
            double error = probabilities[i] - (labels[i] ? 1 : 0);
            sum += error * error;
            count++;
        }

        return count == 0 ? double.NaN : sum / count;
    }
}
