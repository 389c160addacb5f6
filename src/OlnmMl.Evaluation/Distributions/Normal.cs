namespace OlnmMl.Evaluation.Distributions;

/// <summary>The standard normal distribution: CDF, upper tail, quantile.</summary>
public static class Normal
{
    private const double InverseSqrtPi = 0.56418958354775628695;
    private const double Sqrt2 = 1.41421356237309504880;

    /// <summary>Φ(x) = ½·erfc(−x/√2). Accurate to about 1e-15 relative in both tails.</summary>
    /// <param name="x">The point; NaN gives NaN.</param>
    public static double Cdf(double x) => 0.5 * Erfc(-x / Sqrt2);

    /// <summary>Two-sided p-value of a standard normal statistic: 2·Φ(−|z|). NaN gives NaN.</summary>
    /// <param name="z">The statistic.</param>
    public static double TwoSidedP(double z) => double.IsNaN(z) ? double.NaN : Math.Min(1.0, Erfc(Math.Abs(z) / Sqrt2));

    /// <summary>
    /// Φ⁻¹(p): the quantile, by Newton iterations on <see cref="Cdf"/> from a logistic-type start;
    /// accurate to about 1e-15 for p in (1e-300, 1 − 1e-16). Φ⁻¹(0) = −∞, Φ⁻¹(1) = +∞.
    /// </summary>
    /// <param name="p">Probability in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="p"/> is outside [0, 1] or NaN.</exception>
    public static double Quantile(double p)
    {
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "Normal quantile: probability must lie in [0, 1].");
        }

        if (p == 0) return double.NegativeInfinity;
        if (p == 1) return double.PositiveInfinity;
        if (p > 0.5) return -Quantile(1 - p);

        // Start: tail approximation x ≈ −sqrt(−2 ln p − ln(−2π ln p)) (good for small p), else linear near 0.5.
        double x = p < 0.3
            ? -Math.Sqrt(-2 * Math.Log(p) - Math.Log(-2 * Math.PI * Math.Log(p)))
            : (p - 0.5) * Math.Sqrt(2 * Math.PI);
        for (int iteration = 0; iteration < 100; iteration++)
        {
            double error = Cdf(x) - p;
            double density = Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI);
            if (density == 0) break;
            // Halley step for Φ(x) − p: Φ'' = −xφ.
            double newton = error / density;
            double step = newton / (1 + 0.5 * x * newton);
            x -= step;
            if (Math.Abs(step) <= 1e-15 * Math.Max(1, Math.Abs(x))) break;
        }

        return x;
    }

    /// <summary>
    /// Complementary error function erfc(x) = 1 − erf(x). For |x| &lt; 2.5 the series
    /// erf(x) = (2/√π)·e^(−x²)·Σ 2ⁿx^(2n+1)/(1·3·…·(2n+1)) (positive terms, no cancellation);
    /// beyond, the continued fraction erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))).
    /// </summary>
    /// <param name="x">The point.</param>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (x < 0) return 2 - Erfc(-x);
        if (x < 2.5) return 1 - ErfSeries(x);
        if (x > 27.3) return 0; // below the smallest double

        // Modified Lentz evaluation of the continued fraction with partial numerators k/2.
        const double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int k = 1; k < 500; k++)
        {
            double a = k * 0.5;
            d = x + a * d;
            d = d == 0 ? tiny : d;
            c = x + a / c;
            c = c == 0 ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-16) break;
        }

        return Math.Exp(-x * x) * InverseSqrtPi / f;
    }

    private static double ErfSeries(double x)
    {
        double x2 = x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < 200; n++)
        {
            term *= 2 * x2 / (2 * n + 1);
            sum += term;
            if (term < 1e-17 * sum) break;
        }

        return 2 * InverseSqrtPi * Math.Exp(-x2) * sum;
    }
}
