namespace OlnmMl.Learners.Svm;

/// <summary>
/// Platt's sigmoid P(y = 1 | f) = 1 / (1 + exp(A f + B)) fitted by the Newton method with backtracking line search of
/// Lin, Lin &amp; Weng (2007, "A note on Platt's probabilistic outputs for support vector machines"), with Platt's
/// regularised targets t₊ = (N₊ + 1)/(N₊ + 2), t₋ = 1/(N₋ + 2).
/// </summary>
public static class PlattScaling
{
    /// <summary>Fits (A, B) on decision values <paramref name="decisions"/> and labels <paramref name="labels"/>.</summary>
    public static (double A, double B) Fit(ReadOnlySpan<double> decisions, ReadOnlySpan<bool> labels)
    {
        const int maxIterations = 100;
        const double minStep = 1e-10, sigma = 1e-12, eps = 1e-5;
        int prior1 = 0;
        foreach (var l in labels) if (l) prior1++;
        int prior0 = labels.Length - prior1;
        var hiTarget = (prior1 + 1.0) / (prior1 + 2.0);
        var loTarget = 1.0 / (prior0 + 2.0);

        double a = 0, b = Math.Log((prior0 + 1.0) / (prior1 + 1.0));
        var fval = Objective(decisions, labels, hiTarget, loTarget, a, b);
        for (int iter = 0; iter < maxIterations; iter++)
        {
            double h11 = sigma, h22 = sigma, h21 = 0, g1 = 0, g2 = 0;
            for (int i = 0; i < decisions.Length; i++)
            {
                var f = decisions[i];
                var fApB = f * a + b;
                double p, q;
                if (fApB >= 0)
                {
                    var e = Math.Exp(-fApB);
                    p = e / (1 + e);
                    q = 1 / (1 + e);
                }
                else
                {
                    var e = Math.Exp(fApB);
                    p = 1 / (1 + e);
                    q = e / (1 + e);
                }
                var d2 = p * q;
                h11 += f * f * d2;
                h22 += d2;
                h21 += f * d2;
                var d1 = (labels[i] ? hiTarget : loTarget) - p;
                g1 += f * d1;
                g2 += d1;
            }

            if (Math.Abs(g1) < eps && Math.Abs(g2) < eps) break;

            var det = h11 * h22 - h21 * h21;
            var dA = -(h22 * g1 - h21 * g2) / det;
            var dB = -(-h21 * g1 + h11 * g2) / det;
            var gd = g1 * dA + g2 * dB;
            var step = 1.0;
            while (step >= minStep)
            {
                var newA = a + step * dA;
                var newB = b + step * dB;
                var newF = Objective(decisions, labels, hiTarget, loTarget, newA, newB);
                if (newF < fval + 0.0001 * step * gd)
                {
                    a = newA;
                    b = newB;
                    fval = newF;
                    break;
                }
                step /= 2;
            }
            if (step < minStep) break;
        }
        return (a, b);
    }

    /// <summary>P(y = 1 | f) = 1 / (1 + exp(A f + B)), evaluated without overflow.</summary>
    public static double Probability(double decision, double a, double b)
    {
        var fApB = decision * a + b;
        return fApB >= 0 ? Math.Exp(-fApB) / (1 + Math.Exp(-fApB)) : 1 / (1 + Math.Exp(fApB));
    }

    private static double Objective(ReadOnlySpan<double> f, ReadOnlySpan<bool> labels, double hi, double lo, double a, double b)
    {
        double sum = 0;
        for (int i = 0; i < f.Length; i++)
        {
            var t = labels[i] ? hi : lo;
            var fApB = f[i] * a + b;
            sum += fApB >= 0 ? t * fApB + Math.Log(1 + Math.Exp(-fApB)) : (t - 1) * fApB + Math.Log(1 + Math.Exp(fApB));
        }
        return sum;
    }
}
