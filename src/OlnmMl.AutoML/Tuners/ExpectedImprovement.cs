namespace OlnmMl.AutoML.Tuners;

/// <summary>
/// Expected improvement for minimisation: with d = f* − μ − ξ and z = d/σ,
/// EI = d·Φ(z) + σ·φ(z) (σ &gt; 0), and max(d, 0) when σ = 0. Φ uses the Numerical Recipes Chebyshev
/// approximation of erfc (relative error below 1.2e−7).
/// </summary>
public static class ExpectedImprovement
{
    /// <summary>EI of a point with predictive mean <paramref name="mean"/> and SD <paramref name="sd"/> against incumbent <paramref name="best"/>.</summary>
    public static double Compute(double mean, double sd, double best, double xi = 0.0)
    {
        var d = best - mean - xi;
        if (sd <= 1e-12)
        {
            return Math.Max(d, 0);
        }

        var z = d / sd;
        return (d * NormalCdf(z)) + (sd * NormalPdf(z));
    }

    /// <summary>Standard normal density φ(z) = exp(−z²/2)/√(2π).</summary>
    public static double NormalPdf(double z) => Math.Exp(-0.5 * z * z) / Math.Sqrt(2 * Math.PI);

    /// <summary>Standard normal distribution function Φ(z) = erfc(−z/√2)/2.</summary>
    public static double NormalCdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    private static readonly double[] ErfcCoefficients =
        [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];

    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        var polynomial = 0.0;
        for (var i = ErfcCoefficients.Length - 1; i >= 0; i--)
        {
            polynomial = (polynomial * t) + ErfcCoefficients[i];
        }

        var r = t * Math.Exp(-(z * z) + polynomial);
        return x >= 0 ? r : 2 - r;
    }
}
