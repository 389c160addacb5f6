namespace OlnmMl.Evaluation.Distributions;

/// <summary>Student's t distribution with real degrees of freedom (Welch–Satterthwaite df need not be integers).</summary>
public static class StudentT
{
    /// <summary>
    /// Two-sided p-value 2·P(T_ν ≥ |t|) = I_{ν/(ν+t²)}(ν/2, ½) (regularised incomplete beta).
    /// ν = +∞ gives the normal p-value; NaN inputs or ν ≤ 0 give NaN.
    /// </summary>
    /// <param name="t">The statistic.</param>
    /// <param name="degreesOfFreedom">ν &gt; 0.</param>
    public static double TwoSidedP(double t, double degreesOfFreedom)
    {
        if (double.IsNaN(t) || !(degreesOfFreedom > 0)) return double.NaN;
        if (double.IsPositiveInfinity(degreesOfFreedom)) return Normal.TwoSidedP(t);
        if (double.IsInfinity(t)) return 0;
        double nu = degreesOfFreedom;
        return Math.Min(1.0, SpecialFunctions.RegularizedBeta(nu / (nu + t * t), nu / 2, 0.5));
    }

    /// <summary>CDF P(T_ν ≤ t), from <see cref="TwoSidedP"/> by symmetry.</summary>
    /// <param name="t">The point.</param>
    /// <param name="degreesOfFreedom">ν &gt; 0.</param>
    public static double Cdf(double t, double degreesOfFreedom)
    {
        double tail = 0.5 * TwoSidedP(t, degreesOfFreedom);
        return t >= 0 ? 1 - tail : tail;
    }
}
