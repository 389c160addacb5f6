namespace OlnmMl.Learners.Clinical;

/// <summary>Cholesky factorisation of a symmetric positive-definite matrix given by its lower triangle (row-major p × p).</summary>
internal static class Cholesky
{
    /// <summary>Solves A s = b.</summary>
    public static double[] Solve(double[] lowerA, int p, double[] b, IReadOnlyList<string> names)
    {
        var l = Factor(lowerA, p, names);
        var y = new double[p];
        for (int i = 0; i < p; i++)
        {
            var s = b[i];
            for (int k = 0; k < i; k++) s -= l[i * p + k] * y[k];
            y[i] = s / l[i * p + i];
        }
        var x = new double[p];
        for (int i = p - 1; i >= 0; i--)
        {
            var s = y[i];
            for (int k = i + 1; k < p; k++) s -= l[k * p + i] * x[k];
            x[i] = s / l[i * p + i];
        }
        return x;
    }

    /// <summary>A⁻¹ (full, row-major).</summary>
    public static double[] Inverse(double[] lowerA, int p, IReadOnlyList<string> names)
    {
        var inverse = new double[p * p];
        var e = new double[p];
        for (int c = 0; c < p; c++)
        {
            Array.Clear(e);
            e[c] = 1;
            var col = Solve(lowerA, p, e, names);
            for (int r = 0; r < p; r++) inverse[r * p + c] = col[r];
        }
        return inverse;
    }

    private static double[] Factor(double[] a, int p, IReadOnlyList<string> names)
    {
        var l = new double[p * p];
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                var s = a[i * p + j];
                for (int k = 0; k < j; k++) s -= l[i * p + k] * l[j * p + k];
                if (i == j)
                {
                    if (s <= 1e-12 * Math.Max(1, Math.Abs(a[i * p + i])))
                        throw new InvalidOperationException($"Logistic information matrix is singular at '{(i == 0 ? "(Intercept)" : names[i - 1])}': the predictor is constant or collinear with earlier ones.");
                    l[i * p + i] = Math.Sqrt(s);
                }
                else
                {
                    l[i * p + j] = s / l[j * p + j];
                }
            }
        }
        return l;
    }
}
