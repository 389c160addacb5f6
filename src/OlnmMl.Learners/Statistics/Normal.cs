namespace OlnmMl.Learners.Statistics;

/// <summary>The standard normal distribution.</summary>
public static class Normal
{
    /// <summary>
    /// erfc(x) by the Chebyshev-fitted approximation of Numerical Recipes (erfcc): relative error &lt; 1.2·10⁻⁷ for all x.
    /// </summary>
    public static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1.0 / (1.0 + 0.5 * z);
        var ans = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 +
            t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 +
            t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? ans : 2.0 - ans;
    }

    /// <summary>Φ(z) = ½ erfc(−z/√2).</summary>
    public static double Cdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    /// <summary>Two-sided p-value 2(1 − Φ(|z|)) = erfc(|z|/√2).</summary>
    public static double TwoSidedP(double z) => Erfc(Math.Abs(z) / Math.Sqrt(2));

    /// <summary>Φ⁻¹(p) by bisection on <see cref="Cdf"/> (e.g. 1.95996 for p = 0.975).</summary>
    public static double Quantile(double p)
    {
        if (!(p > 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "A probability in (0, 1) is required.");
        double lo = -40, hi = 40;
        for (int i = 0; i < 200; i++)
        {
            var mid = 0.5 * (lo + hi);
            if (Cdf(mid) < p) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }
}
