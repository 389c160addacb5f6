using OlnmMl.Learners.Statistics;

namespace OlnmMl.Learners.Clinical;

/// <summary>
/// Unpenalised maximum-likelihood logistic regression P(y = 1 | x) = σ(β₀ + xβ) by Newton–Raphson:
/// β ← β + (XᵀWX)⁻¹ Xᵀ(y − p), W = diag(p(1 − p)), until max |Δβ| &lt; 10⁻¹⁰. The Wald covariance is (XᵀWX)⁻¹ at
/// the optimum.
/// </summary>
public static class LogisticRegression
{
    /// <summary>Fits on row-major <paramref name="x"/> (n × d) and returns the table (intercept first).</summary>
    /// <param name="x">Predictors, row-major.</param>
    /// <param name="labels">Outcome per row.</param>
    /// <param name="names">Predictor names (d).</param>
    /// <param name="confidenceLevel">Level of the odds-ratio intervals, e.g. 0.95.</param>
    /// <param name="maxIterations">Newton iterations allowed.</param>
    /// <exception cref="InvalidOperationException">When the information matrix is singular (collinear or constant predictors) or the fit does not converge (separation), naming the predictor.</exception>
    public static IReadOnlyList<LogisticCoefficient> Fit(ReadOnlySpan<double> x, ReadOnlySpan<bool> labels, IReadOnlyList<string> names,
        double confidenceLevel = 0.95, int maxIterations = 100)
    {
        var n = labels.Length;
        var d = names.Count;
        var p = d + 1;
        if (x.Length != n * d) throw new ArgumentException($"Expected {n} × {d} predictor values, got {x.Length}.", nameof(x));
        if (n <= p) throw new ArgumentException($"{n} rows cannot identify {p} logistic coefficients.", nameof(labels));
        var beta = new double[p];
        var h = new double[p * p];
        var g = new double[p];
        var row = new double[p];
        var converged = false;
        for (int iter = 0; iter < maxIterations && !converged; iter++)
        {
            Array.Clear(h);
            Array.Clear(g);
            for (int i = 0; i < n; i++)
            {
                row[0] = 1;
                x.Slice(i * d, d).CopyTo(row.AsSpan(1));
                double eta = 0;
                for (int j = 0; j < p; j++) eta += row[j] * beta[j];
                var pi = 1 / (1 + Math.Exp(-eta));
                var w = pi * (1 - pi);
                var r = (labels[i] ? 1 : 0) - pi;
                for (int a = 0; a < p; a++)
                {
                    g[a] += row[a] * r;
                    for (int b = 0; b <= a; b++) h[a * p + b] += w * row[a] * row[b];
                }
            }
            double[] step;
            try
            {
                step = Cholesky.Solve(h, p, g, names);
            }
            catch (InvalidOperationException) when (iter > 0)
            {
                throw Separation(beta, names, iter);
            }
            var maxStep = 0.0;
            for (int j = 0; j < p; j++)
            {
                beta[j] += step[j];
                maxStep = Math.Max(maxStep, Math.Abs(step[j]));
            }
            converged = maxStep < 1e-10;
        }
        if (!converged) throw Separation(beta, names, maxIterations);

        var covariance = Cholesky.Inverse(h, p, names);
        var zCrit = Normal.Quantile(0.5 + confidenceLevel / 2);
        var table = new LogisticCoefficient[p];
        for (int j = 0; j < p; j++)
        {
            var se = Math.Sqrt(covariance[j * p + j]);
            var z = beta[j] / se;
            table[j] = new LogisticCoefficient(j == 0 ? "(Intercept)" : names[j - 1], beta[j], se, z, Normal.TwoSidedP(z),
                Math.Exp(beta[j]), Math.Exp(beta[j] - zCrit * se), Math.Exp(beta[j] + zCrit * se));
        }
        return table;
    }

    private static InvalidOperationException Separation(double[] beta, IReadOnlyList<string> names, int iterations)
    {
        var worst = Enumerable.Range(1, names.Count).MaxBy(j => Math.Abs(beta[j]));
        return new InvalidOperationException($"Logistic regression did not converge after {iterations} iterations (fitted probabilities reach 0 or 1); predictor '{names[worst - 1]}' (β = {beta[worst]:G4}) probably separates the classes, alone or with others.");
    }
}
