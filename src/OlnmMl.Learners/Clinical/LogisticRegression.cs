using OlnmMl.Learners.Statistics;

namespace OlnmMl.Learners.Clinical;

/// <summary>
/// Maximum-likelihood logistic regression P(y = 1 | x) = σ(β₀ + xβ) by Newton–Raphson:
/// β ← β + (XᵀWX)⁻¹ U, U = Xᵀ(y − p), W = diag(p(1 − p)), until max |Δβ| &lt; 10⁻¹⁰. The Wald covariance is (XᵀWX)⁻¹ at
/// the optimum. With Firth's penalty (Firth 1993; R's <c>logistf</c>) the score is Uⱼ* = Σᵢ (yᵢ − pᵢ + hᵢ(½ − pᵢ)) xᵢⱼ,
/// hᵢ the diagonal of the hat matrix W^½X(XᵀWX)⁻¹XᵀW^½: the estimates stay finite when a predictor separates the classes
/// (for one binary predictor they are the log odds of the 2 × 2 table with ½ added to every cell).
/// </summary>
public static class LogisticRegression
{
    /// <summary>The largest Newton step of a Firth fit in any coefficient, as <c>logistf</c>'s <c>maxstep</c> (5).</summary>
    private const double MaxFirthStep = 5;

    /// <summary>Fits on row-major <paramref name="x"/> (n × d) and returns the table (intercept first).</summary>
    /// <param name="x">Predictors, row-major.</param>
    /// <param name="labels">Outcome per row.</param>
    /// <param name="names">Predictor names (d).</param>
    /// <param name="confidenceLevel">Level of the odds-ratio intervals, e.g. 0.95.</param>
    /// <param name="maxIterations">Newton iterations allowed.</param>
    /// <param name="firth">Firth's bias-reduced (penalised) likelihood instead of the plain likelihood.</param>
    /// <exception cref="InvalidOperationException">When the information matrix is singular (collinear or constant predictors) or the fit does not converge (separation, without <paramref name="firth"/>), naming the predictor.</exception>
    public static IReadOnlyList<LogisticCoefficient> Fit(ReadOnlySpan<double> x, ReadOnlySpan<bool> labels, IReadOnlyList<string> names,
        double confidenceLevel = 0.95, int maxIterations = 100, bool firth = false)
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
                var pi = Probability(x, i, beta, row);
                var w = pi * (1 - pi);
                var r = (labels[i] ? 1 : 0) - pi;
                for (int a = 0; a < p; a++)
                {
                    g[a] += row[a] * r;
                    for (int b = 0; b <= a; b++) h[a * p + b] += w * row[a] * row[b];
                }
            }
            if (firth)
            {
                AddFirthScore(x, n, h, g, beta, row, names);
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
            var largest = step.Max(Math.Abs);
            if (firth && largest > MaxFirthStep)
            {
                for (int j = 0; j < p; j++) step[j] *= MaxFirthStep / largest;
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

    /// <summary>Fills <paramref name="row"/> with (1, xᵢ) and returns pᵢ = σ(rowᵀβ).</summary>
    private static double Probability(ReadOnlySpan<double> x, int i, double[] beta, double[] row)
    {
        var d = beta.Length - 1;
        row[0] = 1;
        x.Slice(i * d, d).CopyTo(row.AsSpan(1));
        double eta = 0;
        for (int j = 0; j < beta.Length; j++) eta += row[j] * beta[j];
        return 1 / (1 + Math.Exp(-eta));
    }

    /// <summary>Adds Σᵢ hᵢ(½ − pᵢ)xᵢ to the score <paramref name="g"/>, hᵢ = wᵢ xᵢᵀ(XᵀWX)⁻¹xᵢ from the information <paramref name="h"/> (lower triangle).</summary>
    private static void AddFirthScore(ReadOnlySpan<double> x, int n, double[] h, double[] g, double[] beta, double[] row, IReadOnlyList<string> names)
    {
        var p = beta.Length;
        var inverse = Cholesky.Inverse(h, p, names);
        for (int i = 0; i < n; i++)
        {
            var pi = Probability(x, i, beta, row);
            double quadratic = 0;
            for (int a = 0; a < p; a++)
            {
                for (int b = 0; b < p; b++) quadratic += row[a] * inverse[a * p + b] * row[b];
            }
            var adjustment = pi * (1 - pi) * quadratic * (0.5 - pi);
            for (int a = 0; a < p; a++) g[a] += row[a] * adjustment;
        }
    }

    private static InvalidOperationException Separation(double[] beta, IReadOnlyList<string> names, int iterations)
    {
        var worst = Enumerable.Range(1, names.Count).MaxBy(j => Math.Abs(beta[j]));
        return new InvalidOperationException($"Logistic regression did not converge after {iterations} iterations (fitted probabilities reach 0 or 1); predictor '{names[worst - 1]}' (β = {beta[worst]:G4}) probably separates the classes, alone or with others.");
    }
}
