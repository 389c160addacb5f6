namespace OlnmMl.Evaluation.Survival;

/// <summary>In-place Cholesky factorisation A = LLᵀ of a small symmetric positive-definite matrix (row-major p × p), with solve and inverse.</summary>
internal static class Cholesky
{
    /// <summary>Overwrites the lower triangle of <paramref name="a"/> with L; false when A is not positive definite (to a relative 1e-12 of its diagonal).</summary>
    public static bool Decompose(Span<double> a, int p)
    {
        for (int j = 0; j < p; j++)
        {
            double original = a[j * p + j];
            double diagonal = original;
            for (int k = 0; k < j; k++) diagonal -= a[j * p + k] * a[j * p + k];
            if (!(diagonal > 1e-12 * Math.Abs(original))) return false;
            double root = Math.Sqrt(diagonal);
            a[j * p + j] = root;
            for (int i = j + 1; i < p; i++)
            {
                double sum = a[i * p + j];
                for (int k = 0; k < j; k++) sum -= a[i * p + k] * a[j * p + k];
                a[i * p + j] = sum / root;
            }
        }

        return true;
    }

    /// <summary>Solves A x = b in place (<paramref name="b"/> becomes x) from the factor of <see cref="Decompose"/>.</summary>
    public static void Solve(ReadOnlySpan<double> factor, int p, Span<double> b)
    {
        for (int i = 0; i < p; i++)
        {
            double sum = b[i];
            for (int k = 0; k < i; k++) sum -= factor[i * p + k] * b[k];
            b[i] = sum / factor[i * p + i];
        }

        for (int i = p - 1; i >= 0; i--)
        {
            double sum = b[i];
            for (int k = i + 1; k < p; k++) sum -= factor[k * p + i] * b[k];
            b[i] = sum / factor[i * p + i];
        }
    }

    /// <summary>A⁻¹ (row-major p × p) from the factor of <see cref="Decompose"/>.</summary>
    public static double[] Inverse(ReadOnlySpan<double> factor, int p)
    {
        var inverse = new double[p * p];
        var column = new double[p];
        for (int j = 0; j < p; j++)
        {
            Array.Clear(column);
            column[j] = 1;
            Solve(factor, p, column);
            for (int i = 0; i < p; i++) inverse[i * p + j] = column[i];
        }

        return inverse;
    }
}
