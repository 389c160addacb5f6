using OlnmMl.Evaluation.Bootstrap;
using OlnmMl.Evaluation.Survival;

namespace OlnmMl.Evaluation.Calibration;

/// <summary>
/// A loess-free smoothed calibration curve: the logistic regression of the outcome on a restricted cubic spline of
/// L = logit(p) (Harrell 2015, §2.4.5; Austin &amp; Steyerberg 2019),
/// logit P(y = 1 | p) = β₀ + β₁L + Σⱼ₌₁ᵏ⁻² βⱼ₊₁ Sⱼ(L), with knots t₁ &lt; … &lt; tₖ at Harrell's percentiles of L: k = 4 at the
/// 5th, 35th, 65th and 95th (his default), or k = 3 at the 10th, 50th and 90th for fewer than <see cref="FewCases"/> cases
/// (his advice for small samples: fewer wiggles where the data cannot support them), and Sⱼ(L) = [(L − tⱼ)₊³ − (L − tₖ₋₁)₊³ (tₖ − tⱼ)/(tₖ − tₖ₋₁) + (L − tₖ)₊³ (tₖ₋₁ − tⱼ)/(tₖ − tₖ₋₁)] / (tₖ − t₁)²,
/// linear beyond the outer knots. The curve is the fitted P(y = 1 | p) over a grid of p between the smallest and largest
/// prediction; <see cref="Ici"/> is the integrated calibration index, the mean over cases of |P̂(y = 1 | pᵢ) − pᵢ|.
/// Probabilities are clamped to [1e-15, 1 − 1e-15] before the logit, NaN ones dropped. Maximum likelihood by
/// Newton–Raphson; fewer than k distinct predictions, coinciding knots, or no convergence (separation) give an empty
/// curve, NaN ICI and <see cref="UndefinedReason"/>.
/// </summary>
/// <param name="Predicted">Grid of predicted probabilities, ascending.</param>
/// <param name="Observed">Smoothed observed frequency at each grid point.</param>
/// <param name="Knots">The knots, on the logit scale.</param>
/// <param name="Ici">Integrated calibration index (0 = perfect).</param>
/// <param name="UndefinedReason">Why the curve is empty; null otherwise.</param>
public sealed record SmoothedCalibration(double[] Predicted, double[] Observed, double[] Knots, double Ici, string? UndefinedReason)
{
    /// <summary>Below this many cases the spline has 3 knots instead of 4.</summary>
    public const int FewCases = 100;

    /// <summary>The knots' percentiles of logit(p) for <paramref name="cases"/> cases.</summary>
    public static double[] KnotQuantiles(int cases) => cases < FewCases ? [0.10, 0.50, 0.90] : [0.05, 0.35, 0.65, 0.95];

    private const double Clamp = 1e-15;
    private const int MaxIterations = 100;
    private const double Tolerance = 1e-9;

    /// <summary>Number of grid points when none are given: evenly spaced from the smallest to the largest prediction.</summary>
    public const int DefaultGridPoints = 100;

    /// <summary>Fits the curve and evaluates it at <paramref name="grid"/>, or at <see cref="DefaultGridPoints"/> predictions evenly spaced over the observed range.</summary>
    /// <param name="probabilities">Predicted probability per case, in [0, 1] (NaN = missing).</param>
    /// <param name="labels">One label per case: true = positive.</param>
    /// <param name="grid">Predicted probabilities to evaluate the curve at, in [0, 1]; null = the default grid.</param>
    /// <exception cref="ArgumentException">Lengths differ, or a probability (or grid point) is outside [0, 1].</exception>
    public static SmoothedCalibration Compute(ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> labels, IReadOnlyList<double>? grid = null)
    {
        CaseSet.RequireSameLength(probabilities.Length, labels.Length, nameof(probabilities));
        Probabilities.Require(probabilities, nameof(probabilities));
        if (grid is not null) Probabilities.Require([.. grid], nameof(grid));
        var logits = new List<double>();
        var outcomes = new List<double>();
        for (int i = 0; i < probabilities.Length; i++)
        {
            if (double.IsNaN(probabilities[i])) continue;
            logits.Add(Logit(probabilities[i]));
            outcomes.Add(labels[i] ? 1 : 0);
        }

        double[] sorted = [.. logits.Order()];
        double[] knots = [.. KnotQuantiles(sorted.Length).Select(q => sorted.Length == 0 ? double.NaN : Quantile.OfSorted(sorted, q))];
        if (sorted.Distinct().Count() < knots.Length || knots.Zip(knots.Skip(1)).Any(k => !(k.Second > k.First)))
        {
            return new SmoothedCalibration([], [], knots, double.NaN, Undefined.TooFewForSpline);
        }

        double[][] design = [.. logits.Select(l => Basis(l, knots))];
        if (Fit(design, [.. outcomes]) is not { } beta)
        {
            return new SmoothedCalibration([], [], knots, double.NaN, Undefined.NoCalibrationFit);
        }

        double ici = logits.Select(l => Math.Abs(Predict(beta, Basis(l, knots)) - Logistic(l))).Average();
        double low = Logistic(sorted[0]), high = Logistic(sorted[^1]);
        double[] at = grid is null ? [.. Enumerable.Range(0, DefaultGridPoints).Select(i => low + (high - low) * i / (DefaultGridPoints - 1))] : [.. grid];
        double[] observed = [.. at.Select(p => Predict(beta, Basis(Logit(p), knots)))];
        return new SmoothedCalibration(at, observed, knots, ici, null);
    }

    /// <summary>(1, L, S₁(L), …, Sₖ₋₂(L)) of the restricted cubic spline with <paramref name="knots"/>.</summary>
    public static double[] Basis(double l, IReadOnlyList<double> knots)
    {
        int k = knots.Count;
        double tLast = knots[k - 1], tPenultimate = knots[k - 2], scale = (tLast - knots[0]) * (tLast - knots[0]);
        var basis = new double[k];
        basis[0] = 1;
        basis[1] = l;
        for (int j = 0; j < k - 2; j++)
        {
            double tj = knots[j];
            basis[j + 2] = (Cube(l - tj) - Cube(l - tPenultimate) * (tLast - tj) / (tLast - tPenultimate) + Cube(l - tLast) * (tPenultimate - tj) / (tLast - tPenultimate)) / scale;
        }

        return basis;
    }

    // Newton–Raphson for the logistic regression of y on the design rows; null when singular or not converged.
    private static double[]? Fit(double[][] x, double[] y)
    {
        int p = x[0].Length;
        var beta = new double[p];
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            var gradient = new double[p];
            var information = new double[p * p];
            for (int i = 0; i < x.Length; i++)
            {
                double mu = Predict(beta, x[i]), w = mu * (1 - mu);
                for (int a = 0; a < p; a++)
                {
                    gradient[a] += (y[i] - mu) * x[i][a];
                    for (int b = 0; b <= a; b++) information[a * p + b] += w * x[i][a] * x[i][b];
                }
            }

            for (int a = 0; a < p; a++)
            {
                for (int b = a + 1; b < p; b++) information[a * p + b] = information[b * p + a];
            }

            if (!Cholesky.Decompose(information, p)) return null;
            Cholesky.Solve(information, p, gradient);
            double largest = 0;
            for (int a = 0; a < p; a++)
            {
                beta[a] += gradient[a];
                largest = Math.Max(largest, Math.Abs(gradient[a]));
            }

            if (!double.IsFinite(largest)) return null;
            if (largest < Tolerance) return beta;
        }

        return null;
    }

    private static double Predict(double[] beta, double[] basis)
    {
        double eta = 0;
        for (int a = 0; a < beta.Length; a++) eta += beta[a] * basis[a];
        return Logistic(eta);
    }

    private static double Cube(double v) => v > 0 ? v * v * v : 0;

    private static double Logit(double p)
    {
        p = Math.Clamp(p, Clamp, 1 - Clamp);
        return Math.Log(p / (1 - p));
    }

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
