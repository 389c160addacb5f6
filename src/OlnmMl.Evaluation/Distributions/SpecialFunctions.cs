namespace OlnmMl.Evaluation.Distributions;

/// <summary>Log-gamma and the regularised incomplete beta and gamma functions.</summary>
internal static class SpecialFunctions
{
    // Lanczos approximation, g = 7, n = 9 (relative error about 1e-15).
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7,
    ];

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos, g = 7).</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }

        x -= 1;
        double a = Lanczos[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) a += Lanczos[i] / (x + i);
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(a);
    }

    /// <summary>
    /// I_x(a, b) = B(x; a, b) / B(a, b), by the continued fraction of the incomplete beta
    /// function, using the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) when x &gt; (a + 1)/(a + b + 2).
    /// </summary>
    public static double RegularizedBeta(double x, double a, double b)
    {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        double logFront = LogGamma(a + b) - LogGamma(a) - LogGamma(b) + a * Math.Log(x) + b * Math.Log(1 - x);
        if (x > (a + 1) / (a + b + 2))
        {
            return 1 - Math.Exp(logFront) * BetaFraction(1 - x, b, a) / b;
        }

        return Math.Exp(logFront) * BetaFraction(x, a, b) / a;
    }

    /// <summary>Upper regularised gamma Q(a, x) = Γ(a, x)/Γ(a): series for x &lt; a + 1, continued fraction beyond.</summary>
    public static double RegularizedGammaUpper(double a, double x)
    {
        if (x <= 0) return 1;
        if (double.IsPositiveInfinity(x)) return 0;
        double logFront = a * Math.Log(x) - x - LogGamma(a);
        if (x < a + 1)
        {
            // P(a, x) = e^{−x} x^a / Γ(a) · Σ x^n / (a (a+1) … (a+n)).
            double term = 1 / a;
            double sum = term;
            for (int n = 1; n < 10_000; n++)
            {
                term *= x / (a + n);
                sum += term;
                if (term < sum * 1e-17) break;
            }

            return 1 - Math.Exp(logFront) * sum;
        }

        // Q(a, x) = e^{−x} x^a / Γ(a) · 1/(x + 1 − a − 1·(1−a)/(x + 3 − a − 2·(2−a)/(x + 5 − a − …))) (Lentz).
        const double tiny = 1e-300;
        double bCoef = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / bCoef;
        double h = d;
        for (int i = 1; i < 10_000; i++)
        {
            double an = -i * (i - a);
            bCoef += 2;
            d = an * d + bCoef;
            if (Math.Abs(d) < tiny) d = tiny;
            c = bCoef + an / c;
            if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-16) break;
        }

        return Math.Exp(logFront) * h;
    }

    // Continued fraction for I_x(a, b) (even/odd terms d_{2m}, d_{2m+1}), modified Lentz.
    private static double BetaFraction(double x, double a, double b)
    {
        const double tiny = 1e-300;
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        if (Math.Abs(d) < tiny) d = tiny;
        d = 1 / d;
        double h = d;
        for (int m = 1; m < 10_000; m++)
        {
            int m2 = 2 * m;
            double even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + even * d;
            if (Math.Abs(d) < tiny) d = tiny;
            c = 1 + even / c;
            if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            h *= d * c;
            double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + odd * d;
            if (Math.Abs(d) < tiny) d = tiny;
            c = 1 + odd / c;
            if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-16) break;
        }

        return h;
    }
}
