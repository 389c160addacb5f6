namespace OlnmMl.Evaluation.Distributions;

/// <summary>The chi-square distribution.</summary>
public static class ChiSquare
{
    /// <summary>Upper tail P(χ²_k ≥ x) = Q(k/2, x/2) (upper regularised gamma). NaN or k ≤ 0 gives NaN.</summary>
    /// <param name="x">The statistic.</param>
    /// <param name="degreesOfFreedom">k &gt; 0.</param>
    public static double UpperTail(double x, double degreesOfFreedom)
    {
        if (double.IsNaN(x) || !(degreesOfFreedom > 0)) return double.NaN;
        return SpecialFunctions.RegularizedGammaUpper(degreesOfFreedom / 2, x / 2);
    }
}
