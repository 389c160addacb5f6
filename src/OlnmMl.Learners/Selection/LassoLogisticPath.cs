namespace OlnmMl.Learners.Selection;

/// <summary>
/// L1-penalised logistic regression along a decreasing λ path by cyclic coordinate descent on the IRLS quadratic
/// approximation (Friedman, Hastie &amp; Tibshirani 2010, "glmnet"): minimise
/// −(1/n) Σ [y_i η_i − log(1 + e^{η_i})] + λ Σ_j |β_j| with η = β₀ + zβ on z-scored features (mean and population
/// SD of the fitting rows; the intercept is not penalised). Each coordinate update is
/// β_j ← S((1/n) Σ w_i z_ij r_i + v_j β_j, λ) / v_j with v_j = (1/n) Σ w_i z_ij², S the soft threshold, w = p(1 − p) and
/// r the working residual; sweeps alternate between all coordinates and the active set until no new coordinate enters.
/// </summary>
internal sealed class LassoLogisticPath
{
    private const double MinWeight = 1e-5;
    private readonly double[] _means;
    private readonly double[] _sds;

    private LassoLogisticPath(double[] means, double[] sds, double[] intercepts, double[][] coefficients)
    {
        _means = means;
        _sds = sds;
        Intercepts = intercepts;
        Coefficients = coefficients;
    }

    /// <summary>β₀ per λ.</summary>
    public double[] Intercepts { get; }

    /// <summary>β (on z-scores) per λ.</summary>
    public double[][] Coefficients { get; }

    /// <summary>λ_max = max_j |(1/n) Σ z_ij (y_i − ȳ)|, the smallest λ at which every β_j is 0.</summary>
    public static double LambdaMax(double[] x, int d, int[] rows, bool[] y)
    {
        var (z, _, _) = Standardize(x, d, rows);
        var n = rows.Length;
        var yBar = rows.Count(i => y[i]) / (double)n;
        double max = 0;
        for (int j = 0; j < d; j++)
        {
            double g = 0;
            for (int k = 0; k < n; k++) g += z[j * n + k] * ((y[rows[k]] ? 1 : 0) - yBar);
            max = Math.Max(max, Math.Abs(g) / n);
        }
        return max;
    }

    /// <summary>Fits the path on <paramref name="rows"/> of row-major <paramref name="x"/> (d columns).</summary>
    public static LassoLogisticPath Fit(double[] x, int d, int[] rows, bool[] labels, double[] lambdas, double tolerance, int maxSweeps)
    {
        var n = rows.Length;
        var (z, means, sds) = Standardize(x, d, rows);
        var y = rows.Select(i => labels[i] ? 1.0 : 0.0).ToArray();
        var yBar = y.Average();
        var b0 = Math.Log(yBar / (1 - yBar));
        var beta = new double[d];
        var eta = new double[n];
        Array.Fill(eta, b0);
        var w = new double[n];
        var r = new double[n];
        var v = new double[d];
        var intercepts = new double[lambdas.Length];
        var coefficients = new double[lambdas.Length][];

        for (int l = 0; l < lambdas.Length; l++)
        {
            var lambda = lambdas[l];
            for (int irls = 0; irls < 25; irls++)
            {
                for (int i = 0; i < n; i++)
                {
                    var p = 1 / (1 + Math.Exp(-eta[i]));
                    w[i] = Math.Max(p * (1 - p), MinWeight);
                    r[i] = (y[i] - p) / w[i];
                }
                for (int j = 0; j < d; j++)
                {
                    var col = z.AsSpan(j * n, n);
                    double s = 0;
                    for (int i = 0; i < n; i++) s += w[i] * col[i] * col[i];
                    v[j] = s / n;
                }

                var outerChange = 0.0;
                var sweeps = 0;
                var fullSweep = true;
                while (sweeps++ < maxSweeps)
                {
                    var (change, entered) = Sweep(z, n, d, w, r, eta, beta, v, lambda, ref b0, fullSweep);
                    outerChange = Math.Max(outerChange, change);
                    if (change < tolerance)
                    {
                        if (fullSweep && !entered) break;
                        fullSweep = true; // active set converged: check all coordinates
                    }
                    else
                    {
                        fullSweep = false;
                    }
                }
                if (outerChange < tolerance) break;
            }
            intercepts[l] = b0;
            coefficients[l] = (double[])beta.Clone();
        }
        return new LassoLogisticPath(means, sds, intercepts, coefficients);
    }

    /// <summary>Linear predictor η of a raw row at path position <paramref name="l"/>.</summary>
    public double LinearPredictor(int l, ReadOnlySpan<double> row)
    {
        var eta = Intercepts[l];
        var beta = Coefficients[l];
        for (int j = 0; j < beta.Length; j++)
            if (beta[j] != 0 && _sds[j] > 0) eta += beta[j] * (row[j] - _means[j]) / _sds[j];
        return eta;
    }

    private static (double Change, bool Entered) Sweep(double[] z, int n, int d, double[] w, double[] r, double[] eta,
        double[] beta, double[] v, double lambda, ref double b0, bool all)
    {
        double change = 0;
        var entered = false;
        for (int j = 0; j < d; j++)
        {
            if (!all && beta[j] == 0) continue;
            if (v[j] <= 0) continue;
            var col = z.AsSpan(j * n, n);
            double g = 0;
            for (int i = 0; i < n; i++) g += w[i] * col[i] * r[i];
            var u = g / n + v[j] * beta[j];
            var updated = Math.Sign(u) * Math.Max(Math.Abs(u) - lambda, 0) / v[j];
            var delta = updated - beta[j];
            if (delta == 0) continue;
            if (beta[j] == 0) entered = true;
            for (int i = 0; i < n; i++)
            {
                r[i] -= col[i] * delta;
                eta[i] += col[i] * delta;
            }
            beta[j] = updated;
            change = Math.Max(change, v[j] * delta * delta);
        }

        double sw = 0, swr = 0;
        for (int i = 0; i < n; i++) { sw += w[i]; swr += w[i] * r[i]; }
        var d0 = swr / sw;
        b0 += d0;
        for (int i = 0; i < n; i++) { r[i] -= d0; eta[i] += d0; }
        change = Math.Max(change, sw / n * d0 * d0);
        return (change, entered);
    }

    private static (double[] Z, double[] Means, double[] Sds) Standardize(double[] x, int d, int[] rows)
    {
        var n = rows.Length;
        var z = new double[n * d];
        var means = new double[d];
        var sds = new double[d];
        for (int j = 0; j < d; j++)
        {
            var col = z.AsSpan(j * n, n);
            for (int k = 0; k < n; k++) col[k] = x[rows[k] * d + j];
            double mean = 0;
            foreach (var c in col) mean += c;
            mean /= n;
            double ss = 0;
            foreach (var c in col) ss += (c - mean) * (c - mean);
            var sd = Math.Sqrt(ss / n);
            for (int k = 0; k < n; k++) col[k] = sd > 0 ? (col[k] - mean) / sd : 0;
            means[j] = mean;
            sds[j] = sd;
        }
        return (z, means, sds);
    }
}
