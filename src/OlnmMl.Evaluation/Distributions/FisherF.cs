namespace OlnmMl.Evaluation.Distributions;

/// <summary>Fisher–Snedecor F distribution.</summary>
public static class FisherF
{
    /// <summary>
    /// Upper tail P(F_{d1, d2} ≥ f) = I_{d2/(d2 + d1·f)}(d2/2, d1/2) (regularised incomplete beta);
    /// NaN for NaN input or non-positive degrees of freedom, 1 for f ≤ 0.
    /// </summary>
    /// <param name="f">The statistic.</param>
    /// <param name="numeratorDegrees">d1 &gt; 0.</param>
    /// <param name="denominatorDegrees">d2 &gt; 0.</param>
    public static double UpperTail(double f, double numeratorDegrees, double denominatorDegrees)
    {
        if (double.IsNaN(f) || !(numeratorDegrees > 0) || !(denominatorDegrees > 0)) return double.NaN;
        if (f <= 0) return 1;
        if (double.IsPositiveInfinity(f)) return 0;
        return SpecialFunctions.RegularizedBeta(denominatorDegrees / (denominatorDegrees + numeratorDegrees * f), denominatorDegrees / 2, numeratorDegrees / 2);
    }
}
