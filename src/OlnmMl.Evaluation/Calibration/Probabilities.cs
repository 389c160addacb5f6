namespace OlnmMl.Evaluation.Calibration;

/// <summary>Checks that scores are probabilities (finite values in [0, 1]; NaN allowed = missing).</summary>
internal static class Probabilities
{
    public static void Require(ReadOnlySpan<double> probabilities, string parameterName)
    {
        for (int i = 0; i < probabilities.Length; i++)
        {
            double p = probabilities[i];
            if (double.IsNaN(p)) continue;
            if (!(p >= 0 && p <= 1))
            {
                throw new ArgumentOutOfRangeException(parameterName, p, $"'{parameterName}'[{i}] = {p}: predicted probabilities must lie in [0, 1] (NaN marks a missing score).");
            }
        }
    }
}
